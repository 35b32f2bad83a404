/// The escape sequences that xterm, screen/tmux, rxvt and the Linux console send for keys, as a
/// pure function from a whole sequence to a ``Key``.
///
/// Covered (ESC written `\e`; both cursor-key modes, normal `\e[A` and application `\eOA`):
/// - arrows `\e[A`…`\e[D`, `\eOA`…`\eOD`; with xterm modifiers `\e[1;<m>A` (2 Shift, 5 Ctrl, 6 Ctrl-Shift);
///   rxvt Shift-arrows `\e[a`…`\e[d` and Ctrl-arrows `\eOa`…`\eOd`;
/// - Home `\e[1~ \e[7~ \e[H \eOH`, End `\e[4~ \e[8~ \e[F \eOF`, Insert `\e[2~`, Delete `\e[3~`,
///   PgUp `\e[5~`, PgDn `\e[6~`, Shift-Tab `\e[Z`; rxvt's Shift/Ctrl forms ending in `$ ^ @`;
/// - F1-F12: `\eOP`…`\eOS`, `\e[11~`…`\e[15~`, `\e[17~`…`\e[21~`, `\e[23~ \e[24~`, xterm's `\e[1;<m>P`,
///   the Linux console's `\e[[A`…`\e[[E`; keypad Enter `\eOM` and keypad characters `\eOj`…`\eOy`.
///
/// Modifiers: Shift and Ctrl make the Shift- and Ctrl-arrows; on other keys they are dropped
/// (Ctrl-Home is Home). Any combination with Alt or Meta is no key (nil), like every sequence not
/// listed (mouse reports, focus events, unknown keys).
public enum KeySequenceTable {
    static let escape: Character = "\u{1B}"

    /// The key a whole escape sequence (starting with ESC) stands for, or nil when it means nothing here.
    public static func decode(sequence: String) -> Key? {
        var rest = Substring(sequence)
        guard rest.popFirst() == escape, let introducer = rest.popFirst(), let final = rest.popLast() else { return nil }
        switch introducer {
        case "[" where rest == "[":
            return linuxFunctionKeys[final]
        case "[":
            guard let parameters = numbers(rest) else { return nil }
            return decodeCSI(parameters: parameters, final: final)
        case "O":
            // SS3, in xterm's old form also with a modifier digit: \eO5A.
            guard let parameters = numbers(rest), parameters.count <= 1 else { return nil }
            return decodeSS3(modifier: parameters.first ?? 1, final: final)
        default:
            return nil
        }
    }

    // MARK: CSI

    static func decodeCSI(parameters: [Int], final: Character) -> Key? {
        if let direction = arrows[final] {
            guard let modifier = cursorKeyModifier(parameters) else { return nil }
            return arrow(direction, modifier: modifier)
        }
        if let key = rxvtShiftArrows[final], parameters.isEmpty { return key }
        switch final {
        case "H", "F":
            guard let modifier = cursorKeyModifier(parameters) else { return nil }
            return plain(final == "H" ? .home : .end, modifier: modifier)
        case "P", "Q", "R", "S":
            guard let modifier = cursorKeyModifier(parameters) else { return nil }
            return plain(ss3FunctionKeys[final], modifier: modifier)
        case "Z":
            return parameters.isEmpty ? .backTab : nil
        case "~":
            guard let number = parameters.first, parameters.count <= 2 else { return nil }
            return plain(tildeKeys[number], modifier: parameters.count == 2 ? parameters[1] : 1)
        case "$", "^", "@":
            // rxvt: the same numbers as `~`, with Shift ($), Ctrl (^) or Ctrl-Shift (@).
            guard parameters.count == 1 else { return nil }
            return plain(tildeKeys[parameters[0]], modifier: final == "$" ? 2 : final == "^" ? 5 : 6)
        default:
            return nil
        }
    }

    /// The modifier of `\e[A`, `\e[1A` or `\e[1;5A` (1 when none), nil for any other parameters.
    static func cursorKeyModifier(_ parameters: [Int]) -> Int? {
        switch parameters.count {
        case 0: return 1
        case 1: return parameters[0] == 1 ? 1 : nil
        case 2: return parameters[0] == 1 ? parameters[1] : nil
        default: return nil
        }
    }

    // MARK: SS3

    static func decodeSS3(modifier: Int, final: Character) -> Key? {
        if let direction = arrows[final] { return arrow(direction, modifier: modifier) }
        if let direction = rxvtControlArrows[final] { return modifier == 1 ? arrow(direction, modifier: 5) : nil }
        switch final {
        case "H": return plain(.home, modifier: modifier)
        case "F": return plain(.end, modifier: modifier)
        case "P", "Q", "R", "S": return plain(ss3FunctionKeys[final], modifier: modifier)
        case "M": return plain(.enter, modifier: modifier)
        default: return plain(keypadCharacters[final].map { .character($0) }, modifier: modifier)
        }
    }

    // MARK: Modifiers

    enum Direction { case up, down, left, right }

    /// The arrow with xterm's modifier parameter `1 + Shift + 2·Alt + 4·Ctrl + 8·Meta`.
    static func arrow(_ direction: Direction, modifier: Int) -> Key? {
        guard let (shift, control) = shiftAndControl(modifier) else { return nil }
        switch direction {
        case .up: return control ? .controlUp : shift ? .shiftUp : .up
        case .down: return control ? .controlDown : shift ? .shiftDown : .down
        case .left: return control ? .controlLeft : shift ? .shiftLeft : .left
        case .right: return control ? .controlRight : shift ? .shiftRight : .right
        }
    }

    /// `key` when the modifier has no Alt or Meta (Shift and Ctrl are dropped), else nil.
    static func plain(_ key: Key?, modifier: Int) -> Key? {
        shiftAndControl(modifier) == nil ? nil : key
    }

    /// Shift and Ctrl of a modifier parameter; nil when it is out of range or includes Alt or Meta.
    static func shiftAndControl(_ modifier: Int) -> (shift: Bool, control: Bool)? {
        guard (1...16).contains(modifier) else { return nil }
        let bits = modifier - 1
        guard bits & 0b1010 == 0 else { return nil }
        return (bits & 1 != 0, bits & 4 != 0)
    }

    // MARK: Tables

    /// Parameters "1;5" as numbers (an empty field is 1, the default); nil unless only digits and `;`.
    static func numbers(_ text: Substring) -> [Int]? {
        guard !text.isEmpty else { return [] }
        guard text.allSatisfy({ $0 == ";" || ("0"..."9").contains($0) }), text.count <= 12 else { return nil }
        return text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 1 }
    }

    static let arrows: [Character: Direction] = ["A": .up, "B": .down, "C": .right, "D": .left]
    static let rxvtShiftArrows: [Character: Key] = ["a": .shiftUp, "b": .shiftDown, "c": .shiftRight, "d": .shiftLeft]
    static let rxvtControlArrows: [Character: Direction] = ["a": .up, "b": .down, "c": .right, "d": .left]
    static let ss3FunctionKeys: [Character: Key] = ["P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4)]
    static let linuxFunctionKeys: [Character: Key] = [
        "A": .function(1), "B": .function(2), "C": .function(3), "D": .function(4), "E": .function(5),
    ]
    /// `\e[<n>~`: the VT220 editing keys and function keys (rxvt: 7 and 8 are Home and End).
    static let tildeKeys: [Int: Key] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]
    /// The numeric keypad in application mode: `\eOp` is 0, `\eOk` is +, and so on.
    static let keypadCharacters: [Character: Character] = [
        "j": "*", "k": "+", "l": ",", "m": "-", "n": ".", "o": "/", "X": "=",
        "p": "0", "q": "1", "r": "2", "s": "3", "t": "4", "u": "5", "v": "6", "w": "7", "x": "8", "y": "9",
    ]
}
