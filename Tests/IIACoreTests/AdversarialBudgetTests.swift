import Foundation
import Testing
@testable import IIACore

/// The whole solver on settings drawn across every option's allowed range (edges included:
/// p*(1) in {0, 1}, subnormal beta, delta and |D| up to 1e308, |Y| = 64, logit choices with
/// |R| up to 700): finite P(M1) in [0, 1], and an iteration budget, so that a regression to
/// long bisection or unit-step Newton runs fails here without any timing.
@Suite("Adversarial settings: finite answers within an iteration budget")
struct AdversarialBudgetTests {
    /// Newton/bisection iterations allowed for the search that found one algorithm's minimiser.
    static let iterationBudget = 80

    @Test("2000 random extreme settings: P(M1) finite in [0, 1], at most 80 iterations per algorithm")
    func finiteAndWithinBudget() {
        var worst = (iterations: 0, setting: "")
        for setting in AdversarialSettings.draw(count: 2000, seed: 20_261_203) {
            let results = RLHFSolver(setting.parameters).solve(setting.counts())
            for result in results {
                let pM1 = result.pM1
                #expect(!result.logOdds.isNaN && pM1.isFinite && pM1 >= 0 && pM1 <= 1,
                        "\(result.algorithm.name): P(M1) \(pM1) at \(setting.commandLine)")
                #expect(result.iterations <= Self.iterationBudget,
                        "\(result.algorithm.name): \(result.iterations) iterations at \(setting.commandLine)")
                if result.iterations > worst.iterations { worst = (result.iterations, "\(result.algorithm.name) at \(setting.commandLine)") }
            }
        }
        print("most iterations: \(worst.iterations) (\(worst.setting))")
    }
}
