import IIACharts
import IIACore

/// What the mouse can point at on the explorer's screen.
enum MouseTarget: Equatable {
    /// A slider's bar (brackets included), at a column.
    case sliderTrack(SliderID, track: SliderTrack, column: Int)
    /// Elsewhere on a slider's row (label, value, range).
    case sliderRow(SliderID)
    /// The failure-boundary chart's plot area.
    case boundaryPlot(BoundaryPlotGeometry)
    /// The phase chart's plot area (its cells).
    case phasePlot(Rect)
    /// Elsewhere on a chart (its heading, legend, axes, or the plot of another chart).
    case chart(ChartKind)
}

extension ExplorerState {
    /// Whether the screen is large enough to show the explorer (not the "needs at least" notice).
    var showsExplorer: Bool { width >= Self.minimumWidth && height >= Self.minimumHeight }

    /// What the cell at (`x`, `y`) shows, from the layout of this state (nil: nothing the mouse acts on).
    func mouseTarget(x: Int, y: Int) -> MouseTarget? {
        guard showsExplorer else { return nil }
        let layout = ScreenLayout.of(self)
        let panel = layout.sliders
        if Self.rect(panel, contains: x, y), y - panel.y < visibleSliders.count {
            let slider = visibleSliders[y - panel.y]
            let track = SliderTrack(panel: panel, ascii: capabilities.ascii)
            return track.contains(column: x) ? .sliderTrack(slider, track: track, column: x) : .sliderRow(slider)
        }
        for slot in layout.charts where Self.rect(slot.rect, contains: x, y) {
            if slot.kind == .boundary, let geometry = boundaryGeometry(chart: slot.rect), geometry.point(x: x, y: y) != nil {
                return .boundaryPlot(geometry)
            }
            if slot.kind == .phase, let area = phasePlotArea, Self.rect(area, contains: x, y) { return .phasePlot(area) }
            return .chart(slot.kind)
        }
        return nil
    }

    /// The boundary chart's plot geometry when it is drawn in `chart` (its slot, heading included).
    func boundaryGeometry(chart: Rect) -> BoundaryPlotGeometry? {
        guard chart.height >= 2, chart.width >= 2 else { return nil }
        let below = Rect(x: chart.x, y: chart.y + 1, width: chart.width, height: chart.height - 1)
        return BoundaryPlotGeometry(parameters: parameters, ascii: capabilities.ascii, rect: below)
    }

    /// The boundary chart's geometry on the current screen, if it is shown.
    var shownBoundaryGeometry: BoundaryPlotGeometry? {
        guard showsExplorer, let slot = ScreenLayout.of(self).charts.first(where: { $0.kind == .boundary }) else { return nil }
        return boundaryGeometry(chart: slot.rect)
    }

    /// The phase chart's plot area on the current screen (nil: not shown, or a message under logit choices).
    var phasePlotArea: Rect? {
        guard let rect = phaseChartPlotRect else { return nil }
        let area = PlotRenderer.plotArea(phaseFrame, in: rect)
        return area.isEmpty ? nil : area
    }

    /// The bar of `slider` on the current screen, if it is shown.
    func sliderTrack(of slider: SliderID) -> SliderTrack? {
        let panel = ScreenLayout.of(self).sliders
        guard showsExplorer, !panel.isEmpty, visibleSliders.contains(slider) else { return nil }
        return SliderTrack(panel: panel, ascii: capabilities.ascii)
    }

    static func rect(_ rect: Rect, contains x: Int, _ y: Int) -> Bool {
        x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY
    }
}
