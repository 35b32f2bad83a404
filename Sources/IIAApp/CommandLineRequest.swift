/// A command line to keep, carried by ``ExplorerCommand/saveCommandLine(_:)``: the caller
/// appends it as one line to `directory/fileName` (creating both as needed) and reports back
/// with ``AppEvent/commandLineSaved(_:)``.
public struct CommandLineRequest: Hashable, Sendable {
    /// The line, e.g. "iia-explorer tui --m1 10 …".
    public var line: String
    public var directory: String
    public var fileName: String

    public init(line: String, directory: String, fileName: String = "commands.txt") {
        self.line = line
        self.directory = directory
        self.fileName = fileName
    }
}

/// How appending a command line went, reported by the caller.
public enum CommandLineOutcome: Hashable, Sendable {
    /// The line was appended to the file at `path`.
    case saved(line: String, path: String)
    /// Why it was not.
    case failed(line: String, reason: String)

    /// The status line's text: where it went (or why it did not), then the command.
    public var message: String {
        switch self {
        case .saved(let line, let path): return "added to \(path): \(line)"
        case .failed(let line, let reason): return "command not saved: \(reason): \(line)"
        }
    }
}
