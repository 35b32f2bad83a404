/// One thing the terminal sent, decoded by ``KeyInputDecoder``.
public enum KeyInput: Hashable, Sendable {
    case key(Key)
    /// A mouse report (SGR 1006), read whole.
    case mouse(MouseEvent)
    /// Ctrl-Z: the adapter suspends the program, as the shell would.
    case suspend
    /// A whole sequence that is no key here (Alt-key, X10 or malformed mouse report, unknown key, control code),
    /// read to its end so that none of its characters act as keys.
    case ignored(String)
}

/// Turns the characters a terminal sends into keys, reading every escape sequence whole.
///
/// Pure: the adapter feeds it each byte it reads (``feed(_:)-(UInt8)``) and calls ``endOfInput()``
/// when nothing more arrived within the escape delay while ``isInsideSequence``. UTF-8 is decoded
/// here too, so that an invalid byte never swallows the keys after it.
///
/// The grammar after ESC:
/// - CSI `ESC [`, parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E
///   (this includes SGR mouse reports `ESC [ < b ; x ; y M`, decoded as ``MouseEvent``);
/// - the Linux console's `ESC [ [` + one byte; X10 mouse reports `ESC [ M` + three bytes;
/// - SS3 `ESC O`, optional parameter bytes, one final byte;
/// - `ESC ESC` + any of these: Alt with that key (rxvt), ignored;
/// - ESC + any other printable character: an Alt-key, ignored;
/// - ESC followed by nothing within the escape delay, or by a control code: the Esc key.
/// A byte that cannot continue a sequence ends it (the sequence so far is ignored) and is then
/// read on its own, so Ctrl-C inside a broken sequence still arrives.
/// Complete sequences become keys through the terminfo table given at creation, then
/// ``KeySequenceTable``; all others are ignored. No sequence ever yields more than one key.
public struct KeyInputDecoder: Sendable {
    enum State: Hashable, Sendable {
        case idle
        /// After ESC (or ESC ESC).
        case escape
        /// After `ESC [`, before any other byte.
        case controlSequenceStart
        case controlSequence
        /// After `ESC [ [`.
        case linuxFunctionKey
        /// After `ESC [ M`: this many bytes still to come.
        case x10Mouse(remaining: Int)
        /// After `ESC O`.
        case singleShift
    }

    /// The longest sequence kept; longer ones are read to their end and ignored.
    static let maximumLength = 64
    static let escapeCode: UInt32 = 0x1B

    private var state = State.idle
    private var utf8 = UTF8Assembler()
    private var sequence = ""
    private var length = 0
    private let terminfoSequences: [String: Key]

    /// A decoder that also knows `terminfoSequences` (the terminal's own key strings, from its
    /// terminfo entry); they take precedence over ``KeySequenceTable``.
    public init(terminfoSequences: [String: Key] = [:]) {
        self.terminfoSequences = terminfoSequences
    }

    /// Whether an escape sequence has begun and not ended: the adapter then waits the escape
    /// delay for more and calls ``endOfInput()`` if nothing comes.
    public var isInsideSequence: Bool { state != .idle || utf8.isPending }

    /// Reads one byte from the terminal and returns what it completed: nothing while inside a
    /// sequence or character, one input, or more when a byte that cannot continue a sequence
    /// ends it.
    public mutating func feed(_ byte: UInt8) -> [KeyInput] {
        if case .x10Mouse = state, !utf8.isPending {
            return feed(scalar: UInt32(byte))  // X10 coordinates are raw bytes, not UTF-8
        }
        return utf8.feed(byte).flatMap { step -> [KeyInput] in
            switch step {
            case .pending: return []
            case .scalar(let value): return feed(scalar: value)
            case .invalid(let bytes): return invalid(bytes)
            }
        }
    }

    /// Feeds the UTF-8 bytes of `text` (for tests and pasted text).
    public mutating func feed(_ text: String) -> [KeyInput] {
        text.utf8.flatMap { feed($0) }
    }

    /// Nothing more arrived within the escape delay: ends the sequence in progress (a lone ESC
    /// is the Esc key; an unfinished sequence or character is ignored).
    public mutating func endOfInput() -> [KeyInput] {
        var inputs: [KeyInput] = []
        if utf8.isPending, case .invalid(let bytes) = utf8.abandon() { inputs += invalid(bytes) }
        if state != .idle { inputs.append(complete()) }
        return inputs
    }

    /// Reads one Unicode scalar.
    mutating func feed(scalar value: UInt32) -> [KeyInput] {
        switch state {
        case .idle:
            if value == Self.escapeCode {
                begin()
                return []
            }
            return [Self.decode(character: value)]
        case .escape:
            return afterEscape(value)
        case .controlSequenceStart:
            if value == 0x5B { return append(value, then: .linuxFunctionKey) }
            if value == 0x4D { return append(value, then: .x10Mouse(remaining: 3)) }
            return continueControlSequence(value)
        case .controlSequence:
            return continueControlSequence(value)
        case .linuxFunctionKey:
            return (0x40...0x7E).contains(value) ? finish(with: value) : interrupt(by: value)
        case .x10Mouse(let remaining):
            guard value >= 0x20 else { return interrupt(by: value) }
            return remaining > 1 ? append(value, then: .x10Mouse(remaining: remaining - 1)) : finish(with: value)
        case .singleShift:
            if (0x30...0x3F).contains(value) { return append(value, then: .singleShift) }
            return (0x40...0x7E).contains(value) ? finish(with: value) : interrupt(by: value)
        }
    }

    // MARK: Private

    /// Bytes that are no character: after ESC they make an Alt-key; they end any other sequence.
    private mutating func invalid(_ bytes: [UInt8]) -> [KeyInput] {
        let text = bytes.map { "\\x" + ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
        switch state {
        case .idle: return [.ignored(text)]
        case .escape: return finish(with: 0xFFFD)
        default: return [complete(), .ignored(text)]
        }
    }

    private mutating func begin() {
        state = .escape
        sequence = "\u{1B}"
        length = 1
    }

    private mutating func afterEscape(_ value: UInt32) -> [KeyInput] {
        switch value {
        case 0x5B: return append(value, then: .controlSequenceStart)
        case 0x4F: return append(value, then: .singleShift)
        case Self.escapeCode where length == 1: return append(value, then: .escape)
        case 0..<0x20: return interrupt(by: value)  // includes a third ESC
        default: return finish(with: value)  // Alt-key
        }
    }

    private mutating func continueControlSequence(_ value: UInt32) -> [KeyInput] {
        switch value {
        case 0x20...0x3F: return append(value, then: .controlSequence)
        case 0x40...0x7E: return finish(with: value)
        default: return interrupt(by: value)
        }
    }

    private mutating func append(_ value: UInt32, then next: State) -> [KeyInput] {
        if length < Self.maximumLength {
            sequence.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        length += 1
        state = next
        return []
    }

    private mutating func finish(with value: UInt32) -> [KeyInput] {
        _ = append(value, then: state)
        return [complete()]
    }

    /// `value` cannot continue the sequence: the sequence ends before it, and it is read on its own.
    private mutating func interrupt(by value: UInt32) -> [KeyInput] {
        [complete()] + feed(scalar: value)
    }

    /// Decodes the sequence read so far and returns to idle.
    private mutating func complete() -> KeyInput {
        defer {
            state = .idle
            sequence = ""
            length = 0
        }
        if sequence == "\u{1B}" || sequence == "\u{1B}\u{1B}" { return .key(.escape) }
        if length <= Self.maximumLength, sequence.hasPrefix("\u{1B}[<") {
            return MouseEvent(sgr: sequence).map(KeyInput.mouse) ?? .ignored(sequence)
        }
        guard length <= Self.maximumLength, let key = terminfoSequences[sequence] ?? KeySequenceTable.decode(sequence: sequence)
        else { return .ignored(sequence) }
        return .key(key)
    }

    /// A character outside any sequence: a control code or a printable character.
    static func decode(character value: UInt32) -> KeyInput {
        switch value {
        case 3: return .key(.controlC)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 18: return .key(.controlR)
        case 26: return .suspend
        case 0..<0x20, 0x80..<0xA0:
            return .ignored(String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}"))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored("\u{FFFD}") }
            return .key(.character(Character(scalar)))
        }
    }
}
