import Foundation
import Testing
@testable import IIACore

/// A derivative g with its curvature g', and the root of g, for the method tests.
private struct TestDerivative: SlopeFunction {
    var name: String
    var root: Double
    var bracket: ClosedRange<Double>
    var derivative: @Sendable (Double) -> Double
    var curvature: @Sendable (Double) -> Double

    func slope(at x: Double) -> Slope { Slope(derivative: derivative(x), curvature: curvature(x)) }
}

/// The table of problems: smooth, flat, steep, far out, and with a non-positive curvature.
private let problems: [TestDerivative] = [
    TestDerivative(name: "cubic", root: 1, bracket: -3...5, derivative: { $0 * $0 * $0 + $0 - 2 }, curvature: { 3 * $0 * $0 + 1 }),
    TestDerivative(name: "exponential", root: log(3), bracket: -10...10, derivative: { exp($0) - 3 }, curvature: { exp($0) }),
    TestDerivative(
        name: "sigmoid", root: 0.5, bracket: -40...60, derivative: { StableMath.sigmoid(4 * ($0 - 0.5)) - 0.5 },
        curvature: { 4 * StableMath.sigmoidSlope(4 * ($0 - 0.5)) }),
    TestDerivative(
        name: "flat then steep", root: 20, bracket: 0...1e6, derivative: { tanh(($0 - 20) / 5) }, curvature: { x in
            let t = tanh((x - 20) / 5)
            return (1 - t * t) / 5
        }),
    TestDerivative(name: "far root", root: -1e9, bracket: -1e12...0, derivative: { $0 + 1e9 }, curvature: { _ in 1 }),
    TestDerivative(
        name: "non-positive curvature", root: 2, bracket: 0...4, derivative: { $0 - 2 }, curvature: { _ in -1 }),
]

@Suite("Root-finding methods under the one driver loop")
struct RootFindingMethodTests {
    @Test("Safeguarded Newton on the table: zero failures, the root to 1e-12 relative, at most 80 iterations")
    func safeguardedNewtonTable() {
        var failures: [String] = []
        for problem in problems {
            for scaling in [NewtonStepScaling.plain, .farTailScaled] {
                let found = NewtonRoot.find(
                    lower: problem.bracket.lowerBound, upper: problem.bracket.upperBound, recordTrace: true,
                    scaling: scaling, of: problem)
                let error = abs(found.point - problem.root) / max(1, abs(problem.root))
                let stopped = [Termination.converged, .exactRoot, .bracketCollapsed].contains(found.termination)
                if error > 1e-12 || !stopped || found.iterations > 80 {
                    failures.append("\(problem.name): \(found.point) after \(found.iterations), \(found.termination)")
                }
                // The trace: the start, then one point per iteration, ending at the root.
                #expect(found.trace.count == found.iterations + 1, "\(problem.name)")
                #expect(found.trace.first?.kind == .start)
                #expect(found.trace.dropFirst().allSatisfy { $0.kind != .start })
                #expect(found.trace.last?.point == found.point, "\(problem.name)")
                #expect(found.bracket == problem.bracket)
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("The step limit stops the driver without a reason, and the iterations are the steps taken")
    func stepLimit() {
        let problem = problems[3]
        var method = SafeguardedNewton<TestDerivative>(
            lower: problem.bracket.lowerBound, upper: problem.bracket.upperBound, start: nil, startStep: nil, scaling: .plain)
        var trace: [SolverStep] = []
        let run = RootSearch.run(&method, on: problem, stepLimit: 3, recordTrace: true, trace: &trace)
        #expect(run.stop == nil)
        #expect(run.iterations == 3)
        #expect(trace.count == 3)
        #expect(method.point == trace.last?.point)
    }

    @Test("A zero derivative at the start is an exact root, found without an iteration")
    func exactRootAtStart() {
        let problem = problems[4]
        let found = NewtonRoot.find(lower: -2e9, upper: 0, start: -1e9, of: problem)
        #expect(found.termination == .exactRoot)
        #expect(found.iterations == 0)
        #expect(found.point == -1e9)
    }

    @Test("One-sided Newton converges from one side, or brackets the root when a step crosses it")
    func oneSidedNewton() {
        let exponential = problems[1]
        var fromLeft = OneSidedNewton(start: 0, function: exponential)
        let run = RootSearch.run(&fromLeft, on: exponential, stepLimit: 50)
        guard case .bracketed(let lower, let upper) = run.stop else {
            Issue.record("exp(x) - 3 from 0: the first step overshoots the root, so it brackets it, got \(String(describing: run.stop))")
            return
        }
        #expect(lower.point < log(3) && upper.point > log(3))
        #expect(lower.slope.derivative < 0 && upper.slope.derivative > 0)
        var fromRight = OneSidedNewton(start: 2, function: exponential)
        let converged = RootSearch.run(&fromRight, on: exponential, stepLimit: 50)
        guard case .root(let termination) = converged.stop else {
            Issue.record("exp(x) - 3 from 2 approaches the root from the right, got \(String(describing: converged.stop))")
            return
        }
        #expect(termination == .converged)
        #expect(abs(fromRight.point - log(3)) < 1e-14)
        var stalled = OneSidedNewton(start: 0, function: problems[5])
        guard case .stalled = RootSearch.run(&stalled, on: problems[5], stepLimit: 8).stop else {
            Issue.record("a negative curvature stalls the one-sided search")
            return
        }
    }

    @Test("Bracket expansion doubles from a point until the derivative changes sign")
    func bracketExpansion() {
        let problem = problems[4]  // root at -1e9
        var expansion = BracketExpansion(from: 5, slope: problem.slope(at: 5), function: problem)
        let run = RootSearch.run(&expansion, on: problem, stepLimit: BracketExpansion<TestDerivative>.stepLimit)
        #expect(run.stop == .converged)
        #expect(run.iterations == 0)
        let (lower, upper) = expansion.bracket
        #expect(lower.point < -1e9 && upper.point > -1e9)
        #expect(lower.slope.derivative < 0 && upper.slope.derivative >= 0)
    }

    @Test("Bisection on the curvature's sign finds where the derivative turns")
    func curvatureSignBisection() throws {
        // g = 1 - (x - 2)^2 rises up to x = 2 and falls after it.
        let hump = TestDerivative(
            name: "hump", root: 1, bracket: 0...5, derivative: { 1 - ($0 - 2) * ($0 - 2) }, curvature: { -2 * ($0 - 2) })
        var bisection = CurvatureSignBisection<TestDerivative>(from: 0, to: 5, increasingAtStart: true)
        _ = RootSearch.run(&bisection, on: hump, stepLimit: CurvatureSignBisection<TestDerivative>.stepLimit)
        let turn = try #require(bisection.turningPoint)
        #expect(abs(turn - 2) < 1e-12)
    }

    @Test("An end slope known by its sign compares like a derivative of that sign; NaN like NaN")
    func endSlopeSigns() {
        let negative = EndSlope.sign(.minus), positive = EndSlope.sign(.plus)
        #expect(negative.isNegative && negative.isNonPositive && !negative.isPositive && !negative.isNonNegative)
        #expect(positive.isPositive && positive.isNonNegative && !positive.isNegative && !positive.isNonPositive)
        #expect(negative.slope == nil && negative.finiteDerivative == nil)
        let nan = EndSlope.value(Slope(derivative: .nan, curvature: 1))
        #expect(!nan.isNegative && !nan.isPositive && !nan.isNonPositive && !nan.isNonNegative)
        #expect(nan.finiteDerivative == nil)
        let zero = EndSlope.value(Slope(derivative: 0, curvature: 1))
        #expect(zero.isNonPositive && zero.isNonNegative && !zero.isNegative && !zero.isPositive)
        #expect(zero.finiteDerivative == 0)
    }

    @Test("Every termination reason has its own text")
    func terminationTexts() {
        let texts = Termination.allCases.map(\.summary)
        #expect(Set(texts).count == texts.count)
        #expect(texts.allSatisfy { !$0.isEmpty })
    }
}
