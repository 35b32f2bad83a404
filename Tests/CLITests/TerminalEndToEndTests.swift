import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// End-to-end tests of the terminal adapter: the real binary's hidden `tui-selftest` command
/// (IIATerminal's AdapterSelfTestProgram) driven in tmux.
@Suite(.serialized)
struct TerminalEndToEndTests {
    static let environment =
        "env -u NO_COLOR SWIFT_BACKTRACE=interactive=no,color=no TERM=tmux-256color LC_ALL=C.UTF-8"

    /// The self-test as the pane's only process (its exit status is `pane_dead_status`).
    static func direct(_ binary: String, _ extra: String = "") -> String {
        "exec \(environment) \(shellQuote(binary)) tui-selftest \(extra)"
    }

    /// The self-test run by a shell that afterwards prints its exit status and whether the tty is
    /// back in cooked mode with echo, then stays alive so the pane can be inspected as the shell sees it.
    static func wrapped(_ binary: String, prefix: String = "") -> String {
        let script = #"\#(prefix) "$0" tui-selftest; echo "[exit status $?]"; "#
            + #"stty -a | tr " " "\n" | grep -E "^-?(echo|icanon)$" | tr "\n" " "; echo "[stty]"; exec sleep 600"#
        return "exec \(environment) sh -c \(shellQuote(script)) \(shellQuote(binary))"
    }

    static let restoredTTY = "icanon echo [stty]"
    static let title = "IIA terminal self-test"

    @Test("the first frame is drawn on the alternate screen with the cursor hidden")
    func firstFrame() throws {
        let tmux = try TmuxSession(command: Self.direct(try ExplorerBinary.path()))
        defer { tmux.close() }
        let first = try tmux.waitFor(Self.title)
        #expect(first.satisfied, "no first frame; screen:\n\(first.screen)")
        #expect(first.screen.contains("size: 80x24"))
        #expect(first.screen.contains("last key: none"))
        #expect(first.screen.contains("display: unicode, colors 256"))
        #expect(try tmux.alternateOn)
        #expect(try !tmux.cursorVisible)
    }

    @Test("key presses are decoded and change the shown text")
    func keys() throws {
        let tmux = try TmuxSession(command: Self.direct(try ExplorerBinary.path()))
        defer { tmux.close() }
        #expect(try tmux.waitFor(Self.title).satisfied)
        let cases: [(String, String)] = [
            ("x", "'x'"), ("é", "'é'"), ("Up", "up"), ("Down", "down"), ("Left", "left"), ("Right", "right"),
            ("S-Up", "shiftUp"), ("S-Down", "shiftDown"), ("S-Left", "shiftLeft"), ("S-Right", "shiftRight"),
            ("PPage", "pageUp"), ("NPage", "pageDown"), ("Home", "home"), ("End", "end"),
            ("Enter", "enter"), ("Tab", "tab"), ("BTab", "backTab"), ("BSpace", "backspace"), ("DC", "delete"),
        ]
        for (key, shown) in cases {
            try tmux.sendKeys(key)
            let result = try tmux.waitFor("last key: \(shown)")
            #expect(result.satisfied, "key \(key) should show \(shown); screen:\n\(result.screen)")
        }
    }

    @Test("resizing to 60x20 and back is reported")
    func resize() throws {
        let tmux = try TmuxSession(command: Self.direct(try ExplorerBinary.path()))
        defer { tmux.close() }
        #expect(try tmux.waitFor("size: 80x24").satisfied)
        try tmux.resize(width: 60, height: 20)
        let small = try tmux.waitFor("size: 60x20")
        #expect(small.satisfied, "screen:\n\(small.screen)")
        try tmux.resize(width: 80, height: 24)
        let big = try tmux.waitFor("size: 80x24")
        #expect(big.satisfied, "screen:\n\(big.screen)")
        #expect(big.screen.contains(Self.title))
    }

    @Test("background work reports progress, also across a resize, and keys stay responsive")
    func backgroundWork() throws {
        let tmux = try TmuxSession(command: Self.direct(try ExplorerBinary.path()))
        defer { tmux.close() }
        #expect(try tmux.waitFor("work: idle").satisfied)
        try tmux.sendKeys("w")
        #expect(try tmux.waitFor("(generation 1)").satisfied)
        try tmux.resize(width: 70, height: 22)
        try tmux.sendKeys("k")
        #expect(try tmux.waitFor("last key: 'k'").satisfied)
        let done = try tmux.waitFor("work: 10/10 done (generation 1)")
        #expect(done.satisfied, "screen:\n\(done.screen)")
        #expect(done.screen.contains("size: 70x22"))
        // New work restarts the counter under a new generation.
        try tmux.sendKeys("w")
        #expect(try tmux.waitFor("work: 10/10 done (generation 2)").satisfied)
    }

    @Test("q exits with status 0, leaves the alternate screen and shows the cursor")
    func quitRestores() throws {
        let binary = try ExplorerBinary.path()
        let tmux = try TmuxSession(command: Self.wrapped(binary))
        defer { tmux.close() }
        #expect(try tmux.waitFor(Self.title).satisfied)
        #expect(try tmux.alternateOn)
        try tmux.sendKeys("q")
        let after = try tmux.waitFor(Self.restoredTTY)
        #expect(after.satisfied, "screen:\n\(after.screen)")
        #expect(after.screen.contains("[exit status 0]"))
        #expect(try !tmux.alternateOn)
        #expect(try tmux.cursorVisible)

        // The same seen through tmux's own record of the dead pane.
        let direct = try TmuxSession(command: Self.direct(binary))
        defer { direct.close() }
        #expect(try direct.waitFor(Self.title).satisfied)
        try direct.sendKeys("q")
        // tmux 3.3a sometimes keeps no status for a dead pane (the wrapped run above checks the
        // status itself); when it keeps one, it must be 0.
        if let status = try direct.waitForDeadStatus() { #expect(status == 0) }
        #expect(try direct.format("#{pane_dead}") == "1")
        #expect(try !direct.alternateOn)
    }

    @Test("Esc and Ctrl-C quit as well", arguments: ["Escape", "C-c"])
    func otherQuitKeys(key: String) throws {
        let tmux = try TmuxSession(command: Self.wrapped(try ExplorerBinary.path()))
        defer { tmux.close() }
        #expect(try tmux.waitFor(Self.title).satisfied)
        try tmux.sendKeys(key)
        let after = try tmux.waitFor(Self.restoredTTY)
        #expect(after.satisfied, "screen:\n\(after.screen)")
        #expect(after.screen.contains("[exit status 0]"))
        #expect(try !tmux.alternateOn)
        #expect(try tmux.cursorVisible)
    }

    @Test("SIGTERM, SIGHUP and SIGINT restore the terminal and exit with 128 + signal",
          arguments: [SIGTERM, SIGHUP, SIGINT])
    func signalRestores(signal: Int32) throws {
        let tmux = try TmuxSession(command: Self.wrapped(try ExplorerBinary.path()))
        defer { tmux.close() }
        #expect(try tmux.waitFor(Self.title).satisfied)
        let shell = try tmux.panePID()
        let children = childPIDs(of: shell)
        try #require(children.count == 1, "expected the app as the shell's only child, found \(children)")
        #expect(kill(children[0], signal) == 0)
        let after = try tmux.waitFor(Self.restoredTTY)
        #expect(after.satisfied, "screen:\n\(after.screen)")
        #expect(after.screen.contains("[exit status \(128 + signal)]"))
        #expect(!after.screen.contains(Self.title))
        #expect(try !tmux.alternateOn)
        #expect(try tmux.cursorVisible)
    }

    @Test("a crash restores the terminal and its message stays visible on the normal screen")
    func crashRestores() throws {
        let tmux = try TmuxSession(command: Self.wrapped(try ExplorerBinary.path()), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor(Self.title).satisfied)
        try tmux.sendKeys("c")
        // The backtracer symbolicates first, which can take a few seconds in a debug build.
        let after = try tmux.waitFor(Self.restoredTTY, timeout: 60, history: true)
        #expect(after.satisfied, "screen:\n\(after.screen)")
        #expect(after.screen.contains("Fatal error: AdapterSelfTestProgram: deliberate crash"))
        #expect(after.screen.contains("Program crashed"))
        #expect(!after.screen.contains("[exit status 0]"))
        #expect(after.screen.contains("[exit status "))
        #expect(try !tmux.alternateOn)
        #expect(try tmux.cursorVisible)
    }

    @Test("stdout not a terminal: one-line error pointing to snapshot, non-zero exit, nothing drawn")
    func stdoutNotATerminal() throws {
        let binary = try ExplorerBinary.path()
        let script = #"{ "$0" tui-selftest; echo "[exit status $?]" >&2; } | cat; echo "[done]"; exec sleep 600"#
        let tmux = try TmuxSession(
            command: "exec \(Self.environment) sh -c \(shellQuote(script)) \(shellQuote(binary))")
        defer { tmux.close() }
        let after = try tmux.waitFor("[done]")
        #expect(after.satisfied, "screen:\n\(after.screen)")
        Self.expectOneLineError(in: after.screen, reason: "stdout is not a terminal")
        #expect(after.screen.contains("[exit status 1]") || !after.screen.contains("[exit status 0]"))
        #expect(!after.screen.contains(Self.title))
        #expect(try !tmux.alternateOn)
    }

    @Test("stdin and stdout pipes (no terminal at all): one-line error, non-zero exit")
    func pipes() throws {
        let result = try runProcess(try ExplorerBinary.path(), ["tui-selftest"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        Self.expectOneLineError(in: result.stderr, reason: "is not a terminal")
    }

    @Test("TERM dumb, unset or unknown: one-line error, non-zero exit, nothing drawn",
          arguments: [
            ("TERM=dumb", "TERM=dumb"),
            ("-u TERM", "TERM is not set"),
            ("TERM=no-such-terminal-xyz", "not a terminal type"),
          ])
    func badTerm(setting: String, reason: String) throws {
        let binary = try ExplorerBinary.path()
        let script = #""$0" tui-selftest; echo "[exit status $?]"; exec sleep 600"#
        let tmux = try TmuxSession(
            command: "exec \(Self.environment) env \(setting) sh -c \(shellQuote(script)) \(shellQuote(binary))")
        defer { tmux.close() }
        let after = try tmux.waitFor("[exit status")
        #expect(after.satisfied, "screen:\n\(after.screen)")
        Self.expectOneLineError(in: after.screen, reason: reason)
        #expect(!after.screen.contains("[exit status 0]"))
        #expect(!after.screen.contains(Self.title))
        #expect(try !tmux.alternateOn)
    }

    /// Exactly one non-empty line mentions the problem, and it points to `iia-explorer snapshot`.
    static func expectOneLineError(in text: String, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let errorLines = lines.filter { $0.contains("needs a terminal") }
        #expect(errorLines.count == 1, "expected one error line in:\n\(text)", sourceLocation: sourceLocation)
        guard let line = errorLines.first else { return }
        #expect(line.contains(reason), "\(line)", sourceLocation: sourceLocation)
        #expect(line.contains("iia-explorer snapshot"), "\(line)", sourceLocation: sourceLocation)
        #expect(line.hasPrefix("iia-explorer:") || line.hasPrefix("Error: iia-explorer:"), "\(line)", sourceLocation: sourceLocation)
    }
}
