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

    /// The simulated sweep when it holds at least one dataset.
    var simulatedSweep: Sweep? { simulated.flatMap { $0.simulations > 0 ? $0 : nil } }

    /// Whether RLPO and DPO are drawn as one curve: the same expected curve and, under Monte
    /// Carlo, the same mean.
    var merged: Bool { Self.merged(sweep, simulated: simulatedSweep) }

    /// Whether RLPO and DPO are one curve in `sweep` and in the simulated one (when given).
    static func merged(_ sweep: Sweep, simulated: Sweep?) -> Bool {
        sameCurve(sweep.series(for: .rlpo), sweep.series(for: .dpo))
            && (simulated.map { sameCurve($0.series(for: .rlpo), $0.series(for: .dpo)) } ?? true)
    }

    /// The algorithms drawn, in order (DPO left out when merged with RLPO).
    var algorithms: [Algorithm] { Self.drawnAlgorithms(sweep, simulated: simulatedSweep) }

    /// The algorithms drawn for `sweep`: every one with a series, except DPO when merged with
    /// RLPO and any algorithm that does not apply to the sweep's responses (SLiC on rankings).
    static func drawnAlgorithms(_ sweep: Sweep, simulated: Sweep?) -> [Algorithm] {
        let merged = merged(sweep, simulated: simulated)
        return Algorithm.allCases.filter { algorithm in
            sweep.series(for: algorithm) != nil && !(merged && algorithm == .dpo)
                && algorithm.inapplicabilityReason(for: sweep.parameters.responses) == nil
        }
    }

    /// The algorithm whose expected curve, mean and band are drawn under Monte Carlo: the focus
    /// (RLPO when DPO is merged into it), else the first drawn.
    var bandAlgorithm: Algorithm {
        let drawn = algorithms
        let wanted = focus.map { $0 == .dpo && merged ? .rlpo : $0 } ?? .rlpo
        return drawn.contains(wanted) ? wanted : (drawn.first ?? wanted)
    }

    /// An algorithm's legend entry.
    func legendItem(_ algorithm: Algorithm) -> LegendItem {
        LegendItem(key: String(algorithm.chartGlyph), keyStyle: ChartPalette.glyph(algorithm, style),
                   text: algorithm == .rlpo && merged ? "RLPO=DPO" : algorithm.name, textStyle: ChartPalette.series(algorithm, style))
    }

    /// The legend and where each layer's entries are: per algorithm, the Monte Carlo note
    /// (solid: expected, dotted: mean) and the band. Under Monte Carlo the focused algorithm,
    /// the note and the band come first (they stay when the legend is cut), then the others.
    func legend() -> (items: [LegendItem], index: [Algorithm: Int], note: Int?, band: Int?) {
        var items: [LegendItem] = [], index: [Algorithm: Int] = [:]
        var note: Int?, band: Int?
        var order = algorithms
        if let simulated = simulatedSweep {
            order = [bandAlgorithm] + order.filter { $0 != bandAlgorithm }
            index[bandAlgorithm] = 0
            items.append(legendItem(bandAlgorithm))
            note = items.count
            items.append(LegendItem(key: "", keyStyle: .plain, text: "solid: expected, dotted: mean of \(simulated.simulations) datasets",
                                    shortText: "dotted: mean"))
            let q = Sweep.bandQuantiles, dash = style.ascii ? "-" : "–"
            let range = "\(Int((q.lower * 100).rounded()))\(dash)\(Int((q.upper * 100).rounded()))%"
            band = items.count
            items.append(LegendItem(key: Self.bandKey(style), keyStyle: bandStyle, text: "\(range) band (\(bandAlgorithm.name))",
                                    shortText: range))
        }
        for algorithm in order where index[algorithm] == nil {
            index[algorithm] = items.count
            items.append(legendItem(algorithm))
        }
        if references {
            let glyphs = Self.referenceGlyphs(style)
            let referenceStyle = ChartPalette.reference(style)
            items.append(LegendItem(key: String(repeating: glyphs.majority, count: 2), keyStyle: referenceStyle, text: "majority"))
            items.append(LegendItem(
                key: String(repeating: glyphs.inclusive, count: 2), keyStyle: referenceStyle, text: Self.inclusiveName(sweep.parameters)))
        }
        return (items, index, note, band)
    }

    /// The band's key: two cells of its texture.
    static func bandKey(_ style: ChartStyle) -> String { style.ascii ? "::" : "⡂⡂" }

    /// The band's style: its algorithm's series colour as a foreground, without a background. It
    /// is light by its sparse texture (two dots a cell), not by dimming, so its dots keep the
    /// series colour's contrast.
    var bandStyle: CellStyle {
        var light = ChartPalette.series(bandAlgorithm, style)
        light.background = .default
        light.bold = false
        return light
    }

    /// The chart as plain data. Without Monte Carlo: every algorithm's expected curve (RLPO
    /// last, on top). With it: the focused algorithm's 10–90% band (light, behind), its
    /// expected curve (solid) and mean (dotted), and only the means (dotted) of the others,
    /// each with its glyph along the curve and at its end. Every layer names its legend entry,
    /// so a legend cut short leaves its layers out.
    func plot() -> Plot {
        let (low, high) = xRange
        let xAxis = PlotXAxis(scale: .logarithmic, lower: low, upper: high, title: sweep.axis.label, format: .count)
        var plot = Plot(x: xAxis, y: PlotYAxis(range: .unit, title: "P(M1)"), rightMargin: xAxis.title.count + 4,
                        appearance: ChartPalette.appearance(style))
        let legend = legend()
        plot.legend = legend.items
        plot.legendOverflowHint = "Tab/f for full"
        let missing = Algorithm.allCases.filter { $0.inapplicabilityReason(for: sweep.parameters.responses) != nil }
        if !missing.isEmpty {
            // The curves left out (SLiC on rankings) are named under the chart, never drawn.
            plot.caption = PlotCaption(parts: missing.map { "\($0.name) \(PolicyVerdict.notApplicableText)" }, style: style.theme.dimText)
        }
        if let simulated = simulatedSweep, let series = simulated.series(for: bandAlgorithm),
           let lower = series.lower, let upper = series.upper, let bandItem = legend.band {
            var band = PlotBand(xs: simulated.xs, lower: lower, upper: upper, fill: Cell(":", style: bandStyle))
            band.legendItems = [bandItem]
            band.figure = FigureLook(color: bandAlgorithm.figureColor, legend: figureBandLegend(simulated))
            plot.bands.append(band)
        }
        addReferenceLines(to: &plot)
        if let marker {
            plot.verticalLines = [VerticalLine(x: marker, glyph: style.ascii ? "|" : "│", style: ChartPalette.marker(style),
                                               label: "\(xAxis.title)=\(Self.markerLabel(marker))", placement: .besideHighest)]
            plot.verticalLines[0].figure = FigureLook(color: RGBColor(150, 150, 150), width: 1)
        }
        addCurves(to: &plot, legend: legend.index, note: legend.note)
        return plot
    }

    /// The majority-optimal and inclusive lines (labelled on the line).
    func addReferenceLines(to plot: inout Plot) {
        guard references else { return }
        let values = Self.referenceValues(sweep.parameters), glyphs = Self.referenceGlyphs(style)
        plot.horizontalLines = [
            HorizontalLine(y: values.inclusive, glyph: glyphs.inclusive, style: ChartPalette.reference(style), label: "inclusive"),
            HorizontalLine(y: values.majority, glyph: glyphs.majority, style: ChartPalette.reference(style), label: "majority"),
        ]
        plot.horizontalLines[0].figure = FigureLook(legend: Self.inclusiveName(sweep.parameters), dash: .dotted)
        plot.horizontalLines[1].figure = FigureLook(legend: "majority-optimal", dash: .dashed)
    }

    /// The curves (means first, then expected ones, the focused or RLPO last) and their end labels.
    func addCurves(to plot: inout Plot, legend index: [Algorithm: Int], note: Int?) {
        let simulated = simulatedSweep, merged = merged
        for algorithm in algorithms.reversed() {
            guard let simulated, let note, let series = simulated.series(for: algorithm), let item = index[algorithm] else { continue }
            var curve = PlotSeries(.points(Self.points(simulated.xs, series.values)), glyph: algorithm.chartGlyph,
                                   style: ChartPalette.series(algorithm, style), pattern: .dotted,
                                   inlineGlyph: style.ascii || algorithm == bandAlgorithm ? nil : Cell(algorithm.chartGlyph, style: ChartPalette.glyph(algorithm, style)))
            curve.legendItems = [item, note]
            curve.figure = FigureLook(color: algorithm.figureColor, legend: "\(algorithm.name), mean of \(simulated.simulations) datasets",
                                      dash: .dotted, width: 1.5)
            plot.series.append(curve)
        }
        let expected = simulated == nil ? algorithms.reversed() : [bandAlgorithm]
        for algorithm in expected {
            guard let series = sweep.series(for: algorithm), let item = index[algorithm] else { continue }
            let glyph = algorithm.chartGlyph
            var curve = PlotSeries(.points(Self.points(sweep.xs, series.values)), glyph: glyph, style: ChartPalette.series(algorithm, style),
                                   pattern: algorithm == .dpo && !style.ascii ? .dashed : .solid,
                                   inlineGlyph: style.ascii ? nil : Cell(glyph, style: ChartPalette.glyph(algorithm, style)))
            curve.legendItems = [item]
            curve.figure = algorithm.figureLook(legend: algorithm == .rlpo && merged ? "RLPO = DPO" : algorithm.name)
            plot.series.append(curve)
        }
        plot.marginLabels = algorithms.compactMap { algorithm in
            let source = simulated != nil && algorithm != bandAlgorithm ? simulated : sweep
            guard let source, let series = source.series(for: algorithm), let item = index[algorithm],
                  let last = Array(zip(source.xs, series.values)).last(where: { $0.1.isFinite }) else { return nil }
            var label = MarginLabel(y: last.1, text: String(algorithm.chartGlyph), style: ChartPalette.glyph(algorithm, style))
            label.legendItems = [item]
            return label
        }
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
