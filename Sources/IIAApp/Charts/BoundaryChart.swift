import Foundation
import IIACharts
import IIACore

/// The (zeta, p*(1)) unit square: F(zeta) for the current |Y| and fainter curves for other |Y|,
/// the region where RLPO/DPO go to M2 shaded, the perverse part hatched, the current point.
struct BoundaryChart {
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
    static func boundary(_ parameters: ModelParameters) -> (Double) -> Double {
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

    func legendItems(otherSizes: [Int]) -> [LegendItem] {
        let arrow = style.ascii ? "->" : "→"
        let curveKey = style.ascii ? "*" : "━"
        var items: [LegendItem]
        if isLogit {
            items = [LegendItem(key: curveKey, keyStyle: curveStyle, text: "boundary 1/2 (IIA holds)")]
        } else if let fixedCount {
            items = [LegendItem(key: curveKey, keyStyle: curveStyle, text: "J/|Y|=\(fixedCount)/\(parameters.k)")]
        } else {
            items = [LegendItem(key: curveKey, keyStyle: curveStyle, text: "F(zeta), |Y|=\(parameters.k)")]
        }
        if !otherSizes.isEmpty {
            items.append(LegendItem(key: otherSizes.map(String.init).joined(separator: ","), keyStyle: otherCurveStyle, text: otherSizes == [2] ? "|Y|=2 (p=1/2)" : "other |Y|"))
        }
        items.append(LegendItem(key: regionChars.m2, keyStyle: regionStyle(.m2), text: "RLPO/DPO\(arrow)M2"))
        if !isLogit {
            items.append(LegendItem(key: regionChars.perverse, keyStyle: regionStyle(.m2Perverse), text: "perverse"))
        }
        items.append(LegendItem(key: style.ascii ? "@" : "●", keyStyle: pointStyle, text: "now"))
        return items
    }

    func render(into buffer: inout CellBuffer, rect: Rect) {
        guard !rect.isEmpty else { return }
        let k = parameters.k
        let boundary = Self.boundary(parameters)
        // The |Y| = 2 line (p = 1/2, the majority's edge) always; the others when there is room
        // (sampled queries only: F(zeta) of other |Y|; under logit choices the boundary is 1/2).
        let roomy = rect.height >= 22 && rect.width >= 50
        let otherSizes: [Int]
        if isLogit {
            otherSizes = []
        } else if let fixedCount {
            otherSizes = 2 * fixedCount == k ? [] : [2]
        } else {
            otherSizes = Self.referenceSizes.filter { $0 != k && ($0 == 2 || roomy) }
        }
        let items = legendItems(otherSizes: otherSizes)
        let yTitle = isLogit ? "sigmoid(R)" : "p*(1)", xTitle = "zeta"
        let (frame, yTicks) = ChartFrame.withLegend(
            items, yTitle: yTitle, xTitle: xTitle, caption: true, appearance: ChartPalette.appearance(style), into: &buffer, rect: rect)
        let sy = style.ascii ? 1 : 4, sx = style.ascii ? 1 : 2
        if let captionRow = frame.captionRow {
            var text = Self.caption(parameters, ascii: style.ascii)
            if text.count > rect.width { text = String(text.drop { $0 != ":" }.dropFirst().drop { $0 == " " }) }
            if text.count <= rect.width {
                let verdict = FailureBoundary.verdict(parameters)
                let captionStyle = verdict.isPerverse ? regionStyle(.m2Perverse) : CellStyle()
                buffer.put(text, x: rect.x, y: captionRow, style: CellStyle(foreground: captionStyle.foreground, bold: true), clip: rect)
            }
        }
        let plot = frame.plot
        guard !plot.isEmpty else { return }

        var canvas = DotCanvas(columns: plot.width, rows: plot.height, braille: !style.ascii)
        let xAxis = LinearAxis(count: canvas.dotWidth)
        let yAxis = LinearAxis(count: canvas.dotHeight, flipped: true)
        // Cell centres, clamped inside (0, 1) where F is defined.
        func zeta(column: Int) -> Double { min(0.9999, max(0.0001, xAxis.value(at: Double(column * sx) + Double(sx - 1) / 2))) }
        func p(row: Int) -> Double { yAxis.value(at: Double(row * sy) + Double(sy - 1) / 2) }

        // Regions.
        var regions: [[Region]] = []
        for r in 0..<plot.height {
            var line: [Region] = []
            for c in 0..<plot.width {
                let region = Self.region(p: p(row: r), boundary: boundary(zeta(column: c)))
                line.append(region)
                let character: String
                switch region {
                case .m1: continue
                case .m2: character = regionChars.m2
                case .m2Perverse, .m1Perverse: character = regionChars.perverse
                }
                buffer.put(character, x: plot.x + c, y: plot.y + r, style: regionStyle(region))
            }
            regions.append(line)
        }

        // Curves: the other |Y| faint, the current one on top.
        func curve(_ size: Int, glyph: Character, style curveStyle: CellStyle) {
            var previous: (x: Double, y: Double)?
            var phase = 0
            let f = size == k ? boundary : { FailureBoundary.F(zeta: $0, k: size) }
            for dx in 0..<canvas.dotWidth {
                let z = min(0.9999, max(0.0001, xAxis.value(at: Double(dx))))
                let point = (x: Double(dx), y: yAxis.position(f(z)))
                canvas.line(from: previous ?? point, to: point, glyph: glyph, style: curveStyle, phase: &phase)
                previous = point
            }
        }
        for size in otherSizes {
            curve(size, glyph: size < 10 ? Character(String(size)) : "-", style: otherCurveStyle)
        }
        curve(k, glyph: "*", style: curveStyle)
        canvas.blit(into: &buffer, x: plot.x, y: plot.y)
        var placer = LabelPlacer(bounds: plot)
        placer.addCurves(of: canvas, x: plot.x, y: plot.y)

        // Curve-end labels (|Y|) in the right margin, at F(1) = (k - 1)/k.
        func endRow(_ size: Int) -> Int {
            let f = size == k ? boundary(0.9999) : FailureBoundary.F(zeta: 0.9999, k: size)
            return plot.y + Int(saturating: yAxis.position(f)) / sy
        }
        if plot.maxX < rect.maxX {
            var used = Set<Int>()
            for size in [k] + otherSizes {
                let r = endRow(size)
                guard !used.contains(r) else { continue }
                used.insert(r)
                var label = String(size)
                if size == k, let fixedCount { label = "\(fixedCount)/\(k)" }
                if size == k, isLogit { label = "1/2" }
                buffer.put(label, x: plot.maxX, y: r, style: size == k ? curveStyle : otherCurveStyle, clip: rect)
            }
        }

        // The current point and its label.
        let share = Self.pointShare(parameters)
        let pointDot = (x: xAxis.position(parameters.zeta), y: yAxis.position(min(1, max(0, share))))
        let pointColumn = min(plot.width - 1, max(0, Int(saturating: pointDot.x) / sx))
        let pointRow = min(plot.height - 1, max(0, Int(saturating: pointDot.y) / sy))
        placer.reserve(x: plot.x + pointColumn, y: plot.y + pointRow)

        // Region names in the widest free stretch of each region, away from the point's row.
        let arrow = style.ascii ? "->" : "→"
        let names: [(Region, String)] = [(.m2Perverse, "perverse"), (.m1Perverse, "perverse"), (.m2, "\(arrow) M2"), (.m1, "\(arrow) M1")]
        var labelledRows = Set([pointRow])
        for (region, name) in names {
            var best: (row: Int, start: Int, length: Int)?
            for r in 0..<plot.height where !labelledRows.contains(r) {
                var c = 0
                while c < plot.width {
                    let free = { (c: Int) in regions[r][c] == region && placer.isFree(x: plot.x + c, y: plot.y + r) }
                    guard free(c) else { c += 1; continue }
                    let start = c
                    while c < plot.width && free(c) { c += 1 }
                    if c - start > (best?.length ?? 0) { best = (r, start, c - start) }
                }
            }
            guard let best, best.length >= name.count + 2,
                  let placed = placer.place(name, candidates: [(plot.x + best.start + (best.length - name.count) / 2, plot.y + best.row)])
            else { continue }
            labelledRows.insert(best.row)
            var labelStyle = regionStyle(region)
            labelStyle.bold = true
            labelStyle.dim = false
            buffer.put(name, x: placed.x, y: placed.y, style: labelStyle)
        }

        var dotStyle = pointStyle
        dotStyle.background = buffer[plot.x + pointColumn, plot.y + pointRow].style.background
        buffer.put(style.ascii ? "@" : "●", x: plot.x + pointColumn, y: plot.y + pointRow, style: dotStyle)
        let label = "(\(Self.number(parameters.zeta, decimals: 2)),\(Self.number(share, decimals: 2)))"
        // Right of the point (a blank between), else left of it; else a row above or below.
        let right = plot.x + pointColumn + 2, left = plot.x + pointColumn - 1 - label.count
        let candidates = [0, -1, 1, -2, 2].flatMap { dy in [right, left].map { (x: $0, y: plot.y + pointRow + dy) } }
        if let placed = placer.place(label, candidates: candidates) {
            buffer.put(label, x: placed.x, y: placed.y, style: CellStyle(foreground: pointStyle.foreground, bold: true))
        }

        let tickValues = plot.width >= 50 ? (0...10).map { Double($0) / 10 } : [0, 0.25, 0.5, 0.75, 1]
        let xTicks = tickValues.map { (column: plot.x + Int(saturating: xAxis.position($0)) / sx, label: AxisTicks.fractionLabel($0)) }
        frame.drawAxes(into: &buffer, yTicks: yTicks, xTicks: xTicks, xTitle: xTitle, longXTitle: "zeta = P_base(M1)", appearance: ChartPalette.appearance(style))
    }
}
