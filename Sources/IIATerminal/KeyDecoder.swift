@preconcurrency import CNcursesw
import IIAApp

/// What one read from curses produced.
enum TerminalInput: Equatable {
    case key(Key)
    case resize
    /// Ctrl-Z (byte 26 in raw mode): suspend, as the terminal would in cooked mode.
    case suspend
}

/// Turns what `wget_wch` returns into ``Key`` values.
enum KeyDecoder {
    /// Decodes a character read with status `OK` (a wide character, possibly a control code).
    static func decode(character value: UInt32) -> TerminalInput? {
        switch value {
        case 3: return .key(.controlC)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 26: return .suspend
        case 27: return .key(.escape)
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// Decodes a function key read with status `KEY_CODE_YES`.
    static func decode(functionKey code: Int32) -> TerminalInput? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_SR: return .key(.shiftUp)
        case KEY_SF: return .key(.shiftDown)
        case KEY_SLEFT: return .key(.shiftLeft)
        case KEY_SRIGHT: return .key(.shiftRight)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        default: return nil
        }
    }

    /// Reads one input without waiting (the window is in nodelay mode).
    /// Returns nil when nothing is pending; `.some(nil)` for input that maps to no key.
    static func readPending() -> TerminalInput?? {
        var value: wint_t = 0
        let status = wget_wch(stdscr, &value)
        switch status {
        case OK: return .some(decode(character: UInt32(value)))
        case KEY_CODE_YES: return .some(decode(functionKey: Int32(bitPattern: UInt32(value))))
        default: return nil
        }
    }
}
