/// What the explorer asks its caller to do after an event: the only way it has effects.
///
/// ``ExplorerState/update(_:_:)`` returns one per event; the adapter carries it out and reports
/// back with an ``AppEvent`` (``AppEvent/monteCarloProgress(_:)``, ``AppEvent/screenshotFinished(_:)``,
/// ``AppEvent/chartExportFinished(_:)``). Further effects come as new cases.
public enum ExplorerCommand: Hashable, Sendable {
    /// Nothing to do.
    case none
    /// Start this Monte Carlo run on a worker thread, cancelling any running one.
    case startMonteCarlo(MonteCarloRun)
    /// Cancel the running Monte Carlo run (simulation was switched off).
    case cancelMonteCarlo
    /// Save the screen as text and SVG, then report with ``AppEvent/screenshotFinished(_:)``.
    case saveScreenshot(ScreenshotRequest)
    /// Append a command line to a file (`y`), then report with ``AppEvent/commandLineSaved(_:)``.
    case saveCommandLine(CommandLineRequest)
    /// Write the focused chart's data as CSV, then report with ``AppEvent/chartExportFinished(_:)``.
    case exportChart(ChartExportRequest)
    /// The user asked to quit.
    case quit
}
