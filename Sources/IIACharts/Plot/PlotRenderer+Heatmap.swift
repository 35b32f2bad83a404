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

    /// The plotting area a render of `plot` into `rect` would use (the cells inside the axes),
    /// without drawing anything: for callers that size data to the plot, e.g. a heatmap grid
    /// with one value per cell, or map a click back to data.
    public static func plotArea(_ plot: Plot, in rect: Rect) -> Rect {
        guard !rect.isEmpty, plot.message == nil else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        var scratch = CellBuffer(width: rect.width, height: rect.height)
        let local = Rect(x: 0, y: 0, width: rect.width, height: rect.height)
        let area = drawFrame(plot, into: &scratch, rect: local).frame.plot
        return Rect(x: area.x + rect.x, y: area.y + rect.y, width: area.width, height: area.height)
    }
}
