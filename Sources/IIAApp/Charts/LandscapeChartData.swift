import Foundation
import IIACharts
import IIACore

/// What a landscape render put where: the solver's iterates, the minima and the kinks, with
/// the cells they were drawn at (for tests, and for callers that annotate the chart).
public struct LandscapeDrawing: Sendable, Hashable {
    /// One iterate of the solver's trace as drawn.
    public struct Iterate: Sendable, Hashable {
        /// 0 for the start, then 1, 2, … (the iteration that produced it).
        public var index: Int
        public var kind: SolverStep.Kind
        /// The scalar (u, s or v) of the iterate: the trace's own value.
        public var point: Double
        /// The cell of the point on the objective's curve (at the window's edge when outside it).
        public var column: Int
        public var row: Int
        /// False when the iterate lies outside the window (drawn as an arrow at the edge).
        public var inWindow: Bool
    }

    /// A local minimum as drawn.
    public struct Minimum: Sendable, Hashable {
        public var point: Double
        public var column: Int
        public var row: Int
        /// Whether this is the minimiser the solver reported.
        public var isChosen: Bool
    }

    /// The horizontal window (in the algorithm's scalar).
    public var window: ClosedRange<Double>
    /// Every iterate of the trace, in order (empty when nothing was drawn).
    public var iterates: [Iterate] = []
    public var minima: [Minimum] = []
    /// Columns of the kinks drawn (SLiC).
    public var kinkColumns: [Int] = []
    /// The labels placed for the iterates ("S", "1", "2–5", "b3", …), in trace order.
    public var iterateLabels: [String] = []
}

/// The landscape chart: an algorithm's objective against its scalar, drawn as its parts and
/// their sum, with the solver's path (start, numbered Newton iterates, bisection steps), the
/// minimiser found, any other local minimum, SLiC's kinks and Newton's bracket.
///
/// The x axis is linear in the scalar and labelled twice: the scalar, and the P(M1) each value
/// gives. The y axis shows objective values; the data part (L_D or the hinge) is defined up to
/// a constant and is shifted so that its lowest value in the window is 0 (the total with it).
struct LandscapeChartData {
    let landscape: ObjectiveLandscape
    let style: ChartStyle

    // MARK: Styles and glyphs

    var totalStyle: CellStyle { ChartPalette.glyph(landscape.algorithm, style) }
    var dataStyle: CellStyle { style.theme.dataPart }
    var regulariserStyle: CellStyle { style.theme.regulariserPart }
    var kinkStyle: CellStyle { style.theme.reference }
    var pathStyle: CellStyle { style.theme.point }
    var bisectionStyle: CellStyle { style.theme.alternatePoint }
    var minimumStyle: CellStyle { style.theme.strong }
    var otherMinimumStyle: CellStyle { style.theme.marker }

    var chosenGlyph: String { style.ascii ? "@" : "●" }
    var otherGlyph: String { style.ascii ? "O" : "○" }
    var pointGlyph: String { style.ascii ? "#" : "•" }
    var kinkGlyph: String { style.ascii ? ":" : "┊" }

    /// The data likelihood's name: L_D (IIA) for choices, L_PL (Plackett–Luce) for rankings.
    var likelihoodName: String { landscape.parameters.responses == .ranking ? "L_PL" : "L_D" }

    func partName(_ part: ObjectiveLandscape.Part) -> String {
        switch part {
        case .likelihood: return likelihoodName
        case .hinge: return "hinge"
        case .regulariser: return style.ascii ? "beta*KL" : "β·KL"
        case .total:
            switch landscape.algorithm {
            case .rlpo, .dpo: return likelihoodName
            case .rlpoPairwise: return "pairwise loss"
            case .typeMLE: return "-log likelihood"
            case .il, .slic: return "total"
            }
        }
    }

    /// The ASCII glyph of a part's curve.
    func partGlyph(_ part: ObjectiveLandscape.Part) -> Character {
        switch part {
        case .likelihood: return "L"
        case .hinge: return "H"
        case .regulariser: return "K"
        case .total: return landscape.algorithm.chartGlyph
        }
    }

    func partStyle(_ part: ObjectiveLandscape.Part) -> CellStyle {
        switch part {
        case .likelihood, .hinge: return dataStyle
        case .regulariser: return regulariserStyle
        case .total: return totalStyle
        }
    }

    /// Braille dash pattern of a part: the total solid, the data part dashed, the KL part dotted.
    func pattern(_ part: ObjectiveLandscape.Part) -> LinePattern {
        guard !style.ascii else { return .solid }
        switch part {
        case .total: return .solid
        case .likelihood, .hinge: return .dashed
        case .regulariser: return .sparse
        }
    }

    func partKey(_ part: ObjectiveLandscape.Part) -> String {
        if style.ascii { return String(partGlyph(part)) }
        switch part {
        case .total: return "━"
        case .likelihood, .hinge: return "╍"
        case .regulariser: return "┈"
        }
    }

    var dash: String { style.ascii ? "-" : "–" }

    func legendItems() -> [LegendItem] {
        let symbol = landscape.scalarSymbol
        var items: [LegendItem] = []
        for part in landscape.parts.reversed() {
            var text = partName(part)
            if part == .total && landscape.parts.count == 1 { text = "\(likelihoodName)(\(symbol)), the whole objective" }
            items.append(LegendItem(key: partKey(part), keyStyle: partStyle(part), text: text))
        }
        if !landscape.isApplicable { items.append(LegendItem(key: "-", keyStyle: kinkStyle, text: notApplicableText)) }
        if !landscape.kinks.isEmpty { items.append(LegendItem(key: kinkGlyph, keyStyle: kinkStyle, text: "kink")) }
        if landscape.argmin != nil { items.append(LegendItem(key: chosenGlyph, keyStyle: minimumStyle, text: "minimiser")) }
        if landscape.localMinima.count > 1 {
            items.append(LegendItem(key: otherGlyph, keyStyle: otherMinimumStyle, text: "other local min"))
        }
        if !landscape.trace.isEmpty {
            items.append(LegendItem(key: "S", keyStyle: pathStyle, text: "start"))
            if landscape.trace.contains(where: { $0.kind == .newton }) {
                items.append(LegendItem(key: "1", keyStyle: pathStyle, text: "Newton step"))
            }
            if landscape.trace.contains(where: { $0.kind == .bisection }) {
                items.append(LegendItem(key: "b2", keyStyle: bisectionStyle, text: "bisection step"))
            }
        }
        if landscape.bracket != nil { items.append(LegendItem(key: "[ ]", keyStyle: pathStyle, text: "bracket")) }
        return items
    }

    /// "SLiC: not applicable to rankings", shown instead of a curve.
    var notApplicableText: String { "\(landscape.algorithm.name): not applicable to rankings" }

    // MARK: Plot

    /// A part of the objective as a sampled function.
    func function(_ part: ObjectiveLandscape.Part) -> SampledFunction {
        let landscape = landscape
        let key = "\(landscape.algorithm) \(part) \(landscape.parameters) \(landscape.dataSize)"
        return SampledFunction(key: key) { landscape.value(part, at: $0) }
    }

    /// The chart as plain data: the parts (the data part and the total lowered by the data
    /// part's lowest value), kinks, minima, the solver's path, names, the bracket.
    func plot() -> Plot {
        let window = LandscapeWindow.window(landscape)
        let symbol = landscape.scalarSymbol, secondTitle = "P(M1)"
        let line = landscape.logOddsLine
        let xAxis = PlotXAxis(
            scale: .linear, lower: window.lowerBound, upper: window.upperBound, title: symbol,
            longTitle: landscape.algorithm.scalarName, format: .significant(3),
            secondary: .init(title: secondTitle, intercept: line.intercept, slope: line.slope, format: .probabilityFromLogOdds))
        var plot = Plot(x: xAxis, y: PlotYAxis(range: .fitted, title: "objective"),
                        rightMargin: max(symbol.count, secondTitle.count) + 2, appearance: ChartPalette.appearance(style))
        plot.legend = legendItems()
        plot.caption = PlotCaption(parts: captionParts(), style: style.theme.heading)
        let inWindow = { (x: Double) in x >= window.lowerBound && x <= window.upperBound }
        plot.verticalLines = landscape.kinks.filter(inWindow).map {
            var line = VerticalLine(x: $0, glyph: kinkGlyph, style: kinkStyle, label: "kink", placement: .atTop)
            line.figure = FigureLook(legend: "kink", dash: .dotted)
            return line
        }
        let baseline = function(landscape.dataPart)
        plot.series = landscape.parts.map { part in
            let shifted = part == landscape.dataPart || part == .total
            var series = PlotSeries(.function(function(part), baseline: shifted ? baseline : nil), glyph: partGlyph(part),
                                    style: partStyle(part), pattern: pattern(part),
                                    name: landscape.parts.count > 1 ? partName(part) : nil)
            series.figure = figureLook(part)
            return series
        }
        let total = landscape.parts.firstIndex(of: .total) ?? 0
        let argmin = landscape.argmin
        let minima = landscape.localMinima.filter(inWindow).sorted { a, _ in a != argmin }
        plot.markers = minima.map { point in
            var marker = PlotMarker(.onSeries(total, x: point), glyph: point == argmin ? chosenGlyph : otherGlyph,
                                    style: point == argmin ? minimumStyle : otherMinimumStyle)
            marker.figure = point == argmin ? FigureLook(legend: "minimiser", marker: .circle)
                : FigureLook(legend: "other local min", marker: .openCircle)
            return marker
        }
        plot.trail = trail(series: total)
        plot.labels = minima.map { point in
            let chosen = point == argmin
            let text = chosen ? (minima.count > 1 ? "global min" : "min") : "local min"
            return PlotLabel(text, at: .onSeries(total, x: point), style: chosen ? minimumStyle : otherMinimumStyle,
                             placement: .around(rowOffsets: [0, -1, 1, -2, 2, -3, 3]))
        }
        if let bracket = landscape.bracket {
            plot.axisMarks = [AxisMark(x: bracket.lowerBound, text: "[", style: pathStyle),
                              AxisMark(x: bracket.upperBound, text: "]", style: pathStyle)]
        }
        return plot
    }

    /// The look of a part in a figure: the total solid in the algorithm's colour, the data part
    /// dashed black, the KL part dotted sky blue.
    func figureLook(_ part: ObjectiveLandscape.Part) -> FigureLook {
        let symbol = landscape.scalarSymbol
        switch part {
        case .total:
            let name = landscape.parts.count == 1 ? "\(partName(part))(\(symbol)), the whole objective" : partName(part)
            return FigureLook(color: landscape.algorithm.figureColor, legend: name, dash: .solid, width: 2.4)
        case .likelihood, .hinge:
            return FigureLook(color: RGBColor.OkabeIto.black, legend: partName(part), dash: .dashed, width: 1.6)
        case .regulariser:
            return FigureLook(color: RGBColor.OkabeIto.skyBlue, legend: partName(part), dash: .dotted, width: 1.8)
        }
    }

    /// The solver's path on the total.
    func trail(series: Int) -> PlotTrail? {
        guard !landscape.trace.isEmpty else { return nil }
        let stops = landscape.trace.map { step -> PlotTrail.Stop in
            switch step.kind {
            case .start: return .init(x: step.point, kind: .start)
            case .newton: return .init(x: step.point, kind: .step)
            case .bisection: return .init(x: step.point, kind: .alternate)
            }
        }
        return PlotTrail(
            stops: stops, series: series, glyph: pointGlyph, style: pathStyle, alternateStyle: bisectionStyle,
            startLabel: "S", alternatePrefix: "b", rangeSeparator: dash, arrows: style.ascii ? ("<", ">") : ("◀", "▶"))
    }

    /// What the render drew where, from the renderer's report.
    func drawing(_ rendering: PlotRendering) -> LandscapeDrawing {
        var drawing = LandscapeDrawing(window: LandscapeWindow.window(landscape))
        guard !rendering.plot.isEmpty else { return drawing }
        let argmin = landscape.argmin
        let minima = landscape.localMinima.filter { drawing.window.contains($0) }.sorted { a, _ in a != argmin }
        drawing.minima = zip(minima, rendering.markerCells).map {
            .init(point: $0, column: $1.column, row: $1.row, isChosen: $0 == argmin)
        }
        drawing.kinkColumns = rendering.verticalLineColumns
        drawing.iterates = zip(landscape.trace.indices, rendering.trailCells).map { index, cell in
            let step = landscape.trace[index]
            return .init(index: index, kind: step.kind, point: step.point, column: cell.column, row: cell.row, inWindow: cell.inRange)
        }
        drawing.iterateLabels = rendering.trailLabels
        return drawing
    }
}
