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
}

/// Everything that can happen to the explorer.
public enum AppEvent: Sendable {
    /// A key press.
    case key(Key)
    /// The terminal now has this size (also sent once at start).
    case resize(width: Int, height: Int)
    /// A result from background work started by ``BackgroundWork``; `generation` is the
    /// work's own number, so results of cancelled work can be recognised and dropped.
    case workResult(generation: Int, payload: any Sendable)
}

/// What the terminal can show, decided by the adapter (locale, TERM, flags, NO_COLOR).
public struct DisplayCapabilities: Hashable, Sendable {
    /// How many colours to use.
    public enum ColorMode: Hashable, Sendable {
        case none, basic8, palette256
    }

    /// Draw with ASCII only (no braille, no box drawing).
    public var ascii: Bool
    public var colorMode: ColorMode

    public init(ascii: Bool = false, colorMode: ColorMode = .palette256) {
        self.ascii = ascii
        self.colorMode = colorMode
    }
}

/// Slow work (Monte Carlo) that the adapter runs on a worker thread.
///
/// `run` checks `isCancelled` often and calls `report` with partial results; the adapter
/// delivers each report to the program on the main thread as ``AppEvent/workResult(generation:payload:)``.
/// Starting new work cancels the previous one.
public struct BackgroundWork: Sendable {
    public var generation: Int
    public var run: @Sendable (_ isCancelled: @Sendable () -> Bool, _ report: @Sendable (any Sendable) -> Void) -> Void

    public init(
        generation: Int,
        run: @escaping @Sendable (_ isCancelled: @Sendable () -> Bool, _ report: @Sendable (any Sendable) -> Void) -> Void
    ) {
        self.generation = generation
        self.run = run
    }
}

/// A program the terminal adapter can drive: a state machine with a pure view.
public protocol TerminalProgram {
    /// Applies one event. Returns background work to start (cancelling any running work), if any.
    mutating func update(_ event: AppEvent) -> BackgroundWork?
    /// The whole screen for the current state, at the size of the last resize event.
    func view() -> CellBuffer
    /// True once the user asked to quit.
    var isFinished: Bool { get }
}
