import Foundation
import IIACharts
import IIACore

/// P(M1) against |D| or |M2| on a log axis: one curve per algorithm, optional simulated means
/// with quantile bands, a marker line at the current value, a legend, glyphs on the curves.
struct SweepChartData {
    let sweep: Sweep
    let simulated: Sweep?
    let marker: Double?
    let focus: Algorithm?
    let style: ChartStyle
    /// Whether to draw the majority-optimal and inclusive reference lines.
    var references: Bool = true

    /// The two targets a policy can be compared with: the majority-optimal P(M1) (1 when the
    /// majority prefers M1, 0 when it prefers M2, 1/2 on a tie) and the inclusive P(M1) (the
    /// share preferring M1 one-versus-one: p*(1), or sigmoid(R) under logit choices).
    static func referenceValues(_ parameters: ModelParameters) -> (majority: Double, inclusive: Double) {
        let verdict = FailureBoundary.verdictForResponses(parameters)
        let majority: Double
        switch verdict.majority {
        case .m1?: majority = 1
        case .m2?: majority = 0
        case nil: majority = 0.5
        }
        return (majority, verdict.majorityShare)
    }

    /// The glyphs of the reference lines: majority, inclusive.
    static func referenceGlyphs(_ style: ChartStyle) -> (majority: Character, inclusive: Character) {
        style.ascii ? ("=", "~") : ("═", "┈")
    }

    /// The name of the inclusive target in the legend.
    static func inclusiveName(_ parameters: ModelParameters) -> String {
        if case .logit = parameters.choiceModel { return "inclusive sigmoid(R)" }
        return "inclusive p*(1)"
    }

    /// Whether two series are the same curve (RLPO and DPO usually are).
    static func sameCurve(_ a: SweepSeries?, _ b: SweepSeries?) -> Bool {
        guard let a, let b, a.values.count == b.values.count else { return false }
        func same(_ x: [Double]?, _ y: [Double]?) -> Bool {
            guard let x, let y else { return x == nil && y == nil }
            return x.count == y.count && zip(x, y).allSatisfy { ($0.isNaN && $1.isNaN) || abs($0 - $1) <= 1e-6 }
        }
        return same(a.values, b.values) && same(a.lower, b.lower) && same(a.upper, b.upper)
    }

    /// The series worth drawing (DPO left out when it equals RLPO, and any algorithm that does
    /// not apply to the sweep's responses, SLiC on rankings) and whether RLPO and DPO were merged.
    static func visibleSeries(_ sweep: Sweep) -> (series: [SweepSeries], merged: Bool) {
        let merged = sameCurve(sweep.series(for: .rlpo), sweep.series(for: .dpo))
        let ordered = Algorithm.allCases.filter { $0.inapplicabilityReason(for: sweep.parameters.responses) == nil }
            .compactMap { sweep.series(for: $0) }
        return (ordered.filter { !(merged && $0.algorithm == .dpo) }, merged)
    }

    /// Linear interpolation in log x; NaN outside the grid or next to a missing value.
    static func interpolate(_ xs: [Double], _ ys: [Double], at x: Double) -> Double {
        let count = min(xs.count, ys.count)
        guard count > 0, x > 0 else { return .nan }
        if count == 1 { return abs(xs[0] - x) <= 1e-9 * xs[0] ? ys[0] : .nan }
        let tolerance = 1e-9
        guard x >= xs[0] * (1 - tolerance), x <= xs[count - 1] * (1 + tolerance) else { return .nan }
        var high = 1
        while high < count - 1 && xs[high] < x { high += 1 }
        let low = high - 1
        guard xs[low] > 0, xs[high] > xs[low] else { return ys[low] }
        let t = min(1, max(0, (log(x) - log(xs[low])) / (log(xs[high]) - log(xs[low]))))
        return ys[low] + (ys[high] - ys[low]) * t
    }

    /// The x range: the sweeps' grids, or the axis's default range.
    var xRange: (lower: Double, upper: Double) {
        let xs = (sweep.xs + (simulated?.xs ?? [])).filter { $0 > 0 && $0.isFinite }
        guard let low = xs.min(), let high = xs.max() else {
            let range = sweep.axis.defaultRange
            return (range.from, range.to)
        }
        return (low, high)
    }

    /// The algorithm whose band is drawn: the focus, else RLPO (bands of all four overlap too much).
    var bandAlgorithm: Algorithm { focus ?? .rlpo }

    func legendItems(visible: [SweepSeries], merged: Bool) -> [LegendItem] {
        var items = visible.map { series -> LegendItem in
            let name = series.algorithm == .rlpo && merged ? "RLPO=DPO" : series.algorithm.name
            return LegendItem(
                key: String(series.algorithm.chartGlyph), keyStyle: ChartPalette.glyph(series.algorithm, style),
                text: name, textStyle: ChartPalette.series(series.algorithm, style))
        }
        if let simulated, simulated.simulations > 0 {
            let q = Sweep.bandQuantiles
            let dash = style.ascii ? "-" : "–"
            let band = "\(Int((q.lower * 100).rounded()))\(dash)\(Int((q.upper * 100).rounded()))% band"
            let curve = style.ascii ? "" : "dotted: "
            let bandKey = ChartPalette.bandCharacter(style)
            items.append(LegendItem(
                key: (style.ascii ? ". " : "") + bandKey + bandKey, keyStyle: ChartPalette.band(bandAlgorithm, style),
                text: "\(curve)mean of \(simulated.simulations) datasets, \(band) (\(bandAlgorithm.name))"))
        }
        if references {
            let glyphs = Self.referenceGlyphs(style)
            let referenceStyle = ChartPalette.reference(style)
            items.append(LegendItem(key: String(repeating: glyphs.majority, count: 2), keyStyle: referenceStyle, text: "majority"))
            items.append(LegendItem(
                key: String(repeating: glyphs.inclusive, count: 2), keyStyle: referenceStyle, text: Self.inclusiveName(sweep.parameters)))
        }
        return items
    }

    /// The chart as plain data: bands, reference lines, the marker line, the curves (simulated
    /// means dotted, then the expected curves, RLPO last), glyphs along the curves and at their ends.
    func plot() -> Plot {
        let (visible, merged) = Self.visibleSeries(sweep)
        let simulatedVisible = simulated.map { Self.visibleSeries($0).series } ?? []
        let (low, high) = xRange
        let xAxis = PlotXAxis(scale: .logarithmic, lower: low, upper: high, title: sweep.axis.label, format: .count)
        var plot = Plot(x: xAxis, y: PlotYAxis(range: .unit, title: "P(M1)"), rightMargin: xAxis.title.count + 4,
                        appearance: ChartPalette.appearance(style))
        plot.legend = legendItems(visible: visible, merged: merged)
        let missing = Algorithm.allCases.filter { $0.inapplicabilityReason(for: sweep.parameters.responses) != nil }
        if !missing.isEmpty {
            // The curves left out (SLiC on rankings) are named under the chart, never drawn.
            plot.caption = PlotCaption(parts: missing.map { "\($0.name) \(PolicyVerdict.notApplicableText)" }, style: CellStyle(dim: true))
        }
        if let simulated {
            for series in simulatedVisible.reversed() where series.algorithm == bandAlgorithm {
                guard let lower = series.lower, let upper = series.upper else { continue }
                let fill = Cell(Character(ChartPalette.bandCharacter(style)), style: ChartPalette.band(series.algorithm, style))
                var band = PlotBand(xs: simulated.xs, lower: lower, upper: upper, fill: fill)
                band.figure = FigureLook(color: series.algorithm.figureColor, legend: figureBandLegend(simulated))
                plot.bands.append(band)
            }
        }
        if references {
            let values = Self.referenceValues(sweep.parameters), glyphs = Self.referenceGlyphs(style)
            plot.horizontalLines = [
                HorizontalLine(y: values.inclusive, glyph: glyphs.inclusive, style: ChartPalette.reference(style), label: "inclusive"),
                HorizontalLine(y: values.majority, glyph: glyphs.majority, style: ChartPalette.reference(style), label: "majority"),
            ]
            plot.horizontalLines[0].figure = FigureLook(legend: Self.inclusiveName(sweep.parameters), dash: .dotted)
            plot.horizontalLines[1].figure = FigureLook(legend: "majority-optimal", dash: .dashed)
        }
        if let marker {
            plot.verticalLines = [VerticalLine(x: marker, glyph: style.ascii ? "|" : "│", style: ChartPalette.marker(style),
                                               label: "\(xAxis.title)=\(Self.markerLabel(marker))", placement: .besideHighest)]
            plot.verticalLines[0].figure = FigureLook(color: RGBColor(150, 150, 150), width: 1)
        }
        if let simulated {
            plot.series += simulatedVisible.reversed().map { series in
                var curve = PlotSeries(.points(Self.points(simulated.xs, series.values)), glyph: ".",
                                       style: ChartPalette.series(series.algorithm, style), pattern: .dotted)
                curve.figure = FigureLook(color: series.algorithm.figureColor,
                                          legend: "\(series.algorithm.name), mean of \(simulated.simulations) datasets", dash: .dotted, width: 1.5)
                return curve
            }
        }
        plot.series += visible.reversed().map { series in
            let glyph = series.algorithm.chartGlyph
            var curve = PlotSeries(.points(Self.points(sweep.xs, series.values)), glyph: glyph,
                                   style: ChartPalette.series(series.algorithm, style),
                                   pattern: series.algorithm == .dpo && !style.ascii ? .dashed : .solid,
                                   inlineGlyph: style.ascii ? nil : Cell(glyph, style: ChartPalette.glyph(series.algorithm, style)))
            curve.figure = series.algorithm.figureLook(legend: series.algorithm == .rlpo && merged ? "RLPO = DPO" : series.algorithm.name)
            return curve
        }
        plot.marginLabels = visible.compactMap { series in
            Array(zip(sweep.xs, series.values)).last(where: { $0.1.isFinite }).map {
                MarginLabel(y: $0.1, text: String(series.algorithm.chartGlyph), style: ChartPalette.glyph(series.algorithm, style))
            }
        }
        return plot
    }

    /// The band's legend entry in a figure, e.g. "10–90% of 100 datasets".
    func figureBandLegend(_ simulated: Sweep) -> String {
        let q = Sweep.bandQuantiles
        return "\(Int((q.lower * 100).rounded()))–\(Int((q.upper * 100).rounded()))% of \(simulated.simulations) datasets (\(bandAlgorithm.name))"
    }

    /// The points (x, y) of a series.
    static func points(_ xs: [Double], _ ys: [Double]) -> [PlotPoint] { zip(xs, ys).map { PlotPoint($0, $1) } }

    /// The marker value: whole numbers in full (1000), others with four significant digits.
    static func markerLabel(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e9 { return String(Int(value)) }
        return AxisTicks.trimmed(value, digits: 4)
    }
}
