import IIACore
import Testing
@testable import IIAApp

/// The pure key decoder: every sequence of xterm, screen/tmux, rxvt and the Linux console becomes
/// one key; every other sequence is read whole and ignored; a lone Esc is Esc.
@Suite struct KeyInputDecoderTests {
    static let e = "\u{1B}"

    /// Feeds `text` and ends the input (as the escape delay passing would).
    static func decodeAll(_ text: String, terminfo: [String: Key] = [:]) -> [KeyInput] {
        var decoder = KeyInputDecoder(terminfoSequences: terminfo)
        let inputs = decoder.feed(text) + decoder.endOfInput()
        #expect(!decoder.isInsideSequence)
        return inputs
    }

    static let sequences: [(String, Key)] = [
        // Arrows in both cursor-key modes, with xterm modifiers, rxvt's Shift and Ctrl forms.
        ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left), ("OA", .up), ("OB", .down), ("OC", .right), ("OD", .left),
        ("[1;2A", .shiftUp), ("[1;2B", .shiftDown), ("[1;2C", .shiftRight), ("[1;2D", .shiftLeft),
        ("[1;5A", .controlUp), ("[1;5B", .controlDown), ("[1;5C", .controlRight), ("[1;5D", .controlLeft),
        ("[1;6A", .controlUp), ("O5A", .controlUp), ("O2D", .shiftLeft),
        ("[a", .shiftUp), ("[b", .shiftDown), ("[c", .shiftRight), ("[d", .shiftLeft),
        ("Oa", .controlUp), ("Ob", .controlDown), ("Oc", .controlRight), ("Od", .controlLeft),
        // Home and End of every family, with modifiers dropped.
        ("[1~", .home), ("[4~", .end), ("[7~", .home), ("[8~", .end), ("OH", .home), ("OF", .end), ("[H", .home), ("[F", .end),
        ("[1;5H", .home), ("[1;2F", .end), ("[1;5~", .home), ("[7$", .home), ("[8^", .end),
        // Editing keys and Shift-Tab.
        ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown), ("[5;5~", .pageUp), ("[6^", .pageDown),
        ("[3;2~", .delete), ("[Z", .backTab),
        // F1-F12 in xterm's, VT220's and the Linux console's forms.
        ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)), ("OS", .function(4)),
        ("[1;2P", .function(1)), ("[1;5S", .function(4)),
        ("[11~", .function(1)), ("[12~", .function(2)), ("[13~", .function(3)), ("[14~", .function(4)),
        ("[15~", .function(5)), ("[17~", .function(6)), ("[18~", .function(7)), ("[19~", .function(8)),
        ("[20~", .function(9)), ("[21~", .function(10)), ("[23~", .function(11)), ("[24~", .function(12)),
        ("[15;5~", .function(5)), ("[11^", .function(1)),
        ("[[A", .function(1)), ("[[B", .function(2)), ("[[C", .function(3)), ("[[D", .function(4)), ("[[E", .function(5)),
        // Keypad in application mode.
        ("OM", .enter), ("Op", .character("0")), ("Oy", .character("9")), ("Ok", .character("+")), ("OX", .character("=")),
    ]

    @Test(arguments: sequences)
    func everyListedSequenceIsOneKey(body: String, key: Key) {
        #expect(Self.decodeAll(Self.e + body) == [.key(key)], "\\e\(body)")
        #expect(KeySequenceTable.decode(sequence: Self.e + body) == key)
    }

    static let inert: [String] = [
        "j", "1", "m", "q", "\u{7F}", "é",  // Alt-keys
        "[M 15", "[M!!!",  // X10 mouse reports (SGR ones are decoded: see KeyInputDecoderMouseTests)
        "[<0;0;5M", "[<0;30;0M", "[<0;30M", "[<0;30;5;1M", "[<;30;5M", "[<0;3:;5M", "[<0;30;5X", "[<35;30;5M",  // malformed SGR
        "[<66;30;5M", "[<64;30;5m", "[<128;3;5M", "[<0;9999999;5M", "[<999;1;1M", "[<-1;3;5M",
        "[99;99~", "[1;3A", "[1;9D", "[3;3~", "[200~", "[I", "[O", "[?1;2c", "[106;5u", "[27;5;106~", "[E", "[G",
        "Oz", "O3H", "[[Z", "\u{1B}[A", "\u{1B}OP", "\u{1B}j", "[", "O", "[1;", "[M ",  // Alt-prefixed, unfinished
    ]

    @Test(arguments: inert)
    func otherSequencesAreReadWholeAndIgnored(body: String) {
        // Followed by Up, which also ends the unfinished ones.
        let inputs = Self.decodeAll(Self.e + body + Self.e + "[A")
        #expect(inputs.count == 2, "\\e\(body): \(inputs)")
        if case .ignored = inputs.first {} else { Issue.record("\\e\(body) gave \(inputs)") }
        #expect(inputs.last == .key(.up), "the key after \\e\(body) was lost or merged: \(inputs)")
        #expect(Self.decodeAll(Self.e + body).count == 1, "\\e\(body) alone")
    }

    @Test func aLoneEscapeIsEscOnlyWhenNothingFollowsInTime() {
        var decoder = KeyInputDecoder()
        #expect(decoder.feed(0x1B).isEmpty)
        #expect(decoder.isInsideSequence)
        #expect(decoder.endOfInput() == [.key(.escape)])
        #expect(!decoder.isInsideSequence)
        #expect(decoder.endOfInput().isEmpty)
        #expect(Self.decodeAll(Self.e + Self.e) == [.key(.escape)], "Esc Esc in one read is one Esc")
        #expect(Self.decodeAll(Self.e + Self.e + Self.e) == [.key(.escape), .key(.escape)])
    }

    @Test func aControlCodeEndsASequenceAndStillActs() {
        #expect(Self.decodeAll(Self.e + "\u{03}") == [.key(.escape), .key(.controlC)])
        #expect(Self.decodeAll(Self.e + "[12\u{03}") == [.ignored(Self.e + "[12"), .key(.controlC)])
        #expect(Self.decodeAll(Self.e + "[1" + Self.e + "[4~") == [.ignored(Self.e + "[1"), .key(.end)])
        #expect(Self.decodeAll(Self.e + "O\u{1A}") == [.ignored(Self.e + "O"), .suspend])
        #expect(Self.decodeAll(Self.e + "\r") == [.key(.escape), .key(.enter)])
    }

    @Test func plainCharactersAndControlCodes() {
        let inputs = Self.decodeAll("a\u{03}\u{7F}\u{08}\t\r\n\u{1A}é🙂\u{01}\u{85}")
        #expect(inputs == [
            .key(.character("a")), .key(.controlC), .key(.backspace), .key(.backspace), .key(.tab), .key(.enter),
            .key(.enter), .suspend, .key(.character("é")), .key(.character("🙂")), .ignored("\u{01}"), .ignored("\u{85}"),
        ])
    }

    /// Feeds raw bytes and ends the input.
    static func decodeBytes(_ bytes: [UInt8]) -> [KeyInput] {
        var decoder = KeyInputDecoder()
        let inputs = bytes.flatMap { decoder.feed($0) } + decoder.endOfInput()
        #expect(!decoder.isInsideSequence)
        return inputs
    }

    @Test func invalidUTF8NeverSwallowsTheKeysAfterIt() {
        let q = KeyInput.key(.character("q"))
        #expect(Self.decodeBytes([0xFF, 0x71]) == [.ignored("\\xFF"), q])
        #expect(Self.decodeBytes([0xE4, 0x71]) == [.ignored("\\xE4"), q])
        #expect(Self.decodeBytes([0xF0, 0x9F, 0x1B]) == [.ignored("\\xF0\\x9F"), .key(.escape)])
        #expect(Self.decodeBytes([0xF0, 0x9F, 0x03]) == [.ignored("\\xF0\\x9F"), .key(.controlC)])
        #expect(Self.decodeBytes([0x80, 0xBF, 0x71]) == [.ignored("\\x80"), .ignored("\\xBF"), q])
        #expect(Self.decodeBytes([0xC0, 0xAF]) == [.ignored("\\xC0"), .ignored("\\xAF")], "overlong /")
        #expect(Self.decodeBytes([0xE0, 0x80, 0xAF]) == [.ignored("\\xE0\\x80\\xAF")], "overlong /")
        #expect(Self.decodeBytes([0xED, 0xA0, 0x80]) == [.ignored("\\xED\\xA0\\x80")], "a surrogate")
        #expect(Self.decodeBytes([0xF4, 0x90, 0x80, 0x80]) == [.ignored("\\xF4\\x90\\x80\\x80")], "above U+10FFFF")
        #expect(Self.decodeBytes([0xE4, 0xB8]) == [.ignored("\\xE4\\xB8")], "cut off by the end of input")
        #expect(Self.decodeBytes([0xE4, 0xB8, 0xAD]) == [.key(.character("中"))])
        // Inside a sequence: after ESC an Alt-key; elsewhere it ends the sequence.
        #expect(Self.decodeBytes([0x1B, 0xFF, 0x71]).count == 2)
        #expect(Self.decodeBytes([0x1B, 0x5B, 0x31, 0xFF, 0x71]) == [.ignored(Self.e + "[1"), .ignored("\\xFF"), q])
        // X10 mouse coordinates are raw bytes.
        #expect(Self.decodeBytes([0x1B, 0x5B, 0x4D, 0x20, 0xE0, 0xFF, 0x71]) == [.ignored(Self.e + "[M \u{E0}\u{FF}"), q])
    }

    @Test func anOverlongSequenceIsReadToItsEndAndIgnored() {
        let body = "[" + String(repeating: "1;", count: 500) + "5~"
        let inputs = Self.decodeAll(Self.e + body + "x")
        #expect(inputs.count == 2)
        #expect(inputs.last == .key(.character("x")))
        if case .ignored(let text) = inputs.first { #expect(text.unicodeScalars.count <= KeyInputDecoder.maximumLength) }
    }

    @Test func theTerminalsOwnTerminfoStringsComeFirst() {
        let terminfo = [Self.e + "[1~": Key.end, Self.e + "Ow": Key.function(9)]
        #expect(Self.decodeAll(Self.e + "[1~", terminfo: terminfo) == [.key(.end)])
        #expect(Self.decodeAll(Self.e + "Ow", terminfo: terminfo) == [.key(.function(9))])
        #expect(Self.decodeAll(Self.e + "[4~", terminfo: terminfo) == [.key(.end)])
    }
}

/// SGR 1006 mouse reports: read whole, decoded into a ``MouseEvent`` (cells from 0); malformed ones
/// ignored whole; none ever splits into keys.
@Suite struct KeyInputDecoderMouseTests {
    static let e = "\u{1B}"

    static let reports: [(String, MouseEvent)] = [
        ("[<0;30;5M", MouseEvent(.press, x: 29, y: 4)),
        ("[<0;30;5m", MouseEvent(.release, x: 29, y: 4)),
        ("[<2;1;1M", MouseEvent(.press, button: 2, x: 0, y: 0)),
        ("[<32;31;6M", MouseEvent(.drag, x: 30, y: 5)),
        ("[<34;31;6M", MouseEvent(.drag, button: 2, x: 30, y: 5)),
        ("[<64;30;5M", MouseEvent(.wheelUp, x: 29, y: 4)),
        ("[<65;1;24M", MouseEvent(.wheelDown, x: 0, y: 23)),
        ("[<16;300;200M", MouseEvent(.press, x: 299, y: 199)),  // Ctrl-click: the modifier is dropped
        ("[<68;2;2M", MouseEvent(.wheelUp, x: 1, y: 1)),  // Shift-wheel
    ]

    @Test(arguments: reports)
    func reportsBecomeMouseEvents(body: String, event: MouseEvent) {
        #expect(KeyInputDecoderTests.decodeAll(Self.e + body) == [.mouse(event)], "\\e\(body)")
        #expect(MouseEvent(sgr: Self.e + body) == event)
    }

    @Test func aReportBetweenKeysLeavesThemAlone() {
        let inputs = KeyInputDecoderTests.decodeAll("j" + Self.e + "[<0;10;3M" + Self.e + "[<0;10;3m" + "k")
        #expect(inputs == [.key(.character("j")), .mouse(MouseEvent(.press, x: 9, y: 2)), .mouse(MouseEvent(.release, x: 9, y: 2)),
                           .key(.character("k"))])
    }

    @Test func aCutOffReportIsIgnoredAndTheKeyAfterItArrives() {
        // A control code ends the report early: ignored, then the key.
        #expect(KeyInputDecoderTests.decodeAll(Self.e + "[<0;10\u{03}") == [.ignored(Self.e + "[<0;10"), .key(.controlC)])
        // The escape delay passes in the middle: ignored.
        #expect(KeyInputDecoderTests.decodeAll(Self.e + "[<64;1") == [.ignored(Self.e + "[<64;1")])
    }

    @Test func randomReportsNeverTrap() {
        var random = SplitMix64(seed: 0x30_05E)
        // Parameter and intermediate bytes only (a letter would end the sequence, as in any CSI).
        let pieces = ["<", ";", "0", "1", "9", "64", "32", "-", ":", " ", "99999999999999999999", ""]
        for _ in 0..<3000 {
            let body = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let sequence = Self.e + "[<" + body + (Bool.random(using: &random) ? "M" : "m")
            let inputs = KeyInputDecoderTests.decodeAll(sequence)
            #expect(!inputs.contains { if case .key = $0 { return true } else { return false } }, "\(sequence.debugDescription): \(inputs)")
            if let event = MouseEvent(sgr: sequence) { #expect(event.x >= 0 && event.y >= 0) }
        }
    }
}

/// Random input: strings built from random whole units (a character, an Alt-key, a CSI, SS3, Linux
/// or mouse sequence) always give exactly one input per unit; raw random bytes never leave the
/// decoder stuck and never give more inputs than characters.
@Suite struct KeyInputDecoderRandomTests {
    static func randomUnit(_ random: inout SplitMix64) -> (text: String, isSequence: Bool) {
        func scalar(_ range: ClosedRange<UInt32>) -> String {
            String(Character(Unicode.Scalar(UInt32.random(in: range, using: &random))!))
        }
        let e = "\u{1B}"
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            let parameters = (0..<Int.random(in: 0...8, using: &random)).map { _ in scalar(0x30...0x3F) }.joined()
            let intermediates = (0..<Int.random(in: 0...2, using: &random)).map { _ in scalar(0x20...0x2F) }.joined()
            var final = scalar(0x40...0x7E)
            if parameters.isEmpty && intermediates.isEmpty && (final == "[" || final == "M") { final = "A" }
            return (e + "[" + parameters + intermediates + final, true)
        case 1: return (e + "O" + (Bool.random(using: &random) ? scalar(0x31...0x38) : "") + scalar(0x40...0x7E), true)
        case 2:
            var key = scalar(0x20...0x7E)
            if key == "[" || key == "O" { key = "x" }
            return (e + key, true)
        case 3: return (e + "[[" + scalar(0x40...0x7E), true)
        case 4: return (e + "[M" + scalar(0x20...0x7E) + scalar(0x20...0x7E) + scalar(0x20...0x7E), true)
        case 5: return (e + "[<\(Int.random(in: 0...127, using: &random));\(Int.random(in: 1...300, using: &random));\(Int.random(in: 1...300, using: &random))" + (Bool.random(using: &random) ? "M" : "m"), true)
        default:
            var character = scalar(0x01...0x2FF)
            if character == e { character = "z" }
            return (character, false)
        }
    }

    @Test func randomWholeUnitsGiveOneInputEach() {
        var random = SplitMix64(seed: 0x5EED_0F_4B1D)
        for _ in 0..<2000 {
            let units = (0..<Int.random(in: 1...12, using: &random)).map { _ in Self.randomUnit(&random) }
            var decoder = KeyInputDecoder()
            var inputs: [KeyInput] = []
            for unit in units {
                let produced = decoder.feed(unit.text)
                #expect(produced.count == 1, "\(unit.text.debugDescription) gave \(produced)")
                inputs += produced
            }
            #expect(decoder.endOfInput().isEmpty)
            #expect(inputs.count == units.count)
        }
    }

    @Test func randomBytesNeverStickOrMultiply() {
        var random = SplitMix64(seed: 0xB17E5)
        for _ in 0..<2000 {
            let values = (0..<Int.random(in: 1...40, using: &random)).map { _ -> UInt8 in
                Bool.random(using: &random) ? 0x1B : UInt8.random(in: 0...0xFF, using: &random)
            }
            var decoder = KeyInputDecoder()
            let inputs = values.flatMap { decoder.feed($0) } + decoder.endOfInput()
            #expect(!decoder.isInsideSequence)
            #expect(inputs.count <= values.count, "\(values) gave \(inputs)")
        }
    }
}
