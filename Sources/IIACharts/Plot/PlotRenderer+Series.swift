/// The series layers: curves, glyphs along them, their names.
extension PlotRenderer {
    /// Draws every series on one dot canvas (in order, the last on top) and copies it into the
    /// buffer; returns a label placer that keeps labels off the curves.
    static func drawSeries(_ geometry: PlotGeometry, into buffer: inout CellBuffer) -> LabelPlacer {
        let area = geometry.area
        var canvas = DotCanvas(columns: area.width, rows: area.height, braille: !geometry.description.appearance.ascii)
        for (index, series) in geometry.description.series.enumerated() where geometry.isShown(series.legendItems) {
            var previous: (x: Double, y: Double)?
            var phase = 0
            func step(to point: (x: Double, y: Double)) {
                canvas.line(from: previous ?? point, to: point, glyph: series.glyph, style: series.style,
                            phase: &phase, draw: series.pattern.draws)
                previous = point
            }
            switch series.data {
            case .points(let points):
                for point in points {
                    guard geometry.x.accepts(point.x), point.y.isFinite else { previous = nil; phase = 0; continue }
                    step(to: (geometry.x.position(point.x), geometry.y.position(geometry.shown(point.y))))
                }
            case .function:
                for (dot, value) in (geometry.samples[index] ?? []).enumerated() {
                    guard value.isFinite else { previous = nil; continue }
                    step(to: (Double(dot), geometry.y.position(geometry.shown(value))))
                }
            }
        }
        canvas.blit(into: &buffer, x: area.x, y: area.y)
        var placer = LabelPlacer(bounds: area)
        placer.addCurves(of: canvas, x: area.x, y: area.y)
        return placer
    }

    /// Glyphs along the series that have one, a few per series at staggered columns (one on
    /// plots 12 to 29 columns wide, none narrower; the top series first), keeping the cell's
    /// background; reserved.
    static func drawInlineGlyphs(_ geometry: PlotGeometry, into buffer: inout CellBuffer, placer: inout LabelPlacer) {
        let area = geometry.area
        let marked = geometry.description.series.indices.filter {
            geometry.description.series[$0].inlineGlyph != nil && geometry.isShown(geometry.description.series[$0].legendItems)
        }
        let perSeries = area.width >= 30 ? 3 : (area.width >= 12 ? 1 : 0)
        guard perSeries > 0 else { return }
        for (order, index) in marked.reversed().enumerated() {
            guard let glyph = geometry.description.series[index].inlineGlyph else { continue }
            for j in 0..<perSeries {
                let fraction = (Double(j) + Double(order + 1) / Double(marked.count + 1)) / Double(perSeries)
                let column = Int(saturating: (fraction * Double(area.width - 1)).rounded(.down))
                let value = geometry.value(ofSeries: index, at: geometry.columnCentre(column))
                guard value.isFinite else { continue }
                let x = area.x + column, y = area.y + geometry.row(value)
                guard !placer.isReserved(x: x, y: y) else { continue }
                var style = glyph.style
                style.background = buffer[x, y].style.background
                buffer[x, y] = Cell(glyph.character, style: style)
                placer.reserve(x: x, y: y)
            }
        }
    }

    /// Each named series' name near its curve nine tenths of the way across (plots at least 24 wide).
    static func placeSeriesNames(_ geometry: PlotGeometry, into buffer: inout CellBuffer, placer: inout LabelPlacer) {
        let area = geometry.area
        guard area.width >= 24 else { return }
        let dots = area.width * geometry.dotsPerCell.x
        let dot = Int(Double(dots - 1) * 0.9)
        for (index, series) in geometry.description.series.enumerated() {
            guard let name = series.name, geometry.isShown(series.legendItems) else { continue }
            let value = geometry.samples[index]?[dot] ?? geometry.value(ofSeries: index, at: geometry.x.value(at: Double(dot)))
            guard value.isFinite else { continue }
            let x = area.x + dot / geometry.dotsPerCell.x, y = area.y + geometry.row(value)
            place(name, candidates: LabelPlacer.candidates(near: x, y, length: name.count, rowOffsets: nearRows),
                  style: series.style, into: &buffer, placer: &placer)
        }
    }

    /// Row offsets tried for a label near a point: its row, then farther and farther away.
    static let nearRows = [0, -1, 1, -2, 2, -3, 3]

    /// Puts `text` at the first candidate where it fits; returns whether it was placed.
    @discardableResult
    static func place(
        _ text: String, candidates: [(x: Int, y: Int)], style: CellStyle, into buffer: inout CellBuffer,
        placer: inout LabelPlacer, curveMargin: Int = 0, clip: Rect? = nil
    ) -> Bool {
        guard let start = placer.place(text, candidates: candidates, curveMargin: curveMargin) else { return false }
        buffer.put(text, x: start.x, y: start.y, style: style, clip: clip)
        return true
    }
}
