import Foundation

/// A table's two count columns for the objectives' hot loops, in units of `unit` (a power of two).
///
/// When every count is tiny (beta near the largest double keeps ``ProblemScaling`` from lifting
/// them), the products in a row loop fall into subnormal arithmetic, about a hundred times
/// slower. The columns are then lifted exactly (a power of two, largest count in [1, 2)) and a
/// loop's sums multiplied by `unit` once at the end: the same sums, with no subnormal term.
struct CountColumns: Sendable {
    let choseM1: [Double]
    let choseM2: [Double]
    /// What one count of these columns is worth (1 unless the table's counts are all tiny).
    let unit: Double

    /// Below 2^-tinyExponent (for the largest count over `rows`) the columns are lifted.
    static let tinyExponent = 64

    init(choseM1: [Double], choseM2: [Double], rows: Range<Int>) {
        var largest = 0.0
        for j in rows { largest = max(largest, choseM1[j], choseM2[j]) }
        guard largest > 0 && largest < scalbn(1.0, -Self.tinyExponent) else {
            (self.choseM1, self.choseM2, unit) = (choseM1, choseM2, 1)
            return
        }
        let lift = -Int(largest.exponent)
        self.choseM1 = choseM1.map { scalbn($0, lift) }
        self.choseM2 = choseM2.map { scalbn($0, lift) }
        unit = scalbn(1.0, -lift)
    }
}
