import IIACharts
import IIACore

/// What the phase chart computes when it is on screen: the algorithm (the `a` key's) and a grid
/// with one value per cell of its plot. Part of ``MonteCarloKey`` so that a Monte Carlo run
/// simulates the phase grid too while the chart is shown.
public struct PhaseChartRequest: Hashable, Sendable, Codable {
    public var algorithm: Algorithm
    public var grid: PhaseDiagramGrid

    public init(algorithm: Algorithm, grid: PhaseDiagramGrid) {
        self.algorithm = algorithm
        self.grid = grid
    }
}

extension ExplorerState {
    /// The phase chart's request when it is on screen (focused, or shown in the layout) and can
    /// be drawn: nil when hidden, under logit choices (the core refuses them), or when the
    /// algorithm does not apply to the responses (its cells are blank).
    var phaseRequest: PhaseChartRequest? {
        guard let rect = phaseChartPlotRect,
              PhaseDiagramError.check(parameters) == nil,
              landscapeAlgorithm.inapplicabilityReason(for: parameters.responses) == nil else { return nil }
        let area = PlotRenderer.plotArea(phaseFrame, in: rect)
        return PhaseChartData.grid(for: area).map { PhaseChartRequest(algorithm: landscapeAlgorithm, grid: $0) }
    }

    /// The rectangle the phase chart's plot is drawn into (below its heading), nil when not shown.
    var phaseChartPlotRect: Rect? {
        guard showsExplorer, let slot = ScreenLayout.of(self).charts.first(where: { $0.kind == .phase }),
              slot.rect.height >= 2, slot.rect.width >= 2 else { return nil }
        return Rect(x: slot.rect.x, y: slot.rect.y + 1, width: slot.rect.width, height: slot.rect.height - 1)
    }

    /// The phase chart without values: its frame is the drawn chart's (same legend and caption rows).
    var phaseFrame: Plot {
        PhaseChartData(
            parameters: parameters, algorithm: landscapeAlgorithm, diagram: nil, source: .expected,
            style: ChartStyle(ascii: capabilities.ascii, theme: capabilities.resolvedTheme)).plot()
    }
}
