/// Places text labels inside a plot so that no label covers a curve, a marker or another label.
///
/// The placer keeps two kinds of occupied cells: curve cells (what a ``DotCanvas`` drew, vertical
/// lines that labels must not cross) and reserved cells (markers and the labels already placed).
/// Fills (shaded regions, bands, horizontal reference lines) are not obstacles: labels may sit
/// on them. A label is tried at each candidate start in turn and placed at the first that fits:
/// inside the bounds, and with `curveMargin` (`labelMargin`) cells either side clear of curve
/// (reserved) cells; margin cells outside the bounds count as clear.
///
/// The placer never draws: the caller draws the text where ``place(_:candidates:curveMargin:labelMargin:)`` says.
public struct LabelPlacer: Sendable {
    /// One cell's state.
    enum Occupant: UInt8, Sendable { case free, curve, reserved }

    /// The cells labels may use.
    public let bounds: Rect
    private var cells: [Occupant]

    /// An empty placer over `bounds` (buffer coordinates).
    public init(bounds: Rect) {
        self.bounds = bounds
        cells = Array(repeating: .free, count: bounds.width * bounds.height)
    }

    private func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= bounds.x, x < bounds.maxX, y >= bounds.y, y < bounds.maxY else { return nil }
        return (y - bounds.y) * bounds.width + (x - bounds.x)
    }

    /// Marks every cell the canvas drew (the canvas's top-left at `x`, `y`) as a curve cell.
    public mutating func addCurves(of canvas: DotCanvas, x: Int, y: Int) {
        for row in 0..<canvas.rows {
            for column in 0..<canvas.columns where canvas.isSet(column: column, row: row) {
                markCurve(x: x + column, y: y + row)
            }
        }
    }

    /// Marks one cell as part of a curve (labels keep off it); cells outside the bounds are ignored.
    public mutating func markCurve(x: Int, y: Int) {
        guard let index = index(x, y), cells[index] == .free else { return }
        cells[index] = .curve
    }

    /// Reserves one cell for a marker (labels keep off it, with their label margin).
    public mutating func reserve(x: Int, y: Int) {
        guard let index = index(x, y) else { return }
        cells[index] = .reserved
    }

    /// Whether the cell holds a marker or a label.
    public func isReserved(x: Int, y: Int) -> Bool { index(x, y).map { cells[$0] == .reserved } ?? false }

    /// Whether the cell is inside the bounds and holds nothing (no curve, marker or label).
    public func isFree(x: Int, y: Int) -> Bool { index(x, y).map { cells[$0] == .free } ?? false }

    /// Whether a label `length` cells long fits with its first cell at (`x`, `y`).
    public func fits(length: Int, x: Int, y: Int, curveMargin: Int = 0, labelMargin: Int = 1) -> Bool {
        guard length > 0, y >= bounds.y, y < bounds.maxY, x >= bounds.x, x <= bounds.maxX - length else { return false }
        // Margins wider than the bounds change nothing (and cannot overflow).
        let curveMargin = min(max(0, curveMargin), bounds.width), labelMargin = min(max(0, labelMargin), bounds.width)
        let reach = max(curveMargin, labelMargin)
        for cx in (x - reach)..<(x + length + reach) {
            guard let index = index(cx, y) else { continue }
            let inside = cx >= x && cx < x + length
            switch cells[index] {
            case .free: continue
            case .curve: if inside || cx >= x - curveMargin && cx < x + length + curveMargin { return false }
            case .reserved: if inside || cx >= x - labelMargin && cx < x + length + labelMargin { return false }
            }
        }
        return true
    }

    /// Places `text` at the first candidate start (`x`, `y`) where it fits, reserves its cells and
    /// returns that start; nil (nothing reserved) when no candidate fits.
    @discardableResult
    public mutating func place(
        _ text: String, candidates: [(x: Int, y: Int)], curveMargin: Int = 0, labelMargin: Int = 1
    ) -> (x: Int, y: Int)? {
        let length = text.count
        guard let start = candidates.first(where: {
            fits(length: length, x: $0.x, y: $0.y, curveMargin: curveMargin, labelMargin: labelMargin)
        }) else { return nil }
        for cx in start.x..<(start.x + length) { reserve(x: cx, y: start.y) }
        return start
    }

    /// Starts for a label `length` long near the cell (`x`, `y`): on each row offset in turn,
    /// starting just right of the cell, ending just left of it, then starting at it.
    public static func candidates(near x: Int, _ y: Int, length: Int, rowOffsets: [Int]) -> [(x: Int, y: Int)] {
        rowOffsets.flatMap { dy in [x + 1, x - length, x].map { (x: $0, y: y + dy) } }
    }
}
