import Foundation
import IIACore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Raw bytes must never kill the explorer, make it quit or leave the terminal broken: escape
/// sequences known and unknown, SS3 sequences, Alt-keys, control bytes, valid and invalid UTF-8.
///
/// Only q and Ctrl-C quit (Esc never does), so one run of the explorer takes all 300 strings.
/// Left out of the alphabet: the quit keys (q, Ctrl-C), Ctrl-Z (suspends) and s (writes files).
@Suite(.serialized)
struct RawInputEndToEndTests {
    static let excludedBytes: Set<UInt8> = [3, 26, 0x71, 0x73]

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
        case 1:  // SS3
            return [escape, 0x4F, pick(0x40...0x7E)]
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

    @Test("300 random byte strings: the explorer never quits, then Esc and q quit it cleanly")
    func randomBytes() throws {
        let tmux = try TmuxSession(
            command: FatalSignalEndToEndTests.wrapped(try ExplorerBinary.path(), arguments: ""), width: 120, height: 40)
        defer { tmux.close() }
        #expect(try tmux.waitFor("algorithm").satisfied)

        var random = SplitMix64(seed: 0x1B5B_4F00_2026)
        for batch in 0..<12 {
            let bytes = (0..<25).flatMap { _ in Self.randomInput(&random) }
            try tmux.tmuxCommand(["send-keys", "-H"] + bytes.map { String(format: "%02x", $0) })
            let screen = try tmux.capture(history: true)
            try #require(!screen.contains("[exit status"), "batch \(batch) ended the explorer:\n\(screen)")
        }
        // Esc leaves any overlay or prompt the strings opened, without quitting (a NUL after it ends
        // it at once, so r cannot make it Alt-r); r then shows that every key before it was read.
        let start = Date()
        try tmux.tmuxCommand(["send-keys", "-H", "1b", "00", "72"])
        let browsing = try tmux.waitFor("reset to the starting state", timeout: 120)
        #expect(browsing.satisfied, "no reset after Esc and r:\n\(browsing.screen)")
        print("raw input: the explorer took \(Date().timeIntervalSince(start)) s to read the last keys")
        let before = try tmux.capture(history: true)
        try #require(!before.contains("[exit status"), "the explorer quit before q:\n\(before)")
        try tmux.sendKeys("q")
        let after = try tmux.waitFor(TerminalEndToEndTests.restoredTTY, timeout: 20, history: true)
        #expect(after.satisfied, "q did not quit:\n\(after.screen)")
        #expect(after.screen.contains("[exit status 0]"), "screen:\n\(after.screen)")
        for crash in ["Fatal error", "Program crashed", "ended by signal"] {
            #expect(!after.screen.contains(crash), "\(crash):\n\(after.screen)")
        }
        try FatalSignalEndToEndTests.expectRestored(tmux, screen: after.screen)
    }
}
