import IIACharts
import IIACore

/// The status and key lines, and the help and explanation overlays.
extension ExplorerView {
    func drawStatus(into buffer: inout CellBuffer, rect: Rect) {
        let selected = state.sliders.selected
        let spec = state.spec(of: selected)
        if let text = state.sliders.typedText {
            var x = buffer.put("\(spec.label) = ", x: rect.x, y: rect.y, style: headingStyle, clip: rect)
            x = buffer.put(text, x: x, y: rect.y, clip: rect)
            buffer.put(ascii ? "_" : "▏", x: x, y: rect.y, style: accentStyle(strong: true), clip: rect)
            if case .error(let message) = state.status {  // a rejected value: the prompt stays open
                buffer.put("   " + message, x: x + 1, y: rect.y, style: errorStyle, clip: rect)
                return
            }
            let hint = "   \(spec.allowedDescription(ascii: ascii)), now \(NumberFormatting.compact(state.value(of: selected)))"
            buffer.put(hint, x: x + 1, y: rect.y, style: dimStyle, clip: rect)
            return
        }
        if let status = state.status {
            buffer.put(status.text(derived), x: rect.x, y: rect.y, style: status.isError ? errorStyle : .plain, clip: rect)
        } else if state.presentation {
            buffer.put(presentationSliderLine, x: rect.x, y: rect.y, clip: rect)
        } else {
            buffer.put("\(spec.label): \(selected.summary(in: parameters))", x: rect.x, y: rect.y, style: dimStyle, clip: rect)
        }
    }

    /// The few keys that matter now, most important first, as many as fit.
    var keyHints: [String] {
        switch state.overlay {
        case .help:
            return ["any key: close help", "Ctrl-C quit"]
        case .explaining:
            return ["e/Esc close", "a next algorithm", "Ctrl-C quit"]
        case .none where state.sliders.typedText != nil:
            return ["Enter apply", "Esc cancel", "Backspace delete", "Ctrl-C quit"]
        case .none where state.presentation:
            return presentationKeyHints
        case .none:
            return [
                "? help", "q quit", ascii ? "arrows sliders" : "↑↓←→ sliders",
                "Tab chart", "c scenario", "e explain", "a algorithm", "PgUp/PgDn coarse", "Enter type", "\(Preset.keyRange) presets",
                state.simulations > 0 ? "m expected data" : "m Monte Carlo", "s screenshot", "r reset",
                "u undo", "U redo", "y command line",
                "f present", "x export",
            ]
        }
    }

    func drawKeys(into buffer: inout CellBuffer, rect: Rect) {
        var x = rect.x
        for hint in keyHints {
            guard x + hint.count <= rect.maxX else { break }
            let split = hint.firstIndex(of: " ") ?? hint.endIndex
            let next = buffer.put(String(hint[..<split]), x: x, y: rect.y, style: theme.bar, clip: rect)
            buffer.put(String(hint[split...]), x: next, y: rect.y, clip: rect)
            x += hint.count + 2
        }
    }

    /// Every key, for the help overlay; the presets' heading is marked.
    static var helpLines: [(text: String, isHeading: Bool)] {
        [
            "Up/Down, k/j            select a slider",
            "Left/Right, h/l         fine step; Shift/Ctrl-arrows, PgUp/PgDn coarse",
            "Home / End; Enter or =  minimum / maximum; type a value (Esc cancels)",
            "Tab / Shift-Tab; x; f   chart: next / previous; data as CSV; full screen",
            "c / C, a / A, e         next/previous scenario, algorithm; e explains it",
            "m / s / r               Monte Carlo on/off; screenshot (text, SVG); reset",
            "u, U or Ctrl-R / y      undo, redo / command line (to commands.txt)",
            "? or F1 / q, Ctrl-C     help (any key closes it) / quit; Esc never quits",
            "mouse click/drag/wheel  sliders; click: focus, boundary/phase: go there",
        ].map { ($0, false) }
            + [("\(Preset.keyRange)                     presets:", true)]
            + Preset.all.map { ("  \($0.number)  \($0.name)", false) }
    }

    func drawHelp(into buffer: inout CellBuffer) {
        let lines = Self.helpLines
        let rect = drawBox(title: " Keys ", width: (lines.map(\.text.count).max() ?? 0) + 4, height: lines.count + 2, into: &buffer)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + offset, style: line.isHeading ? headingStyle : .plain, clip: inner)
        }
    }

    /// The explanation of the landscape's algorithm in a box: the title, then each sentence
    /// wrapped (the verdict's sentence in red when it is perverse).
    func drawExplanation(into buffer: inout CellBuffer) {
        guard let explanation = derived.explanation else { return }
        let boxWidth = min(state.width - 2, 100)
        let textWidth = max(1, boxWidth - 4)
        var lines: [(text: String, style: CellStyle)] = []
        for wrapped in Explanation.wrap(explanation.title, width: textWidth) { lines.append((wrapped, headingStyle)) }
        for (index, sentence) in explanation.lines.enumerated() {
            let perverse = index == explanation.verdictLine && explanation.verdict?.kind == .perverse
            let style = perverse ? errorStyle : CellStyle.plain
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
        let (width, height) = (state.width, state.height)
        let boxWidth = max(0, min(width - 2, wanted))
        let boxHeight = max(0, min(height - 2, wantedHeight))
        let rect = Rect(x: (width - boxWidth) / 2, y: max(1, (height - boxHeight) / 2), width: boxWidth, height: boxHeight)
        guard rect.width >= 2, rect.height >= 2 else { return rect }
        buffer.fill(rect)
        let border = accentStyle(strong: true)
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
}
