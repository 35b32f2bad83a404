import Foundation

/// The pairwise comparisons hidden in a table of responses: every response that puts one
/// message above others becomes a win of that message over each of them.
///
/// For choices (``init(_:)``): a datum in row j (j M1 messages among k) that chose M1 beats the
/// k - j M2 messages offered with it; one that chose M2 beats the j M1 messages. So
/// `m1OverM2` = Σ N_j1 (k - j) and `m2OverM1` = Σ N_j2 j over the mixed rows.
///
/// For rankings (``rankBroken(_:)``, rank-breaking): a ranking in row j with an M1 message first
/// puts all j M1 messages above all k - j M2 messages, j(k - j) pairs, and one with M2 first the
/// other way round: `m1OverM2` = Σ N_j1 j(k - j) and `m2OverM1` = Σ N_j2 j(k - j).
///
/// Rows 0 and k hold no M1-M2 pair.
public struct PairwiseTotals: Hashable, Sendable {
    /// How many M1-over-M2 pairs the responses make.
    public let m1OverM2: Double
    /// How many M2-over-M1 pairs the responses make.
    public let m2OverM1: Double
    /// ln(m2OverM1 / m1OverM2), computed without overflow or underflow (nil when either side
    /// has no pair: the Bradley-Terry fit then has no minimiser).
    public let logRatio: Double?

    /// The pairs implied by choices.
    public init(_ counts: PreferenceCounts) {
        let k = counts.k
        self.init(counts, m1Weight: { Double(k - $0) }, m2Weight: { Double($0) })
    }

    /// The pairs implied by rankings whose first category is counted in `counts`.
    public static func rankBroken(_ counts: PreferenceCounts) -> PairwiseTotals {
        let k = counts.k
        return PairwiseTotals(counts, m1Weight: { Double($0 * (k - $0)) }, m2Weight: { Double($0 * (k - $0)) })
    }

    /// Σ N_j1 m1Weight(j) and Σ N_j2 m2Weight(j) over the mixed rows, each sum scaled by its
    /// largest count so that it can neither overflow nor underflow:
    /// ln(B / A) = ln(B / b) + ln b - ln(A / a) - ln a.
    private init(_ counts: PreferenceCounts, m1Weight: (Int) -> Double, m2Weight: (Int) -> Double) {
        let k = counts.k
        var largestWin = 0.0, largestLoss = 0.0
        for j in 1..<k {
            largestWin = max(largestWin, counts.choseM1[j])
            largestLoss = max(largestLoss, counts.choseM2[j])
        }
        var wins = 0.0, losses = 0.0
        if largestWin > 0 {
            for j in 1..<k { wins += counts.choseM1[j] / largestWin * m1Weight(j) }
        }
        if largestLoss > 0 {
            for j in 1..<k { losses += counts.choseM2[j] / largestLoss * m2Weight(j) }
        }
        m1OverM2 = wins * largestWin
        m2OverM1 = losses * largestLoss
        logRatio = largestWin > 0 && largestLoss > 0
            ? (log(losses) + log(largestLoss)) - (log(wins) + log(largestWin)) : nil
    }
}
