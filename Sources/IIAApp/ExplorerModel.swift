import IIACharts
import IIACore

/// The interactive explorer: its ``ExplorerState``, the ``ExplorerDerived`` value computed once
/// per state change, and ``update(_:)`` and ``view()``.
///
/// Pure: it never touches the terminal or the file system. The caller's loop:
/// 1. `var model = ExplorerModel(parameters:simulations:seed:capabilities:screenshotDirectory:)`.
/// 2. Send `.resize` once at start and on every resize, `.key` for each key, `.mouse` for each
///    mouse report.
/// 3. Carry out the ``ExplorerCommand`` each ``update(_:)`` returns: start or cancel the Monte
///    Carlo run (delivering its reports as `.monteCarloProgress`), save a screenshot (then send
///    `.screenshotFinished`), append a command line (then send `.commandLineSaved`), write a
///    chart's CSV (then send `.chartExportFinished`), or quit.
/// 4. Draw ``view()``.
public struct ExplorerModel: Sendable {
    /// The smallest screen the explorer draws on.
    public static let minimumWidth = ExplorerState.minimumWidth
    public static let minimumHeight = ExplorerState.minimumHeight

    /// Everything the explorer is.
    public private(set) var state: ExplorerState
    /// Everything the screen needs that follows from ``state``.
    public private(set) var derived: ExplorerDerived
    /// How many times ``derived`` was computed (once at the start and once per state change).
    public private(set) var derivedComputations = 1

    /// An explorer starting in `state`.
    public init(state: ExplorerState) {
        self.state = state
        self.derived = ExplorerDerived(state)
    }

    /// An explorer starting in any state (see ``ExplorerState/init(parameters:simulations:seed:capabilities:screenshotDirectory:chart:width:height:landscapeAlgorithm:)``).
    public init(
        parameters: ModelParameters = .paperDefaults, simulations: Int = 0, seed: UInt64 = 1,
        capabilities: DisplayCapabilities = DisplayCapabilities(), screenshotDirectory: String = "screenshots",
        chart: ChartKind = .data, width: Int = ExplorerModel.minimumWidth, height: Int = ExplorerModel.minimumHeight,
        landscapeAlgorithm: Algorithm = .rlpo
    ) {
        self.init(state: ExplorerState(
            parameters: parameters, simulations: simulations, seed: seed, capabilities: capabilities,
            screenshotDirectory: screenshotDirectory, chart: chart, width: width, height: height,
            landscapeAlgorithm: landscapeAlgorithm))
    }

    /// Applies one event with ``ExplorerState/update(_:_:)``, recomputes the derived value when
    /// the state changed, and returns the command (a screenshot request gets the screen as it
    /// was when `s` was pressed, or, when it waited for Monte Carlo, with the finished run; an
    /// export request the chart's CSV as it was when `x` was pressed).
    public mutating func update(_ event: AppEvent) -> ExplorerCommand {
        let (next, command) = ExplorerState.update(state, event)
        var accepted: MonteCarloProgress?
        if case .monteCarloProgress(let progress) = event, next.monteCarlo.accepts(progress) { accepted = progress }
        if case .exportChart(var request) = command {
            request.csv = chartCSV(request.chart)
            adopt(next, progress: accepted)
            return .exportChart(request)
        }
        guard case .saveScreenshot(var request) = command else {
            adopt(next, progress: accepted)
            return command
        }
        if accepted != nil {
            // A screenshot that waited for Monte Carlo: the screen with the finished run.
            adopt(next, progress: accepted)
            request.screen = view()
        } else {
            request.screen = view()
            adopt(next, progress: accepted)
        }
        return .saveScreenshot(request)
    }

    private mutating func adopt(_ next: ExplorerState, progress: MonteCarloProgress?) {
        guard next != state || progress != nil else { return }
        state = next
        derived = ExplorerDerived(next, previous: derived, progress: progress)
        derivedComputations += 1
    }

    /// The CSV of a chart's data for the current state (see ``ChartData``), at the size the
    /// chart is drawn (the boundary chart draws more |Y| when it is large).
    public func chartCSV(_ chart: ChartKind) -> String {
        let layout = ScreenLayout.of(state)
        let slot = layout.charts.first { $0.kind == chart }?.rect ?? Rect(x: 0, y: 0, width: 0, height: 0)
        let plot = Rect(x: slot.x, y: slot.y + 1, width: slot.width, height: max(0, slot.height - 1))
        return ChartData.csv(chart, state: state, derived: derived, plot: plot)
    }

    /// The whole screen for the current state.
    public func view() -> CellBuffer {
        ExplorerView(state: state, derived: derived).render()
    }

    /// The full screen for `parameters` at a size, without events: for headless snapshots.
    ///
    /// With `simulations > 0` the Monte Carlo run goes to completion first (synchronously),
    /// so the screen shows the finished simulated curves.
    public static func renderScreen(
        parameters: ModelParameters, simulations: Int = 0, seed: UInt64 = 1, chart: ChartKind = .data,
        width: Int, height: Int, capabilities: DisplayCapabilities = DisplayCapabilities(),
        landscapeAlgorithm: Algorithm = .rlpo
    ) -> CellBuffer {
        renderScreen(ExplorerState(
            parameters: parameters, simulations: simulations, seed: seed, capabilities: capabilities,
            chart: chart, width: width, height: height, landscapeAlgorithm: landscapeAlgorithm))
    }

    /// The full screen of `state` at its size, without events (see
    /// ``renderScreen(parameters:simulations:seed:chart:width:height:capabilities:landscapeAlgorithm:)``).
    public static func renderScreen(_ state: ExplorerState) -> CellBuffer {
        var model = ExplorerModel(state: state)
        if case .startMonteCarlo(let run) = model.update(.resize(width: state.width, height: state.height)) {
            var reports: [MonteCarloProgress] = []
            run.run(isCancelled: { false }, report: { reports.append($0) })
            for report in reports { _ = model.update(.monteCarloProgress(report)) }
        }
        return model.view()
    }
}
