import IIACharts
import IIACore

/// Draws the explorer's screen from its state and derived value, and nothing else: no solving,
/// no verdicts worked out, no text parsed.
struct ExplorerView {
    let state: ExplorerState
    let derived: ExplorerDerived

    /// The whole screen.
    func render() -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        guard state.width >= ExplorerState.minimumWidth, state.height >= ExplorerState.minimumHeight else {
            drawTooSmall(into: &buffer)
            return buffer
        }
        let layout = self.layout
        if state.presentation {
            drawPresentation(into: &buffer, layout: layout)
            drawOverlay(into: &buffer)
            return buffer
        }
        drawTitle(into: &buffer, rect: layout.title)
        drawSliders(into: &buffer, rect: layout.sliders)
        drawBoundary(into: &buffer, rect: layout.boundary)
        let readOut = ReadOutPanel(view: self)
        if layout.fullReadOut {
            readOut.drawFull(into: &buffer, rect: layout.readOut)
        } else {
            readOut.drawCompact(into: &buffer, rect: layout.readOut)
        }
        for (index, slot) in layout.charts.enumerated() {
            drawChart(slot.kind, focused: index == 0, alone: layout.charts.count == 1, into: &buffer, rect: slot.rect)
        }
        drawStatus(into: &buffer, rect: layout.status)
        drawKeys(into: &buffer, rect: layout.keys)
        drawOverlay(into: &buffer)
        return buffer
    }

    func drawOverlay(into buffer: inout CellBuffer) {
        switch state.overlay {
        case .help: drawHelp(into: &buffer)
        case .explaining: drawExplanation(into: &buffer)
        case .none: break
        }
    }

    /// Where each panel goes at the current size and scenario.
    var layout: ScreenLayout { ScreenLayout.of(state) }

    var parameters: ModelParameters { state.parameters }

    // MARK: Styles

    var ascii: Bool { state.capabilities.ascii }
    /// The colours by role (see ``Theme``).
    var theme: Theme { state.capabilities.resolvedTheme }

    var headingStyle: CellStyle { theme.heading }
    var dimStyle: CellStyle { theme.dimText }
    var errorStyle: CellStyle { theme.error }
    /// Slider bars, markers and the focused heading; `strong` adds bold.
    func accentStyle(strong: Bool = false) -> CellStyle {
        var style = theme.accent
        if strong { style.bold = true }
        return style
    }

    /// A verdict's colour: red for a warning, green for good.
    func style(_ tone: PolicyVerdict.Tone) -> CellStyle {
        switch tone {
        case .warning: return errorStyle
        case .good: return theme.good
        case .neutral: return theme.text
        }
    }

    // MARK: Panels

    func drawTooSmall(into buffer: inout CellBuffer) {
        let (width, height) = (state.width, state.height)
        let need = "needs at least \(ExplorerState.minimumWidth) x \(ExplorerState.minimumHeight)"
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
        let style = theme.bar
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
        buffer.put(left, x: rect.x, y: rect.y, style: theme.selection, clip: leftClip)
        buffer.put(right, x: rect.maxX - right.count, y: rect.y, style: style, clip: rect)
    }

    /// "expected data" or "Monte Carlo 40/100 (seed 1)".
    var dataSourceDescription: String {
        guard state.simulations > 0 else { return "expected data" }
        return "Monte Carlo \(derived.monteCarlo?.completed ?? 0)/\(state.simulations) (seed \(state.seed))"
    }

    func drawSliders(into buffer: inout CellBuffer, rect: Rect) {
        let track = SliderTrack(panel: rect, ascii: ascii)
        let summaryWidth = rect.width >= 70 ? 24 : 0
        for (row, slider) in state.visibleSliders.enumerated() {
            let y = rect.y + row
            let spec = state.spec(of: slider)
            let value = state.value(of: slider)
            let selected = slider == state.sliders.selected
            var x = rect.x
            buffer.put(selected ? (ascii ? "> " : "▶ ") : "  ", x: x, y: y, style: accentStyle(strong: true), clip: rect)
            x += 2
            let labelStyle = selected ? theme.selection : theme.text
            buffer.put(pad(spec.label, SliderTrack.labelWidth - 1), x: x, y: y, style: labelStyle, clip: rect)
            x += SliderTrack.labelWidth
            buffer.put(NumberFormatting.compact(value, ascii: ascii), x: x, y: y, style: selected ? headingStyle : .plain, clip: rect)
            x = track.barX
            drawBar(spec.position(of: value), track: track, selected: selected, into: &buffer, y: y, clip: rect)
            x += track.barWidth + 1
            buffer.put(spec.rangeLabel(ascii: ascii), x: x, y: y, style: dimStyle, clip: rect)
            x += SliderTrack.rangeWidth
            if summaryWidth > 0 {
                buffer.put(" " + slider.summary(in: parameters), x: x, y: y, style: dimStyle, clip: Rect(x: x, y: y, width: summaryWidth, height: 1))
            }
        }
    }

    func drawBar(_ position: Double, track: SliderTrack, selected: Bool, into buffer: inout CellBuffer, y: Int, clip: Rect) {
        let inner = track.cells
        guard inner > 0 else { return }
        let knob = track.knobCell(position)
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
        buffer.put(text, x: track.barX, y: y, style: selected ? accentStyle(strong: true) : accentStyle(), clip: clip)
    }

    func drawBoundary(into buffer: inout CellBuffer, rect: Rect) {
        let text = ExplorerScenario.boundaryLead(parameters) + derived.boundarySummary
        let style = derived.boundary.isPerverse ? errorStyle : .plain
        for (offset, line) in wrap(text, width: rect.width - 2).prefix(rect.height).enumerated() {
            buffer.put(line, x: rect.x + 2, y: rect.y + offset, style: style, clip: rect)
        }
    }

    func drawChart(_ kind: ChartKind, focused: Bool, alone: Bool, into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height >= 2, rect.width >= 2 else { return }
        let marker = focused && !alone ? (ascii ? "> " : "▶ ") : ""
        let number = (ChartKind.allCases.firstIndex(of: kind) ?? 0) + 1
        var heading = marker + kind.title
        if kind == .boundary, let title = ExplorerScenario.boundaryChartTitle(parameters) { heading = marker + title }
        if kind == .landscape || kind == .phase { heading += ": \(state.landscapeAlgorithm.name) (a: next)" }
        if alone { heading += "  [\(number)/\(ChartKind.allCases.count) Tab]" }
        buffer.put(heading, x: rect.x, y: rect.y, style: focused ? accentStyle(strong: true) : headingStyle, clip: rect)
        let plot = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        PlotRenderer.render(derived.plots.plot(kind, in: plot), into: &buffer, rect: plot)
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
