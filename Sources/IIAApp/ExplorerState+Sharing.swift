import IIACharts
import IIACore

extension ExplorerState {
    /// `y`: the `tui` command line that restores the current state, on the status line and
    /// appended to `commands.txt` in the screenshot folder (by the caller).
    mutating func saveCommandLine() -> ExplorerCommand {
        let line = ExplorerCommandLine.line(ExplorerCommandLine.tui(self))
        status = .note(line)
        return .saveCommandLine(CommandLineRequest(line: line, directory: screenshotDirectory))
    }
}

extension ExplorerState {
    /// `s`: the screenshot with its command line; while Monte Carlo is still running it waits
    /// for the run to complete (the command line's screen shows the finished run).
    mutating func screenshotCommand() -> ExplorerCommand {
        if wantedMonteCarlo != nil && monteCarlo.completed < simulations {
            pendingScreenshot = true
            status = .note("screenshot waits for Monte Carlo to finish (\(monteCarlo.completed)/\(simulations) datasets)")
            return .none
        }
        pendingScreenshot = false
        status = .note("saving screenshot to \(screenshotDirectory)/ …")
        return .saveScreenshot(ScreenshotRequest(
            directory: screenshotDirectory, baseName: "iia-explorer",
            commandLine: ExplorerCommandLine.line(ExplorerCommandLine.snapshot(self))))
    }
}
