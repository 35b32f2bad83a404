/// The cells of a phase diagram over zeta = P_base(M1) (x, columns) and p*(1) (y, rows).
///
/// The unit square is cut into `zetaCount` x `p1Count` equal cells, and each cell is computed at
/// its centre: column i (0-based) spans zeta in [i/n, (i+1)/n] and is computed at
/// zeta_i = (i + 1/2) / n; row j spans p*(1) in [j/m, (j+1)/m] and is computed at
/// p_j = (j + 1/2) / m. The centres never reach zeta = 0 or 1, which the model excludes (zeta is
/// in the open interval (0, 1)); p*(1) stays in [0, 1] as well. A chart draws cell (i, j) as the
/// rectangle around (zeta_i, p_j).
///
/// Cells are numbered row by row from the bottom: cell (column i, row j) is number j·n + i.
public struct PhaseDiagramGrid: Hashable, Sendable, Codable {
    /// n, the number of zeta columns (at least 1).
    public let zetaCount: Int
    /// m, the number of p*(1) rows (at least 1).
    public let p1Count: Int

    /// A grid of `zetaCount` x `p1Count` cells (each count is taken as at least 1).
    public init(zetaCount: Int, p1Count: Int) {
        self.zetaCount = max(1, zetaCount)
        self.p1Count = max(1, p1Count)
    }

    /// A square grid of `points` x `points` cells.
    public init(points: Int) {
        self.init(zetaCount: points, p1Count: points)
    }

    /// The number of cells, n·m.
    public var cellCount: Int { zetaCount * p1Count }

    /// zeta at the centre of column `column`: (column + 1/2) / n.
    public func zeta(column: Int) -> Double { Self.centre(column, of: zetaCount) }

    /// p*(1) at the centre of row `row`: (row + 1/2) / m.
    public func p1(row: Int) -> Double { Self.centre(row, of: p1Count) }

    /// The column centres, ascending.
    public var zetas: [Double] { (0..<zetaCount).map { zeta(column: $0) } }

    /// The row centres, ascending.
    public var p1s: [Double] { (0..<p1Count).map { p1(row: $0) } }

    /// The number of cell (column, row).
    public func index(column: Int, row: Int) -> Int { row * zetaCount + column }

    /// (i + 1/2) / count, the centre of cell i of `count` equal cells of [0, 1].
    static func centre(_ index: Int, of count: Int) -> Double { (Double(index) + 0.5) / Double(count) }
}

/// Why a phase diagram over zeta x p*(1) cannot be drawn for some parameters.
public struct PhaseDiagramError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason, in words.
    public var reason: String

    /// The whole message: what the diagram needs, and why.
    public var description: String { "the zeta x p*(1) phase diagram needs dichotomy choices: \(reason)" }

    /// Under logit choices p*(1) does not enter the data (the choice shares depend on the reward
    /// gap R alone), so a p*(1) axis would show the same value in every row.
    public static let logitChoices = PhaseDiagramError(
        reason: "under logit choices p*(1) does not enter the data (the choice shares depend on the reward gap R"
            + " only), so every p*(1) row would be the same")

    /// Nil when `parameters` allow a phase diagram over zeta x p*(1); otherwise why not.
    public static func check(_ parameters: ModelParameters) -> PhaseDiagramError? {
        if case .logit = parameters.choiceModel { return .logitChoices }
        return nil
    }
}
