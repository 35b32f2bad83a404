import Foundation
import Testing
@testable import IIACore

/// Logit choices (IIA holds) with a large reward gap R = r(M1) - r(M2): the expected data then
/// hold, in every mixed row, an M2 count about e^-R times the row's total. The model is the one
/// RLPO fits, so its likelihood's minimiser is exactly u = -R whatever the row weights: in row j
/// the M2 share is (k - j) / (j e^R + k - j), and the row's own minimiser ln(N_j2 / N_j1) -
/// ln((k - j) / j) is -R. The pairwise closed form ln(B / A) = ln(Σ N_j2 j / Σ N_j1 (k - j)) is
/// -R too, since N_j2 j / (N_j1 (k - j)) = e^-R in every row.
///
/// So RLPO, DPO and RLPO-pairwise all have the exact log-odds logit(zeta) + R |D| / beta.
@Suite("Logit choices with a large reward gap: u = -R exactly")
struct LogitRewardGapTests {
    static let gaps: [Double] = [1, -1, 30, -30, 37, -37, 100, -100, 700, -700]
    static let sizes = [2, 3, 4, 8, 17, 64]

    /// The query formats for |Y| = k: sampled, and every set holding 1, k / 2 or k - 1 messages of M1.
    static func formats(_ k: Int) -> [QueryFormat] {
        Array(Set([1, k / 2, k - 1])).sorted().map { QueryFormat.fixed(m1Count: $0) } + [.sampled]
    }

    @Test("RLPO, DPO and RLPO-pairwise recover u = -R: log-odds within 1e-12 relative", arguments: gaps)
    func logOddsAreExact(gap: Double) {
        for (zeta, beta, dataSize) in [(0.8, 1.0, 1000.0), (0.05, 1e-3, 1.0), (0.97, 250.0, 1e9)] {
            checkLogOdds(gap: gap, zeta: zeta, beta: beta, dataSize: dataSize)
        }
    }

    func checkLogOdds(gap: Double, zeta: Double, beta: Double, dataSize: Double) {
        let exact = log(zeta / (1 - zeta)) + gap * dataSize / beta
        for k in Self.sizes {
            for queries in Self.formats(k) {
                let parameters = ModelParameters(
                    zeta: zeta, k: k, beta: beta, dataSize: dataSize, queries: queries,
                    choiceModel: .logit(rewardGap: gap))
                let results = RLHFSolver(parameters).solve(.expected(parameters), algorithms: [.rlpo, .dpo, .rlpoPairwise])
                for result in results {
                    let error = abs(result.logOdds - exact) / abs(exact)
                    #expect(
                        result.minimizerExists && error <= 1e-12,
                        "R = \(gap), zeta = \(zeta), beta = \(beta), |D| = \(dataSize), k = \(k), \(queries): \(result.algorithm.name) log-odds \(result.logOdds) (\(result.termination.summary)), exact \(exact)")
                }
            }
        }
    }

    @Test("The expected table's M2 count in a mixed row is |D| P(row) (k - j) / (j e^R + k - j), to 1e-14 relative")
    func expectedCountsKeepTheSmallShare() throws {
        for gap in [37.0, 100, 700] {
            for k in [2, 5, 64] {
                let j = max(1, k / 2)
                let parameters = ModelParameters(
                    k: k, dataSize: 1000, queries: .fixed(m1Count: j), choiceModel: .logit(rewardGap: gap))
                let counts = PreferenceCounts.expected(parameters)
                // (k - j) / (j e^R + k - j) = e^-R (k - j) / (j + (k - j) e^-R), with e^-R computed alone.
                let share = exp(-gap) * Double(k - j) / (Double(j) + Double(k - j) * exp(-gap))
                let exact = 1000 * share
                #expect(abs(counts.choseM2[j] - exact) <= 1e-14 * exact, "R = \(gap), k = \(k): \(counts.choseM2[j]) vs \(exact)")
            }
        }
    }
}
