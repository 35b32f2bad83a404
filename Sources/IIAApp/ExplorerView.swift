import Foundation
import IIACharts
import IIACore

extension ExplorerModel {
    /// The whole screen for the current state.
    public func view() -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            drawTooSmall(into: &buffer)
            return buffer
        }
        let layout = self.layout
        drawTitle(into: &buffer, rect: layout.title)
        drawSliders(into: &buffer, rect: layout.sliders)
        drawBoundary(into: &buffer, rect: layout.boundary)
        if layout.fullReadOut {
            drawReadOut(into: &buffer, rect: layout.readOut)
        } else {
            drawCompactReadOut(into: &buffer, rect: layout.readOut)
        }
        for (index, slot) in layout.charts.enumerated() {
            drawChart(slot.kind, focused: index == 0, alone: layout.charts.count == 1, into: &buffer, rect: slot.rect)
        }
        drawStatus(into: &buffer, rect: layout.status)
        drawKeys(into: &buffer, rect: layout.keys)
        if mode == .help { drawHelp(into: &buffer) }
        if mode == .explaining { drawExplanation(into: &buffer) }
        return buffer
    }

    /// The full screen for `parameters` at a size, without events: for headless snapshots.
    ///
    /// With `simulations > 0` the Monte Carlo work runs to completion first (synchronously),
    /// so the screen shows the finished simulated curves.
    public static func renderScreen(
        parameters: ModelParameters, simulations: Int = 0, seed: UInt64 = 1, chart: ChartKind = .data,
        width: Int, height: Int, capabilities: DisplayCapabilities = DisplayCapabilities(),
        landscapeAlgorithm: Algorithm = .rlpo
    ) -> CellBuffer {
        var model = ExplorerModel(
            parameters: parameters, simulations: simulations, seed: seed, capabilities: capabilities,
            chart: chart, width: width, height: height, landscapeAlgorithm: landscapeAlgorithm)
        if let work = model.update(.resize(width: width, height: height)) {
            let collector = ReportCollector()
            work.run({ false }, { collector.add($0) })
            for report in collector.reports {
                _ = model.update(.workResult(generation: work.generation, payload: report))
            }
        }
        return model.view()
    }

    /// Where each panel goes at the current size and scenario.
    var layout: ScreenLayout {
        ScreenLayout(width: width, height: height, focused: focusedChart, sliderRows: visibleSliders.count)
    }

    // MARK: Styles

    var useColor: Bool { capabilities.colorMode != .none }
    var ascii: Bool { capabilities.ascii }
    var chartStyle: ChartStyle { ChartStyle(ascii: ascii, color: useColor) }

    func colored(_ index: UInt8, bold: Bool = false) -> CellStyle {
        CellStyle(foreground: useColor ? .palette(index) : .default, bold: bold)
    }

    var headingStyle: CellStyle { CellStyle(bold: true) }
    var dimStyle: CellStyle { CellStyle(dim: true) }
    static let red: UInt8 = 1, green: UInt8 = 2, yellow: UInt8 = 3, cyan: UInt8 = 6

    // MARK: Panels

    func drawTooSmall(into buffer: inout CellBuffer) {
        let need = "needs at least \(Self.minimumWidth) x \(Self.minimumHeight)"
        let now = "now \(width) x \(height)"
        let lines = width >= need.count + now.count + 2
            ? ["iia-explorer", need + ", " + now, "enlarge the window (q quits)"]
            : ["iia-explorer", need + ",", now, "enlarge the window", "(q quits)"]
        let top = max(0, (height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            buffer.put(line, x: max(0, (width - line.count) / 2), y: top + offset, style: offset == 1 ? headingStyle : .plain)
        }
    }

    func drawTitle(into buffer: inout CellBuffer, rect: Rect) {
        let style = CellStyle(reverse: true)
        buffer.fill(rect, with: Cell(" ", style: style))
        let right = " " + dataSourceDescription + " "
        // The scenario always; the paper's title when there is room.
        let paper = "  RLHF and IIA: Perverse Incentives (Xu et al. 2024)"
        let candidates = [
            " iia-explorer" + paper + "  scenario: " + ExplorerScenario.describe(parameters),
            " iia-explorer  scenario: " + ExplorerScenario.describe(parameters),
            " iia-explorer  " + ExplorerScenario.describe(parameters, long: false),
            " iia-explorer  RLHF and IIA",
        ]
        let left = candidates.first { $0.count + right.count <= rect.width } ?? candidates[candidates.count - 1]
        let leftClip = Rect(x: rect.x, y: rect.y, width: max(0, rect.width - right.count), height: 1)
        buffer.put(left, x: rect.x, y: rect.y, style: CellStyle(bold: true, reverse: true), clip: leftClip)
        buffer.put(right, x: rect.maxX - right.count, y: rect.y, style: style, clip: rect)
    }

    /// "expected data" or "Monte Carlo 40/100 (seed 1)".
    var dataSourceDescription: String {
        guard simulations > 0 else { return "expected data" }
        return "Monte Carlo \(monteCarlo?.completed ?? 0)/\(simulations) (seed \(seed))"
    }

    func drawSliders(into buffer: inout CellBuffer, rect: Rect) {
        let labelWidth = 9, valueWidth = 10, rangeWidth = 10
        let summaryWidth = rect.width >= 70 ? 24 : 0
        let barWidth = max(4, rect.width - 2 - labelWidth - valueWidth - 1 - rangeWidth - summaryWidth)
        for (row, slider) in visibleSliders.enumerated() {
            let y = rect.y + row
            let spec = spec(of: slider)
            let selected = slider == selectedSlider
            let marker = selected ? (ascii ? "> " : "▶ ") : "  "
            var x = rect.x
            buffer.put(marker, x: x, y: y, style: colored(Self.cyan, bold: true), clip: rect)
            x += 2
            let labelStyle = selected ? CellStyle(bold: true, reverse: true) : .plain
            buffer.put(pad(spec.label, labelWidth - 1), x: x, y: y, style: labelStyle, clip: rect)
            x += labelWidth
            let valueText = NumberFormatting.compact(value(of: slider), ascii: ascii)
            buffer.put(valueText, x: x, y: y, style: selected ? headingStyle : .plain, clip: rect)
            x += valueWidth
            drawBar(spec.position(of: value(of: slider)), width: barWidth, selected: selected, into: &buffer, x: x, y: y, clip: rect)
            x += barWidth + 1
            buffer.put(spec.rangeLabel(ascii: ascii), x: x, y: y, style: dimStyle, clip: rect)
            x += rangeWidth
            if summaryWidth > 0 {
                buffer.put(" " + slider.summary(in: parameters), x: x, y: y, style: dimStyle, clip: Rect(x: x, y: y, width: summaryWidth, height: 1))
            }
        }
    }

    func drawBar(_ position: Double, width: Int, selected: Bool, into buffer: inout CellBuffer, x: Int, y: Int, clip: Rect) {
        let inner = ascii ? width - 2 : width
        guard inner > 0 else { return }
        let knob = Int((position * Double(inner - 1)).rounded())
        var text = ascii ? "[" : ""
        for index in 0..<inner {
            if index == knob {
                text += ascii ? "O" : "●"
            } else if index < knob {
                text += ascii ? "=" : "━"
            } else {
                text += ascii ? "-" : "─"
            }
        }
        if ascii { text += "]" }
        buffer.put(text, x: x, y: y, style: selected ? colored(Self.cyan, bold: true) : colored(Self.cyan), clip: clip)
    }

    func drawBoundary(into buffer: inout CellBuffer, rect: Rect) {
        let verdict = FailureBoundary.verdict(parameters)
        let summary = ReadOut.boundary(parameters, rlpoHasMinimizer: result(for: .rlpo).minimizerExists)
        let text: String
        switch (parameters.queries, parameters.choiceModel) {
        case (_, .logit):
            text = summary
        case (.fixed(let count), _):
            text = "Fixed sets, J/|Y| = \(count)/\(parameters.k): " + summary
        case (.sampled, _):
            text = "|Y| = \(parameters.k)" + (parameters.k == 2 ? " (pairs: F = 1/2)" : "") + ": " + summary
        }
        let style = verdict.isPerverse ? colored(Self.red, bold: true) : .plain
        for (offset, line) in wrap(text, width: rect.width - 2).prefix(rect.height).enumerated() {
            buffer.put(line, x: rect.x + 2, y: rect.y + offset, style: style, clip: rect)
        }
    }

    /// Column positions of the read-out.
    static let readOutColumns = (label: 0, probability: 18, logOdds: 31, minimizer: 42, iterations: 59, monteCarlo: 66)

    func drawReadOut(into buffer: inout CellBuffer, rect: Rect) {
        let c = Self.readOutColumns
        let y0 = rect.y
        let heading = "at |D| = \(NumberFormatting.compact(parameters.dataSize))"
        buffer.put("algorithm", x: rect.x + c.label, y: y0, style: headingStyle, clip: rect)
        buffer.put("P(M1)", x: rect.x + c.probability, y: y0, style: headingStyle, clip: rect)
        buffer.put("log-odds", x: rect.x + c.logOdds, y: y0, style: headingStyle, clip: rect)
        buffer.put("minimiser", x: rect.x + c.minimizer, y: y0, style: headingStyle, clip: rect)
        buffer.put("Newton", x: rect.x + c.iterations, y: y0, style: headingStyle, clip: rect)
        if simulations > 0 {
            let progress = monteCarlo.map { "MC \($0.completed)/\($0.total)" } ?? "MC 0/\(simulations)"
            buffer.put(progress, x: rect.x + c.monteCarlo, y: y0, style: headingStyle, clip: rect)
        } else {
            buffer.put(heading, x: rect.x + c.monteCarlo, y: y0, style: dimStyle, clip: rect)
        }
        for (index, result) in results.enumerated() {
            let y = y0 + 1 + 2 * index
            guard y < rect.maxY else { break }
            let minimizerStyle = result.minimizerExists ? CellStyle.plain : colored(Self.yellow)
            var fields: [RowField] = [
                RowField(ReadOut.label(result.algorithm, k: parameters.k), column: c.label, style: headingStyle),
                RowField(NumberFormatting.probability(logOdds: result.logOdds, ascii: ascii), column: c.probability),
                RowField(NumberFormatting.logOdds(result.logOdds, ascii: ascii), column: c.logOdds),
                RowField(ReadOut.minimizer(result), column: c.minimizer, style: minimizerStyle),
                RowField(String(result.iterations), column: c.iterations),
            ]
            if simulations > 0 { fields.append(RowField(monteCarloText(for: result.algorithm), column: c.monteCarlo)) }
            putRow(fields, y: y, into: &buffer, rect: rect)
            let verdict = ReadOut.verdict(
                logOdds: result.logOdds, p1: parameters.choiceModel.pairwiseShareM1(p1: parameters.p1), ascii: ascii)
            buffer.put("  " + verdict, x: rect.x, y: y + 1, style: verdictStyle(verdict), clip: rect)
        }
    }

    /// Column positions of the compact read-out (one line per algorithm); with Monte Carlo the
    /// Newton column gives way to the simulated estimate.
    static let compactColumns = (label: 0, probability: 17, logOdds: 30, minimizer: 39, iterations: 55, monteCarlo: 55, verdict: 62, verdictWithMonteCarlo: 69)

    /// One line per algorithm: the numbers and a verdict word ("perverse", "aligned",
    /// "inclusive", ...), then a line naming the majority and the inclusive target.
    func drawCompactReadOut(into buffer: inout CellBuffer, rect: Rect) {
        let c = Self.compactColumns
        let y0 = rect.y
        guard rect.height > 0 else { return }
        let monteCarloOn = simulations > 0
        let verdictColumn = monteCarloOn ? c.verdictWithMonteCarlo : c.verdict
        buffer.put("algorithm", x: rect.x + c.label, y: y0, style: headingStyle, clip: rect)
        buffer.put("P(M1)", x: rect.x + c.probability, y: y0, style: headingStyle, clip: rect)
        buffer.put("log-odds", x: rect.x + c.logOdds, y: y0, style: headingStyle, clip: rect)
        buffer.put("minimiser", x: rect.x + c.minimizer, y: y0, style: headingStyle, clip: rect)
        if monteCarloOn {
            let progress = monteCarlo.map { "MC \($0.completed)/\($0.total)" } ?? "MC 0/\(simulations)"
            buffer.put(progress, x: rect.x + c.monteCarlo, y: y0, style: headingStyle, clip: rect)
            buffer.put("verdict", x: rect.x + verdictColumn, y: y0, style: headingStyle, clip: rect)
        } else {
            buffer.put("Newton", x: rect.x + c.iterations, y: y0, style: headingStyle, clip: rect)
            buffer.put("verdict", x: rect.x + verdictColumn, y: y0, style: headingStyle, clip: rect)
            buffer.put("|D| = \(NumberFormatting.compact(parameters.dataSize))", x: rect.x + verdictColumn + 8, y: y0, style: dimStyle, clip: rect)
        }
        let share = parameters.choiceModel.pairwiseShareM1(p1: parameters.p1)
        for (index, result) in results.enumerated() {
            let y = y0 + 1 + index
            guard y < rect.maxY else { break }
            let minimizerStyle = result.minimizerExists ? CellStyle.plain : colored(Self.yellow)
            let word = ReadOut.verdictWord(logOdds: result.logOdds, p1: share)
            putRow([
                RowField(ReadOut.label(result.algorithm, k: parameters.k), column: c.label, style: headingStyle),
                RowField(NumberFormatting.probability(logOdds: result.logOdds, ascii: ascii), column: c.probability),
                RowField(NumberFormatting.logOdds(result.logOdds, ascii: ascii), column: c.logOdds),
                RowField(ReadOut.minimizer(result, short: true), column: c.minimizer, style: minimizerStyle),
                monteCarloOn
                    ? RowField(monteCarloText(for: result.algorithm), column: c.monteCarlo)
                    : RowField(String(result.iterations), column: c.iterations),
                RowField(word, column: verdictColumn, style: verdictStyle(word)),
            ], y: y, into: &buffer, rect: rect)
        }
        let footerY = y0 + 1 + results.count
        if footerY < rect.maxY {
            buffer.put(ReadOut.majorityLine(parameters, ascii: ascii), x: rect.x + 2, y: footerY, style: dimStyle, clip: rect)
        }
    }

    /// One field of a read-out row: its text, the column it starts at when there is room, its style.
    struct RowField {
        var text: String
        var column: Int
        var style = CellStyle.plain

        init(_ text: String, column: Int, style: CellStyle = .plain) {
            self.text = text
            self.column = column
            self.style = style
        }
    }

    /// Puts the fields at their columns, except that a field never starts less than one blank
    /// after the previous one ends: extreme values shift the rest of the row right (clipped at
    /// the edge) instead of running into the next column.
    func putRow(_ fields: [RowField], y: Int, into buffer: inout CellBuffer, rect: Rect) {
        var nextFree = rect.x
        for field in fields {
            let x = max(rect.x + field.column, nextFree)
            guard x < rect.maxX else { return }
            buffer.put(field.text, x: x, y: y, style: field.style, clip: rect)
            nextFree = x + field.text.count + 1
        }
    }

    /// Red for perverse, green for aligned or inclusive.
    func verdictStyle(_ verdict: String) -> CellStyle {
        if verdict.hasPrefix("perverse") { return colored(Self.red, bold: true) }
        if verdict.hasPrefix("aligned") || verdict.hasPrefix("inclusive") { return colored(Self.green) }
        return .plain
    }

    /// "0.0031±0.0002" (mean and standard error at the current parameters), "…" before data.
    func monteCarloText(for algorithm: Algorithm) -> String {
        guard let estimate = monteCarlo?.estimates.first(where: { $0.algorithm == algorithm }) else {
            return ascii ? "..." : "…"
        }
        let mean = NumberFormatting.probability(estimate.mean, ascii: ascii)
        guard let error = estimate.standardError else { return mean }
        return mean + (ascii ? "+-" : "±") + NumberFormatting.probability(error, ascii: ascii)
    }

    func drawChart(_ kind: ChartKind, focused: Bool, alone: Bool, into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height >= 2, rect.width >= 2 else { return }
        let marker = focused && !alone ? (ascii ? "> " : "▶ ") : ""
        let number = (ChartKind.allCases.firstIndex(of: kind) ?? 0) + 1
        var heading = marker + kind.title
        if kind == .boundary {
            switch (parameters.queries, parameters.choiceModel) {
            case (_, .logit): heading = marker + "Failure boundary: none"
            case (.fixed, _): heading = marker + "Failure boundary J/|Y|"
            case (.sampled, _): break
            }
        }
        if kind == .landscape { heading += ": \(landscapeAlgorithm.name) (a: next)" }
        if alone { heading += "  [\(number)/\(ChartKind.allCases.count) Tab]" }
        buffer.put(heading, x: rect.x, y: rect.y, style: focused ? colored(Self.cyan, bold: true) : headingStyle, clip: rect)
        let plot = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        switch kind {
        case .data:
            ExplorerCharts.renderSweep(
                dataSweep, simulated: monteCarlo?.dataSweep, marker: parameters.dataSize, style: chartStyle,
                into: &buffer, rect: plot)
        case .m2:
            ExplorerCharts.renderSweep(
                m2Sweep, simulated: monteCarlo?.m2Sweep, marker: Double(parameters.m2), style: chartStyle,
                into: &buffer, rect: plot)
        case .boundary:
            ExplorerCharts.renderBoundary(parameters, style: chartStyle, into: &buffer, rect: plot)
        case .landscape:
            ExplorerCharts.renderLandscape(landscape, style: chartStyle, into: &buffer, rect: plot)
        }
    }

    func drawStatus(into buffer: inout CellBuffer, rect: Rect) {
        if let text = inputText {
            let spec = spec(of: selectedSlider)
            let prompt = "\(spec.label) = "
            var x = buffer.put(prompt, x: rect.x, y: rect.y, style: headingStyle, clip: rect)
            x = buffer.put(text, x: x, y: rect.y, clip: rect)
            buffer.put(ascii ? "_" : "▏", x: x, y: rect.y, style: colored(Self.cyan, bold: true), clip: rect)
            if statusIsError, let message = statusMessage {  // a rejected value: the prompt stays open
                buffer.put("   " + message, x: x + 1, y: rect.y, style: colored(Self.red, bold: true), clip: rect)
                return
            }
            let hint = "   \(spec.allowedDescription(ascii: ascii)), now \(NumberFormatting.compact(value(of: selectedSlider)))"
            buffer.put(hint, x: x + 1, y: rect.y, style: dimStyle, clip: rect)
            return
        }
        if let message = statusMessage {
            buffer.put(message, x: rect.x, y: rect.y, style: statusIsError ? colored(Self.red, bold: true) : .plain, clip: rect)
        } else {
            let spec = spec(of: selectedSlider)
            buffer.put("\(spec.label): \(selectedSlider.summary(in: parameters))", x: rect.x, y: rect.y, style: dimStyle, clip: rect)
        }
    }

    /// The few keys that matter now, most important first, as many as fit.
    var keyHints: [String] {
        switch mode {
        case .help:
            return ["any key: close help", "Ctrl-C quit"]
        case .explaining:
            return ["e/Esc close", "a next algorithm", "Ctrl-C quit"]
        case .typing:
            return ["Enter apply", "Esc cancel", "Backspace delete", "Ctrl-C quit"]
        case .browsing:
            return [
                "? help", "q quit", ascii ? "arrows sliders" : "↑↓←→ sliders",
                "Tab chart", "c scenario", "e explain", "a algorithm", "PgUp/PgDn coarse", "Enter type", "\(Preset.keyRange) presets",
                simulations > 0 ? "m expected data" : "m Monte Carlo", "s screenshot", "r reset",
            ]
        }
    }

    func drawKeys(into buffer: inout CellBuffer, rect: Rect) {
        var x = rect.x
        for hint in keyHints {
            guard x + hint.count <= rect.maxX else { break }
            let split = hint.firstIndex(of: " ") ?? hint.endIndex
            let next = buffer.put(String(hint[..<split]), x: x, y: rect.y, style: CellStyle(reverse: true), clip: rect)
            buffer.put(String(hint[split...]), x: next, y: rect.y, clip: rect)
            x += hint.count + 2
        }
    }

    /// Every key, for the help overlay.
    static var helpLines: [String] {
        [
            "Up/Down, k/j            select a slider",
            "Left/Right, h/l         fine step; Shift/Ctrl-arrows, PgUp/PgDn coarse",
            "Home / End              the slider's minimum / maximum",
            "Enter or =              type a value (Enter applies, Esc cancels)",
            "Tab / Shift-Tab         next / previous chart in focus",
            "c / C                   scenario (queries x choices): next / previous",
            "a / A, e                landscape algorithm: next/previous; e explains it",
            "m / s / r               Monte Carlo on/off; screenshot (text, SVG); reset",
            "? or F1 / q, Ctrl-C     help (any key closes it) / quit; Esc never quits",
            "\(Preset.keyRange)                     presets:",
        ] + Preset.all.map { "  \($0.number)  \($0.name)" }
    }

    func drawHelp(into buffer: inout CellBuffer) {
        let lines = Self.helpLines
        let rect = drawBox(title: " Keys ", width: (lines.map(\.count).max() ?? 0) + 4, height: lines.count + 2, into: &buffer)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + offset, style: line.hasSuffix("presets:") ? headingStyle : .plain, clip: inner)
        }
    }

    /// The explanation of the landscape's algorithm in a box: the title, then each sentence wrapped.
    func drawExplanation(into buffer: inout CellBuffer) {
        let explanation = self.explanation
        let boxWidth = min(width - 2, 100)
        let textWidth = max(1, boxWidth - 4)
        var lines: [(text: String, style: CellStyle)] = []
        for wrapped in Explanation.wrap(explanation.title, width: textWidth) { lines.append((wrapped, headingStyle)) }
        for sentence in explanation.lines {
            let style = sentence.hasPrefix("Verdict: perverse") ? colored(Self.red, bold: true) : CellStyle.plain
            for (index, wrapped) in Explanation.wrap(sentence, width: textWidth - 2).enumerated() {
                lines.append(((index == 0 ? (ascii ? "- " : "• ") : "  ") + wrapped, style))
            }
        }
        let rect = drawBox(title: " Explain: \(explanation.algorithm.name) (a: next, e/Esc: close) ", width: boxWidth,
                           height: lines.count + 2, into: &buffer)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + offset, style: line.style, clip: inner)
        }
    }

    /// A bordered, cleared box centred on the screen (at most the screen less a margin); returns it.
    func drawBox(title: String, width wanted: Int, height wantedHeight: Int, into buffer: inout CellBuffer) -> Rect {
        let boxWidth = max(0, min(width - 2, wanted))
        let boxHeight = max(0, min(height - 2, wantedHeight))
        let rect = Rect(x: (width - boxWidth) / 2, y: max(1, (height - boxHeight) / 2), width: boxWidth, height: boxHeight)
        guard rect.width >= 2, rect.height >= 2 else { return rect }
        buffer.fill(rect)
        let border = colored(Self.cyan, bold: true)
        let (h, v, corners) = ascii ? ("-", "|", ["+", "+", "+", "+"]) : ("─", "│", ["┌", "┐", "└", "┘"])
        for x in rect.x..<rect.maxX {
            buffer[x, rect.y] = Cell(Character(h), style: border)
            buffer[x, rect.maxY - 1] = Cell(Character(h), style: border)
        }
        for y in rect.y..<rect.maxY {
            buffer[rect.x, y] = Cell(Character(v), style: border)
            buffer[rect.maxX - 1, y] = Cell(Character(v), style: border)
        }
        buffer[rect.x, rect.y] = Cell(Character(corners[0]), style: border)
        buffer[rect.maxX - 1, rect.y] = Cell(Character(corners[1]), style: border)
        buffer[rect.x, rect.maxY - 1] = Cell(Character(corners[2]), style: border)
        buffer[rect.maxX - 1, rect.maxY - 1] = Cell(Character(corners[3]), style: border)
        buffer.put(title, x: rect.x + 2, y: rect.y, style: headingStyle, clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        return rect
    }

    // MARK: Text helpers

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    /// Greedy word wrap (nothing at all in no width).
    func wrap(_ text: String, width: Int) -> [String] {
        width > 0 ? Explanation.wrap(text, width: width) : []
    }
}

/// Collects reports of background work run synchronously.
final class ReportCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [any Sendable] = []

    func add(_ item: any Sendable) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var reports: [any Sendable] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
