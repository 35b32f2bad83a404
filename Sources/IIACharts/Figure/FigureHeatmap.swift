/// A plot's heatmap in a vector figure: one rectangle per run of equal colour along each grid
/// row, coloured on a viridis-like ramp (greys when monochrome); non-finite cells left out.
enum FigureHeatmap {
    /// Viridis anchors, from the lowest value to the highest (dark purple to yellow).
    static let anchors = [RGBColor(68, 1, 84), RGBColor(59, 82, 139), RGBColor(33, 145, 140), RGBColor(94, 201, 98), RGBColor(253, 231, 37)]
    /// Colours per unit: values are drawn in this many shades.
    static let shades = 32

    /// The colour of `value` in [0, 1] (clamped), one of ``shades`` shades.
    static func color(_ value: Double) -> RGBColor {
        let shade = (min(1, max(0, value)) * Double(shades - 1)).rounded() / Double(shades - 1)
        let position = shade * Double(anchors.count - 1)
        let low = min(anchors.count - 2, Int(position)), t = position - Double(low)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8(min(255, max(0, (Double(a) + (Double(b) - Double(a)) * t).rounded()))) }
        let (a, b) = (anchors[low], anchors[low + 1])
        return RGBColor(mix(a.red, b.red), mix(a.green, b.green), mix(a.blue, b.blue))
    }

    /// Draws the heatmap's cells under the other layers.
    static func draw(_ geometry: FigureGeometry, palette: FigurePalette, into svg: inout SVGWriter) {
        guard let heatmap = geometry.plot.heatmap, !geometry.logX else { return }
        let n = SVGWriter.number
        let (columns, rows) = (heatmap.columns, heatmap.rows)
        func x(_ column: Int) -> Double? { geometry.px(geometry.xLower + (geometry.xUpper - geometry.xLower) * Double(column) / Double(columns)) }
        let (low, high) = geometry.plot.y.range == .unit ? (0.0, 1.0) : PlotRenderer.fittedRange(geometry.plot)
        func y(_ row: Int) -> Double? { geometry.py(low + (high - low) * Double(row) / Double(rows)) }
        for row in 0..<rows {
            guard let bottom = y(row), let top = y(row + 1) else { continue }
            var column = 0
            while column < columns {
                let value = heatmap.value(column: column, row: row)
                guard value.isFinite else { column += 1; continue }
                let colour = color(value)
                var end = column + 1
                while end < columns, heatmap.value(column: end, row: row).isFinite, color(heatmap.value(column: end, row: row)) == colour { end += 1 }
                if let left = x(column), let right = x(end) {
                    // A hair wider and taller, so that no seam shows between neighbours.
                    svg.element("rect", [("x", n(left)), ("y", n(top)), ("width", n(right - left + 0.4)), ("height", n(bottom - top + 0.4)),
                                         ("fill", palette.shown(colour).hex)])
                }
                column = end
            }
        }
    }
}
