import Foundation

/// Preference data reduced to its sufficient statistics: a (k+1) x 2 table of counts.
///
/// Row `j` (0…k) holds the data whose choice set offered `j` messages of M1; `choseM1[j]` of
/// them chose an M1 message and `choseM2[j]` an M2 message. Row 0 can only hold choices of M2
/// and row k only choices of M1. Counts are real-valued so that expected data fit too.
public struct PreferenceCounts: Hashable, Sendable, Codable {
    /// |Y|, the size of every choice set.
    public let k: Int
    /// Data that chose an M1 message, by row.
    public private(set) var choseM1: [Double]
    /// Data that chose an M2 message, by row.
    public private(set) var choseM2: [Double]

    /// A table of the given rows; validates the shape and that every cell is possible.
    public init(k: Int, choseM1: [Double], choseM2: [Double]) throws(ParameterError) {
        guard ModelParameters.choiceSetSizes.contains(k) else {
            throw ParameterError(field: "k", allowed: "a whole number from 2 to 64")
        }
        guard choseM1.count == k + 1, choseM2.count == k + 1 else {
            throw ParameterError(
                field: "counts", allowed: "k + 1 = \(k + 1) rows a0/b0,…,a\(k)/b\(k) (got \(choseM1.count))")
        }
        for j in 0...k {
            for value in [choseM1[j], choseM2[j]] where !(value.isFinite && value >= 0) {
                throw ParameterError(field: "counts", allowed: "finite counts ≥ 0 (row \(j) has \(value))")
            }
        }
        guard choseM1[0] == 0 else {
            throw ParameterError(field: "counts", allowed: "a0 = 0: a choice set with no M1 message cannot yield an M1 choice")
        }
        guard choseM2[k] == 0 else {
            throw ParameterError(field: "counts", allowed: "b\(k) = 0: a choice set of only M1 messages cannot yield an M2 choice")
        }
        self.k = k
        self.choseM1 = choseM1
        self.choseM2 = choseM2
        guard total > 0 else { throw ParameterError(field: "counts", allowed: "a table with a positive total") }
        guard total.isFinite else { throw ParameterError(field: "counts", allowed: "a table whose total is finite") }
    }

    /// An all-zero table (internal: used to accumulate simulated data).
    init(emptyWithK k: Int) {
        self.k = k
        self.choseM1 = Array(repeating: 0, count: k + 1)
        self.choseM2 = Array(repeating: 0, count: k + 1)
    }

    /// The expected data of size `dataSize`: every cell is `dataSize` times its probability.
    public static func expected(_ parameters: ModelParameters, dataSize: Double? = nil) -> PreferenceCounts {
        var table = PreferenceCounts(emptyWithK: parameters.k)
        table.fillExpected(
            parameters, dataSize: dataSize ?? parameters.dataSize,
            rowProbabilities: CellProbabilities.rowProbabilities(parameters))
        return table
    }

    /// Makes this table the expected data of size `size` for `parameters`, given P(row j) for
    /// their query format and zeta (``CellProbabilities/rowProbabilities(_:)``): the same numbers
    /// as ``expected(_:dataSize:)``, written in place (a grid reuses one table).
    mutating func fillExpected(_ parameters: ModelParameters, dataSize size: Double, rowProbabilities: [Double]) {
        precondition(parameters.k == k && rowProbabilities.count == k + 1, "a table for |Y| = \(k)")
        for j in 0...k {
            let cell = CellProbabilities.cell(parameters, row: j, rowProbability: rowProbabilities[j])
            choseM1[j] = size * cell.m1
            choseM2[j] = size * cell.m2
        }
    }

    /// |D|, the number of data.
    public var total: Double { choseM1.reduce(0, +) + choseM2.reduce(0, +) }

    /// Data in mixed rows (0 < j < k) that chose M1.
    public var mixedChoseM1: Double { mixedTotals.choseM1 }
    /// Data in mixed rows (0 < j < k) that chose M2.
    public var mixedChoseM2: Double { mixedTotals.choseM2 }

    /// Both mixed-row totals in one pass.
    var mixedTotals: (choseM1: Double, choseM2: Double) {
        var m1 = 0.0, m2 = 0.0
        for j in 1..<max(1, k) {
            m1 += choseM1[j]
            m2 += choseM2[j]
        }
        return (m1, m2)
    }

    /// Sets every count to 0.
    mutating func clear() {
        for j in 0...k {
            choseM1[j] = 0
            choseM2[j] = 0
        }
    }

    /// Adds `count` data to cell (`row`, chose M1 when `choseM1`).
    mutating func add(_ count: Double, row: Int, choseM1 isM1: Bool) {
        if isM1 { choseM1[row] += count } else { choseM2[row] += count }
    }

    /// The table in the command line's `a0/b0,a1/b1,…` form.
    public var commandLineForm: String {
        (0...k).map { "\(RoundTripNumber.text(choseM1[$0]))/\(RoundTripNumber.text(choseM2[$0]))" }.joined(separator: ",")
    }
}

/// The probability of each cell (row j, chosen category) of one datum: Assumption 1 by default,
/// or the scenario's query format and choice model.
public struct CellProbabilities: Hashable, Sendable {
    /// P(row j and the choice is an M1 message).
    public let choseM1: [Double]
    /// P(row j and the choice is an M2 message).
    public let choseM2: [Double]

    public init(_ parameters: ModelParameters) {
        self.init(parameters, rowProbabilities: Self.rowProbabilities(parameters))
    }

    /// The cells from the row probabilities already computed for `parameters` (they depend on
    /// the query format, |Y| and zeta only, so a grid over p*(1) computes them once).
    init(_ parameters: ModelParameters, rowProbabilities: [Double]) {
        let k = parameters.k
        var m1 = Array(repeating: 0.0, count: k + 1)
        var m2 = Array(repeating: 0.0, count: k + 1)
        for j in 0...k {
            (m1[j], m2[j]) = Self.cell(parameters, row: j, rowProbability: rowProbabilities[j])
        }
        choseM1 = m1
        choseM2 = m2
    }

    /// P(row j and the choice is an M1 message) and P(row j and an M2 message), from P(row j).
    static func cell(_ parameters: ModelParameters, row j: Int, rowProbability row: Double) -> (m1: Double, m2: Double) {
        if j == 0 { return (0, row) }
        if j == parameters.k { return (row, 0) }
        let shares = parameters.choiceModel.choiceShares(offeredM1: j, of: parameters.k, p1: parameters.p1)
        return (row * shares.m1, row * shares.m2)
    }

    /// P(row j) for j = 0…k: Binomial(k, zeta) for sampled queries, all mass on row J for fixed ones.
    static func rowProbabilities(_ parameters: ModelParameters) -> [Double] {
        let k = parameters.k
        return (0...k).map { j in
            switch parameters.queries {
            case .sampled: return binomialProbability(k: k, j: j, p: parameters.zeta)
            case .fixed(let count): return j == count ? 1 : 0
            }
        }
    }

    /// The probability of row j (j messages of M1 offered).
    public func rowProbability(_ j: Int) -> Double { choseM1[j] + choseM2[j] }

    /// C(k, j) p^j (1-p)^(k-j), computed in logs so that k = 64 and p near 0 or 1 stay exact.
    static func binomialProbability(k: Int, j: Int, p: Double) -> Double {
        let logChoose = lgamma(Double(k + 1)) - lgamma(Double(j + 1)) - lgamma(Double(k - j + 1))
        let logP = j == 0 ? 0 : Double(j) * log(p)
        let logQ = j == k ? 0 : Double(k - j) * log1p(-p)
        return exp(logChoose + logP + logQ)
    }
}
