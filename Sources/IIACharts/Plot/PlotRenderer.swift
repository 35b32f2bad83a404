/// Draws a ``Plot`` into a rectangle of a ``CellBuffer`` as a list of layers: the frame (legend,
/// caption), the heatmap, regions, bands, reference lines, series, markers and the trail, labels, margin
/// labels, and the axes last.
///
/// Any rectangle (empty, tiny, huge) and any finite values are accepted: parts that do not fit
/// are left out and non-finite values are skipped.
public enum PlotRenderer {
    /// Draws `plot` into `rect` of `buffer`; returns where markers, lines and the trail went.
    @discardableResult
    public static func render(_ plot: Plot, into buffer: inout CellBuffer, rect: Rect) -> PlotRendering {
        guard !rect.isEmpty else { return PlotRendering(plot: Rect(x: rect.x, y: rect.y, width: 0, height: 0)) }
        let (frame, yTicks, legend) = drawFrame(plot, into: &buffer, rect: rect)
        var rendering = PlotRendering(plot: frame.plot)
        rendering.legendShown = legend.sorted()
        rendering.seriesDrawn = plot.series.indices.filter { legend.isSuperset(of: plot.series[$0].legendItems) }
        guard !frame.plot.isEmpty else { return rendering }
        if let message = plot.message {
            let below = Rect(x: rect.x, y: frame.plot.y, width: rect.width, height: rect.maxY - frame.plot.y)
            drawMessage(message, style: plot.appearance.title, into: &buffer, rect: below)
            return PlotRendering(plot: Rect(x: rect.x, y: rect.y, width: 0, height: 0))
        }
        let geometry = geometry(plot, frame: frame, legend: legend)
        drawHeatmap(geometry, into: &buffer)
        let (regionMap, splitCells) = drawRegions(geometry, into: &buffer)
        let bandCells = drawBands(geometry, into: &buffer)
        let lines = drawHorizontalLines(geometry, bandCells: bandCells, into: &buffer)
        let verticals = drawVerticalLines(geometry, into: &buffer)
        rendering.verticalLineColumns = verticals.map(\.column)
        var placer = drawSeries(geometry, into: &buffer)
        for line in verticals where plot.verticalLines[line.index].placement == .besideHighest {
            for row in frame.plot.y..<frame.plot.maxY { placer.markCurve(x: line.column, y: row) }
        }
        drawInlineGlyphs(geometry, into: &buffer, placer: &placer)
        rendering.markerCells = drawMarkers(geometry, into: &buffer, placer: &placer)
        drawTrail(geometry, into: &buffer, placer: &placer, rendering: &rendering)
        placeRegionLabels(geometry, regionMap, avoiding: Set(rendering.markerCells.map(\.row)), into: &buffer, placer: &placer)
        placeHorizontalLineLabels(geometry, lines, into: &buffer, placer: &placer)
        placeLabels(geometry, into: &buffer, placer: &placer)
        placeSeriesNames(geometry, into: &buffer, placer: &placer)
        placeVerticalLineLabels(geometry, verticals, into: &buffer, placer: &placer)
        settleSplitCells(geometry, splitCells, markers: rendering.markerCells, into: &buffer)
        drawMarginLabels(geometry, into: &buffer)
        drawAxes(geometry, yTicks: yTicks, into: &buffer)
        return rendering
    }

    /// Where `plot` drawn into `rect` puts its plotting area (legend, caption, axes and the
    /// tick rows laid out as ``render(_:into:rect:)`` does), without drawing anything: for callers
    /// that size data to the plot (a heatmap grid with one value per cell) or map a click back to
    /// data. Empty for a plot showing its message instead.
    public static func plotArea(_ plot: Plot, in rect: Rect) -> Rect {
        guard !rect.isEmpty, plot.message == nil else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        var scratch = CellBuffer(width: rect.width, height: rect.height)
        let area = drawFrame(plot, into: &scratch, rect: Rect(x: 0, y: 0, width: rect.width, height: rect.height)).frame.plot
        return Rect(x: rect.x + area.x, y: rect.y + area.y, width: area.width, height: area.height)
    }

    /// The mapping of `plot` onto the frame's plotting area, with every sampled function sampled.
    static func geometry(_ plot: Plot, frame: ChartFrame, legend: Set<Int>) -> PlotGeometry {
        let braille = !plot.appearance.ascii
        let dots = (x: braille ? 2 : 1, y: braille ? 4 : 1)
        let area = frame.plot
        let x = PlotXScale(plot.x, dots: area.width * dots.x)
        var range = (lower: 0.0, upper: 1.0)
        if plot.y.range == .fitted {
            let fitted = FittedYAxis(range: fittedRange(plot), height: area.height)
            range = (fitted.lower, fitted.upper)
        }
        let y = LinearAxis(lower: range.lower, upper: range.upper, count: max(1, area.height * dots.y), flipped: true)
        let sampled = sample(plot, at: (0..<max(1, area.width * dots.x)).map { x.value(at: Double($0)) })
        return PlotGeometry(
            description: plot, frame: frame, area: area, dotsPerCell: dots, x: x, y: y,
            samples: sampled.values, shifts: sampled.shifts, legendShown: legend)
    }

    /// Every sampled function at `xs`, lowered by its baseline's smallest finite value there.
    static func sample(_ plot: Plot, at xs: [Double]) -> (values: [[Double]?], shifts: [Double]) {
        var values: [[Double]?] = [], shifts: [Double] = []
        for series in plot.series {
            guard case .function(let function, let baseline) = series.data else {
                values.append(nil)
                shifts.append(0)
                continue
            }
            let shift = baseline.map { base in xs.map(base.evaluate).filter(\.isFinite).min() ?? 0 } ?? 0
            values.append(xs.map { function.evaluate($0) - shift })
            shifts.append(shift)
        }
        return (values, shifts)
    }

    /// The y range of a fitted axis: from the lowest value (or 0) to the highest, the functions
    /// sampled at 200 points (a unit range when flat).
    static func fittedRange(_ plot: Plot) -> (lower: Double, upper: Double) {
        let coarse = PlotXScale(plot.x, dots: 200)
        let sampled = sample(plot, at: (0..<200).map { coarse.value(at: Double($0)) }).values
        var all = sampled.compactMap { $0 }.flatMap { $0 }
        for series in plot.series {
            if case .points(let points) = series.data { all += points.map(\.y) }
        }
        all = all.filter(\.isFinite)
        let lower = min(0, all.min() ?? 0), upper = all.max() ?? 1
        return upper > lower ? (lower, upper) : (lower, lower + 1)
    }
}
