import Foundation
import Testing
@testable import IIACore

/// Settings where the search used to spend dozens of bisections: a minimiser within rounding of
/// its bracket's end (the KL anchor when beta dwarfs the data), and a far-out minimiser whose
/// closed form is known only to the rounding of an exponential of a logarithm. Iteration counts
/// are deterministic, so these fail on a regression without any timing.
@Suite("Solver effort where the root hugs an end or lies far out")
struct SolverEffortTests {
    static func result(_ parameters: ModelParameters, _ algorithm: Algorithm) -> AlgorithmResult {
        RLHFSolver(parameters).solve(.expected(parameters), algorithms: [algorithm])[0]
    }

    @Test("a minimiser at the KL anchor to working precision: found in a few iterations, at logit(zeta)")
    func minimiserAtTheAnchor() {
        let huge = ModelParameters(
            m1: 1_000_000_000_000, m2: 14_157_945, p1: 2.85401966720734e-139, zeta: 0.010828900724628387, k: 61,
            beta: 1e300, delta: 7.165475590803541e+284, dataSize: 9.519432774245889e-74)
        var logit = ModelParameters(
            m1: 2_964_578, m2: 14, p1: 1, zeta: 0.9595346246453997, k: 64, beta: 4.904008489423107e+40, delta: 1e300,
            dataSize: 101_597_305_512_019.33)
        logit.choiceModel = .logit(rewardGap: 289.26216954039035)
        for parameters in [huge, logit] {
            // SLiC's minimiser with delta = 1e300 sits at a hinge kink instead.
            for algorithm in [Algorithm.il, .slic] where !(algorithm == .slic && parameters == logit) {
                let result = Self.result(parameters, algorithm)
                let target = StableMath.logit(parameters.zeta)
                #expect(abs(result.logOdds - target) <= 1e-12 * max(1, abs(target)), "\(algorithm.name) \(result.logOdds)")
                // Bisection from the whole bracket took 46 to 52 steps here.
                #expect(result.iterations <= 15, "\(algorithm.name): \(result.iterations) iterations")
            }
        }
    }

    @Test("a far minimiser with a closed form (beta 1.7e-162, one-sided data): a tight bracket, few steps")
    func farMinimiserFromItsClosedForm() {
        let parameters = ModelParameters(
            m1: 559_770, m2: 2, p1: 0, zeta: 0.9999788267186632, k: 64, beta: 1.7193184306201324e-162, delta: 1e-300,
            dataSize: 1e100)
        for algorithm in [Algorithm.il, .slic] {
            let result = Self.result(parameters, algorithm)
            // Far out on the M2 side: the log-odds are about -1e252 or beyond.
            #expect(result.logOdds < -1e250 && result.logOdds.isFinite, "\(algorithm.name) \(result.logOdds)")
            // From the whole far cell the search bisected 44 times.
            #expect(result.iterations <= 20, "\(algorithm.name): \(result.iterations) iterations")
        }
    }
}
