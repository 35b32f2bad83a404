import Foundation
import IIACharts
import IIACore

/// The (zeta, p*(1)) unit square: F(zeta) for the current |Y| and fainter curves for other |Y|,
/// the region where RLPO/DPO go to M2 shaded, the perverse part hatched, the current point.
/// With rankings the current boundary is G(zeta) (G_J for fixed queries), drawn solid, with the
/// choices' F(zeta) (J/|Y|) dashed and faint beside it; the regions follow G.
struct BoundaryChartData {
    let parameters: ModelParameters
    let style: ChartStyle

    /// The other |Y| drawn faintly.
    static let referenceSizes = [2, 3, 4, 8]

    enum Region { case m1, m2, m2Perverse, m1Perverse }

    /// Where (zeta, p) lies for choice sets of size k (sampled queries, dichotomy choices).
    static func region(zeta: Double, p: Double, k: Int) -> Region {
        region(p: p, boundary: FailureBoundary.F(zeta: zeta, k: k))
    }

    /// Where p lies against a boundary value: below it RLPO/DPO go to M2, and between it and
    /// 1/2 they go against the majority.
    static func region(p: Double, boundary f: Double) -> Region {
        if p < f { return p > 0.5 ? .m2Perverse : .m2 }
        return p < 0.5 && p > f ? .m1Perverse : .m1
    }

    /// The boundary in the square for the scenario: F(zeta) for sampled queries, the constant
    /// J/|Y| for fixed ones; under logit choices the y axis is the share preferring M1,
    /// sigmoid(R), and the boundary is 1/2 (IIA holds: no perverse region).
    /// With rankings (dichotomy model) G(zeta) or G_J replace F(zeta) and J/|Y|.
    static func boundary(_ parameters: ModelParameters) -> @Sendable (Double) -> Double {
        boundary(parameters, responses: parameters.responses)
    }

    /// The boundary of `parameters` as if its annotators gave `responses`.
    static func boundary(_ parameters: ModelParameters, responses: ResponseFormat) -> @Sendable (Double) -> Double {
        if case .logit = parameters.choiceModel { return { _ in 0.5 } }
        let k = parameters.k
        switch parameters.queries {
        case .sampled:
            return { FailureBoundary.boundary(zeta: $0, k: k, responses: responses) }
        case .fixed(let count):
            let value = FailureBoundary.boundary(fixedM1Count: count, k: k, responses: responses)
            return { _ in value }
        }
    }

    /// Whether the chart shows rankings: G is the boundary and F is drawn beside it.
    var isRanking: Bool { parameters.responses == .ranking && !isLogit }

    /// The point's height: p*(1), or sigmoid(R) under logit choices.
    static func pointShare(_ parameters: ModelParameters) -> Double {
        parameters.choiceModel.pairwiseShareM1(p1: parameters.p1)
    }

    var isLogit: Bool {
        if case .logit = parameters.choiceModel { return true }
        return false
    }

    var fixedCount: Int? {
        if case .fixed(let count) = parameters.queries { return count }
        return nil
    }

    /// Two decimals, or four significant digits when two would round the value.
    static func number(_ value: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        if abs(value * scale - (value * scale).rounded()) < 1e-9 { return String(format: "%.\(decimals)f", value) }
        return String(format: "%.\(decimals + 1)f", value)
    }

    /// The one-line verdict, e.g. "|Y|=4: p*(1)=0.60 < F(0.80)=0.663 → M2 (perverse)",
    /// "J=2 of |Y|=3: p*(1)=0.60 < J/|Y|=0.667 → M2 (perverse)", or under logit choices
    /// "logit choices satisfy IIA: no perverse region; R = 0.5 → M1".
    static func caption(_ parameters: ModelParameters, ascii: Bool) -> String {
        let verdict = FailureBoundary.verdictForResponses(parameters)
        let arrow = ascii ? "->" : "→"
        if case .logit(let gap) = parameters.choiceModel {
            let r = AxisTicks.trimmed(gap, digits: 3)
            let outcome = verdict.limit.map { "\(arrow) \($0.rawValue)" } ?? "no preference"
            return "logit choices satisfy IIA: no perverse region; R = \(r) \(outcome)"
        }
        let p = number(parameters.p1, decimals: 2), zeta = number(parameters.zeta, decimals: 2)
        let f = String(format: "%.3f", verdict.boundary)
        let relation: String, outcome: String
        switch verdict.limit {
        case .m1?: relation = ">"; outcome = "\(arrow) M1"
        case .m2?: relation = "<"; outcome = "\(arrow) M2"
        case nil: relation = "="; outcome = "on the boundary"
        }
        let perverse = verdict.isPerverse ? " (perverse)" : ""
        let ranked = parameters.responses == .ranking
        if case .fixed(let count) = parameters.queries {
            let (lead, name) = ranked ? (" rankings", "G_J") : ("", "J/|Y|")
            return "J=\(count) of |Y|=\(parameters.k)\(lead): p*(1)=\(p) \(relation) \(name)=\(f) \(outcome)\(perverse)"
        }
        let (lead, name) = ranked ? (" rankings", "G") : ("", "F")
        return "|Y|=\(parameters.k)\(lead): p*(1)=\(p) \(relation) \(name)(\(zeta))=\(f) \(outcome)\(perverse)"
    }

    var regionChars: (m2: String, perverse: String) { style.ascii ? (".", "/") : ("·", "╱") }

    func regionStyle(_ region: Region) -> CellStyle {
        switch region {
        case .m1: return style.theme.text
        case .m2: return style.theme.m2Region
        case .m2Perverse, .m1Perverse: return style.theme.perverseRegion
        }
    }

    var curveStyle: CellStyle { style.theme.strong }
    var otherCurveStyle: CellStyle { style.theme.reference }
    /// The choices' boundary beside G (rankings): faint like the other |Y|, and dashed.
    var choiceCurveStyle: CellStyle { style.theme.reference }
    var choiceCurveKey: String { style.ascii ? "F" : "╍" }
    var pointStyle: CellStyle { style.theme.currentPoint }
    /// The point's coordinates: its colour in bold on the canvas (never reversed).
    var pointLabelStyle: CellStyle { CellStyle(foreground: pointStyle.reverse ? .default : pointStyle.foreground, bold: true) }

    /// The legend: the boundary, the other |Y| (their curves and end labels name this entry),
    /// the regions and the point; short texts for narrow charts.
    func legendItems(otherSizes: [Int]) -> [LegendItem] {
        let arrow = style.ascii ? "->" : "→"
        let curveKey = style.ascii ? "*" : "━"
        var items: [LegendItem]
        if isLogit {
            items = [LegendItem(key: curveKey, keyStyle: curveStyle, text: "boundary 1/2 (IIA holds)", shortText: "1/2 (IIA)")]
        } else if isRanking {
            // The current boundary first (it is kept when the row is short), then the choices' one
            // (entry 1, see ``choiceBoundaryLayers()``).
            let current = fixedCount == nil ? "G(zeta), |Y|=\(parameters.k)" : "G_J (rankings)"
            items = [LegendItem(key: curveKey, keyStyle: curveStyle, text: current, shortText: fixedCount == nil ? "G" : "G_J"),
                     LegendItem(key: choiceCurveKey, keyStyle: choiceCurveStyle, text: fixedCount == nil ? "F (choices)" : "J/|Y| (choices)",
                                shortText: fixedCount == nil ? "F" : "J/|Y|")]
        } else if let fixedCount {
            items = [LegendItem(key: curveKey, keyStyle: curveStyle, text: "J/|Y|=\(fixedCount)/\(parameters.k)")]
        } else {
            items = [LegendItem(key: curveKey, keyStyle: curveStyle, text: "F(zeta), |Y|=\(parameters.k)", shortText: "F, |Y|=\(parameters.k)")]
        }
        if !otherSizes.isEmpty {
            items.append(LegendItem(key: otherSizes.map(String.init).joined(separator: ","), keyStyle: otherCurveStyle,
                                    text: otherSizes == [2] ? "|Y|=2 (p=1/2)" : "other |Y|", shortText: otherSizes == [2] ? "p=1/2" : "|Y|"))
        }
        items.append(LegendItem(key: regionChars.m2, keyStyle: regionStyle(.m2), text: "RLPO/DPO\(arrow)M2", shortText: "\(arrow)M2"))
        if !isLogit {
            items.append(LegendItem(key: regionChars.perverse, keyStyle: regionStyle(.m2Perverse), text: "perverse"))
        }
        items.append(LegendItem(key: style.ascii ? "@" : "●", keyStyle: pointStyle, text: "now"))
        return items
    }

    /// The other |Y| drawn: |Y| = 2 (p = 1/2, the majority's edge) always, the others on roomy
    /// plots (sampled queries only; under logit choices the boundary is 1/2).
    func otherSizes(roomy: Bool) -> [Int] {
        if isLogit { return [] }
        if let fixedCount { return 2 * fixedCount == parameters.k ? [] : [2] }
        if isRanking { return parameters.k == 2 ? [] : [2] }
        return Self.referenceSizes.filter { $0 != parameters.k && ($0 == 2 || roomy) }
    }

    /// The boundary of choice sets of `size` as a sampled function (zeta clamped inside (0, 1)).
    func boundaryFunction(_ size: Int) -> SampledFunction {
        let clamp = { @Sendable (zeta: Double) in min(0.9999, max(0.0001, zeta)) }
        if size == parameters.k {
            let boundary = Self.boundary(parameters)
            let key = "boundary \(parameters.k) \(parameters.queries) \(parameters.choiceModel) \(parameters.responses)"
            return SampledFunction(key: key) { boundary(clamp($0)) }
        }
        return SampledFunction(key: "F k=\(size)") { FailureBoundary.F(zeta: clamp($0), k: size) }
    }

    /// The choices' boundary for the current |Y| and query format (drawn beside G with rankings).
    var choiceBoundaryFunction: SampledFunction {
        let clamp = { @Sendable (zeta: Double) in min(0.9999, max(0.0001, zeta)) }
        let boundary = Self.boundary(parameters, responses: .choice)
        return SampledFunction(key: "choice boundary \(parameters.k) \(parameters.queries)") { boundary(clamp($0)) }
    }

    /// The choices' boundary as a dashed faint series with its margin label (rankings only).
    func choiceBoundaryLayers() -> (series: [PlotSeries], labels: [MarginLabel]) {
        guard isRanking else { return ([], []) }
        let function = choiceBoundaryFunction
        var series = PlotSeries(.function(function, baseline: nil), glyph: "F", style: choiceCurveStyle, pattern: .dashed)
        var label = MarginLabel(y: function.evaluate(0.9999), text: fixedCount == nil ? "F" : "J/|Y|", style: choiceCurveStyle)
        // Tied to legend entry 1, the choices' boundary (see ``legendItems(otherSizes:)``).
        series.legendItems = [1]
        label.legendItems = [1]
        return ([series], [label])
    }

    /// The chart as plain data for a rectangle `roomy` enough for the other |Y| (22 rows, 50 columns).
    func plot(roomy: Bool) -> Plot {
        let k = parameters.k, others = otherSizes(roomy: roomy)
        let arrow = style.ascii ? "->" : "→"
        let xAxis = PlotXAxis(
            scale: .linear, lower: 0, upper: 1, title: "zeta", longTitle: "zeta = P_base(M1)",
            ticks: .values(narrow: [0, 0.25, 0.5, 0.75, 1], wide: (0...10).map { Double($0) / 10 }, wideFrom: 50), format: .fraction)
        var plot = Plot(x: xAxis, y: PlotYAxis(range: .unit, title: isLogit ? "sigmoid(R)" : "p*(1)"), rightMargin: xAxis.title.count + 4,
                        appearance: ChartPalette.appearance(style))
        plot.legend = legendItems(otherSizes: others)
        let text = Self.caption(parameters, ascii: style.ascii)
        let captionStyle = FailureBoundary.verdictForResponses(parameters).isPerverse ? style.theme.error : style.theme.heading
        plot.caption = PlotCaption(parts: [text], fallback: String(text.drop { $0 != ":" }.dropFirst().drop { $0 == " " }),
                                   style: captionStyle)
        let f = boundaryFunction(k), half = SampledFunction.constant(0.5)
        func label(_ region: Region) -> CellStyle {
            var labelStyle = regionStyle(region)
            labelStyle.bold = true
            labelStyle.dim = false
            return labelStyle
        }
        let perverse = Cell(Character(regionChars.perverse), style: regionStyle(.m2Perverse))
        plot.regions = [
            PlotRegion(lower: half, upper: f, fill: perverse, label: "perverse", labelStyle: label(.m2Perverse)),
            PlotRegion(lower: f, upper: half, fill: perverse, label: "perverse", labelStyle: label(.m1Perverse)),
            PlotRegion(lower: nil, upper: f, fill: Cell(Character(regionChars.m2), style: regionStyle(.m2)),
                       label: "\(arrow) M2", labelStyle: label(.m2)),
            PlotRegion(lower: nil, upper: nil, fill: nil, label: "\(arrow) M1", labelStyle: label(.m1)),
        ]
        // The other |Y| are tied to their legend entry (after the choices' boundary with rankings).
        let othersItem = others.isEmpty ? [] : [isRanking ? 2 : 1]
        let choices = choiceBoundaryLayers()
        plot.series = others.map { size in
            var curve = PlotSeries(.function(boundaryFunction(size), baseline: nil), glyph: size < 10 ? Character(String(size)) : "-",
                                   style: otherCurveStyle)
            curve.legendItems = othersItem
            return curve
        } + choices.series + [PlotSeries(.function(f, baseline: nil), glyph: "*", style: curveStyle)]
        plot.marginOverlap = .firstOnly
        plot.marginLabels = ([k] + others).map { size in
            var text = String(size)
            if size == k, let fixedCount { text = "\(fixedCount)/\(k)" }
            if size == k, isLogit { text = "1/2" }
            if size == k, isRanking { text = fixedCount == nil ? "G" : "G_J" }
            var label = MarginLabel(y: boundaryFunction(size).evaluate(0.9999), text: text, style: size == k ? curveStyle : otherCurveStyle)
            label.legendItems = size == k ? [] : othersItem
            return label
        } + choices.labels
        let share = Self.pointShare(parameters)
        let point = PlotAnchor.point(x: parameters.zeta, y: share)
        plot.markers = [PlotMarker(point, glyph: style.ascii ? "@" : "●", style: pointStyle)]
        let pointLabel = "(\(Self.number(parameters.zeta, decimals: 2)),\(Self.number(share, decimals: 2)))"
        plot.labels = [PlotLabel(pointLabel, at: point, style: pointLabelStyle,
                                 placement: .beside(rowOffsets: [0, -1, 1, -2, 2]))]
        return plot
    }
}
