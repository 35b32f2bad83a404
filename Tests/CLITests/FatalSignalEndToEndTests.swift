import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every fatal signal, as users meet it: `SWIFT_BACKTRACE` unset (CI exports it, so it is removed
/// for the child), which makes the Swift runtime's backtracer interactive on a terminal.
/// The app must restore the terminal and end within seconds, never resume, never wait 30 s.
@Suite(.serialized)
struct FatalSignalEndToEndTests {
    /// Core dumps are off so that a dump can neither slow the test nor litter the folder.
    static let environment = "env -u SWIFT_BACKTRACE -u NO_COLOR TERM=tmux-256color LC_ALL=C.UTF-8"

    /// `arguments` run by a shell that then prints the exit status and the tty's modes.
    static func wrapped(_ binary: String, arguments: String = "tui-selftest") -> String {
        let script = #"ulimit -c 0; "$0" \#(arguments); echo "[exit status $?]"; "#
            + #"stty -a | tr " " "\n" | grep -E "^-?(echo|icanon)$" | tr "\n" " "; echo "[stty]"; exec sleep 600"#
        return "exec \(environment) sh -c \(shellQuote(script)) \(shellQuote(binary))"
    }

    static let names: [Int32: String] = [
        SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT",
        SIGFPE: "SIGFPE", SIGQUIT: "SIGQUIT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP", SIGINT: "SIGINT",
    ]

    /// Far below the backtracer's 30 s prompt, with room for a loaded machine running a debug build.
    static let promptly: TimeInterval = 10

    @Test("a signal sent by kill restores the terminal and ends the app at once with that signal",
          arguments: [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT, SIGTERM, SIGHUP, SIGINT])
    func killed(signal: Int32) throws {
        let tmux = try TmuxSession(command: Self.wrapped(try ExplorerBinary.path()))
        defer { tmux.close() }
        #expect(try tmux.waitFor(TerminalEndToEndTests.title).satisfied)
        #expect(try tmux.format("#{mouse_sgr_flag}") == "1", "mouse reporting is on before the signal")
        let children = childPIDs(of: try tmux.panePID())
        try #require(children.count == 1, "expected the app as the shell's only child, found \(children)")
        let sent = Date()
        #expect(kill(children[0], signal) == 0)
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY, timeout: Self.promptly)
        #expect(after.satisfied, "not ended after \(Date().timeIntervalSince(sent)) s; screen:\n\(after.screen)")
        #expect(after.screen.contains("iia-explorer: ended by signal \(Self.names[signal] ?? "?")"), "\(after.screen)")
        #expect(after.screen.contains("[exit status \(128 + signal)]"), "\(after.screen)")
        #expect(!after.screen.contains("Program crashed"), "no backtrace for a signal sent from outside")
        try Self.expectRestored(tmux, screen: after.screen)
    }

    @Test("a crash inside the app keeps its backtrace, restores the terminal and ends without the prompt")
    func crashWithInteractiveBacktracer() throws {
        let tmux = try TmuxSession(command: Self.wrapped(try ExplorerBinary.path()), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor(TerminalEndToEndTests.title).satisfied)
        #expect(try tmux.format("#{mouse_sgr_flag}") == "1", "mouse reporting is on before the crash")
        try tmux.sendKeys("c")
        // Symbolication takes a moment; the prompt alone would take 30 s.
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY, timeout: 20, history: true)
        #expect(after.satisfied, "screen:\n\(after.screen)")
        #expect(after.screen.contains("Fatal error: AdapterSelfTestProgram: deliberate crash"))
        #expect(after.screen.contains("Program crashed"))
        #expect(after.screen.contains("AdapterSelfTestProgram.update"), "the backtrace names the crashing function")
        #expect(!after.screen.contains("ended by signal"))
        let status = after.screen.firstMatch(of: /\[exit status (\d+)\]/).flatMap { Int($0.1) }
        #expect((status ?? 0) > 128, "killed by a signal, not a normal exit: \(String(describing: status))")
        try Self.expectRestored(tmux, screen: after.screen)
    }

    /// Normal screen, cursor shown, no mouse reporting, cooked mode with echo.
    static func expectRestored(_ tmux: TmuxSession, screen: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(screen.contains(TerminalEndToEndTests.restoredTTY), "\(screen)", sourceLocation: sourceLocation)
        #expect(!screen.contains(TerminalEndToEndTests.title), "the UI is gone", sourceLocation: sourceLocation)
        #expect(try !tmux.alternateOn, sourceLocation: sourceLocation)
        #expect(try tmux.cursorVisible, sourceLocation: sourceLocation)
        #expect(try tmux.format("#{mouse_any_flag}") == "0", sourceLocation: sourceLocation)
    }
}
