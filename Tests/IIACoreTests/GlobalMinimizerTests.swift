import Foundation
import Testing
@testable import IIACore

/// A random setting and a dataset for it (expected or simulated).
struct RandomProblem {
    var parameters: ModelParameters
    var counts: PreferenceCounts

    static func draw(_ generator: inout SplitMix64, index: Int) -> RandomProblem {
        func logUniform(_ a: Double, _ b: Double) -> Double { exp(log(a) + (log(b) - log(a)) * generator.nextUniform()) }
        var parameters = ModelParameters(
            m1: Int(logUniform(1, 1000)), m2: Int(logUniform(1, 1e6)), p1: generator.nextUniform(),
            zeta: 0.01 + 0.98 * generator.nextUniform(), k: 2 + Int(generator.next() % 15),
            beta: logUniform(1e-2, 1e2), delta: 3 * generator.nextUniform(), dataSize: logUniform(1, 1e4))
        if index % 2 == 0 {
            return RandomProblem(parameters: parameters, counts: .expected(parameters))
        }
        parameters.dataSize = parameters.dataSize.rounded(.up)
        let counts = PreferenceSimulator(parameters, seed: UInt64(index)).dataset(index: index, size: parameters.dataSize)
        return RandomProblem(parameters: parameters, counts: counts)
    }
}

/// The lowest value of `f` on a dense grid over [-60, 60], refined around the best cell.
func gridMinimum(_ f: (Double) -> Double) -> (point: Double, value: Double) {
    var best = (point: 0.0, value: Double.infinity)
    let count = 12_000
    for index in 0...count {
        let v = -60 + 120 * Double(index) / Double(count)
        let value = f(v)
        if value < best.value { best = (v, value) }
    }
    // Golden-section refinement within the best cell's neighbours.
    var (a, b) = (best.point - 0.005, best.point + 0.005)
    for _ in 0..<80 {
        let c = b - (b - a) * 0.618_033_988_75, d = a + (b - a) * 0.618_033_988_75
        if f(c) < f(d) { b = d } else { a = c }
    }
    let refined = (a + b) / 2
    let value = f(refined)
    return value < best.value ? (refined, value) : best
}

@Suite("Global minimisation")
struct GlobalMinimizerTests {
    /// The random problems of the 1200-setting test, drawn in order from one seed (every chunk
    /// draws them all, so each problem is the same whichever chunk checks it).
    static let randomProblemCount = 1200
    static let randomProblemChunks = 12

    static func randomProblems() -> [RandomProblem] {
        var generator = SplitMix64(seed: 2024)
        return (0..<randomProblemCount).map { RandomProblem.draw(&generator, index: $0) }
    }

    @Test(
        "IL and SLiC: the global minimum on 1200 random settings (expected and simulated data, k ≤ 16)",
        arguments: 0..<randomProblemChunks)
    func matchesDenseGridSearch(chunk: Int) {
        let problems = Self.randomProblems()
        let size = Self.randomProblemCount / Self.randomProblemChunks
        for index in (chunk * size)..<((chunk + 1) * size) {
            let problem = problems[index]
            let il = InclusiveLearningObjective(problem.counts, problem.parameters)
            let slic = SLiCObjective(problem.counts, problem.parameters)
            let objectives: [(String, (Double) -> Double, Minimization)] = [
                ("IL", il.value, GlobalMinimizer.minimize(il)),
                ("SLiC", slic.value, GlobalMinimizer.minimize(slic)),
            ]
            for (name, value, found) in objectives {
                let foundValue = value(found.argmin)
                #expect(found.argmin.isFinite && foundValue.isFinite, "\(name) #\(index): not finite")
                let grid = gridMinimum(value)
                let tolerance = 1e-9 * max(1, abs(grid.value))
                #expect(
                    foundValue <= grid.value + tolerance,
                    "\(name) #\(index) \(problem.parameters) \(problem.counts.commandLineForm): solver \(found.argmin) → \(foundValue), grid \(grid.point) → \(grid.value)")
            }
            // RLPO: the convex reward loss, its minimiser a root of the derivative.
            let likelihood = IIALikelihood(problem.counts)
            let gap = RLHFSolver.minimizeLikelihood(likelihood)
            if likelihood.hasMinimizer {
                let grid = gridMinimum(likelihood.value)
                #expect(likelihood.value(gap.argmin) <= grid.value + 1e-9 * max(1, abs(grid.value)), "RLPO #\(index)")
            }
        }
    }

    @Test("The 1200 random settings exercise the non-convex case (several local minima)")
    func randomProblemsHaveSeveralMinima() {
        var twoMinimumCases = 0
        for problem in Self.randomProblems() {
            let il = InclusiveLearningObjective(problem.counts, problem.parameters)
            let slic = SLiCObjective(problem.counts, problem.parameters)
            for found in [GlobalMinimizer.minimize(il), GlobalMinimizer.minimize(slic)] where found.localMinima.count > 1 {
                twoMinimumCases += 1
            }
        }
        #expect(twoMinimumCases > 5)
    }

    @Test("IL with two far-apart local minima (model.md's example) picks the lower one")
    func twoMinimaExample() {
        let parameters = ModelParameters(m1: 2, m2: 1469, p1: 0.873, zeta: 0.912, k: 7, beta: 10.941, dataSize: 18.4)
        let objective = InclusiveLearningObjective(.expected(parameters), parameters)
        let found = GlobalMinimizer.minimize(objective)
        #expect(found.localMinima.count == 2)
        for other in found.localMinima { #expect(objective.value(other) >= objective.value(found.argmin)) }
        #expect(abs(found.localMinima[1] - found.localMinima[0]) > 3)
        #expect(closeLogOdds(-(found.argmin + parameters.logSizeRatio), 1.6083825002598644))
    }

    /// The root of the one-sided IL derivative n σ(v) + β σ(x)σ(-x)(x + L), x = v + ln(m), found
    /// independently: by bisection on the sign of n (1 + e^x)^2 - β m |x + L| (1 + e^v), the
    /// derivative divided by the positive e^v / ((1 + e^v)(1 + e^x)^2), which needs no logarithms.
    func oneSidedRoot(n: Double, parameters: ModelParameters) -> Double {
        let shift = parameters.logSizeRatio, base = parameters.baseLogOdds, m = exp(shift)
        func positive(_ v: Double) -> Bool {
            let x = v + shift
            if x + base >= 0 { return true }
            let ex = exp(x)
            return n * (1 + ex) * (1 + ex) > parameters.beta * m * -(x + base) * (1 + exp(v))
        }
        var (a, b) = (-1e15, 0.0)
        for _ in 0..<400 {
            let middle = a / 2 + b / 2
            if positive(middle) { b = middle } else { a = middle }
        }
        return (a + b) / 2
    }

    @Test("one-sided data with small beta: the minimiser far out where the objective is flat", arguments: [1e-1, 1e-3, 1e-6, 1e-9, 1e-12])
    func flatMinimumFarOut(beta: Double) throws {
        let parameters = ModelParameters(beta: beta)
        let counts = try PreferenceCounts(k: 2, choseM1: [0, 3, 5], choseM2: [2, 0, 0])
        let found = GlobalMinimizer.minimize(InclusiveLearningObjective(counts, parameters))
        let expected = oneSidedRoot(n: 3, parameters: parameters)
        #expect(abs(found.argmin - expected) <= 1e-9 * abs(expected), "\(found.argmin) vs \(expected)")
        let result = RLHFSolver(parameters).solve(counts, algorithm: .il)
        #expect(result.logOdds.isFinite && result.logOdds > 0)
    }

    @Test("SLiC's minimum at a hinge kink is found exactly")
    func slicKink() {
        let parameters = ModelParameters(delta: 1.5, dataSize: 1e5)
        let found = GlobalMinimizer.minimize(SLiCObjective(.expected(parameters), parameters))
        #expect(found.argmin == -1.5)
        #expect(found.termination == .atKink)
    }

    @Test("extreme settings: |D|/beta up to 1e12, |M2| up to 1e9, never NaN or overflow")
    func extremes() {
        var generator = SplitMix64(seed: 99)
        for index in 0..<300 {
            let parameters = ModelParameters(
                m1: [1, 10, 10_000][index % 3], m2: [1, 1_000_000_000, 100][(index / 3) % 3],
                p1: [0, 0.5, 1, generator.nextUniform()][index % 4], zeta: [1e-6, 0.5, 1 - 1e-6, 0.8][(index / 4) % 4],
                k: [2, 3, 16, 64][(index / 16) % 4], beta: [1e-12, 1, 1e6][index % 3],
                delta: [0, 1, 10][(index / 2) % 3], dataSize: [1e-3, 1, 1e6][(index / 5) % 3])
            let counts: PreferenceCounts = index % 2 == 0
                ? .expected(parameters)
                : PreferenceSimulator(parameters, seed: 5).dataset(index: index, size: max(1, parameters.dataSize.rounded()))
            for result in RLHFSolver(parameters).solve(counts) {
                #expect(!result.logOdds.isNaN, "\(result.algorithm) \(parameters)")
                #expect(!result.pM1.isNaN && result.pM1 >= 0 && result.pM1 <= 1)
                #expect(result.termination != .iterationLimit, "\(result.algorithm) \(parameters)")
            }
        }
    }

    @Test("log-mode slopes agree with direct slopes up to a positive factor")
    func logModeAgrees() {
        let parameters = ModelParameters(k: 5)
        let objective = InclusiveLearningObjective(.expected(parameters), parameters)
        for v in stride(from: -40.0, through: 40.0, by: 0.37) {
            var d1 = SlopeAccumulator(logMode: false, at: v), c1 = SlopeAccumulator(logMode: false, at: v)
            var d2 = SlopeAccumulator(logMode: true, at: v), c2 = SlopeAccumulator(logMode: true, at: v)
            objective.accumulateData(v, side: .right, derivative: &d1, curvature: &c1)
            objective.regulariser.accumulate(v, derivative: &d1, curvature: &c1)
            objective.accumulateData(v, side: .right, derivative: &d2, curvature: &c2)
            objective.regulariser.accumulate(v, derivative: &d2, curvature: &c2)
            let plain = Slope(derivative: d1, curvature: c1), logged = Slope(derivative: d2, curvature: c2)
            #expect((plain.derivative > 0) == (logged.derivative > 0))
            #expect(abs(plain.derivative / plain.curvature - logged.derivative / logged.curvature)
                <= 1e-9 * abs(plain.derivative / plain.curvature) + 1e-12)
        }
    }
}
