/// The layers over the series: markers, the solver's trail, free labels, marks on the x axis.
enum FigureAnnotations {
    /// The default shape of a marker glyph: a filled circle, or an open one for "○"/"O".
    static func shape(_ marker: PlotMarker) -> FigureMarkerShape {
        marker.figure.marker ?? (marker.glyph == "○" || marker.glyph == "O" ? .openCircle : .circle)
    }

    /// Draws every marker and reserves its place.
    static func drawMarkers(_ geometry: FigureGeometry, palette: FigurePalette, placer: inout FigureLabelPlacer,
                            into svg: inout SVGWriter) {
        let size = palette.options.fontSize * 0.85
        for marker in geometry.plot.markers {
            guard let point = geometry.point(marker.anchor), geometry.box.contains(point.x, point.y) else { continue }
            FigureShapes.marker(shape(marker), at: point, size: size, color: palette.shown(marker.figure.color ?? palette.theme.text),
                                palette: palette, into: &svg)
            placer.reserve(PixelRect(x: point.x - size / 2, y: point.y - size / 2, width: size, height: size))
        }
    }

    /// The trail: a dot per stop (stops outside the axis at its edge), and a label per group of
    /// neighbouring stops of one kind ("S", "3", "2–5", "b3", "◀4"), as in the terminal.
    static func drawTrail(_ geometry: FigureGeometry, palette: FigurePalette, placer: inout FigureLabelPlacer,
                          into svg: inout SVGWriter) {
        guard let trail = geometry.plot.trail else { return }
        let box = geometry.box, size = palette.options.fontSize * 0.85, dot = size * 0.45
        var groups: [(group: PlotRenderer.TrailGroup, point: (x: Double, y: Double))] = []
        for (index, stop) in trail.stops.enumerated() {
            let side = geometry.inRange(stop.x) ? 0 : ((geometry.xFraction(stop.x) ?? 0) < 0 ? -1 : 1)
            let clamped = min(max(stop.x, geometry.xLower), geometry.xUpper)
            guard let x = geometry.px(clamped), let y = geometry.py(geometry.value(ofSeries: trail.series, at: clamped)) else { continue }
            let kind: PlotTrail.Kind = index == 0 ? .start : stop.kind
            let column = Int(x / (dot * 2))
            if let last = groups.last?.group, index > 0, last.kind == kind, last.column == column, last.side == side, last.first > 0 {
                groups[groups.count - 1].group.last = index
            } else {
                groups.append((PlotRenderer.TrailGroup(first: index, last: index, kind: kind, column: column, row: 0, side: side), (x, y)))
            }
        }
        let alternate = palette.shown(RGBColor.OkabeIto.reddishPurple)
        for (group, point) in groups {
            let color = group.kind == .alternate ? alternate : palette.theme.text
            guard box.insetBy(1).contains(point.x, point.y) else { continue }
            svg.element("circle", [("cx", SVGWriter.number(point.x)), ("cy", SVGWriter.number(point.y)), ("r", SVGWriter.number(dot / 2)),
                                   ("fill", color.hex), ("stroke", palette.theme.background.hex), ("stroke-width", "0.6")])
        }
        for (group, point) in groups {
            let label = PlotRenderer.trailLabel(trail, group)
            let color = group.kind == .alternate ? alternate : palette.theme.text
            let candidates = placer.around(point, gap: size * 0.6)
            guard let spot = placer.place(label, candidates: candidates, size: size) else { continue }
            svg.text(label, x: spot.x, y: spot.y, [("text-anchor", spot.anchor.rawValue), ("font-size", SVGWriter.number(size)),
                                                   ("fill", color.hex)])
        }
    }

    /// The free labels near their anchors.
    static func placeLabels(_ geometry: FigureGeometry, palette: FigurePalette, placer: inout FigureLabelPlacer,
                            into svg: inout SVGWriter) {
        let size = palette.options.fontSize * 0.92
        for label in geometry.plot.labels {
            guard let point = geometry.point(label.anchor) else { continue }
            guard let spot = placer.place(label.text, candidates: placer.around(point, gap: size * 0.8), size: size) else { continue }
            svg.text(label.text, x: spot.x, y: spot.y, [("text-anchor", spot.anchor.rawValue), ("font-size", SVGWriter.number(size)),
                                                        ("font-weight", "bold"), ("fill", palette.theme.text.hex)])
        }
    }

    /// The marks on the x axis (e.g. a bracket's ends), just above the axis line.
    static func drawAxisMarks(_ geometry: FigureGeometry, palette: FigurePalette, into svg: inout SVGWriter) {
        let size = palette.options.fontSize * 1.1
        for mark in geometry.plot.axisMarks {
            guard geometry.inRange(mark.x), let x = geometry.px(mark.x) else { continue }
            svg.text(mark.text, x: x, y: geometry.box.maxY - size * 0.25, [("text-anchor", "middle"), ("font-size", SVGWriter.number(size)),
                                                                          ("font-weight", "bold"), ("fill", palette.theme.text.hex)])
        }
    }
}
