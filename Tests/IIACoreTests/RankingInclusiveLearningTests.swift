import Foundation
import Testing
@testable import IIACore

@Suite("Rankings: inclusive learning and extreme inputs")
struct RankingInclusiveLearningTests {
    /// Random settings with |Y| ≤ 8 and rank-order responses, expected and simulated data.
    static func problems(count: Int, seed: UInt64) -> [RandomProblem] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index in
            var problem = RandomProblem.draw(&generator, index: index)
            problem.parameters.k = 2 + problem.parameters.k % 7
            problem.parameters.responses = .ranking
            problem.counts = index % 2 == 0
                ? .expected(problem.parameters)
                : PreferenceSimulator(problem.parameters, seed: UInt64(index)).dataset(
                    index: index, size: problem.parameters.dataSize.rounded(.up))
            return problem
        }
    }

    @Test("IL's global minimum matches a dense grid search of the closed form plus beta KL (300 random settings)")
    func matchesGridSearch() {
        var severalMinima = 0
        for (index, problem) in Self.problems(count: 300, seed: 0x1C).enumerated() {
            let kl = KLRegulariser(problem.parameters)
            func objective(_ v: Double) -> Double { RankingClosedForm.value(problem.counts, u: v) + kl.value(v) }
            let result = RLHFSolver(problem.parameters).solve(problem.counts, algorithm: .il)
            let found = result.minimization
            severalMinima += found.localMinima.count > 1 ? 1 : 0
            let grid = gridMinimum(objective)
            let foundValue = objective(found.argmin)
            #expect(found.argmin.isFinite && foundValue.isFinite, "#\(index)")
            #expect(
                foundValue <= grid.value + 1e-9 * max(1, abs(grid.value)),
                "#\(index) \(problem.parameters) \(problem.counts.commandLineForm): \(found.argmin) → \(foundValue), grid \(grid.point) → \(grid.value)")
            #expect(agree(result.logOdds, -(found.argmin + problem.parameters.logSizeRatio), 1e-15))
        }
        #expect(severalMinima > 0)  // the settings exercise the non-convex case
    }

    @Test("IL's two-minimum ranking cases: both are true local minima, and the lower one wins")
    func twoMinima() {
        var cases = 0
        for problem in Self.problems(count: 300, seed: 0x1C) {
            let objective = RankingInclusiveLearningObjective(problem.counts, problem.parameters)
            let found = GlobalMinimizer.minimize(objective)
            guard found.localMinima.count > 1 else { continue }
            cases += 1
            for minimum in found.localMinima {
                #expect(objective.value(minimum) >= objective.value(found.argmin))
                let step = 1e-6 * max(1, abs(minimum))
                #expect(objective.slope(minimum - step).derivative < 0 && objective.slope(minimum + step).derivative > 0)
            }
            #expect(abs(found.localMinima[1] - found.localMinima[0]) > 1, "\(found.localMinima)")
        }
        #expect(cases > 0)
    }

    /// Every applicable algorithm's log-odds are a number (±infinity only when exact), P(M1) in [0, 1].
    func expectSane(_ parameters: ModelParameters, _ counts: PreferenceCounts, _ label: String) {
        for result in RLHFSolver(parameters).solve(counts) where result.isApplicable {
            #expect(!result.logOdds.isNaN && !result.minimization.argmin.isNaN, "\(label) \(result.algorithm)")
            #expect(result.pM1 >= 0 && result.pM1 <= 1, "\(label) \(result.algorithm)")
            #expect(result.termination != .iterationLimit, "\(label) \(result.algorithm)")
        }
    }

    @Test("extreme inputs: huge |D|, beta tiny or huge, one-sided, tiny and huge counts, |Y| = 64: no NaN, no trap")
    func extremes() throws {
        for k in [3, 8, 64] {
            for beta in [1e-300, 1e-12, 1, 1e12, 1e300] {
                for dataSize in [1e-300, 1, 1e6, 1e300] {
                    let parameters = ModelParameters(p1: 0.45, zeta: 0.8, k: k, beta: beta, dataSize: dataSize, responses: .ranking)
                    expectSane(parameters, .expected(parameters), "k \(k) beta \(beta) |D| \(dataSize)")
                }
                let parameters = ModelParameters(k: k, beta: beta, responses: .ranking)
                var m1 = Array(repeating: 0.0, count: k + 1), m2 = m1
                for j in 1..<k { m1[j] = 1 }
                expectSane(parameters, try PreferenceCounts(k: k, choseM1: m1, choseM2: m2), "one-sided M1 k \(k) beta \(beta)")
                m2[k - 1] = 1e-300
                expectSane(parameters, try PreferenceCounts(k: k, choseM1: m1, choseM2: m2), "nearly one-sided k \(k) beta \(beta)")
                let huge = Array(repeating: 1e306, count: k + 1)
                var hugeM1 = huge, hugeM2 = huge
                (hugeM1[0], hugeM2[k]) = (0, 0)
                let hugeCounts = try PreferenceCounts(k: k, choseM1: hugeM1.map { $0 / Double(2 * k) }, choseM2: hugeM2.map { $0 / Double(2 * k) })
                expectSane(parameters, hugeCounts, "huge counts k \(k) beta \(beta)")
            }
        }
    }

    @Test("scaling: RLPO's reward gap is the same for a table and for it times 2^-900, 2^900 and 2^1010")
    func scaleInvariance() throws {
        var generator = SplitMix64(seed: 0x5CA1E)
        for k in [3, 6, 64] {
            let counts = try rankingTable(k: k, &generator, density: 0.5)
            let base = RLHFSolver.minimizeRankingLikelihood(PlackettLuceLikelihood(counts)).argmin
            // 2^1010: counts near the largest double, scaled down before solving (finite totals for k ≤ 6).
            for exponent in k <= 6 ? [-900, 900, 1010] : [-900, 900] {
                let scaled = counts.mixedRowsScaled(byPowerOfTwo: exponent)
                let parameters = ModelParameters(k: k, responses: .ranking)
                let gap = RLHFSolver(parameters).solve(scaled, algorithm: .rlpo).minimization.argmin
                #expect(abs(gap - base) < 1e-12 * max(1, abs(base)), "k \(k) 2^\(exponent): \(gap) vs \(base)")
            }
        }
    }

    @Test("one-sided rankings with tiny beta: IL's minimiser far out is a root of the derivative")
    func oneSidedFarMinimum() throws {
        for beta in [1e-3, 1e-30, 1e-200] {
            let parameters = ModelParameters(k: 4, beta: beta, responses: .ranking)
            let counts = try PreferenceCounts(k: 4, choseM1: [0, 5, 5, 5, 0], choseM2: [0, 0, 0, 0, 0])
            let objective = RankingInclusiveLearningObjective(counts, parameters)
            let v = GlobalMinimizer.minimize(objective).argmin
            let step = 1e-9 * max(1, abs(v))
            #expect(v < -5, "beta \(beta): \(v)")
            #expect(objective.slope(v - step).derivative < 0 && objective.slope(v + step).derivative > 0, "beta \(beta): \(v)")
        }
    }
}
