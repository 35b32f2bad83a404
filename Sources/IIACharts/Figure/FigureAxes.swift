import Foundation

/// The axes of a figure: a box around the plot, major ticks with labels and light grid lines
/// (even steps on a linear axis, decades on a log axis with unlabelled minor ticks at 2…9),
/// axis titles, and a second row of x labels on top when the plot has one.
enum FigureAxes {
    /// The major x ticks (values on the axis) and, on a log axis, the minor ones.
    static func xTicks(_ geometry: FigureGeometry) -> (major: [Double], minor: [Double]) {
        let plot = geometry.plot, lower = geometry.xLower, upper = geometry.xUpper
        var major: [Double]
        switch plot.x.ticks {
        case .values(let narrow, let wide, let wideFrom):
            major = geometry.box.width >= Double(wideFrom) * 8 ? wide : narrow
        case .automatic:
            major = geometry.logX
                ? AxisTicks.logTicks(lower: lower, upper: upper)
                : AxisTicks.linearTicks(lower: lower, upper: upper, maxCount: max(2, min(12, Int(geometry.box.width / 70))))
        }
        major = major.filter(geometry.inRange)
        guard geometry.logX, upper / lower > 10, log10(upper / lower) < 40 else { return (major, []) }
        let first = Int(floor(log10(lower))), last = Int(ceil(log10(upper)))
        let minor = (first...last).flatMap { e in (2...9).map { Double($0) * pow(10, Double(e)) } }
            .filter { geometry.inRange($0) && !major.contains($0) }
        return (major, minor)
    }

    /// The y ticks: tenths or fifths of a unit axis (halves when short); round steps about 45
    /// pixels apart on a fitted one.
    static func yTicks(_ geometry: FigureGeometry) -> [Double] {
        let height = geometry.box.height
        if geometry.plot.y.range == .unit {
            let steps = height >= 160 ? 5 : (height >= 70 ? 2 : 1)
            return (0...steps).map { Double($0) / Double(steps) }
        }
        let ticks = AxisTicks.linearTicks(lower: geometry.yLower, upper: geometry.yUpper, maxCount: max(2, min(10, Int(height / 45))))
        return ticks.filter { $0 >= geometry.yLower && $0 <= geometry.yUpper }
    }

    /// A tick label: fractions with their leading zero ("0.25", also as probabilities from
    /// log-odds: "0.8", not the terminal's ".8"), other formats as in the terminal.
    static func label(_ value: Double, format: TickFormat) -> String {
        switch format {
        case .fraction: return AxisTicks.trimmed(value, digits: 2)
        case .probabilityFromLogOdds:
            let text = format.label(value)
            return text.hasPrefix(".") ? "0" + text : text
        default: return format.label(value)
        }
    }

    /// The y tick labels (for the layout's width).
    static func yLabels(_ values: [Double], plot: Plot) -> [String] {
        values.map { plot.y.range == .unit ? AxisTicks.trimmed($0, digits: 2) : AxisTicks.countLabel($0) }
    }

    /// Every `stride`-th label, the smallest stride at which labels `gap` apart do not overlap.
    static func thinned(_ labels: [(x: Double, text: String)], size: Double) -> [(x: Double, text: String)] {
        guard !labels.isEmpty else { return [] }
        for stride in 1...labels.count {
            let kept = Swift.stride(from: 0, to: labels.count, by: stride).map { labels[$0] }
            let fits = zip(kept, kept.dropFirst()).allSatisfy { a, b in
                b.x - a.x >= (FigureText.width(a.text, size) + FigureText.width(b.text, size)) / 2 + size * 0.6
            }
            if fits { return kept }
        }
        return [labels[0]]
    }

    /// Grid lines under the data.
    static func drawGrid(_ geometry: FigureGeometry, palette: FigurePalette, into svg: inout SVGWriter) {
        let box = geometry.box, color = palette.theme.grid.hex, width = SVGWriter.number(palette.scaled(0.8))
        svg.open("g", [("class", "grid"), ("stroke", color), ("stroke-width", width)])
        for x in xTicks(geometry).major.compactMap(geometry.px) {
            svg.element("line", [("x1", SVGWriter.number(x)), ("y1", SVGWriter.number(box.y)),
                                 ("x2", SVGWriter.number(x)), ("y2", SVGWriter.number(box.maxY))])
        }
        for y in yTicks(geometry).compactMap(geometry.py) {
            svg.element("line", [("x1", SVGWriter.number(box.x)), ("y1", SVGWriter.number(y)),
                                 ("x2", SVGWriter.number(box.maxX)), ("y2", SVGWriter.number(y))])
        }
        svg.close()
    }

    /// The box, ticks, tick labels and titles.
    static func draw(_ geometry: FigureGeometry, palette: FigurePalette, into svg: inout SVGWriter) {
        let box = geometry.box, plot = geometry.plot, size = palette.options.fontSize, n = SVGWriter.number
        let tick = size * 0.45, text = palette.theme.text.hex
        svg.open("g", [("class", "axes"), ("stroke", palette.theme.axis.hex), ("stroke-width", n(palette.scaled(1)))])
        svg.element("rect", [("x", n(box.x)), ("y", n(box.y)), ("width", n(box.width)), ("height", n(box.height)), ("fill", "none")])
        let (major, minor) = xTicks(geometry)
        func tickLine(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
            svg.element("line", [("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2))])
        }
        for x in major.compactMap(geometry.px) { tickLine(x, box.maxY, x, box.maxY + tick) }
        for x in minor.compactMap(geometry.px) { tickLine(x, box.maxY, x, box.maxY + tick * 0.55) }
        if plot.x.secondary != nil { for x in major.compactMap(geometry.px) { tickLine(x, box.y, x, box.y - tick) } }
        let yValues = yTicks(geometry)
        for y in yValues.compactMap(geometry.py) { tickLine(box.x - tick, y, box.x, y) }
        svg.close()
        svg.open("g", [("class", "tick-labels"), ("fill", text)])
        let xLabels = major.compactMap { v in geometry.px(v).map { (x: $0, text: label(v, format: plot.x.format)) } }
        for item in thinned(xLabels, size: size) {
            svg.text(item.text, x: item.x, y: box.maxY + tick + size * 1.05, [("text-anchor", "middle")])
        }
        if let secondary = plot.x.secondary {
            let top = major.compactMap { v in
                geometry.px(v).map { (x: $0, text: label(secondary.intercept + secondary.slope * v, format: secondary.format)) }
            }
            for item in thinned(top, size: size) { svg.text(item.text, x: item.x, y: box.y - tick - size * 0.35, [("text-anchor", "middle")]) }
            svg.text(secondary.title, x: box.x + box.width / 2, y: box.y - tick - size * 1.65,
                     [("text-anchor", "middle"), ("font-size", n(size * 1.05))])
        }
        for (value, label) in zip(yValues, yLabels(yValues, plot: plot)) {
            guard let y = geometry.py(value) else { continue }
            svg.text(label, x: box.x - tick - size * 0.3, y: y + size * 0.35, [("text-anchor", "end")])
        }
        let xTitle = plot.x.longTitle ?? plot.x.title
        svg.text(xTitle, x: box.x + box.width / 2, y: box.maxY + tick + size * 2.6, [("text-anchor", "middle"), ("font-size", n(size * 1.1))])
        let yLabelWidth = yLabels(yValues, plot: plot).map { FigureText.width($0, size) }.max() ?? 0
        let yTitleX = box.x - tick - size * 0.6 - yLabelWidth - size * 0.5
        svg.text(plot.y.title, x: yTitleX, y: box.y + box.height / 2,
                 [("text-anchor", "middle"), ("font-size", n(size * 1.1)),
                  ("transform", "rotate(-90 \(n(yTitleX)) \(n(box.y + box.height / 2)))")])
        svg.close()
    }
}
