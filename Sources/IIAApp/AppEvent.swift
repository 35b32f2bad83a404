import IIACharts

/// A key the explorer understands, decoded from the terminal by the adapter (see ``KeyInputDecoder``).
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case controlUp, controlDown, controlLeft, controlRight
    case pageUp, pageDown, home, end, insert
    case enter, escape, tab, backTab, backspace, delete
    /// A function key, F1 to F12.
    case function(Int)
    case controlC
    /// Ctrl-R: redo.
    case controlR
}

/// Everything that can happen to the explorer.
public enum AppEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// The terminal now has this size (also sent once at start).
    case resize(width: Int, height: Int)
    /// A report of the Monte Carlo run started by ``ExplorerCommand/startMonteCarlo(_:)``; reports
    /// of any other generation than the state's current one are ignored.
    case monteCarloProgress(MonteCarloProgress)
    /// How saving the screenshot asked for by ``ExplorerCommand/saveScreenshot(_:)`` went.
    case screenshotFinished(ScreenshotOutcome)
    /// How appending the command line asked for by ``ExplorerCommand/saveCommandLine(_:)`` went.
    case commandLineSaved(CommandLineOutcome)
    /// A mouse report (see ``ExplorerState/handle(_:)-(MouseEvent)``).
    case mouse(MouseEvent)
    /// How writing the CSV asked for by ``ExplorerCommand/exportChart(_:)`` went.
    case chartExportFinished(ChartExportOutcome)
}

/// What the terminal can show, decided by the adapter (locale, TERM, flags, NO_COLOR), and
/// whether its background is dark or light (`--theme`).
public struct DisplayCapabilities: Hashable, Sendable, Codable {
    /// How many colours to use.
    public typealias ColorMode = IIACharts.ColorMode

    /// Draw with ASCII only (no braille, no box drawing).
    public var ascii: Bool
    public var colorMode: ColorMode
    /// The terminal's background: the colours are chosen for it.
    public var theme: ThemeVariant

    public init(ascii: Bool = false, colorMode: ColorMode = .palette256, theme: ThemeVariant = .dark) {
        self.ascii = ascii
        self.colorMode = colorMode
        self.theme = theme
    }

    /// The colours by role for this background and colour mode.
    public var resolvedTheme: Theme { Theme.resolve(theme, colorMode) }
}
