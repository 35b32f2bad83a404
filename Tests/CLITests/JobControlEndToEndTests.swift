import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Suspend and resume as in other curses tools: Ctrl-Z and `kill -TSTP` give the shell back a
/// restored terminal, `fg` and `kill -CONT` repaint the whole screen at the terminal's current size.
@Suite(.serialized)
struct JobControlEndToEndTests {
    static let prompt = "PROMPT> "
    static let sttyCheck = #"stty -a | tr " " "\n" | grep -E "^-?(echo|icanon)$" | tr "\n" " "; echo "[stty]""#

    /// An interactive bash with job control in the pane, no rc files, a fixed prompt.
    static func interactiveShell() throws -> TmuxSession {
        let bash = ["/bin/bash", "/usr/bin/bash"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let bash else { throw HarnessError(description: "bash is needed for the job-control tests") }
        let tmux = try TmuxSession(
            command: "exec \(FatalSignalEndToEndTests.environment) PS1=\(shellQuote(prompt)) \(bash) --norc --noprofile -i")
        #expect(try tmux.waitFor(prompt).satisfied)
        return tmux
    }

    /// Starts the self-test from the shell and waits for its first frame.
    static func startSelfTest(in tmux: TmuxSession) throws {
        try tmux.sendKeys("ulimit -c 0; \(shellQuote(try ExplorerBinary.path())) tui-selftest", "Enter")
        #expect(try tmux.waitFor(TerminalEndToEndTests.title).satisfied)
    }

    /// The job is reported stopped, the prompt is back on the normal screen and the tty is cooked.
    static func expectShellBack(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stopped = try tmux.waitUntil { screen in
            screen.contains("Stopped") && screen.split(separator: "\n").last?.hasPrefix(prompt) == true
        }
        #expect(stopped.satisfied, "no stopped job and prompt:\n\(stopped.screen)", sourceLocation: sourceLocation)
        #expect(!stopped.screen.contains(TerminalEndToEndTests.title), sourceLocation: sourceLocation)
        #expect(try !tmux.alternateOn, sourceLocation: sourceLocation)
        #expect(try tmux.cursorVisible, sourceLocation: sourceLocation)
        try tmux.sendKeys(sttyCheck, "Enter")
        let modes = try tmux.waitFor("[stty]\n")
        #expect(modes.screen.contains(TerminalEndToEndTests.restoredTTY), "\(modes.screen)", sourceLocation: sourceLocation)
    }

    /// q ends the resumed app with status 0 and a restored terminal.
    static func expectCleanQuit(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try tmux.sendKeys("q")
        #expect(try tmux.waitForFormat("#{alternate_on}") { $0 == "0" } == "0", sourceLocation: sourceLocation)
        try tmux.sendKeys(#"echo "[exit status $?]"; "# + sttyCheck, "Enter")
        let after = try tmux.waitFor("[exit status 0]\n\(TerminalEndToEndTests.restoredTTY)")
        #expect(after.satisfied, "screen:\n\(after.screen)", sourceLocation: sourceLocation)
        #expect(try tmux.cursorVisible, sourceLocation: sourceLocation)
    }

    /// Equal screens up to trailing blanks (tmux keeps a trailing blank cell that carries an attribute).
    static func sameText(_ first: String, _ second: String) -> Bool {
        func lines(_ text: String) -> [Substring] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line[..<(line.lastIndex { $0 != " " }.map { line.index(after: $0) } ?? line.startIndex)]
            }
        }
        return lines(first) == lines(second)
    }

    @Test("Ctrl-Z gives the shell a restored terminal; fg repaints the same screen; keys and q work after")
    func controlZAndForeground() throws {
        let tmux = try Self.interactiveShell()
        defer { tmux.close() }
        try Self.startSelfTest(in: tmux)
        try tmux.sendKeys("x")
        let before = try tmux.waitFor("last key: 'x'")
        #expect(before.satisfied)

        #expect(try tmux.format("#{mouse_sgr_flag}") == "1", "mouse reporting is on")
        try tmux.sendKeys("C-z")
        try Self.expectShellBack(tmux)
        #expect(try tmux.format("#{mouse_any_flag}") == "0", "the shell gets no mouse reports while stopped")

        try tmux.sendKeys("fg", "Enter")
        let resumed = try tmux.waitUntil { Self.sameText($0, before.screen) }
        #expect(resumed.satisfied, "not the same screen after fg:\n\(resumed.screen)\nbefore:\n\(before.screen)")
        #expect(try tmux.waitForFormat("#{mouse_sgr_flag}") { $0 == "1" } == "1", "mouse reporting is back after fg")
        #expect(try tmux.alternateOn)
        #expect(try !tmux.cursorVisible)
        try tmux.sendKeys("y")
        #expect(try tmux.waitFor("last key: 'y'").satisfied)
        try Self.expectCleanQuit(tmux)
    }

    @Test("kill -TSTP from outside suspends like Ctrl-Z; a resize while stopped is taken on fg")
    func stopSignalAndResizeWhileStopped() throws {
        let tmux = try Self.interactiveShell()
        defer { tmux.close() }
        try Self.startSelfTest(in: tmux)
        let children = childPIDs(of: try tmux.panePID())
        try #require(children.count == 1, "expected the app as the shell's only child, found \(children)")
        #expect(kill(children[0], SIGTSTP) == 0)
        try Self.expectShellBack(tmux)

        try tmux.resize(width: 64, height: 20)
        try tmux.sendKeys("fg", "Enter")
        let resumed = try tmux.waitFor("size: 64x20")
        #expect(resumed.satisfied, "screen:\n\(resumed.screen)")
        #expect(resumed.screen.contains(TerminalEndToEndTests.title))
        #expect(resumed.screen.contains("q quit  w background work  c crash"), "the last row is drawn at the new size")
        #expect(!resumed.screen.contains("Stopped") && !resumed.screen.contains(Self.prompt))
        try Self.expectCleanQuit(tmux)
    }

    @Test("kill -CONT repaints the whole screen (text written behind the app's back disappears)")
    func continueRepaints() throws {
        let tmux = try TmuxSession(command: FatalSignalEndToEndTests.wrapped(try ExplorerBinary.path()))
        defer { tmux.close() }
        let before = try tmux.waitFor(TerminalEndToEndTests.title)
        #expect(before.satisfied)
        let tty = try tmux.format("#{pane_tty}")
        let scribble = "\u{1b}[5;3HSCRIBBLED-OVER-THE-APP"
        let handle = try #require(FileHandle(forWritingAtPath: tty), "cannot open \(tty)")
        handle.write(Data(scribble.utf8))
        try handle.close()
        #expect(try tmux.waitFor("SCRIBBLED-OVER-THE-APP").satisfied)

        let children = childPIDs(of: try tmux.panePID())
        try #require(children.count == 1, "expected the app as the shell's only child, found \(children)")
        #expect(kill(children[0], SIGCONT) == 0)
        let repainted = try tmux.waitUntil { Self.sameText($0, before.screen) }
        #expect(repainted.satisfied, "screen:\n\(repainted.screen)")
        try tmux.sendKeys("q")
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY)
        #expect(after.screen.contains("[exit status 0]"), "\(after.screen)")
    }
}
