import IIACharts

/// What the terminal adapter delivers to a ``TerminalProgram``.
public enum ProgramInput<Message: Sendable>: Sendable {
    /// A key press.
    case key(Key)
    /// A mouse report (only when mouse reporting is on).
    case mouse(MouseEvent)
    /// The terminal now has this size (also sent once at start).
    case resize(width: Int, height: Int)
    /// A report of the program's background work, delivered on the main thread.
    case message(Message)
}

/// What a ``TerminalProgram`` asks the terminal adapter to do after an input.
public enum TerminalCommand<Message: Sendable>: Sendable {
    /// Nothing.
    case none
    /// Start this work on a worker thread, cancelling any running work.
    case startWork(BackgroundWork<Message>)
    /// Cancel the running work, if any.
    case cancelWork
    /// Stop the program and restore the terminal.
    case quit
}

/// Slow work that the adapter runs on a worker thread.
///
/// `run` checks `isCancelled` often and calls `report` with typed partial results; the adapter
/// delivers each report to the program on the main thread as ``ProgramInput/message(_:)``,
/// unless the work was cancelled meanwhile.
public struct BackgroundWork<Message: Sendable>: Sendable {
    public var run: @Sendable (_ isCancelled: @Sendable () -> Bool, _ report: @Sendable (Message) -> Void) -> Void

    public init(run: @escaping @Sendable (_ isCancelled: @Sendable () -> Bool, _ report: @Sendable (Message) -> Void) -> Void) {
        self.run = run
    }
}

/// A program the terminal adapter can drive: a state machine with a pure view.
public protocol TerminalProgram {
    /// What its background work reports.
    associatedtype Message: Sendable
    /// Applies one input and says what the adapter should do next.
    mutating func update(_ input: ProgramInput<Message>) -> TerminalCommand<Message>
    /// The whole screen for the current state, at the size of the last resize input.
    func view() -> CellBuffer
}
