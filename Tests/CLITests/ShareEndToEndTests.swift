import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The command lines the explorer hands out, run through the real binary: a screenshot's first
/// line prints the same screen, and `y`'s `tui` command restores the same state.
@Suite(.serialized)
struct ShareEndToEndTests {
    /// The explorer with `arguments` in `folder`, in a tmux pane of the given size.
    static func explorer(_ arguments: String, in folder: URL, width: Int, height: Int) throws -> TmuxSession {
        let command = "cd \(shellQuote(folder.path)) && exec \(TerminalEndToEndTests.environment) "
            + "\(shellQuote(try ExplorerBinary.path())) \(arguments)"
        let tmux = try TmuxSession(command: command, width: width, height: height)
        #expect(try tmux.waitFor("algorithm").satisfied)
        return tmux
    }

    /// Runs a command line as printed by the explorer ("iia-explorer …") with /bin/sh, the
    /// built binary first on the PATH.
    static func runLine(_ line: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = URL(fileURLWithPath: try ExplorerBinary.path()).deletingLastPathComponent().path
        return try runProcess("/bin/sh", ["-c", "PATH=\(shellQuote(folder)):\"$PATH\"; exec " + line])
    }

    /// The lines above the status and key lines.
    static func screenAboveStatus(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return Array(lines.dropLast(2))
    }

    @Test("a screenshot's first line, run, prints the same screen (but the status and key lines)", arguments: [
        ("", ["s"], 100, 30),
        ("", ["8", "j", "l", "Tab", "s"], 120, 40),
        ("", ["3", "c", "c", "Tab", "a", "s"], 160, 48),
        ("--ascii --no-color", ["2", "a", "BTab", "j", "j", "s"], 80, 24),
    ])
    func screenshotCommandReproducesTheScreen(arguments: String, keys: [String], width: Int, height: Int) throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Self.explorer(arguments, in: folder, width: width, height: height)
        defer { tmux.close() }
        for key in keys { try tmux.sendKeys(key) }
        let saved = try tmux.waitFor("saved screenshots/iia-explorer-001.txt", timeout: 30)
        #expect(saved.satisfied, "\(saved.screen)")
        let text = try String(contentsOf: folder.appendingPathComponent("screenshots/iia-explorer-001.txt"), encoding: .utf8)
        let svg = try String(contentsOf: folder.appendingPathComponent("screenshots/iia-explorer-001.svg"), encoding: .utf8)
        let first = try #require(text.split(separator: "\n").first.map(String.init))
        #expect(first.hasPrefix("$ iia-explorer snapshot --m1 "))
        #expect(first.hasSuffix("--chart all --size \(width)x\(height) --format txt"))
        let line = String(first.dropFirst(2))
        #expect(svg.contains("<desc>\(line)</desc>"), "the SVG lacks the command line")
        let run = try Self.runLine(line)
        #expect(run.status == 0, "\(line): \(run.stderr)")
        let screenshot = Self.screenAboveStatus(String(text.dropFirst(first.count + 1)))
        let printed = Self.screenAboveStatus(run.stdout)
        #expect(screenshot.count == height - 2 && printed.count == height - 2)
        for (index, (saw, got)) in zip(screenshot, printed).enumerated() {
            #expect(saw == got, "line \(index + 1) of \(line):\nscreenshot: \(saw)\nsnapshot:   \(got)")
        }
    }

    @Test("y appends the tui command to commands.txt, and that command restores the same state")
    func yCommandRestoresTheState() throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commands = folder.appendingPathComponent("screenshots/commands.txt")
        let first = try Self.explorer("--ascii", in: folder, width: 120, height: 40)
        // Preset 9 (fixed queries), then the next scenario (logit choices), |Y| up, the landscape in focus (two back from
        // data, past the phase chart), IL.
        for key in ["9", "c", "j", "j", "j", "j", "l", "BTab", "BTab", "a", "a", "y"] { try first.sendKeys(key) }
        #expect(try first.waitFor("added to screenshots/commands.txt").satisfied)
        let before = try first.capture()
        first.close()
        let saved = try String(contentsOf: commands, encoding: .utf8)
        let line = try #require(saved.split(separator: "\n").first.map(String.init))
        #expect(saved == line + "\n" && line.hasPrefix("iia-explorer tui --m1 100 "))
        #expect(line.contains("--choice-model logit --reward-gap 0.847") && line.contains("--k 5") && !line.contains("--queries"))
        #expect(line.contains("--focus landscape --algorithm IL --select k --ascii"))

        // The command, run: the same screen (but the status line), and y gives the same line again.
        let folderPath = shellQuote(URL(fileURLWithPath: try ExplorerBinary.path()).deletingLastPathComponent().path)
        let second = try TmuxSession(
            command: "cd \(shellQuote(folder.path)) && PATH=\(folderPath):\"$PATH\" exec \(TerminalEndToEndTests.environment) \(line)",
            width: 120, height: 40)
        defer { second.close() }
        #expect(try second.waitFor("algorithm").satisfied)
        let after = try second.capture()
        // The screen above the status line, without the trailing spaces a redraw may leave.
        let trim = { (screen: String) in
            screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(38).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        }
        #expect(trim(after) == trim(before), "restored:\n\(after)\noriginal:\n\(before)")
        try second.sendKeys("y")
        #expect(try second.waitFor("added to screenshots/commands.txt").satisfied)
        #expect(try String(contentsOf: commands, encoding: .utf8) == saved + line + "\n")
    }

    @Test("y reports a commands.txt that cannot be written on the status line and keeps running")
    func yFileErrorIsReported() throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("shots/commands.txt"), withIntermediateDirectories: true)
        let tmux = try Self.explorer("--screenshot-dir shots", in: folder, width: 120, height: 40)
        defer { tmux.close() }
        try tmux.sendKeys("y")
        let shown = try tmux.waitFor("command not saved: cannot append to shots/commands.txt")
        #expect(shown.satisfied, "\(shown.screen)")
        try tmux.sendKeys("l")
        #expect(try tmux.waitFor("|M1|     13").satisfied)
    }
}
