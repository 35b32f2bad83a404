/// The heatmap layer (under the regions) and the message drawn instead of a plot.
extension PlotRenderer {
    /// Fills every plot cell with the heatmap's step for the grid cell holding its centre
    /// (non-finite values stay blank).
    static func drawHeatmap(_ geometry: PlotGeometry, into buffer: inout CellBuffer) {
        guard let heatmap = geometry.description.heatmap else { return }
        let area = geometry.area
        let yLower = geometry.y.lower, ySpan = geometry.y.upper - geometry.y.lower
        guard ySpan > 0, ySpan.isFinite, geometry.x.upper > geometry.x.lower else { return }
        for row in 0..<area.height {
            let yFraction = (geometry.rowCentre(row) - yLower) / ySpan
            for column in 0..<area.width {
                let xFraction = geometry.x.fraction(geometry.columnCentre(column))
                let cell = heatmap.cell(atFraction: xFraction, yFraction)
                guard let drawn = heatmap.scale.cell(for: heatmap.value(column: cell.column, row: cell.row)) else { continue }
                buffer[area.x + column, area.y + row] = drawn
            }
        }
    }

    /// Draws `message` word-wrapped from the top left of `rect` (a plot that cannot be drawn).
    static func drawMessage(_ message: String, style: CellStyle, into buffer: inout CellBuffer, rect: Rect) {
        var lines: [String] = [], line = ""
        for word in message.split(separator: " ") {
            let next = line.isEmpty ? String(word) : line + " " + word
            if next.count > rect.width, !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = next
            }
        }
        if !line.isEmpty { lines.append(line) }
        for (offset, text) in lines.prefix(rect.height).enumerated() {
            buffer.put(text, x: rect.x, y: rect.y + offset, style: style, clip: rect)
        }
    }
}
