import Foundation
import IIACore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Keys as xterm, screen/tmux, rxvt and the Linux console send them, written as raw bytes into the
/// real binary's terminal: each is decoded whole, the explorer acts as documented, and nothing
/// (Esc, Alt-keys, mouse reports, unknown sequences) quits it or leaks characters that act as keys.
@Suite(.serialized)
struct KeySequenceEndToEndTests {
    /// `arguments` of the binary under TERM=`term`, run by a shell that then prints the exit status and tty modes.
    static func command(_ binary: String, term: String, arguments: String = "") -> String {
        let script = #"ulimit -c 0; "$0" \#(arguments); echo "[exit status $?]"; "#
            + #"stty -a | tr " " "\n" | grep -E "^-?(echo|icanon)$" | tr "\n" " "; echo "[stty]"; exec sleep 600"#
        return "exec env -u NO_COLOR SWIFT_BACKTRACE=interactive=no,color=no TERM=\(term) LC_ALL=C.UTF-8 "
            + "sh -c \(shellQuote(script)) \(shellQuote(binary))"
    }

    /// Writes `sequence` into the pane as raw bytes, in one write.
    static func send(_ sequence: String, to tmux: TmuxSession) throws {
        try tmux.tmuxCommand(["send-keys", "-H"] + sequence.utf8.map { String(format: "%02x", $0) })
    }

    /// q quits with status 0 and restores the terminal.
    static func expectQuitRestores(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try tmux.sendKeys("q")
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY, timeout: 10, history: true)
        #expect(after.screen.contains("[exit status 0]"), "q did not quit cleanly:\n\(after.screen)", sourceLocation: sourceLocation)
        #expect(try !tmux.alternateOn, sourceLocation: sourceLocation)
    }

    /// Stops the test when the explorer has exited (its shell then prints its exit status).
    static func requireAlive(_ tmux: TmuxSession, after what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try tmux.capture(history: true)
        try #require(!screen.contains("[exit status"), "the program quit after \(what):\n\(screen)", sourceLocation: sourceLocation)
    }

    /// The sequences of one terminal family and the key the adapter's self-test shows for each.
    static let families: [String: [(sequence: String, shown: String)]] = [
        "xterm-256color": [
            ("\u{1B}[A", "up"), ("\u{1B}OB", "down"), ("\u{1B}[H", "home"), ("\u{1B}[F", "end"), ("\u{1B}OH", "home"),
            ("\u{1B}OF", "end"), ("\u{1B}[1;2A", "shiftUp"), ("\u{1B}[1;2D", "shiftLeft"), ("\u{1B}[1;5A", "controlUp"),
            ("\u{1B}[1;5C", "controlRight"), ("\u{1B}[5~", "pageUp"), ("\u{1B}[6~", "pageDown"), ("\u{1B}[2~", "insert"),
            ("\u{1B}[3~", "delete"), ("\u{1B}OP", "function(1)"), ("\u{1B}OS", "function(4)"), ("\u{1B}[15~", "function(5)"),
            ("\u{1B}[24~", "function(12)"), ("\u{1B}[Z", "backTab"), ("\u{1B}[1;5H", "home"),
        ],
        "screen-256color": [
            ("\u{1B}[1~", "home"), ("\u{1B}[4~", "end"), ("\u{1B}OA", "up"), ("\u{1B}[D", "left"), ("\u{1B}OP", "function(1)"),
            ("\u{1B}[11~", "function(1)"), ("\u{1B}[23~", "function(11)"), ("\u{1B}[6~", "pageDown"),
        ],
        "rxvt-unicode-256color": [
            ("\u{1B}[7~", "home"), ("\u{1B}[8~", "end"), ("\u{1B}[a", "shiftUp"), ("\u{1B}[d", "shiftLeft"),
            ("\u{1B}Oa", "controlUp"), ("\u{1B}Od", "controlLeft"), ("\u{1B}[11~", "function(1)"), ("\u{1B}[5^", "pageUp"),
            ("\u{1B}[7$", "home"),
        ],
        "linux": [
            ("\u{1B}[[A", "function(1)"), ("\u{1B}[[E", "function(5)"), ("\u{1B}[1~", "home"), ("\u{1B}[4~", "end"),
            ("\u{1B}[A", "up"), ("\u{1B}[17~", "function(6)"),
        ],
    ]

    @Test(
        "each family's sequences reach the program as one key each",
        arguments: ["xterm-256color", "screen-256color", "rxvt-unicode-256color", "linux"])
    func selfTestDecodes(term: String) throws {
        let tmux = try TmuxSession(command: Self.command(try ExplorerBinary.path(), term: term, arguments: "tui-selftest"))
        defer { tmux.close() }
        #expect(try tmux.waitFor(TerminalEndToEndTests.title).satisfied)
        for (sequence, shown) in Self.families[term] ?? [] {
            // A plain key in between, so that two equal keys in a row are seen as two.
            try tmux.sendKeys("x")
            try #require(try tmux.waitFor("last key: 'x'", timeout: 5).satisfied, "the self-test is gone before \(shown)")
            try Self.send(sequence, to: tmux)
            let decoded = try tmux.waitFor("last key: \(shown)", timeout: 5)
            let printable = sequence.replacingOccurrences(of: "\u{1B}", with: "\\e")
            #expect(decoded.satisfied, "\(term): \(printable) should be \(shown):\n\(decoded.screen)")
            if !decoded.satisfied { break }
        }
    }

    @Test("Home and End of every family move the selected slider to its ends", arguments: ["xterm-256color", "screen-256color"])
    func homeAndEndMoveTheSlider(term: String) throws {
        let tmux = try TmuxSession(command: Self.command(try ExplorerBinary.path(), term: term), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)
        let pairs = [("\u{1B}[4~", "\u{1B}[1~"), ("\u{1B}[8~", "\u{1B}[7~"), ("\u{1B}OF", "\u{1B}OH"), ("\u{1B}[F", "\u{1B}[H")]
        for (end, home) in pairs {
            for (sequence, wanted) in [(end, 1e4), (home, 1.0)] {
                try Self.send(sequence, to: tmux)
                let moved = try tmux.waitUntil(timeout: 5) { ExplorerEndToEndTests.sliderValue("|M1|", in: $0) == wanted }
                let printable = sequence.replacingOccurrences(of: "\u{1B}", with: "\\e")
                #expect(moved.satisfied, "\(term): \(printable) should set |M1| to \(wanted):\n\(moved.screen)")
                try Self.requireAlive(tmux, after: printable)
            }
        }
        try Self.expectQuitRestores(tmux)
    }

    /// Sequences that must change nothing: Alt-keys, mouse reports where nothing is (or malformed,
    /// X10, right button), unknown sequences.
    static let inert: [(name: String, sequence: String)] = [
        ("Alt-j", "\u{1B}j"), ("Alt-1", "\u{1B}1"), ("Alt-m", "\u{1B}m"), ("SGR click on the title", "\u{1B}[<0;30;1M"),
        ("SGR release on the title", "\u{1B}[<0;30;1m"), ("SGR wheel on the title", "\u{1B}[<64;30;1M"),
        ("malformed SGR report", "\u{1B}[<0;30M"), ("SGR right click on a bar", "\u{1B}[<2;30;5M"), ("X10 mouse click", "\u{1B}[M 15"),
        ("unknown CSI", "\u{1B}[99;99~"), ("unknown SS3", "\u{1B}Oz"), ("rxvt Alt-Up", "\u{1B}\u{1B}[A"),
        ("Alt-Up", "\u{1B}[1;3A"), ("kitty Ctrl-j", "\u{1B}[106;5u"), ("focus in", "\u{1B}[I"),
    ]

    @Test("Alt-keys, mouse reports and unknown sequences change nothing", arguments: ["xterm-256color", "screen-256color"])
    func inertSequencesChangeNothing(term: String) throws {
        let tmux = try TmuxSession(command: Self.command(try ExplorerBinary.path(), term: term), width: 120, height: 40)
        defer { tmux.close() }
        let first = try tmux.waitFor("algorithm")
        let labels = ["|M1|", "|M2|", "p*(1)", "zeta", "|Y|", "beta", "delta", "|D|"]
        let initial = labels.map { ExplorerEndToEndTests.sliderValue($0, in: first.screen) }
        #expect(initial.allSatisfy { $0 != nil }, "slider values not found:\n\(first.screen)")
        for (index, (name, sequence)) in Self.inert.enumerated() {
            try Self.send(sequence, to: tmux)
            // A key with a visible, harmless effect after it: once it shows, the sequence was handled.
            try tmux.sendKeys("a")
            let algorithm = Algorithm.allCases[(index + 1) % Algorithm.allCases.count].name
            let after = try tmux.waitFor("landscape and explanation: \(algorithm) (", timeout: 5)
            try Self.requireAlive(tmux, after: name)
            #expect(after.satisfied, "\(term), \(name): the explorer did not go on:\n\(after.screen)")
            let values = labels.map { ExplorerEndToEndTests.sliderValue($0, in: after.screen) }
            #expect(values == initial, "\(term), \(name) changed the sliders: \(values) (was \(initial))")
            #expect(after.screen.contains("▶ |M1|"), "\(term), \(name) moved the selection:\n\(after.screen)")
            #expect(after.screen.contains("expected data"), "\(term), \(name) toggled Monte Carlo:\n\(after.screen)")
            #expect(!after.screen.contains("select a slider"), "\(term), \(name) opened the help")
        }
        try Self.expectQuitRestores(tmux)
    }

    @Test("F1 in each family's form opens the help; Esc closes it, then only says how to quit")
    func functionOneAndEscape() throws {
        let tmux = try TmuxSession(command: Self.command(try ExplorerBinary.path(), term: "xterm-256color"), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)
        for sequence in ["\u{1B}OP", "\u{1B}[11~", "\u{1B}[[A", "\u{1B}[1P"] {
            let printable = sequence.replacingOccurrences(of: "\u{1B}", with: "\\e")
            try Self.send(sequence, to: tmux)
            let opened = try tmux.waitFor("select a slider", timeout: 5)
            try Self.requireAlive(tmux, after: printable)
            #expect(opened.satisfied, "\(printable) did not open the help")
            try Self.send("\u{1B}", to: tmux)
            let closed = try tmux.waitUntil(timeout: 5) { !$0.contains("select a slider") }
            #expect(closed.satisfied, "Esc did not close the help:\n\(closed.screen)")
        }
        // Esc with nothing to close: still running, and the status line says how to quit.
        try Self.send("\u{1B}", to: tmux)
        let hint = try tmux.waitFor("q quits", timeout: 5)
        #expect(hint.satisfied, "no quit hint after Esc:\n\(hint.screen)")
        try Self.requireAlive(tmux, after: "Esc")
        try Self.expectQuitRestores(tmux)
    }

    @Test("an invalid typed value keeps the prompt; a reflexive Esc only cancels it")
    func invalidValueThenEscape() throws {
        let tmux = try TmuxSession(command: Self.command(try ExplorerBinary.path(), term: "screen-256color"), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)
        try tmux.sendKeys("Enter")
        try tmux.tmuxCommand(["send-keys", "-l", "abc"])
        try tmux.sendKeys("Enter")
        let rejected = try tmux.waitFor("not a number", timeout: 5)
        #expect(rejected.satisfied, "no error for abc:\n\(rejected.screen)")
        #expect(rejected.screen.contains("|M1| = abc"), "the prompt closed:\n\(rejected.screen)")
        try Self.send("\u{1B}", to: tmux)
        #expect(try tmux.waitFor("input cancelled", timeout: 5).satisfied)
        try Self.send("\u{1B}", to: tmux)
        #expect(try tmux.waitFor("q quits", timeout: 5).satisfied)
        try Self.requireAlive(tmux, after: "Esc")
        try Self.expectQuitRestores(tmux)
    }

    @Test("invalid UTF-8 never swallows the Esc or q written right after it")
    func invalidUTF8KeepsTheNextKeys() throws {
        let tmux = try TmuxSession(command: Self.command(try ExplorerBinary.path(), term: "xterm-256color"), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)
        // A cut-off three-byte character, then Esc in the same write; the NUL ends the Esc at once.
        try tmux.tmuxCommand(["send-keys", "-H", "e4", "1b", "00"])
        let escaped = try tmux.waitFor("q quits", timeout: 5)
        #expect(escaped.satisfied, "Esc after invalid UTF-8 was lost:\n\(escaped.screen)")
        try tmux.tmuxCommand(["send-keys", "-H", "f0", "9f", "71"])
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY, timeout: 5, history: true)
        #expect(after.screen.contains("[exit status 0]"), "q after invalid UTF-8 was lost:\n\(after.screen)")
    }
}
