import Foundation

/// The per-row constants of the objectives for one choice-set size k, computed once.
///
/// Row j (1…k-1) offers j messages of M1 and k - j of M2. The likelihood and SLiC need a few
/// logarithms and ratios of these counts in every evaluation; keeping them in one shared table
/// lets an objective be built for a dataset without allocating anything of its own (the
/// counts are read in place).
public struct ChoiceSetConstants: Sendable {
    /// One row's constants.
    struct Row: Sendable {
        /// ln((k - j) / j): the likelihood row's sigmoid shift.
        var shift = 0.0
        /// (k - j) / j = e^shift.
        var scale = 0.0
        /// ln j.
        var logJ = 0.0
        /// SLiC, a datum that chose M1 (j ≥ 2): shift ln((k - j) / (j - 1)), its exponential, and ln(j - 1).
        var upShift = 0.0
        var upScale = 0.0
        var upConstant = 0.0
        /// SLiC, a datum that chose M2 (j ≤ k - 2): shift ln(j / (k - j - 1)), its exponential, and ln(k - j - 1).
        var downShift = 0.0
        var downScale = 0.0
        var downConstant = 0.0
    }

    /// |Y|.
    public let k: Int
    /// Indexed by j = 0…k (rows 0 and k are unused).
    let rows: [Row]

    /// The table for choice sets of size `k` (2…64), shared: every size's table is computed once
    /// per process, on first use (a few thousand logarithms), so that building a solver costs
    /// no logarithm at all.
    public init(k: Int) {
        precondition(ModelParameters.choiceSetSizes.contains(k), "k must be in 2...64")
        self = Self.tables[k - ModelParameters.choiceSetSizes.lowerBound]
    }

    /// Every size's table, computed on first use (thread-safe, as every static stored property).
    private static let tables: [ChoiceSetConstants] = ModelParameters.choiceSetSizes.map { ChoiceSetConstants(computing: $0) }

    /// The table for `k`, from the logarithms.
    private init(computing k: Int) {
        self.k = k
        var rows = Array(repeating: Row(), count: k + 1)
        for j in 1..<k {
            let logJ = log(Double(j)), logOthers = log(Double(k - j))
            rows[j].shift = logOthers - logJ
            rows[j].scale = Double(k - j) / Double(j)
            rows[j].logJ = logJ
            if j >= 2 {
                let logM1Others = log(Double(j - 1))
                rows[j].upShift = logOthers - logM1Others
                rows[j].upScale = Double(k - j) / Double(j - 1)
                rows[j].upConstant = logM1Others
            }
            if j <= k - 2 {
                let logM2Others = log(Double(k - j - 1))
                rows[j].downShift = logJ - logM2Others
                rows[j].downScale = Double(j) / Double(k - j - 1)
                rows[j].downConstant = logM2Others
            }
        }
        self.rows = rows
    }
}
