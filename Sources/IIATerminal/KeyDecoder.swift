#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@preconcurrency import CNcursesw
import IIAApp

/// What one read from curses produced.
enum TerminalInput: Equatable {
    case key(Key)
    /// A mouse report (only while mouse reporting is on).
    case mouse(MouseEvent)
    case resize
    /// Ctrl-Z (byte 26 in raw mode): suspend, as the terminal would in cooked mode.
    case suspend
}

/// Reads what the terminal sends and turns it into ``TerminalInput`` values.
///
/// Curses' keypad mode is off: it would split every sequence it does not know into Esc plus
/// characters (and leave a mouse report's bytes as characters after KEY_MOUSE). Instead each
/// byte from `wgetch` goes to a ``KeyInputDecoder``, which reads escape sequences whole and
/// decodes UTF-8 (`wget_wch` swallows the bytes after an invalid one, Esc and q included); the
/// terminal's own key strings from terminfo (`khome`, `kf1`, `kUP5`, …) are added to its table.
/// Only KEY_RESIZE still comes from curses as a key code.
struct KeyReader {
    private var decoder: KeyInputDecoder
    /// How long to wait for the rest of an escape sequence (curses' ESCDELAY, 25 ms here).
    private let escapeDelayMilliseconds: Int32

    /// A reader for the current terminal (call after curses has started).
    init() {
        decoder = KeyInputDecoder(terminfoSequences: Self.terminfoSequences())
        let delay = get_escdelay()
        escapeDelayMilliseconds = delay > 0 ? delay : 25
    }

    /// Reads until one or more inputs are complete, waiting only to finish an escape sequence.
    /// Returns nil when nothing is pending; an empty array when what was read means nothing here.
    mutating func next() -> [TerminalInput]? {
        while true {
            let value = wgetch(stdscr)
            switch value {
            case 0...255:
                let inputs = decoder.feed(UInt8(value))
                if inputs.isEmpty { continue }  // inside an escape sequence or a character
                return inputs.compactMap(Self.terminalInput)
            case KEY_RESIZE:
                return [.resize]
            case ERR:
                guard decoder.isInsideSequence else { return nil }
                if Self.waitForInput(milliseconds: escapeDelayMilliseconds) { continue }
                return decoder.endOfInput().compactMap(Self.terminalInput)
            default:
                return []  // no other key codes come with keypad mode off
            }
        }
    }

    private static func terminalInput(_ input: KeyInput) -> TerminalInput? {
        switch input {
        case .key(let key): return .key(key)
        case .mouse(let event): return .mouse(event)
        case .suspend: return .suspend
        case .ignored: return nil
        }
    }

    /// Whether stdin becomes readable within `milliseconds` (also true when a signal, such as
    /// SIGWINCH, interrupts the wait, so that curses can report it).
    private static func waitForInput(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        return ready > 0 || (ready < 0 && errno == EINTR)
    }

    /// The terminfo capabilities of the keys the explorer uses.
    static let terminfoKeys: [(capability: String, key: Key)] = [
        ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right),
        ("kri", .shiftUp), ("kind", .shiftDown), ("kLFT", .shiftLeft), ("kRIT", .shiftRight),
        ("kUP5", .controlUp), ("kDN5", .controlDown), ("kLFT5", .controlLeft), ("kRIT5", .controlRight),
        ("kpp", .pageUp), ("knp", .pageDown), ("khome", .home), ("kend", .end),
        ("kich1", .insert), ("kdch1", .delete), ("kcbt", .backTab), ("kent", .enter),
    ] + (1...12).map { ("kf\($0)", Key.function($0)) }

    /// The current terminal's escape sequences for ``terminfoKeys`` (those it defines and that start with ESC).
    static func terminfoSequences() -> [String: Key] {
        var sequences: [String: Key] = [:]
        for (capability, key) in terminfoKeys {
            guard let pointer = tigetstr(capability), Int(bitPattern: pointer) != -1 else { continue }
            let sequence = String(cString: pointer)
            if sequence.count >= 2, sequence.first == "\u{1B}" { sequences[sequence] = key }
        }
        return sequences
    }
}
