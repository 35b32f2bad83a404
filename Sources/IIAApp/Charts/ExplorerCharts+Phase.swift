import IIACharts
import IIACore

extension ExplorerCharts {
    /// The phase chart: P(M1) of `algorithm` over the (zeta, p*(1)) square at the parameters'
    /// |D| (one value per plot cell, at most 160 x 60), on expected data or, with
    /// `simulations > 0`, the mean over that many simulated datasets per cell; the boundary
    /// F(zeta) (G with rankings) over it, the current point, a colour-scale legend and a caption.
    /// Under logit choices a message says why there is no chart.
    /// Any rectangle is accepted: parts that do not fit are left out.
    public static func renderPhase(
        _ parameters: ModelParameters, algorithm: Algorithm, simulations: Int = 0, seed: UInt64 = 1,
        style: ChartStyle, into buffer: inout CellBuffer, rect: Rect
    ) {
        let frame = phasePlot(parameters, algorithm: algorithm, diagram: nil, style: style)
        let grid = PhaseChartData.grid(for: PlotRenderer.plotArea(frame, in: rect))
        let diagram = grid.flatMap { phaseDiagram(parameters, algorithm: algorithm, grid: $0, simulations: simulations, seed: seed) }
        PlotRenderer.render(phasePlot(parameters, algorithm: algorithm, diagram: diagram, style: style), into: &buffer, rect: rect)
    }

    /// The phase chart of ``renderPhase(_:algorithm:simulations:seed:style:into:rect:)`` as
    /// plain data for the values of `diagram` (nil: the frame only); the caption names the
    /// diagram's data (expected, or the mean of its datasets).
    public static func phasePlot(_ parameters: ModelParameters, algorithm: Algorithm, diagram: PhaseDiagram?, style: ChartStyle) -> Plot {
        let simulations = diagram?.simulations ?? 0
        let source: PhaseDataSource = simulations > 0 ? .simulated(completed: simulations, total: simulations) : .expected
        return PhaseChartData(parameters: parameters, algorithm: algorithm, diagram: diagram, source: source, style: style).plot()
    }

    /// The phase diagram of one algorithm at `grid`: expected data, or the mean of `simulations`
    /// datasets per cell; nil under logit choices (and for an algorithm that does not apply).
    public static func phaseDiagram(
        _ parameters: ModelParameters, algorithm: Algorithm, grid: PhaseDiagramGrid, simulations: Int, seed: UInt64
    ) -> PhaseDiagram? {
        guard algorithm.inapplicabilityReason(for: parameters.responses) == nil else { return nil }
        guard simulations > 0 else { return try? PhaseDiagram.expected(parameters, grid: grid, algorithms: [algorithm]) }
        guard var simulation = try? PhaseDiagramSimulation(parameters, grid: grid, algorithms: [algorithm], seed: seed) else {
            return nil
        }
        simulation.simulate(count: simulations)
        return simulation.diagram
    }
}
