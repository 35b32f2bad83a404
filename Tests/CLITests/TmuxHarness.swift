import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Errors of the end-to-end harness, with messages that say what to do.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
}

/// Finds the built `iia-explorer` executable next to the test bundle
/// (`.build/<triple>/debug/`), or at `$IIA_EXPLORER_BINARY` when set.
enum ExplorerBinary {
    static func path() throws -> String {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["IIA_EXPLORER_BINARY"], !override.isEmpty {
            guard fileManager.isExecutableFile(atPath: override) else {
                throw HarnessError(description: "IIA_EXPLORER_BINARY=\(override) is not an executable file")
            }
            return override
        }
        var starts: [URL] = []
        if let first = CommandLine.arguments.first, !first.isEmpty {
            starts.append(URL(fileURLWithPath: first).standardizedFileURL.resolvingSymlinksInPath())
        }
        if let executable = Bundle.main.executableURL {
            starts.append(executable.resolvingSymlinksInPath())
        }
        starts.append(Bundle.main.bundleURL)
        var searched: [String] = []
        for start in starts {
            var directory = start.deletingLastPathComponent()
            for _ in 0..<5 {
                let candidate = directory.appendingPathComponent("iia-explorer").path
                searched.append(candidate)
                if fileManager.isExecutableFile(atPath: candidate) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw HarnessError(
            description: "the iia-explorer executable was not found (looked at \(searched.joined(separator: ", "))); "
                + "build it first with `swift build` or set IIA_EXPLORER_BINARY")
    }
}

/// Runs a program to completion and returns its exit status and output.
///
/// Uses posix_spawn rather than Foundation's Process: the child gets an empty signal mask and
/// default signal actions (test threads block most signals, and tmux and the app would inherit
/// that), and its output goes to temporary files (a tmux server started by the command must not
/// keep a pipe open). Standard input is /dev/null.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let directory = FileManager.default.temporaryDirectory
    let outPath = directory.appendingPathComponent("iia-e2e-\(UUID().uuidString).out").path
    let errPath = directory.appendingPathComponent("iia-e2e-\(UUID().uuidString).err").path
    defer {
        unlink(outPath)
        unlink(errPath)
    }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    guard spawned == 0 else {
        throw HarnessError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { throw HarnessError(description: "waitpid failed for \(executable)") }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG by hand (they are macros).
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return (exitStatus, output, errors)
}

/// Quotes `text` for /bin/sh.
func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// A tmux server on its own socket with one detached session running a command, for driving
/// the real binary in a pseudo-terminal. The server is killed by ``close()`` or on deinit.
final class TmuxSession {
    /// The socket name (`tmux -L`), unique per session.
    let socket: String
    private let tmux: String
    private var closed = false

    /// Starts `command` (run by /bin/sh) in a `width` x `height` session. `remain-on-exit` is on,
    /// so a pane whose program ended can still be inspected.
    init(command: String, width: Int = 80, height: Int = 24) throws {
        guard let tmux = TmuxSession.findTmux() else {
            throw HarnessError(description: "tmux is not installed (apt-get install tmux); the terminal end-to-end tests need it")
        }
        self.tmux = tmux
        socket = "iia-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        let result = try runProcess(tmux, [
            "-L", socket, "-f", "/dev/null",
            "set-option", "-g", "remain-on-exit", "on", ";",
            "set-option", "-g", "history-limit", "5000", ";",
            "new-session", "-d", "-x", String(width), "-y", String(height), command,
        ])
        guard result.status == 0 else {
            throw HarnessError(description: "tmux new-session failed (\(result.status)): \(result.stderr)")
        }
    }

    deinit { close() }

    /// Runs a tmux command against this server.
    @discardableResult
    func tmuxCommand(_ arguments: [String]) throws -> String {
        let result = try runProcess(tmux, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw HarnessError(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// The visible screen (or, with `history`, the scrollback too), wrapped lines joined.
    func capture(history: Bool = false) throws -> String {
        try tmuxCommand(["capture-pane", "-p", "-J"] + (history ? ["-S", "-"] : []))
    }

    /// Polls the screen every 50 ms until `condition` holds; returns the last capture and whether it held.
    @discardableResult
    func waitUntil(
        timeout: TimeInterval = 10, history: Bool = false, _ condition: (String) -> Bool
    ) throws -> (screen: String, satisfied: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture(history: history)
        while !condition(screen) {
            if Date() > deadline { return (screen, false) }
            Thread.sleep(forTimeInterval: 0.05)
            screen = try capture(history: history)
        }
        return (screen, true)
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, history: Bool = false) throws -> (screen: String, satisfied: Bool) {
        try waitUntil(timeout: timeout, history: history) { $0.contains(text) }
    }

    /// Sends tmux key names (`q`, `Up`, `S-Up`, `BTab`, `C-c`, …).
    func sendKeys(_ keys: String...) throws {
        try tmuxCommand(["send-keys"] + keys)
    }

    /// Resizes the window (and so the pane) to `width` x `height`.
    func resize(width: Int, height: Int) throws {
        try tmuxCommand(["resize-window", "-x", String(width), "-y", String(height)])
    }

    /// Expands a format such as `#{alternate_on}` for the pane.
    func format(_ format: String) throws -> String {
        try tmuxCommand(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls a format every 50 ms until `condition` holds on its value; returns the last value.
    func waitForFormat(_ format: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var value = try self.format(format)
        while !condition(value), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            value = try self.format(format)
        }
        return value
    }

    /// Whether the pane shows the alternate screen, and whether its cursor is visible.
    var alternateOn: Bool { get throws { try format("#{alternate_on}") == "1" } }
    var cursorVisible: Bool { get throws { try format("#{cursor_flag}") == "1" } }

    /// The pid of the pane's first process.
    func panePID() throws -> pid_t {
        guard let pid = pid_t(try format("#{pane_pid}")) else {
            throw HarnessError(description: "no pane_pid")
        }
        return pid
    }

    /// The exit status of the pane's process once it has ended (polls `pane_dead_status`).
    func waitForDeadStatus(timeout: TimeInterval = 10) throws -> Int32? {
        let value = try waitForFormat("#{pane_dead}:#{pane_dead_status}", timeout: timeout) {
            $0.hasPrefix("1:") && $0.count > 2
        }
        guard value.hasPrefix("1:") else { return nil }
        return Int32(value.dropFirst(2))
    }

    /// Kills the server.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? runProcess(tmux, ["-L", socket, "kill-server"])
    }

    private static func findTmux() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Child processes of `parent`, read from /proc (Linux; no procps needed).
func childPIDs(of parent: pid_t) -> [pid_t] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    var children: [pid_t] = []
    for entry in entries {
        guard let pid = pid_t(entry),
            let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { continue }
        // After "pid (comm)": state, ppid, …
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, pid_t(fields[1]) == parent { children.append(pid) }
    }
    return children
}
