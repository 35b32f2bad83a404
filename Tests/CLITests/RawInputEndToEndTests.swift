import Foundation
import IIACore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Raw bytes must never kill the explorer or leave the terminal broken: escape sequences known and
/// unknown, SS3 sequences, Alt-keys, control bytes, valid and invalid UTF-8.
///
/// Esc quits the explorer (its key semantics are not this test's business), and most unknown
/// sequences start with an Esc, so the explorer runs in a loop that restarts it after every clean
/// quit; every run must end with status 0 and a cooked tty. Left out of the alphabet: bytes the
/// tty itself acts on between runs (Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-S/Q, Ctrl-O), keys that leave
/// browsing mode or write files (Enter, `=`, `?`, `e`, `s`, keypad Enter) and `q`.
@Suite(.serialized)
struct RawInputEndToEndTests {
    static let excludedBytes: Set<UInt8> = [3, 10, 13, 15, 17, 19, 26, 28, 0x3D, 0x3F, 0x65, 0x71, 0x73]

    /// The loop: restart after each exit with status 0 until `$1` exists, then print the tty modes.
    static func loopCommand(_ binary: String, stopFile: String) -> String {
        let script = #"ulimit -c 0; n=0; while [ ! -e "$1" ]; do "$0"; s=$?; n=$((n+1)); "#
            + #"m=$(stty -a | tr " " "\n" | grep -E "^-?(echo|icanon)$" | tr "\n" " "); "#
            + #"echo "[run $n exit $s: $m]"; [ $s -ne 0 ] && break; done; "#
            + #"echo "[runs $n]"; stty -a | tr " " "\n" | grep -E "^-?(echo|icanon)$" | tr "\n" " "; echo "[stty]"; exec sleep 600"#
        return "exec \(FatalSignalEndToEndTests.environment) sh -c \(shellQuote(script)) "
            + "\(shellQuote(binary)) \(shellQuote(stopFile))"
    }

    /// One random byte string of a random kind.
    static func randomInput(_ random: inout SplitMix64) -> [UInt8] {
        func pick(_ range: ClosedRange<UInt8>) -> UInt8 {
            var byte: UInt8
            repeat { byte = UInt8.random(in: range, using: &random) } while excludedBytes.contains(byte)
            return byte
        }
        let escape: UInt8 = 0x1B
        switch Int.random(in: 0..<6, using: &random) {
        case 0:  // CSI: parameters and a final byte
            let parameters = (0..<Int.random(in: 0...6, using: &random)).map { _ in Array("0123456789;".utf8).randomElement(using: &random)! }
            return [escape, 0x5B] + parameters + [pick(0x40...0x7E)]
        case 1:  // SS3 (but not keypad Enter, ESC O M)
            var final: UInt8
            repeat { final = pick(0x40...0x7E) } while final == 0x4D
            return [escape, 0x4F, final]
        case 2:  // Alt-key
            return [escape, pick(0x21...0x7E)]
        case 3:  // invalid UTF-8: stray continuation bytes, truncated or overlong leads, 0xFE/0xFF
            return (0..<Int.random(in: 1...4, using: &random)).map { _ in UInt8.random(in: 0x80...0xFF, using: &random) }
        case 4:  // valid multi-byte characters, combining marks, emoji
            return Array(["é", "中", "🙂", "e\u{301}", "\u{200B}", "ß", "Ω", "\u{FEFF}"].randomElement(using: &random)!.utf8)
        default:  // anything else
            return (0..<Int.random(in: 1...6, using: &random)).map { _ in pick(0...0xFF) }
        }
    }

    @Test("300 random byte strings: every run ends cleanly, the tty stays sane, q still quits")
    func randomBytes() throws {
        let stopFile = FileManager.default.temporaryDirectory.appendingPathComponent("iia-fuzz-stop-\(UUID().uuidString)").path
        defer { unlink(stopFile) }
        let tmux = try TmuxSession(command: Self.loopCommand(try ExplorerBinary.path(), stopFile: stopFile), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)

        var random = SplitMix64(seed: 0x1B5B_4F00_2026)
        for batch in 0..<12 {
            let bytes = (0..<25).flatMap { _ in Self.randomInput(&random) }
            try tmux.tmuxCommand(["send-keys", "-H"] + bytes.map { String(format: "%02x", $0) })
            // The explorer (this run or the next) is up again before the next batch.
            let alive = try tmux.waitUntil(timeout: 20, history: true) { screen in
                screen.contains("algorithm") && (try? tmux.alternateOn) == true || screen.contains("[runs ")
            }
            #expect(alive.satisfied, "batch \(batch): no explorer on screen:\n\(alive.screen)")
            if alive.screen.contains("[runs ") { break }
        }
        #expect(FileManager.default.createFile(atPath: stopFile, contents: nil))
        try tmux.sendKeys("q")
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY, timeout: 20, history: true)
        #expect(after.satisfied, "q did not quit:\n\(after.screen)")
        let runs = after.screen.matches(of: /\[run (\d+) exit (\d+): ([^\]]*)\]/)
        #expect(!runs.isEmpty)
        for run in runs {
            #expect(run.output.2 == "0", "run \(run.output.1) ended with status \(run.output.2):\n\(after.screen)")
            #expect(run.output.3.trimmingCharacters(in: .whitespaces) == "icanon echo", "run \(run.output.1): tty \(run.output.3)")
        }
        for crash in ["Fatal error", "Program crashed", "ended by signal"] {
            #expect(!after.screen.contains(crash), "\(crash):\n\(after.screen)")
        }
        try FatalSignalEndToEndTests.expectRestored(tmux, screen: after.screen)
        print("raw input: \(runs.count) runs of the explorer for 300 strings")
    }
}
