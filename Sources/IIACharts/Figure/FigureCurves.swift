/// The stroked layers of a figure: reference lines and the series, with markers along the
/// series that name one, and the reference lines' labels.
enum FigureCurves {
    /// A horizontal line as drawn: its pixel row and look; lines on one row merge, their labels
    /// joined by " = " (the last first), as in the terminal.
    struct Row {
        var y: Double
        var look: FigureLook
        var label: String
    }

    static func rows(_ geometry: FigureGeometry) -> [Row] {
        var rows: [Row] = []
        for line in geometry.plot.horizontalLines {
            guard let y = geometry.py(line.y) else { continue }
            if let index = rows.firstIndex(where: { abs($0.y - y) < 1 }) {
                rows[index].look = line.figure
                rows[index].label = line.label + " = " + rows[index].label
            } else {
                rows.append(Row(y: y, look: line.figure, label: line.label))
            }
        }
        return rows
    }

    /// Draws the horizontal and vertical lines; returns the vertical lines drawn (pixel column,
    /// index in the plot).
    static func drawLines(_ geometry: FigureGeometry, palette: FigurePalette, into svg: inout SVGWriter) -> [(x: Double, index: Int)] {
        let box = geometry.box
        for row in rows(geometry) {
            FigureShapes.stroke([(box.x, row.y), (box.maxX, row.y)], color: palette.line(row.look), width: palette.lineWidth(row.look),
                                dash: row.look.dash ?? .dashed, into: &svg)
        }
        var drawn: [(x: Double, index: Int)] = []
        for (index, line) in geometry.plot.verticalLines.enumerated() {
            guard geometry.inRange(line.x), let x = geometry.px(line.x) else { continue }
            drawn.append((x, index))
            FigureShapes.stroke([(x, box.y), (x, box.maxY)], color: palette.line(line.figure), width: palette.lineWidth(line.figure),
                                dash: line.figure.dash ?? .solid, into: &svg)
        }
        return drawn
    }

    /// Draws every series (the last on top) and records its strokes with the placer.
    static func drawSeries(_ geometry: FigureGeometry, palette: FigurePalette, placer: inout FigureLabelPlacer,
                           into svg: inout SVGWriter) {
        let plot = geometry.plot
        let marked = plot.series.indices.filter { plot.series[$0].figure.marker != nil }
        for (index, series) in plot.series.enumerated() {
            let runs = geometry.polylines(index)
            let color = palette.series(index), width = palette.seriesWidth(series.figure)
            svg.open("g", [("class", "series")])
            for run in runs {
                placer.addCurve(run)
                FigureShapes.stroke(run, color: color, width: width, dash: series.figure.dash ?? FigureDash(series.pattern),
                                    halo: series.figure.halo.map(palette.shown), into: &svg)
            }
            if let shape = series.figure.marker, let order = marked.firstIndex(of: index) {
                for point in markerPoints(runs, box: geometry.box, order: order, of: marked.count) {
                    FigureShapes.marker(shape, at: point, size: palette.options.fontSize * 0.62, color: color, palette: palette, into: &svg)
                }
            }
            svg.close()
        }
    }

    /// Five points along the runs at columns staggered between the marked series.
    static func markerPoints(_ runs: [[(x: Double, y: Double)]], box: PixelRect, order: Int, of count: Int) -> [(x: Double, y: Double)] {
        let perSeries = 5
        return (0..<perSeries).compactMap { j in
            let fraction = (Double(j) + Double(order + 1) / Double(count + 1)) / Double(perSeries)
            let x = box.x + fraction * box.width
            for run in runs {
                for (a, b) in zip(run, run.dropFirst()) where a.x <= x && x <= b.x {
                    let t = b.x > a.x ? (x - a.x) / (b.x - a.x) : 0
                    let y = a.y + (b.y - a.y) * t
                    return y >= box.y && y <= box.maxY ? (x, y) : nil
                }
            }
            return nil
        }
    }

    /// The labels of the horizontal lines (near the right end, above or below the line, else
    /// further left) and of the vertical lines (beside the line, from the top down).
    static func placeLineLabels(_ geometry: FigureGeometry, verticals: [(x: Double, index: Int)], palette: FigurePalette,
                                placer: inout FigureLabelPlacer, into svg: inout SVGWriter) {
        let box = geometry.box, size = palette.options.fontSize * 0.92, gap = size * 0.4
        func draw(_ text: String, _ spot: FigureLabelPlacer.Candidate?, _ color: RGBColor) {
            guard let spot else { return }
            svg.text(text, x: spot.x, y: spot.y, [("text-anchor", spot.anchor.rawValue), ("font-size", SVGWriter.number(size)),
                                                  ("fill", color.hex)])
        }
        for row in rows(geometry) {
            let candidates = [0.98, 0.75, 0.5, 0.25, 0.02].flatMap { f -> [FigureLabelPlacer.Candidate] in
                let x = box.x + f * box.width, anchor: FigureLabelPlacer.Anchor = f > 0.9 ? .end : (f < 0.1 ? .start : .middle)
                return [.init(x: x, y: row.y - gap, anchor: anchor), .init(x: x, y: row.y + gap + size * 0.8, anchor: anchor)]
            }
            draw(row.label, placer.place(row.label, candidates: candidates, size: size), palette.line(row.look))
        }
        for row in rows(geometry) { placer.addCurve([(box.x, row.y), (box.maxX, row.y)]) }
        for line in verticals {
            let vertical = geometry.plot.verticalLines[line.index]
            guard let label = vertical.label else { continue }
            let candidates = Swift.stride(from: box.y + size * 1.2, to: box.maxY, by: size * 0.6).flatMap { y -> [FigureLabelPlacer.Candidate] in
                [.init(x: line.x + gap, y: y, anchor: .start), .init(x: line.x - gap, y: y, anchor: .end)]
            }
            draw(label, placer.place(label, candidates: candidates, size: size), palette.line(vertical.figure))
        }
    }
}
