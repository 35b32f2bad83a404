import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The explorer itself (`iia-explorer` with no subcommand) driven in tmux, as a user would.
@Suite(.serialized)
struct ExplorerEndToEndTests {
    /// The explorer run by a shell that then prints its exit status and the tty's mode, and stays
    /// alive so the pane can be inspected as the shell sees it.
    static func command(_ binary: String) -> String {
        let script = #""$0"; echo "[exit status $?]"; "#
            + #"stty -a | tr " " "\n" | grep -E "^-?(echo|icanon)$" | tr "\n" " "; echo "[stty]"; exec sleep 600"#
        return "exec \(TerminalEndToEndTests.environment) sh -c \(shellQuote(script)) \(shellQuote(binary))"
    }

    @Test("first frame, a key changes |Y| and the read-out follows, resize to 60x20 and back, q restores")
    func explorerSession() throws {
        let binary = try ExplorerBinary.path()
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try TmuxSession(
            command: "cd \(shellQuote(folder.path)) && " + Self.command(binary), width: 120, height: 40)
        defer { tmux.close() }
        let first = try tmux.waitFor("algorithm")
        #expect(first.satisfied, "no first frame:\n\(first.screen)")
        for text in ["|M1|", "|M2|", "p*(1)", "zeta", "|Y|", "beta", "delta", "|D|", "RLPO", "DPO", "IL", "SLiC", "P(M1)"] {
            #expect(first.screen.contains(text), "missing \(text)")
        }
        #expect(!first.screen.contains("perverse: p*(1)"))

        // Select |Y| and raise it to 4: RLPO and DPO flip to M2, the verdict turns perverse.
        try tmux.sendKeys("j", "j", "j", "j", "l", "l")
        let flipped = try tmux.waitFor("perverse: 60% prefer M1, the policy almost never produces M1")
        #expect(flipped.satisfied, "read-out did not follow:\n\(flipped.screen)")

        // Screenshot key writes text and SVG into ./screenshots.
        try tmux.sendKeys("s")
        #expect(try tmux.waitFor("saved").satisfied)
        let saved = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("screenshots").path)
        #expect(Set(saved) == ["iia-explorer-001.txt", "iia-explorer-001.svg"])

        try tmux.resize(width: 60, height: 20)
        let small = try tmux.waitFor("now 60 x 20")
        #expect(small.satisfied, "no too-small screen:\n\(small.screen)")
        try tmux.resize(width: 120, height: 40)
        #expect(try tmux.waitFor("algorithm").satisfied)

        try tmux.sendKeys("q")
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY)
        #expect(after.satisfied, "screen:\n\(after.screen)")
        #expect(after.screen.contains("[exit status 0]"))
        #expect(try !tmux.alternateOn)
        #expect(try tmux.cursorVisible)
    }

    @Test("SIGTERM and SIGHUP restore the terminal", arguments: [SIGTERM, SIGHUP])
    func signalsRestore(signal: Int32) throws {
        let tmux = try TmuxSession(command: Self.command(try ExplorerBinary.path()), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)
        let children = childPIDs(of: try tmux.panePID())
        try #require(children.count == 1, "expected the explorer as the shell's only child, found \(children)")
        #expect(kill(children[0], signal) == 0)
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY)
        #expect(after.satisfied, "screen:\n\(after.screen)")
        #expect(after.screen.contains("[exit status \(128 + signal)]"))
        #expect(try !tmux.alternateOn)
        #expect(try tmux.cursorVisible)
    }

    @Test("a key path to extreme settings: the explorer stays alive, shows every value, and q quits cleanly")
    func extremeKeyPath() throws {
        let tmux = try TmuxSession(
            command: FatalSignalEndToEndTests.wrapped(try ExplorerBinary.path(), arguments: ""), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)
        // |M2| to its end, p*(1) to its start, zeta and |Y| to their ends, beta to its start, |D| to its end.
        try tmux.sendKeys("Down", "End", "Down", "Home", "Down", "End", "Down", "End", "Down", "Home", "Down", "Down", "End")
        let expected: [String: Double] = ["|M2|": 1e9, "p*(1)": 0, "zeta": 0.99, "|Y|": 64, "beta": 1e-3, "|D|": 1e7]
        let reached = try tmux.waitUntil(timeout: 20) { screen in
            expected.allSatisfy { Self.sliderValue($0.key, in: screen) == $0.value }
        }
        let shown = expected.keys.sorted().map { label in
            "\(label)=" + (Self.sliderValue(label, in: reached.screen).map { "\($0)" } ?? "?")
        }
        #expect(reached.satisfied, "shown: \(shown.joined(separator: " ")); screen:\n\(reached.screen)")
        let history = try tmux.capture(history: true)
        #expect(try tmux.format("#{pane_dead}") == "0", "the explorer died:\n\(history)")
        #expect(reached.screen.contains("algorithm"))
        for bad in ["nan", "NaN", "inf"] {
            #expect(!reached.screen.contains(bad), "\(bad) on screen:\n\(reached.screen)")
        }
        try tmux.sendKeys("q")
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY, timeout: reached.satisfied ? 20 : 5)
        #expect(after.screen.contains("[exit status 0]"), "screen:\n\(after.screen)")
        try FatalSignalEndToEndTests.expectRestored(tmux, screen: after.screen)
    }

    /// The number in the slider row labelled `label` (`▶ |M2|     1e9  ━━…`), if it parses.
    static func sliderValue(_ label: String, in screen: String) -> Double? {
        for line in screen.split(separator: "\n") {
            let row = line.drop { $0 == " " || $0 == "▶" }
            guard row.hasPrefix(label + " ") else { continue }
            let fields = row.dropFirst(label.count).split(separator: " ", omittingEmptySubsequences: true)
            return fields.first.flatMap { Double($0) }
        }
        return nil
    }
}
