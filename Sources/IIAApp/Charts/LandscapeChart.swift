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
struct LandscapeChart {
    let landscape: ObjectiveLandscape
    let style: ChartStyle

    // MARK: Styles and glyphs

    var totalStyle: CellStyle { ChartPalette.glyph(landscape.algorithm, style) }
    var dataStyle: CellStyle { style.color ? CellStyle(foreground: .palette(110)) : .plain }
    var regulariserStyle: CellStyle { style.color ? CellStyle(foreground: .palette(114)) : .plain }
    var kinkStyle: CellStyle { style.color ? CellStyle(foreground: .palette(244)) : CellStyle(dim: true) }
    var pathStyle: CellStyle { style.color ? CellStyle(foreground: .palette(226), bold: true) : CellStyle(bold: true) }
    var bisectionStyle: CellStyle {
        style.color ? CellStyle(foreground: .palette(208), bold: true) : CellStyle(bold: true, reverse: true)
    }
    var minimumStyle: CellStyle { style.color ? CellStyle(foreground: .palette(231), bold: true) : CellStyle(bold: true) }
    var otherMinimumStyle: CellStyle { style.color ? CellStyle(foreground: .palette(250)) : .plain }

    var chosenGlyph: String { style.ascii ? "@" : "●" }
    var otherGlyph: String { style.ascii ? "O" : "○" }
    var pointGlyph: String { style.ascii ? "#" : "•" }
    var kinkGlyph: String { style.ascii ? ":" : "┊" }

    func partName(_ part: ObjectiveLandscape.Part) -> String {
        switch part {
        case .likelihood: return "L_D"
        case .hinge: return "hinge"
        case .regulariser: return style.ascii ? "beta*KL" : "β·KL"
        case .total:
            switch landscape.algorithm {
            case .rlpo, .dpo: return "L_D"
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
    func pattern(_ part: ObjectiveLandscape.Part) -> (Int) -> Bool {
        guard !style.ascii else { return { _ in true } }
        switch part {
        case .total: return { _ in true }
        case .likelihood, .hinge: return { $0 % 4 < 2 }
        case .regulariser: return { $0 % 3 == 0 }
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
            if part == .total && landscape.parts.count == 1 { text = "L_D(\(symbol)), the whole objective" }
            items.append(LegendItem(key: partKey(part), keyStyle: partStyle(part), text: text))
        }
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

    // MARK: Render

    @discardableResult
    func render(into buffer: inout CellBuffer, rect: Rect) -> LandscapeDrawing {
        let window = LandscapeWindow.window(landscape)
        var drawing = LandscapeDrawing(window: window)
        guard !rect.isEmpty else { return drawing }
        let items = legendItems()
        let symbol = landscape.scalarSymbol
        let xTitle = symbol, secondTitle = "P(M1)"
        let yTitle = "objective"
        let legendRows = Legend.rowsNeeded(items, prefix: yTitle, width: rect.width)
        let rightMargin = max(xTitle.count, secondTitle.count) + 2
        func frame(_ labelWidth: Int) -> ChartFrame {
            ChartFrame(rect: rect, legendRows: legendRows, caption: true, yLabelWidth: labelWidth, rightMargin: rightMargin,
                       secondLabels: true)
        }
        var chartFrame = frame(4)
        let sy = style.ascii ? 1 : 4, sx = style.ascii ? 1 : 2
        var plot = chartFrame.plot

        // Sample every part once per dot column (the plot's width does not depend on the y labels'
        // width only through the left margin: sample after fixing it).
        let dotRows = max(1, plot.height * sy)
        let yTicksFor = { (lower: Double, upper: Double, height: Int) -> [Double] in
            AxisTicks.linearTicks(lower: lower, upper: upper, maxCount: max(2, min(6, height / 2 + 1)))
        }
        // The y range: from a coarse sample (the ticks only need the range).
        let coarse = sample(window: window, count: 200)
        let range = yRange(coarse)
        let tickValues = plot.height >= 3 ? yTicksFor(range.lower, range.upper, plot.height) : []
        let tickLabels = tickValues.map { AxisTicks.countLabel($0) }
        let labelWidth = max(1, tickLabels.map(\.count).max() ?? 1)
        if labelWidth != 4 { chartFrame = frame(labelWidth) }
        plot = chartFrame.plot
        Legend.draw(items, prefix: chartFrame.legendRows.isEmpty ? "" : yTitle, prefixStyle: ChartPalette.title(style),
                    into: &buffer, rect: rect, rows: chartFrame.legendRows)
        if let captionRow = chartFrame.captionRow {
            var text = ""
            for part in captionParts() {
                let next = text.isEmpty ? part : text + ", " + part
                if next.count <= rect.width { text = next } else if text.isEmpty { text = String(part.prefix(rect.width)) }
            }
            buffer.put(text, x: rect.x, y: captionRow, style: CellStyle(bold: true), clip: rect)
        }
        guard !plot.isEmpty else { return drawing }

        var canvas = DotCanvas(columns: plot.width, rows: plot.height, braille: !style.ascii)
        let xAxis = LinearAxis(lower: window.lowerBound, upper: window.upperBound, count: canvas.dotWidth)
        let yAxis = LinearAxis(lower: range.lower, upper: range.upper, count: max(1, dotRows), flipped: true)
        let samples = sample(window: window, count: canvas.dotWidth, axis: xAxis)
        func column(_ x: Double) -> Int { Int(saturating: xAxis.position(x)) / sx }
        func row(_ y: Double) -> Int {
            // Values the objective does not take (outside its domain) sit at the top edge.
            guard y.isFinite else { return y == -.infinity ? plot.height - 1 : 0 }
            let position = yAxis.position(y)
            guard position.isFinite else { return 0 }
            return min(plot.height - 1, max(0, Int(saturating: position) / sy))
        }
        func inWindow(_ x: Double) -> Bool { x >= window.lowerBound && x <= window.upperBound }

        // Kinks first: the curves are drawn over them.
        for kink in landscape.kinks where inWindow(kink) {
            let c = column(kink)
            drawing.kinkColumns.append(plot.x + c)
            for r in plot.y..<plot.maxY { buffer.put(kinkGlyph, x: plot.x + c, y: r, style: kinkStyle) }
        }

        // The parts, the total last (on top).
        for (part, values) in samples.values {
            var previous: (x: Double, y: Double)?
            var phase = 0
            for (index, value) in values.enumerated() {
                guard value.isFinite else { previous = nil; continue }
                let point = (x: Double(index), y: yAxis.position(value))
                canvas.line(from: previous ?? point, to: point, glyph: partGlyph(part), style: partStyle(part),
                            phase: &phase, draw: pattern(part))
                previous = point
            }
        }
        canvas.blit(into: &buffer, x: plot.x, y: plot.y)

        // Labels keep off the curves, the markers and one another.
        var placer = LabelPlacer(bounds: plot)
        placer.addCurves(of: canvas, x: plot.x, y: plot.y)
        /// Puts `text` near (x, y): on the rows `offsets` away in turn, left-aligned at x or
        /// ending at x. Returns whether it was placed.
        @discardableResult
        func place(_ text: String, near x: Int, _ y: Int, style labelStyle: CellStyle, rows offsets: [Int]) -> Bool {
            let candidates = LabelPlacer.candidates(near: x, y, length: text.count, rowOffsets: offsets)
            guard let start = placer.place(text, candidates: candidates) else { return false }
            buffer.put(text, x: start.x, y: start.y, style: labelStyle)
            return true
        }
        let near = [0, -1, 1, -2, 2, -3, 3]

        // Minima, the chosen one last so that it wins a shared cell.
        let argmin = landscape.argmin
        let shift = samples.shift
        func plotted(_ x: Double) -> Double { landscape.value(.total, at: x) - shift }
        let minima = landscape.localMinima.filter(inWindow).sorted { a, _ in a != argmin }
        for point in minima {
            let chosen = point == argmin
            let c = plot.x + column(point), r = plot.y + row(plotted(point))
            drawing.minima.append(.init(point: point, column: c, row: r, isChosen: chosen))
            buffer.put(chosen ? chosenGlyph : otherGlyph, x: c, y: r, style: chosen ? minimumStyle : otherMinimumStyle)
            placer.reserve(x: c, y: r)
        }

        // The path: groups of consecutive iterates of one kind in one column share a label.
        let trace = landscape.trace
        var groups: [(first: Int, last: Int, kind: SolverStep.Kind, column: Int, row: Int, side: Int)] = []
        for (index, step) in trace.enumerated() {
            let visible = inWindow(step.point)
            let side = step.point < window.lowerBound ? -1 : (step.point > window.upperBound ? 1 : 0)
            let c = visible ? plot.x + column(step.point) : (side < 0 ? plot.x : plot.maxX - 1)
            let clamped = min(max(step.point, window.lowerBound), window.upperBound)
            let r = plot.y + row(visible ? plotted(step.point) : plotted(clamped))
            drawing.iterates.append(.init(index: index, kind: step.kind, point: step.point, column: c, row: r, inWindow: visible))
            let kind: SolverStep.Kind = index == 0 ? .start : step.kind
            if let last = groups.last, index > 0, last.kind == kind, last.column == c, last.side == side, last.first > 0 {
                groups[groups.count - 1].last = index
            } else {
                groups.append((index, index, kind, c, r, side))
            }
        }
        for group in groups {
            var label: String
            if group.first == 0 {
                label = "S"
            } else {
                label = group.first == group.last ? "\(group.first)" : "\(group.first)\(dash)\(group.last)"
                if group.kind == .bisection { label = "b" + label }
            }
            if group.side != 0 { label = (group.side < 0 ? (style.ascii ? "<" : "◀") : "") + label + (group.side > 0 ? (style.ascii ? ">" : "▶") : "") }
            drawing.iterateLabels.append(label)
            if !placer.isReserved(x: group.column, y: group.row) {
                buffer.put(pointGlyph, x: group.column, y: group.row, style: pathStyle)
                placer.reserve(x: group.column, y: group.row)
            }
            place(label, near: group.column, group.row, style: group.kind == .bisection ? bisectionStyle : pathStyle,
                  rows: [-1, 1, -2, 2, -3, 3, 0])
        }

        // Names of the minima and of the curves, where they fit.
        for minimum in drawing.minima {
            let text = minimum.isChosen ? (drawing.minima.count > 1 ? "global min" : "min") : "local min"
            place(text, near: minimum.column, minimum.row, style: minimum.isChosen ? minimumStyle : otherMinimumStyle, rows: near)
        }
        if plot.width >= 24 {
            for (part, values) in samples.values where landscape.parts.count > 1 {
                let index = Int(Double(values.count - 1) * 0.9)
                guard index >= 0, index < values.count, values[index].isFinite else { continue }
                place(partName(part), near: plot.x + index / sx, plot.y + row(values[index]), style: partStyle(part), rows: near)
            }
        }
        if plot.height >= 6 {
            for kink in drawing.kinkColumns { place("kink", near: kink, plot.y, style: kinkStyle, rows: [0, 1]) }
        }

        // Axes: the scalar and the P(M1) it gives.
        let xTickValues = AxisTicks.linearTicks(lower: window.lowerBound, upper: window.upperBound, maxCount: max(2, plot.width / 9))
        let xTicks = xTickValues.map { (column: plot.x + column($0), label: AxisTicks.trimmed($0, digits: 3)) }
        let pTicks = xTickValues.map { (column: plot.x + column($0), label: Self.probabilityLabel(logOdds: landscape.logOdds(at: $0))) }
        let yTicks = zip(tickValues, tickLabels).map { (row: plot.y + row($0), label: $1) }
        chartFrame.drawAxes(into: &buffer, yTicks: yTicks, xTicks: xTicks, xTitle: xTitle,
                            longXTitle: landscape.algorithm.scalarName, appearance: ChartPalette.appearance(style),
                            secondXTicks: pTicks, secondXTitle: secondTitle)
        if let bracket = landscape.bracket, let axisRow = chartFrame.axisRow {
            if inWindow(bracket.lowerBound) { buffer.put("[", x: plot.x + column(bracket.lowerBound), y: axisRow, style: pathStyle, clip: rect) }
            if inWindow(bracket.upperBound) { buffer.put("]", x: plot.x + column(bracket.upperBound), y: axisRow, style: pathStyle, clip: rect) }
        }
        return drawing
    }
}
