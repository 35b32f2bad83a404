/// Draws a ``Plot`` as a vector figure for papers and slides: an SVG document written by hand
/// (no dependency) with the curves as paths (functions sampled at 400 to 800 points, split at
/// gaps), a heatmap as rectangles, bands and regions as filled polygons, a box with ticks and labels (even steps on a
/// linear axis, decades on a log axis), axis titles, a title, a legend above the plot and the
/// caption under it.
///
/// Colours come from each layer's ``FigureLook`` (series without one get Okabe–Ito colours in
/// turn); strokes are dashed after the look or the series' ``LinePattern``, so that colour is
/// never the only thing telling series apart. Labels are placed where they cover no curve and
/// no other label, else left out. Any plot with finite values and any size is accepted (sizes
/// are clamped into ``FigureOptions/widthRange`` and ``FigureOptions/heightRange``): every number
/// written is finite and every text escaped.
public enum FigureSVG {
    /// The SVG document of `plot`; `description`, when given, becomes its `<desc>`.
    public static func render(_ plot: Plot, options: FigureOptions = FigureOptions(), description: String? = nil) -> String {
        let palette = FigurePalette(plot: plot, options: options)
        let layout = FigureLayout(plot: plot, options: options, palette: palette)
        let size = options.clampedSize, font = options.fontSize, n = SVGWriter.number
        var svg = SVGWriter()
        svg.element("rect", [("width", n(size.width)), ("height", n(size.height)), ("fill", options.theme.background.hex)])
        if let title = options.title {
            svg.text(title, x: size.width / 2, y: layout.padding + font * 1.35, [
                ("text-anchor", "middle"), ("font-size", n(font * 1.35)), ("font-weight", "bold"), ("fill", options.theme.text.hex)])
        }
        FigureLegend.draw(layout.legend, left: layout.box.x, top: layout.legendTop, rowHeight: layout.legendRowHeight,
                          palette: palette, into: &svg)
        drawData(plot, layout: layout, palette: palette, into: &svg)
        for (index, line) in layout.captionLines.enumerated() {
            svg.text(line, x: layout.box.x, y: layout.captionTop + Double(index) * font * 1.25 + font * 0.9,
                     [("font-size", n(font * 0.92)), ("fill", options.theme.text.hex)])
        }
        return svg.document(width: size.width, height: size.height, fontFamily: options.fontFamily, fontSize: font,
                            description: description)
    }

    /// The plot's layers inside the box (clipped to it), their labels, and the axes.
    static func drawData(_ plot: Plot, layout: FigureLayout, palette: FigurePalette, into svg: inout SVGWriter) {
        let geometry = FigureGeometry(plot: plot, box: layout.box), box = layout.box, n = SVGWriter.number
        svg.define(id: "plot-area", "<clipPath id=\"plot-area\"><rect x=\"\(n(box.x))\" y=\"\(n(box.y))\" "
                   + "width=\"\(n(box.width))\" height=\"\(n(box.height))\"/></clipPath>")
        var placer = FigureLabelPlacer(bounds: box, fontSize: palette.options.fontSize)
        svg.open("g", [("clip-path", "url(#plot-area)")])
        FigureHeatmap.draw(geometry, palette: palette, into: &svg)
        FigureFills.drawRegions(geometry, palette: palette, into: &svg)
        FigureFills.drawBands(geometry, palette: palette, into: &svg)
        FigureAxes.drawGrid(geometry, palette: palette, into: &svg)
        let verticals = FigureCurves.drawLines(geometry, palette: palette, into: &svg)
        for line in verticals { placer.addCurve([(line.x, box.y), (line.x, box.maxY)]) }
        FigureCurves.drawSeries(geometry, palette: palette, placer: &placer, into: &svg)
        FigureAnnotations.drawMarkers(geometry, palette: palette, placer: &placer, into: &svg)
        svg.close()
        FigureAnnotations.drawTrail(geometry, palette: palette, placer: &placer, into: &svg)
        FigureAnnotations.placeLabels(geometry, palette: palette, placer: &placer, into: &svg)
        FigureFills.placeRegionLabels(geometry, palette: palette, placer: &placer, into: &svg)
        FigureCurves.placeLineLabels(geometry, verticals: verticals, palette: palette, placer: &placer, into: &svg)
        FigureAxes.draw(geometry, palette: palette, into: &svg)
        FigureAnnotations.drawAxisMarks(geometry, palette: palette, into: &svg)
    }
}

/// Where the parts of a figure go: the title on top, the legend rows under it, the plot's box,
/// the tick labels and axis titles around it, the caption at the bottom.
struct FigureLayout {
    let padding: Double
    let box: PixelRect
    let legend: [FigureLegend.Placed]
    let legendTop: Double
    let legendRowHeight: Double
    let captionLines: [String]
    let captionTop: Double

    init(plot: Plot, options: FigureOptions, palette: FigurePalette) {
        let size = options.clampedSize, font = options.fontSize, tick = font * 0.45
        padding = font * 0.8
        let probe = FigureGeometry(plot: plot, box: PixelRect(x: 0, y: 0, width: size.width * 0.7, height: size.height * 0.6))
        let yLabelWidth = FigureAxes.yLabels(FigureAxes.yTicks(probe), plot: plot).map { FigureText.width($0, font) }.max() ?? 0
        let left = padding + font * 1.7 + yLabelWidth + font * 0.6 + tick
        let right = padding + font * 1.6
        let captionWidth = size.width - left - right
        captionLines = Self.wrap(plot.caption.map { $0.parts.joined(separator: ", ") } ?? "", width: captionWidth, fontSize: font * 0.92)
        let captionHeight = captionLines.isEmpty ? 0 : Double(captionLines.count) * font * 1.25 + font * 0.4
        let bottom = padding + tick + font * 2.9 + captionHeight
        let titleHeight = options.title == nil ? 0 : font * 1.35 * 1.45
        let secondary = plot.x.secondary == nil ? font * 0.5 : tick + font * 2.7
        legendRowHeight = font * 1.45
        legendTop = padding + titleHeight
        let spare = size.height - legendTop - secondary - bottom - max(80, size.height * 0.4)
        let maxRows = max(0, Int(spare / legendRowHeight))
        legend = FigureLegend.layout(FigureLegend.entries(plot, palette: palette), width: captionWidth, fontSize: font, maxRows: maxRows)
        let legendHeight = legend.isEmpty ? 0 : Double(FigureLegend.rows(legend)) * legendRowHeight + font * 0.3
        let top = legendTop + legendHeight + secondary
        box = PixelRect(x: left, y: top, width: max(20, size.width - left - right), height: max(20, size.height - top - bottom))
        captionTop = size.height - padding - captionHeight + font * 0.4
    }

    /// Words flowed into lines of at most `width` pixels; at most three lines (the last cut with "…").
    static func wrap(_ text: String, width: Double, fontSize: Double) -> [String] {
        let capacity = max(8, Int(width / (fontSize * 0.6)))
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            let next = line.isEmpty ? String(word) : line + " " + word
            if next.count <= capacity || line.isEmpty { line = next } else { lines.append(line); line = String(word) }
        }
        if !line.isEmpty { lines.append(line) }
        lines = lines.map { $0.count > capacity ? String($0.prefix(capacity - 1)) + "…" : $0 }
        if lines.count > 3 { lines = Array(lines.prefix(3)); lines[2] = String(lines[2].prefix(capacity - 1)) + "…" }
        return lines
    }
}
