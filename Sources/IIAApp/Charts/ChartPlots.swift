import IIACharts
import IIACore

/// The explorer's five charts as plain data (``Plot``), built once per state change as part
/// of ``ExplorerDerived``; the view only renders them.
public struct ChartPlots: Sendable {
    /// P(M1) against |D| and against |M2|: the expected curves, or under Monte Carlo (once a
    /// report has arrived) the focused algorithm's expected curve, mean and band with the other
    /// algorithms' means, and a marker at the current value.
    public let data: Plot
    public let m2: Plot
    /// The failure boundary with the F(zeta) of other |Y| (for roomy rects, see
    /// ``ExplorerCharts/isRoomy(_:)``) and without them.
    public let roomyBoundary: Plot
    public let boundary: Plot
    /// The landscape of the state's algorithm with the solver's path.
    public let landscape: Plot
    /// P(M1) of the state's algorithm over (zeta, p*(1)) (values only while it is on screen).
    public let phase: Plot

    init(
        parameters: ModelParameters, sweeps: ExpectedSweeps, monteCarlo: MonteCarloProgress?,
        landscape: ObjectiveLandscape, style: ChartStyle, focus: Algorithm, phase: Plot
    ) {
        self.phase = phase
        data = ExplorerCharts.sweepPlot(
            sweeps.data, simulated: monteCarlo?.dataSweep, marker: parameters.dataSize, style: style, focus: focus)
        m2 = ExplorerCharts.sweepPlot(
            sweeps.m2, simulated: monteCarlo?.m2Sweep, marker: Double(parameters.m2), style: style, focus: focus)
        roomyBoundary = ExplorerCharts.boundaryPlot(parameters, style: style, roomy: true)
        boundary = ExplorerCharts.boundaryPlot(parameters, style: style, roomy: false)
        self.landscape = ExplorerCharts.landscapePlot(landscape, style: style)
    }

    /// The plot of `kind` for a chart drawn in `rect`.
    public func plot(_ kind: ChartKind, in rect: Rect) -> Plot {
        switch kind {
        case .data: return data
        case .m2: return m2
        case .boundary: return ExplorerCharts.isRoomy(rect) ? roomyBoundary : boundary
        case .landscape: return landscape
        case .phase: return phase
        }
    }
}
