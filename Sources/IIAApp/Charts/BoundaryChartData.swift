import Foundation
import IIACharts
import IIACore

/// The (zeta, p*(1)) unit square: F(zeta) for the current |Y| and fainter curves for other |Y|,
/// the region where RLPO/DPO go to M2 shaded, the perverse part hatched, the current point.
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
    static func boundary(_ parameters: ModelParameters) -> @Sendable (Double) -> Double {
        if case .logit = parameters.choiceModel { return { _ in 0.5 } }
        switch parameters.queries {
        case .sampled:
            let k = parameters.k
            return { FailureBoundary.F(zeta: $0, k: k) }
        case .fixed(let count):
            let value = Double(count) / Double(parameters.k)
            return { _ in value }
        }
    }

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
        let verdict = FailureBoundary.verdict(parameters)
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
        if case .fixed(let count) = parameters.queries {
            return "J=\(count) of |Y|=\(parameters.k): p*(1)=\(p) \(relation) J/|Y|=\(f) \(outcome)\(perverse)"
        }
        return "|Y|=\(parameters.k): p*(1)=\(p) \(relation) F(\(zeta))=\(f) \(outcome)\(perverse)"
    }

    var regionChars: (m2: String, perverse: String) { style.ascii ? (".", "/") : ("·", "╱") }

    func regionStyle(_ region: Region) -> CellStyle {
        switch region {
        case .m1: return .plain
        case .m2: return style.color ? CellStyle(foreground: .palette(74), background: .palette(17)) : CellStyle(dim: true)
        case .m2Perverse, .m1Perverse:
            return style.color ? CellStyle(foreground: .palette(210), background: .palette(52)) : .plain
        }
    }

    var curveStyle: CellStyle { style.color ? CellStyle(foreground: .palette(231), bold: true) : CellStyle(bold: true) }
    var otherCurveStyle: CellStyle { style.color ? CellStyle(foreground: .palette(246), dim: false) : CellStyle(dim: true) }
    var pointStyle: CellStyle {
        style.color ? CellStyle(foreground: .palette(226), bold: true) : CellStyle(bold: true, reverse: true)
    }

    /// The legend: the boundary, the other |Y| (their curves and end labels name this entry),
    /// the regions and the point; short texts for narrow charts.
    func legendItems(otherSizes: [Int]) -> [LegendItem] {
        let arrow = style.ascii ? "->" : "→"
        let curveKey = style.ascii ? "*" : "━"
        var items: [LegendItem]
        if isLogit {
            items = [LegendItem(key: curveKey, keyStyle: curveStyle, text: "boundary 1/2 (IIA holds)", shortText: "1/2 (IIA)")]
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
        return Self.referenceSizes.filter { $0 != parameters.k && ($0 == 2 || roomy) }
    }

    /// The boundary of choice sets of `size` as a sampled function (zeta clamped inside (0, 1)).
    func boundaryFunction(_ size: Int) -> SampledFunction {
        let clamp = { @Sendable (zeta: Double) in min(0.9999, max(0.0001, zeta)) }
        if size == parameters.k {
            let boundary = Self.boundary(parameters)
            let key = "boundary \(parameters.k) \(parameters.queries) \(parameters.choiceModel)"
            return SampledFunction(key: key) { boundary(clamp($0)) }
        }
        return SampledFunction(key: "F k=\(size)") { FailureBoundary.F(zeta: clamp($0), k: size) }
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
        let captionStyle = FailureBoundary.verdict(parameters).isPerverse ? regionStyle(.m2Perverse) : CellStyle()
        plot.caption = PlotCaption(parts: [text], fallback: String(text.drop { $0 != ":" }.dropFirst().drop { $0 == " " }),
                                   style: CellStyle(foreground: captionStyle.foreground, bold: true))
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
        let othersItem = others.isEmpty ? [] : [1]
        plot.series = others.map { size in
            var curve = PlotSeries(.function(boundaryFunction(size), baseline: nil), glyph: size < 10 ? Character(String(size)) : "-",
                                   style: otherCurveStyle)
            curve.legendItems = othersItem
            return curve
        } + [PlotSeries(.function(f, baseline: nil), glyph: "*", style: curveStyle)]
        plot.marginOverlap = .firstOnly
        plot.marginLabels = ([k] + others).map { size in
            var text = String(size)
            if size == k, let fixedCount { text = "\(fixedCount)/\(k)" }
            if size == k, isLogit { text = "1/2" }
            var label = MarginLabel(y: boundaryFunction(size).evaluate(0.9999), text: text, style: size == k ? curveStyle : otherCurveStyle)
            label.legendItems = size == k ? [] : othersItem
            return label
        }
        let share = Self.pointShare(parameters)
        let point = PlotAnchor.point(x: parameters.zeta, y: share)
        plot.markers = [PlotMarker(point, glyph: style.ascii ? "@" : "●", style: pointStyle)]
        let pointLabel = "(\(Self.number(parameters.zeta, decimals: 2)),\(Self.number(share, decimals: 2)))"
        plot.labels = [PlotLabel(pointLabel, at: point, style: CellStyle(foreground: pointStyle.foreground, bold: true),
                                 placement: .beside(rowOffsets: [0, -1, 1, -2, 2]))]
        return plot
    }
}
