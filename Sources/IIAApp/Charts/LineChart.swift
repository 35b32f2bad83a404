import Foundation
import IIACharts
import IIACore

/// P(M1) against |D| or |M2| on a log axis: one curve per algorithm, optional simulated means
/// with quantile bands, a marker line at the current value, a legend, glyphs on the curves.
struct LineChart {
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
        let verdict = FailureBoundary.verdict(parameters)
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

    /// The series worth drawing (DPO left out when it equals RLPO) and whether it was merged.
    static func visibleSeries(_ sweep: Sweep) -> (series: [SweepSeries], merged: Bool) {
        let merged = sameCurve(sweep.series(for: .rlpo), sweep.series(for: .dpo))
        let ordered = Algorithm.allCases.compactMap { sweep.series(for: $0) }
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

    func render(into buffer: inout CellBuffer, rect: Rect) {
        guard !rect.isEmpty else { return }
        let (visible, merged) = Self.visibleSeries(sweep)
        let simulatedVisible = simulated.map { Self.visibleSeries($0).series } ?? []
        let items = legendItems(visible: visible, merged: merged)
        let yTitle = "P(M1)", xTitle = sweep.axis.label
        let (frame, yTicks) = ChartFrame.withLegend(
            items, yTitle: yTitle, xTitle: xTitle, caption: false, appearance: ChartPalette.appearance(style), into: &buffer, rect: rect)
        let sy = style.ascii ? 1 : 4, sx = style.ascii ? 1 : 2
        let plot = frame.plot
        guard !plot.isEmpty else { return }

        var canvas = DotCanvas(columns: plot.width, rows: plot.height, braille: !style.ascii)
        let (low, high) = xRange
        let xAxis = LogAxis(lower: low, upper: high, count: canvas.dotWidth)
        let yAxis = LinearAxis(count: canvas.dotHeight, flipped: true)
        func dot(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
            (xAxis.position(x), yAxis.position(min(1, max(0, y))))
        }
        func columnCentre(_ column: Int) -> Double { xAxis.value(at: Double(column * sx) + Double(sx - 1) / 2) }
        func row(ofDot y: Double) -> Int { Int(saturating: y) / sy }

        // Quantile bands (under everything else).
        if let simulated {
            let bandAlgorithms = [bandAlgorithm]
            for series in simulatedVisible.reversed() where bandAlgorithms.contains(series.algorithm) {
                guard let lower = series.lower, let upper = series.upper else { continue }
                let bandStyle = ChartPalette.band(series.algorithm, style)
                for column in 0..<plot.width {
                    let x = columnCentre(column)
                    let a = Self.interpolate(simulated.xs, lower, at: x), b = Self.interpolate(simulated.xs, upper, at: x)
                    guard a.isFinite, b.isFinite else { continue }
                    let top = row(ofDot: dot(x, max(a, b)).y), bottom = row(ofDot: dot(x, min(a, b)).y)
                    for r in top...bottom {
                        buffer.put(ChartPalette.bandCharacter(style), x: plot.x + column, y: plot.y + r, style: bandStyle)
                    }
                }
            }
        }

        // The reference lines (faint, under the marker and the curves).
        var referenceRows: [(row: Int, label: String)] = []
        if references {
            let values = Self.referenceValues(sweep.parameters)
            let glyphs = Self.referenceGlyphs(style)
            let majorityRow = row(ofDot: dot(1, values.majority).y), inclusiveRow = row(ofDot: dot(1, values.inclusive).y)
            let lines: [(row: Int, glyph: Character, label: String)] = majorityRow == inclusiveRow
                ? [(majorityRow, glyphs.majority, "majority = inclusive")]
                : [(inclusiveRow, glyphs.inclusive, "inclusive"), (majorityRow, glyphs.majority, "majority")]
            for line in lines {
                for column in 0..<plot.width {
                    let cell = buffer[plot.x + column, plot.y + line.row]
                    guard cell.character == " " || String(cell.character) == ChartPalette.bandCharacter(style) else { continue }
                    var referenceStyle = ChartPalette.reference(style)
                    referenceStyle.background = cell.style.background
                    buffer[plot.x + column, plot.y + line.row] = Cell(line.glyph, style: referenceStyle)
                }
                referenceRows.append((line.row, line.label))
            }
        }

        // The marker line.
        var markerColumn: Int?
        if let marker, let index = xAxis.index(marker) {
            let column = plot.x + index / sx
            markerColumn = column
            for r in plot.y..<plot.maxY {
                var markerStyle = ChartPalette.marker(style)
                markerStyle.background = buffer[column, r].style.background
                buffer.put(style.ascii ? "|" : "│", x: column, y: r, style: markerStyle)
            }
        }

        // Curves: simulated means dotted, then the expected curves (RLPO last, on top).
        func draw(_ series: SweepSeries, xs: [Double], glyph: Character, pattern: @escaping (Int) -> Bool) {
            let curveStyle = ChartPalette.series(series.algorithm, style)
            var previous: (x: Double, y: Double)?
            var phase = 0
            for (x, y) in zip(xs, series.values) {
                guard x > 0, y.isFinite else { previous = nil; phase = 0; continue }
                let point = dot(x, y)
                canvas.line(from: previous ?? point, to: point, glyph: glyph, style: curveStyle, phase: &phase, draw: pattern)
                previous = point
            }
        }
        if let simulated {
            for series in simulatedVisible.reversed() {
                draw(series, xs: simulated.xs, glyph: ".") { $0 % 2 == 0 }
            }
        }
        for series in visible.reversed() {
            let dashed = series.algorithm == .dpo && !style.ascii
            draw(series, xs: sweep.xs, glyph: series.algorithm.chartGlyph) { dashed ? $0 % 4 < 2 : true }
        }
        canvas.blit(into: &buffer, x: plot.x, y: plot.y)
        // Labels keep a blank cell from the curves, the marker line, the glyphs and one another.
        var placer = LabelPlacer(bounds: plot)
        placer.addCurves(of: canvas, x: plot.x, y: plot.y)
        if let markerColumn { for r in plot.y..<plot.maxY { placer.markCurve(x: markerColumn, y: r) } }

        // Glyphs on the braille curves, staggered so series do not collide.
        var taken = Set<[Int]>()
        if !style.ascii {
            let perSeries = plot.width >= 30 ? 3 : (plot.width >= 12 ? 1 : 0)
            for (i, series) in visible.enumerated() where perSeries > 0 {
                for j in 0..<perSeries {
                    let fraction = (Double(j) + Double(i + 1) / Double(visible.count + 1)) / Double(perSeries)
                    let column = Int(saturating: (fraction * Double(plot.width - 1)).rounded(.down))
                    let value = Self.interpolate(sweep.xs, series.values, at: columnCentre(column))
                    guard value.isFinite else { continue }
                    let r = row(ofDot: dot(1, value).y)
                    guard !taken.contains([column, r]) else { continue }
                    taken.insert([column, r])
                    let background = buffer[plot.x + column, plot.y + r].style.background
                    var glyphStyle = ChartPalette.glyph(series.algorithm, style)
                    glyphStyle.background = background
                    buffer.put(String(series.algorithm.chartGlyph), x: plot.x + column, y: plot.y + r, style: glyphStyle)
                    placer.reserve(x: plot.x + column, y: plot.y + r)
                }
            }
        }

        // The reference lines' labels, where they cover no curve: on the line (left end, right
        // end, else the first free stretch), else just inside it (a line at 0 or 1 is often
        // covered by converged curves).
        if references {
            let otherReferenceRows = Set(referenceRows.map(\.row))
            for reference in referenceRows {
                let label = reference.label
                guard label.count + 2 <= plot.width else { continue }
                let inward = reference.row == 0 ? 1 : (reference.row == plot.height - 1 ? plot.height - 2 : reference.row)
                var rows = [reference.row]
                if inward != reference.row && inward >= 0 && inward < plot.height && !otherReferenceRows.contains(inward) { rows.append(inward) }
                let starts = [plot.x + 1, plot.maxX - label.count - 1] + Array(plot.x + 1...plot.maxX - label.count - 1)
                let candidates = rows.flatMap { r in starts.map { (x: $0, y: plot.y + r) } }
                guard let placed = placer.place(label, candidates: candidates, curveMargin: 1) else { continue }
                var labelStyle = ChartPalette.reference(style)
                labelStyle.background = buffer[placed.x, placed.y].style.background
                buffer.put(label, x: placed.x, y: placed.y, style: labelStyle, clip: plot)
            }
        }

        // Curve-end glyphs in the right margin.
        if plot.maxX < rect.maxX {
            var used: [Int: Int] = [:]
            for series in visible {
                guard let last = Array(zip(sweep.xs, series.values)).last(where: { $0.1.isFinite }) else { continue }
                let r = plot.y + row(ofDot: dot(last.0, last.1).y)
                let offset = used[r, default: 0]
                used[r] = offset + 1
                buffer.put(String(series.algorithm.chartGlyph), x: plot.maxX + offset, y: r,
                           style: ChartPalette.glyph(series.algorithm, style), clip: rect)
            }
        }

        // The marker's label on the top row, right of the line when it fits.
        if let marker, let markerColumn {
            let label = "\(xTitle)=\(Self.markerLabel(marker))"
            var start = markerColumn + 2
            if start + label.count > plot.maxX { start = markerColumn - 1 - label.count }
            // The highest row where the label (and a blank either side) covers nothing.
            let candidates = (plot.y..<plot.maxY).map { (x: start, y: $0) }
            if start >= plot.x, let placed = placer.place(label, candidates: candidates, curveMargin: 1) {
                buffer.put(label, x: placed.x, y: placed.y, style: ChartPalette.marker(style), clip: plot)
            }
        }

        let xTicks = AxisTicks.logTicks(lower: xAxis.lower, upper: xAxis.upper).compactMap { value in
            xAxis.index(value).map { (column: plot.x + $0 / sx, label: AxisTicks.countLabel(value)) }
        }
        frame.drawAxes(into: &buffer, yTicks: yTicks, xTicks: xTicks, xTitle: xTitle, appearance: ChartPalette.appearance(style))
    }

    /// The marker value: whole numbers in full (1000), others with four significant digits.
    static func markerLabel(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e9 { return String(Int(value)) }
        return AxisTicks.trimmed(value, digits: 4)
    }
}
