import Foundation
import Testing

/// The mouse, export and presentation mode in the real binary, driven in tmux with raw SGR reports
/// (`send-keys -H`), as a terminal sends them.
@Suite(.serialized)
struct MouseEndToEndTests {
    /// An SGR report `ESC [ < b ; column ; row M` (1-based), or `… m` for a release.
    static func report(_ code: Int, column: Int, row: Int, release: Bool = false) -> String {
        "\u{1B}[<\(code);\(column);\(row)" + (release ? "m" : "M")
    }

    /// The 1-based column and row where `text` first appears on `screen`.
    static func position(of text: String, in screen: String) -> (column: Int, row: Int)? {
        for (index, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound) + 1, index + 1) }
        }
        return nil
    }

    static func start(_ arguments: String = "", folder: URL? = nil) throws -> TmuxSession {
        let command = KeySequenceEndToEndTests.command(try ExplorerBinary.path(), term: "xterm-256color", arguments: arguments)
        return try TmuxSession(command: folder.map { "cd \(shellQuote($0.path)) && " + command } ?? command, width: 120, height: 40)
    }

    @Test("clicks, the wheel and drags move sliders; a click focuses a chart and picks a boundary point; q turns reporting off")
    func mouseSession() throws {
        let tmux = try Self.start()
        defer { tmux.close() }
        let first = try tmux.waitFor("algorithm")
        #expect(first.satisfied)
        #expect(try tmux.format("#{mouse_sgr_flag}") == "1", "SGR mouse reporting is on")
        #expect(try tmux.format("#{mouse_button_flag}") == "1", "drags are reported")
        // zeta is the fourth slider (row 5); its bar starts at column 22 (1-based) at 120 columns.
        let zetaRow = try #require(Self.position(of: "zeta ", in: first.screen)).row
        try KeySequenceEndToEndTests.send(Self.report(0, column: 22, row: zetaRow), to: tmux)
        try KeySequenceEndToEndTests.send(Self.report(0, column: 22, row: zetaRow, release: true), to: tmux)
        let clicked = try tmux.waitFor("zeta = 0.01 (mouse)", timeout: 5)
        #expect(clicked.satisfied, "a click at the bar's left end should set zeta to its minimum:\n\(clicked.screen)")
        #expect(ExplorerEndToEndTests.sliderValue("zeta", in: clicked.screen) == 0.01)
        try KeySequenceEndToEndTests.send(Self.report(64, column: 5, row: zetaRow), to: tmux)
        #expect(try tmux.waitFor("zeta = 0.02 (mouse)", timeout: 5).satisfied, "the wheel steps zeta up")
        // A drag from the left end far to the right: the maximum.
        try KeySequenceEndToEndTests.send(Self.report(0, column: 22, row: zetaRow), to: tmux)
        try KeySequenceEndToEndTests.send(Self.report(32, column: 100, row: zetaRow + 3), to: tmux)
        try KeySequenceEndToEndTests.send(Self.report(0, column: 100, row: zetaRow + 3, release: true), to: tmux)
        #expect(try tmux.waitFor("zeta = 0.99 (mouse)", timeout: 5).satisfied, "a drag moves zeta to the maximum")
        // An unknown CSI in between: still alive, nothing changed.
        try KeySequenceEndToEndTests.send("\u{1B}[99;99~", to: tmux)
        try KeySequenceEndToEndTests.requireAlive(tmux, after: "an unknown CSI")

        // A click on the boundary chart's heading (below the read-out) focuses it.
        let screen = try tmux.capture()
        let heading = try #require(Self.position(of: "Failure boundary", in: screen), "no boundary chart:\n\(screen)")
        try KeySequenceEndToEndTests.send(Self.report(0, column: heading.column, row: heading.row), to: tmux)
        let focused = try tmux.waitFor("▶ Failure boundary", timeout: 5)
        #expect(focused.satisfied, "the click did not focus the boundary chart:\n\(focused.screen)")
        // A click in its plot, left of and above the current point: zeta and p*(1) go there.
        // The current point: the "●" right of the slider panel on the row of its "(0.99,0.60)" label.
        let label = try #require(Self.position(of: "(0.99,0.60)", in: focused.screen), "\(focused.screen)")
        let labelRow = focused.screen.split(separator: "\n", omittingEmptySubsequences: false)[label.row - 1]
        let dotIndex = try #require(labelRow.indices.first { labelRow[$0] == "●" && labelRow.distance(from: labelRow.startIndex, to: $0) > 45 })
        let point = (column: labelRow.distance(from: labelRow.startIndex, to: dotIndex) + 1, row: label.row)
        try KeySequenceEndToEndTests.send(Self.report(0, column: point.column - 20, row: point.row + 1 - 3), to: tmux)
        let picked = try tmux.waitUntil(timeout: 5) { $0.contains(", p*(1) = ") && $0.contains("(mouse)") }
        #expect(picked.satisfied, "no boundary point picked:\n\(picked.screen)")
        let zeta = try #require(ExplorerEndToEndTests.sliderValue("zeta", in: picked.screen))
        let p1 = try #require(ExplorerEndToEndTests.sliderValue("p*(1)", in: picked.screen))
        #expect(zeta < 0.99 && p1 > 0.6, "zeta \(zeta), p*(1) \(p1)")
        try KeySequenceEndToEndTests.expectQuitRestores(tmux)
        #expect(try tmux.format("#{mouse_any_flag}") == "0", "mouse reporting is off after q")
    }

    @Test("--no-mouse leaves reporting off, and reports that still arrive change nothing")
    func noMouse() throws {
        let tmux = try Self.start("--no-mouse")
        defer { tmux.close() }
        let first = try tmux.waitFor("algorithm")
        #expect(first.satisfied)
        #expect(try tmux.format("#{mouse_any_flag}") == "0")
        #expect(try tmux.format("#{mouse_sgr_flag}") == "0")
        let zetaRow = try #require(Self.position(of: "zeta ", in: first.screen)).row
        try KeySequenceEndToEndTests.send(Self.report(0, column: 22, row: zetaRow), to: tmux)
        try tmux.sendKeys("a")
        let after = try tmux.waitFor("landscape and explanation:", timeout: 5)
        #expect(after.satisfied)
        #expect(ExplorerEndToEndTests.sliderValue("zeta", in: after.screen) == 0.8, "\(after.screen)")
        try KeySequenceEndToEndTests.expectQuitRestores(tmux)
    }

    @Test("x writes the focused chart's CSV, the sweep command's text, numbered, never overwriting")
    func exportMatchesTheSweepCommand() throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Self.start("--k 4 --p1 0.55 --screenshot-dir out", folder: folder)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)
        try tmux.sendKeys("x")
        #expect(try tmux.waitFor("exported the chart's data to out/iia-explorer-data-001.csv", timeout: 5).satisfied)
        try tmux.sendKeys("x")
        #expect(try tmux.waitFor("out/iia-explorer-data-002.csv", timeout: 5).satisfied)
        let exported = try String(contentsOf: folder.appendingPathComponent("out/iia-explorer-data-001.csv"), encoding: .utf8)
        let sweep = try runProcess(try ExplorerBinary.path(), ["sweep", "--over", "data", "--from", "1", "--to", "10000", "--points", "40", "--k", "4", "--p1", "0.55"])
        #expect(sweep.status == 0)
        #expect(exported == sweep.stdout, "the export differs from the sweep command's CSV")
        #expect(try String(contentsOf: folder.appendingPathComponent("out/iia-explorer-data-002.csv"), encoding: .utf8) == exported)
        try KeySequenceEndToEndTests.expectQuitRestores(tmux)
    }

    @Test("an export that cannot be written says why on the status line and the explorer goes on")
    func exportFailure() throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "x".write(to: folder.appendingPathComponent("blocker"), atomically: false, encoding: .utf8)
        let tmux = try Self.start("--screenshot-dir blocker/out", folder: folder)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)
        try tmux.sendKeys("x")
        let failed = try tmux.waitFor("export failed: ", timeout: 5)
        #expect(failed.satisfied, "\(failed.screen)")
        try KeySequenceEndToEndTests.requireAlive(tmux, after: "a failed export")
        try KeySequenceEndToEndTests.expectQuitRestores(tmux)
    }

    @Test("with Monte Carlo the export has the band columns of sweep --sims")
    func monteCarloExport() throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Self.start("--k 3 --sims 6 --seed 5", folder: folder)
        defer { tmux.close() }
        #expect(try tmux.waitFor("Monte Carlo done", timeout: 60).satisfied)
        try tmux.sendKeys("Tab")
        try tmux.sendKeys("x")
        #expect(try tmux.waitFor("screenshots/iia-explorer-m2-001.csv", timeout: 5).satisfied)
        let exported = try String(contentsOf: folder.appendingPathComponent("screenshots/iia-explorer-m2-001.csv"), encoding: .utf8)
        let sweep = try runProcess(try ExplorerBinary.path(), [
            "sweep", "--over", "m2", "--from", "1", "--to", "100000", "--points", "40", "--k", "3", "--sims", "6", "--seed", "5",
        ])
        #expect(exported.hasPrefix("x,RLPO,"), "\(exported)")
        #expect(exported.split(separator: "\n").first?.contains("_q10") == true)
        #expect(exported == sweep.stdout, "the export differs from sweep --sims")
        try KeySequenceEndToEndTests.expectQuitRestores(tmux)
    }

    @Test("f shows the chart alone at 80x24; Tab and the slider keys work; Esc leaves and never quits")
    func presentation() throws {
        let command = KeySequenceEndToEndTests.command(try ExplorerBinary.path(), term: "xterm-256color", arguments: "--k 4")
        let tmux = try TmuxSession(command: command, width: 80, height: 24)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)
        try tmux.sendKeys("f")
        let shown = try tmux.waitFor("presentation: Tab", timeout: 5)
        #expect(shown.satisfied && !shown.screen.contains("|M1|    "), "\(shown.screen)")
        try tmux.sendKeys("Tab", "Tab", "Down", "Down", "Down", "Right")
        let moved = try tmux.waitFor("zeta = 0.81", timeout: 5)
        #expect(moved.satisfied && moved.screen.contains("[3/5 Tab]"), "\(moved.screen)")
        try KeySequenceEndToEndTests.send("\u{1B}", to: tmux)
        #expect(try tmux.waitFor("presentation off", timeout: 5).satisfied)
        try KeySequenceEndToEndTests.requireAlive(tmux, after: "Esc")
        try KeySequenceEndToEndTests.expectQuitRestores(tmux)
    }
}
