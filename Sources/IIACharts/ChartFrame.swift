/// The layout of a chart inside its rectangle: legend rows at the top, the plot, the x axis
/// line, tick labels, an optional x-title row and caption row at the bottom, y tick labels and
/// the y axis on the left, a right margin for curve-end labels.
///
/// Parts are dropped, in order of importance, when the rectangle is too small; the plot takes
/// what is left (possibly nothing).
public struct ChartFrame: Sendable {
    /// The whole rectangle of the chart.
    public let rect: Rect
    /// The buffer rows of the legend (top first; empty: no legend).
    public var legendRows: [Int] = []
    /// The plotting area.
    public var plot: Rect
    /// The row of the x axis line, nil when there are no axes.
    public var axisRow: Int?
    /// The row of the x tick labels.
    public var labelRow: Int?
    /// A second row of x tick labels under the first (e.g. another unit of the same axis), if asked for.
    public var secondLabelRow: Int?
    /// The row of a long x title under the tick labels (tall charts only).
    public var titleRow: Int?
    /// The caption's row at the bottom, if asked for and there is room.
    public var captionRow: Int?
    /// Width of the y tick labels (0: none).
    public var yLabelWidth = 0

    /// The layout of a chart in `rect` with `wanted` legend rows, an optional caption row, y tick
    /// labels `labelWidth` wide, `rightMargin` columns right of the plot and, with
    /// `secondLabels`, a second row of x tick labels.
    public init(
        rect: Rect, legendRows wanted: Int, caption: Bool, yLabelWidth labelWidth: Int, rightMargin: Int,
        secondLabels: Bool = false
    ) {
        self.rect = rect
        let w = rect.width, h = rect.height
        var top = rect.y, bottom = rect.maxY
        let hasAxes = w >= 6 && h >= 3
        if w >= 12 {
            let count = min(wanted, h >= 16 ? 2 : (h >= 7 ? 1 : 0))
            legendRows = Array(top..<(top + count))
            top += count
        }
        if caption && h >= 9 && w >= 16 { captionRow = bottom - 1; bottom -= 1 }
        if hasAxes && h >= 24 { titleRow = bottom - 1; bottom -= 1 }
        if secondLabels && hasAxes && h >= 8 { secondLabelRow = bottom - 1; bottom -= 1 }
        if hasAxes && h >= 5 { labelRow = bottom - 1; bottom -= 1 }
        if hasAxes { axisRow = bottom - 1; bottom -= 1 }
        var left = 0
        if hasAxes {
            yLabelWidth = w >= 12 ? labelWidth : 0
            left = yLabelWidth + 1
        }
        let right = w >= 30 ? rightMargin : (w >= 16 ? min(1, rightMargin) : 0)
        plot = Rect(x: rect.x + left, y: top, width: w - left - right, height: bottom - top)
    }

    /// Draws the axes, ticks, tick labels and the x title. `yTicks` are rows with labels,
    /// `xTicks` columns with labels (ascending); `longXTitle` replaces `xTitle` on its own row
    /// when there is one and it fits.
    public func drawAxes(
        into buffer: inout CellBuffer, yTicks: [(row: Int, label: String)], xTicks: [(column: Int, label: String)],
        xTitle: String, longXTitle: String? = nil, appearance: ChartAppearance,
        secondXTicks: [(column: Int, label: String)] = [], secondXTitle: String = ""
    ) {
        guard let axisRow, !plot.isEmpty else { return }
        let axisStyle = appearance.axis
        let ascii = appearance.ascii
        let axisColumn = plot.x - 1
        let tickRows = Set(yTicks.map(\.row))
        for row in plot.y..<plot.maxY {
            let tick = tickRows.contains(row)
            buffer.put(ascii ? (tick ? "+" : "|") : (tick ? "┤" : "│"), x: axisColumn, y: row, style: axisStyle, clip: rect)
        }
        buffer.put(ascii ? "+" : "└", x: axisColumn, y: axisRow, style: axisStyle, clip: rect)
        let tickColumns = Set(xTicks.map(\.column))
        for column in plot.x..<plot.maxX {
            let tick = tickColumns.contains(column)
            buffer.put(ascii ? (tick ? "+" : "-") : (tick ? "┬" : "─"), x: column, y: axisRow, style: axisStyle, clip: rect)
        }
        if yLabelWidth > 0 {
            for (row, label) in yTicks where label.count <= yLabelWidth {
                buffer.put(label, x: axisColumn - label.count, y: row, style: axisStyle, clip: rect)
            }
        }
        guard let labelRow else { return }
        let placed = AxisTicks.placeHorizontal(xTicks, lower: rect.x, upper: rect.maxX)
        for label in placed { buffer.put(label.label, x: label.start, y: labelRow, style: axisStyle, clip: rect) }
        let titleStyle = appearance.title
        if let secondLabelRow {
            // Labelled only where the first row is (one tick, one pair of labels), title at the right.
            let labelled = Set(placed.map(\.column))
            let second = AxisTicks.placeHorizontal(
                secondXTicks.filter { labelled.contains($0.column) }, lower: rect.x, upper: rect.maxX)
            for label in second { buffer.put(label.label, x: label.start, y: secondLabelRow, style: axisStyle, clip: rect) }
            if rect.maxX - secondXTitle.count >= (second.last?.end ?? rect.x) + 2 {
                buffer.put(secondXTitle, x: rect.maxX - secondXTitle.count, y: secondLabelRow, style: titleStyle, clip: rect)
            }
        }
        if let titleRow {
            let title = longXTitle.map { $0.count <= rect.width ? $0 : xTitle } ?? xTitle
            let start = max(rect.x, plot.x + (plot.width - title.count) / 2)
            buffer.put(title, x: start, y: titleRow, style: titleStyle, clip: rect)
        } else if rect.maxX - xTitle.count >= (placed.last?.end ?? rect.x) + 2 {
            buffer.put(xTitle, x: rect.maxX - xTitle.count, y: labelRow, style: titleStyle, clip: rect)
        } else if rect.x + xTitle.count + 1 <= (placed.first?.start ?? rect.maxX) {
            buffer.put(xTitle, x: rect.x, y: labelRow, style: titleStyle, clip: rect)
        }
    }

    /// The rows and labels of the ticks of a 0…1 y axis drawn with `dotsPerRow` dots per cell.
    public func unitYTicks(dotsPerRow: Int) -> [(row: Int, label: String)] {
        guard !plot.isEmpty else { return [] }
        let axis = LinearAxis(count: plot.height * dotsPerRow, flipped: true)
        let row = { (value: Double) in plot.y + Int(saturating: axis.position(value)) / dotsPerRow }
        return AxisTicks.unitTicks(row: row).map { (row($0), AxisTicks.fractionLabel($0)) }
    }
}

/// A legend entry: a coloured key (glyph or sample) and its text.
public struct LegendItem: Hashable, Sendable {
    /// The sample of the series or fill (a glyph, a short line); may be empty.
    public var key: String
    public var keyStyle: CellStyle
    public var text: String
    public var textStyle: CellStyle = .plain
    /// A shorter text used by a plot's legend when the full ones leave entries out.
    public var shortText: String?
    /// Cells drawn in place of the key's characters (one each, e.g. a colour scale), used when
    /// there are exactly as many as the key has characters; empty for a key in `keyStyle`.
    public var keyCells: [Cell] = []
    /// The columns the entry takes: key, a space, text.
    public var width: Int { key.count + (key.isEmpty ? 0 : 1) + text.count }

    /// An entry with a key and a text (and a shorter text for narrow legends).
    public init(key: String, keyStyle: CellStyle, text: String, textStyle: CellStyle = .plain, shortText: String? = nil) {
        self.key = key
        self.keyStyle = keyStyle
        self.text = text
        self.textStyle = textStyle
        self.shortText = shortText
    }
}

/// Lays legend entries out left to right over one or more rows, two spaces apart, after an
/// optional prefix (the y-axis title); entries that do not fit are dropped.
public enum Legend {
    /// Blank columns between entries.
    public static let separator = 2

    /// The rows the items need at `width`, with `prefix` first on the first row.
    public static func rowsNeeded(_ items: [LegendItem], prefix: String, width: Int) -> Int {
        layout(items, prefix: prefix, width: width, rows: Int.max).map(\.row).max().map { $0 + 1 } ?? 1
    }

    /// The (row index, column offset) of each item that fits.
    public static func layout(_ items: [LegendItem], prefix: String, width: Int, rows: Int) -> [(item: Int, row: Int, column: Int)] {
        var result: [(Int, Int, Int)] = []
        var row = 0, column = prefix.isEmpty ? 0 : prefix.count + separator
        for (index, item) in items.enumerated() {
            if column > 0 && column + item.width > width {
                if row + 1 < rows && item.width <= width { row += 1; column = 0 } else { continue }
            }
            guard column + item.width <= width else { continue }
            result.append((index, row, column))
            column += item.width + separator
        }
        return result
    }

    /// Draws the legend on `rows` (buffer rows) of `rect`.
    public static func draw(
        _ items: [LegendItem], prefix: String, prefixStyle: CellStyle, into buffer: inout CellBuffer, rect: Rect, rows: [Int]
    ) {
        guard let first = rows.first else { return }
        if !prefix.isEmpty { buffer.put(prefix, x: rect.x, y: first, style: prefixStyle, clip: rect) }
        for (index, row, column) in layout(items, prefix: prefix, width: rect.width, rows: rows.count) {
            let item = items[index]
            var x: Int
            if !item.keyCells.isEmpty, item.keyCells.count == item.key.count {
                x = rect.x + column
                for cell in item.keyCells where x < rect.maxX {
                    buffer[x, rows[row]] = cell
                    x += 1
                }
            } else {
                x = buffer.put(item.key, x: rect.x + column, y: rows[row], style: item.keyStyle, clip: rect)
            }
            if !item.key.isEmpty { x += 1 }
            buffer.put(item.text, x: x, y: rows[row], style: item.textStyle, clip: rect)
        }
    }
}
