import Foundation
import Testing

/// A progress file for tests that run the solver in an exit test's child process: the child notes
/// each case before solving it, so that when the solver traps, the parent can name the case.
enum ChildProcessProgress {
    /// In the child process: the file each case is noted in.
    nonisolated(unsafe) static var log: FileHandle?

    /// A fresh progress file for one test.
    static func path(_ suite: String, _ name: String) -> String {
        NSTemporaryDirectory() + "\(suite)-\(name)-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).log"
    }

    /// Starts noting cases in `path` (called in the child process).
    static func start(at path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        log = FileHandle(forWritingAtPath: path)
    }

    /// Notes the case about to be solved (in a child process; elsewhere nothing happens).
    static func note(_ what: @autoclosure () -> String) {
        log?.write(Data("\(what())\n".utf8))
    }

    /// After the child has run: when it did not exit cleanly (the exit test returns nil and has
    /// recorded that already), records the case it was solving. Removes the file and returns the
    /// lines the child noted.
    @discardableResult
    static func finish(_ result: ExitTest.Result?, path: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        if result == nil {
            Issue.record(
                "the solver ended the process (a trap?) while solving: \(lines.last ?? "(none noted)")",
                sourceLocation: sourceLocation)
        }
        return lines
    }
}
