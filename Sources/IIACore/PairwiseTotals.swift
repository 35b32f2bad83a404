import Foundation

/// The pairwise comparisons hidden in a table of choices: every choice of one message from a
/// query in row j becomes a win of the chosen message over each other offered one.
///
/// A datum in row j (j M1 messages among k) that chose M1 beats the k - j M2 messages offered
/// with it; one that chose M2 beats the j M1 messages. Rows 0 and k hold no M1-M2 pair.
/// So `m1OverM2` = Σ N_j1 (k - j) and `m2OverM1` = Σ N_j2 j over the mixed rows.
public struct PairwiseTotals: Hashable, Sendable {
    /// How many M1-over-M2 pairs the choices make.
    public let m1OverM2: Double
    /// How many M2-over-M1 pairs the choices make.
    public let m2OverM1: Double
    /// ln(m2OverM1 / m1OverM2), computed without overflow or underflow (nil when either side
    /// has no pair: the Bradley-Terry fit then has no minimiser).
    public let logRatio: Double?

    public init(_ counts: PreferenceCounts) {
        let k = counts.k
        // Each sum scaled by its largest count, so that it can neither overflow nor underflow:
        // ln(B / A) = ln(B / b) + ln b - ln(A / a) - ln a.
        var largestWin = 0.0, largestLoss = 0.0
        for j in 1..<k {
            largestWin = max(largestWin, counts.choseM1[j])
            largestLoss = max(largestLoss, counts.choseM2[j])
        }
        var wins = 0.0, losses = 0.0
        if largestWin > 0 {
            for j in 1..<k { wins += counts.choseM1[j] / largestWin * Double(k - j) }
        }
        if largestLoss > 0 {
            for j in 1..<k { losses += counts.choseM2[j] / largestLoss * Double(j) }
        }
        m1OverM2 = wins * largestWin
        m2OverM1 = losses * largestLoss
        logRatio = largestWin > 0 && largestLoss > 0
            ? (log(losses) + log(largestLoss)) - (log(wins) + log(largestWin)) : nil
    }
}
