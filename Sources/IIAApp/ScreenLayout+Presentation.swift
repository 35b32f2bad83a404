import IIACharts

extension ScreenLayout {
    /// The layout of `state`: the normal one, or the presentation layout while `f` is on.
    static func of(_ state: ExplorerState) -> ScreenLayout {
        state.presentation
            ? .presentation(width: state.width, height: state.height, focused: state.focusedChart)
            : ScreenLayout(width: state.width, height: state.height, focused: state.focusedChart,
                           sliderRows: state.visibleSliders.count)
    }

    /// Presentation mode (`f`): the title (with the scenario), the chart in focus over the whole
    /// width from the second row down to the verdict (two rows), then the status and key lines. No
    /// sliders, boundary summary or read-out.
    static func presentation(width: Int, height: Int, focused: ChartKind) -> ScreenLayout {
        var layout = ScreenLayout(width: width, height: height, focused: focused)
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        layout.sliders = empty
        layout.boundary = empty
        layout.readOut = empty
        layout.fullReadOut = false
        layout.verdict = Rect(x: 0, y: max(1, height - 4), width: width, height: 2)
        layout.charts = [(focused, Rect(x: 0, y: 1, width: width, height: max(0, height - 5)))]
        return layout
    }
}
