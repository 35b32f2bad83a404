/// Why the interactive explorer cannot start: thrown by ``TerminalSession`` before curses
/// touches the screen, so nothing has been drawn and the terminal is unchanged.
///
/// The caller prints ``message`` (one line) to standard error and exits with a non-zero status.
public struct TerminalUnavailableError: Error, CustomStringConvertible, Sendable {
    /// The specific reason, e.g. "stdout is not a terminal".
    public let reason: String

    /// Creates the error for `reason`.
    public init(reason: String) {
        self.reason = reason
    }

    /// One line for the user, pointing to the non-interactive `snapshot` command.
    public var message: String {
        "iia-explorer: the interactive explorer needs a terminal (\(reason)); "
            + "use `iia-explorer snapshot` for text, ANSI or SVG output"
    }

    public var description: String { message }
}
