import ArgumentParser
import Foundation
import IIAApp
import IIACharts
import IIACore
import IIATerminal

/// `iia-explorer tui` (and `iia-explorer` with no subcommand): the interactive explorer.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The interactive explorer (the default): sliders, live read-out and charts.",
        discussion: ExplorerRanges.summary)

    @OptionGroup var model: ModelOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var screen: ExplorerStateOptions
    @OptionGroup var themeOption: ThemeOptions
    @Option(help: ArgumentHelp("The algorithm of the landscape and the explain panel: \(SnapshotCommand.algorithmNames) (default RLPO)."))
    var algorithm: String?
    @Flag(help: "ASCII only: no braille, no box drawing (automatic when the locale is not UTF-8).")
    var ascii = false
    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false
    @Option(name: .customLong("screenshot-dir"), help: "Where the s key saves screenshots (and x the chart's data as CSV).")
    var screenshotDirectory: String = "screenshots"
    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (no clicks, drags or wheel in the explorer).")
    var noMouse = false

    func run() throws {
        let parameters = try model.parameters()
        let simulations = try simulation.simulations()
        let seed = try simulation.seedValue()
        // |D| may have a fraction, as in the explorer (preset 7): its datasets then hold |D| rounded.
        try ExplorerRanges.check(parameters, simulations: simulations, model: model, context: "in the explorer (its slider range)")
        let chart = try screen.focusedChart()
        let selected = try screen.selectedSlider(in: parameters)
        let landscapeAlgorithm = try SnapshotCommand.parseAlgorithm(algorithm)
        let theme = try themeOption.variant()
        try TerminalSession.run(ascii: ascii, noColor: noColor, mouse: !noMouse, theme: theme) { capabilities in
            var state = ExplorerState(
                parameters: parameters, simulations: simulations, seed: seed, capabilities: capabilities,
                screenshotDirectory: screenshotDirectory, chart: chart, landscapeAlgorithm: landscapeAlgorithm)
            state.sliders.selected = selected
            return ExplorerTerminalProgram(model: ExplorerModel(state: state))
        }
    }
}

/// The explorer as the terminal drives it: carries out each ``ExplorerCommand`` (the Monte
/// Carlo run on the adapter's worker thread, the screenshot's files here, between two updates).
struct ExplorerTerminalProgram: TerminalProgram {
    var model: ExplorerModel

    func view() -> CellBuffer { model.view() }

    mutating func update(_ input: ProgramInput<MonteCarloProgress>) -> TerminalCommand<MonteCarloProgress> {
        switch input {
        case .key(let key): return execute(model.update(.key(key)))
        case .mouse(let event): return execute(model.update(.mouse(event)))
        case .resize(let width, let height): return execute(model.update(.resize(width: width, height: height)))
        case .message(let progress): return execute(model.update(.monteCarloProgress(progress)))
        }
    }

    /// Carries out one command; what the terminal must do is returned to it.
    mutating func execute(_ command: ExplorerCommand) -> TerminalCommand<MonteCarloProgress> {
        switch command {
        case .none: return .none
        case .quit: return .quit
        case .cancelMonteCarlo: return .cancelWork
        case .startMonteCarlo(let run):
            return .startWork(BackgroundWork { isCancelled, report in run.run(isCancelled: isCancelled, report: report) })
        case .saveScreenshot(let request):
            return execute(model.update(.screenshotFinished(Self.save(request, screen: request.screen ?? model.view(), theme: model.capabilities.theme))))
        case .saveCommandLine(let request):
            return execute(model.update(.commandLineSaved(CommandLineFile.append(request))))
        case .exportChart(let request):
            let csv = request.csv ?? model.chartCSV(request.chart)
            return execute(model.update(.chartExportFinished(Self.export(csv, request: request))))
        }
    }

    /// Writes `<stem>-NNN.csv` with the first number not taken.
    static func export(_ csv: String, request: ChartExportRequest) -> ChartExportOutcome {
        do {
            let paths = try NumberedFiles.write([("csv", csv)], directory: request.directory, baseName: request.baseName)
            return .saved(path: paths[0])
        } catch {
            return .failed(reason: NumberedFiles.reason(error))
        }
    }

    /// Writes `<stem>-NNN.txt` and `.svg` with the first number that neither file uses (the text
    /// starts with the command line that draws the same screen; the SVG carries it in `<desc>`
    /// and has the canvas of `theme`).
    static func save(_ request: ScreenshotRequest, screen: CellBuffer, theme: ThemeVariant) -> ScreenshotOutcome {
        let firstLine = request.commandLine.map { "$ " + $0 + "\n" } ?? ""
        let files = [
            (extension: "txt", contents: firstLine + BufferExport.text(screen)),
            (extension: "svg", contents: BufferExport.svg(screen, description: request.commandLine, theme: theme)),
        ]
        do {
            return .saved(paths: try NumberedFiles.write(files, directory: request.directory, baseName: request.baseName))
        } catch {
            return .failed(reason: NumberedFiles.reason(error))
        }
    }
}

/// `iia-explorer tui-selftest`: the terminal adapter's own test program (for end-to-end tests).
struct TUISelfTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui-selftest", abstract: "Terminal adapter self-test.", shouldDisplay: false)

    @Flag var ascii = false
    @Flag(name: .customLong("no-color")) var noColor = false
    @Flag(name: .customLong("no-mouse")) var noMouse = false

    func run() throws {
        try TerminalSession.runSelfTest(ascii: ascii, noColor: noColor, mouse: !noMouse)
    }
}
