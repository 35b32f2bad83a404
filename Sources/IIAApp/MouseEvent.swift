/// A mouse report from the terminal (xterm's SGR 1006 encoding), decoded by ``KeyInputDecoder``.
///
/// Cells are counted from 0 at the top left, like ``IIACharts/CellBuffer``'s.
public struct MouseEvent: Hashable, Sendable, Codable {
    /// What the mouse did.
    public enum Action: String, Hashable, Sendable, Codable {
        /// A button went down.
        case press
        /// The mouse moved with a button held down.
        case drag
        /// A button came up.
        case release
        /// The wheel turned away from the user (up) or towards the user (down).
        case wheelUp, wheelDown
    }

    public var action: Action
    /// The button: 0 left, 1 middle, 2 right (0 for the wheel).
    public var button: Int
    /// The cell's column and row, from 0.
    public var x: Int
    public var y: Int

    public init(_ action: Action, button: Int = 0, x: Int, y: Int) {
        self.action = action
        self.button = button
        self.x = x
        self.y = y
    }

    /// The largest coordinate accepted; larger ones make the report malformed.
    static let largestCoordinate = 100_000

    /// Decodes a whole SGR report `ESC [ < b ; x ; y M` (press, drag, wheel) or `… m` (release);
    /// nil when it is malformed (not three whole numbers, a coordinate of 0 or too large) or
    /// reports what the explorer has no use for (motion without a button, horizontal wheel).
    ///
    /// `b` holds the button in its low two bits, Shift (4), Meta (8) and Ctrl (16) as modifiers
    /// (ignored here), 32 for motion and 64 for the wheel.
    public init?(sgr sequence: String) {
        var body = Substring(sequence)
        guard body.hasPrefix("\u{1B}[<"), let final = body.popLast(), final == "M" || final == "m" else { return nil }
        body = body.dropFirst(3)
        let fields = body.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3,
            fields.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { ("0"..."9").contains($0) } }),
            let code = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]),
            (1...Self.largestCoordinate).contains(column), (1...Self.largestCoordinate).contains(row), code < 256
        else { return nil }
        let low = code & 3
        let action: Action
        if code & 64 != 0 {
            guard final == "M", low <= 1, code & 32 == 0 else { return nil }
            action = low == 0 ? .wheelUp : .wheelDown
        } else if code & 128 != 0 || low == 3 {
            return nil  // extra buttons, or motion with no button held
        } else if final == "m" {
            action = .release
        } else {
            action = code & 32 != 0 ? .drag : .press
        }
        self.init(action, button: action == .wheelUp || action == .wheelDown ? 0 : low, x: column - 1, y: row - 1)
    }
}
