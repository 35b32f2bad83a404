import IIACharts
import IIACore

/// Presentation mode (`f`): the chart in focus over the whole screen.
extension ExplorerView {
    /// The title with the scenario, the chart (heading and full legend included), the verdict
    /// (wrapped over its two rows), and the status and key lines.
    func drawPresentation(into buffer: inout CellBuffer, layout: ScreenLayout) {
        drawTitle(into: &buffer, rect: layout.title)
        if let slot = layout.charts.first {
            drawChart(slot.kind, focused: true, alone: true, into: &buffer, rect: slot.rect)
        }
        if let rect = layout.verdict {
            let style = derived.boundary.isPerverse ? errorStyle : CellStyle(bold: true)
            for (offset, line) in wrap(verdictLine, width: rect.width).prefix(rect.height).enumerated() {
                buffer.put(line, x: rect.x, y: rect.y + offset, style: style, clip: rect)
            }
        }
        drawStatus(into: &buffer, rect: layout.status)
        drawKeys(into: &buffer, rect: layout.keys)
    }

    /// The boundary summary on one line: where RLPO and DPO go as |D| grows.
    var verdictLine: String {
        (ExplorerScenario.boundaryLead(parameters) + derived.boundarySummary)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The status line with no message in presentation mode: the selected slider and its value.
    var presentationSliderLine: String {
        let selected = state.sliders.selected
        let arrows = ascii ? "Up/Down select, Left/Right change" : "↑↓ select, ←→ change"
        return "\(state.spec(of: selected).label) = \(NumberFormatting.compact(state.value(of: selected), ascii: ascii))   (\(arrows))"
    }

    /// The keys that matter in presentation mode.
    var presentationKeyHints: [String] {
        ["Esc leave", "Tab chart", ascii ? "arrows slider" : "↑↓←→ slider", "x export CSV", "s screenshot", "? help", "q quit"]
    }
}
