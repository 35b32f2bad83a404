/// A terminal colour: the default colour, or one of the 256 xterm palette entries.
///
/// Entries 0–7 are the eight basic ANSI colours, so a terminal with only eight colours can
/// show them as they are; higher entries are mapped down by ``TerminalColor/basic``.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case palette(UInt8)

    /// The nearest of the eight basic colours, for terminals that have no more.
    public var basic: TerminalColor {
        switch self {
        case .default: return .default
        case .palette(let index) where index < 8: return self
        case .palette(let index) where index < 16: return .palette(index - 8)
        case .palette(let index) where index >= 232:
            return index >= 244 ? .palette(7) : .palette(0)
        case .palette(let index):
            // 6x6x6 cube: pick the basic colour from which channels are bright.
            let cube = Int(index) - 16
            let r = cube / 36, g = (cube / 6) % 6, b = cube % 6
            let bit = { (channel: Int) in channel >= 3 ? 1 : 0 }
            let code = bit(r) | (bit(g) << 1) | (bit(b) << 2)
            return .palette(UInt8(code == 0 ? 0 : code))
        }
    }
}

/// Text attributes of a cell.
public struct CellStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default,
        bold: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
    }

    /// No colour, no attributes.
    public static let plain = CellStyle()
}

/// One character cell of the screen: a single-width character and its style.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: CellStyle

    public init(_ character: Character = " ", style: CellStyle = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()
}

/// A rectangle of cells, in buffer coordinates (column `x`, row `y`).
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// A row-major grid of cells: what every chart and screen renders into, and what the
/// terminal adapter and the exporters (text, ANSI, SVG) read.
///
/// Writes outside the grid are ignored, so renderers never need to clip by hand.
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    /// A buffer of `width` x `height` blank cells (negative sizes count as zero).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`, or a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (`x`, `y`) to the right, one cell per character, clipped to the
    /// buffer and, when given, to `clip`. Returns the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, clip: Rect? = nil) -> Int {
        var column = x
        for character in text {
            if let clip, !(column >= clip.x && column < clip.maxX && y >= clip.y && y < clip.maxY) {
                column += 1
                continue
            }
            self[column, y] = Cell(character, style: style)
            column += 1
        }
        return column
    }

    /// Fills `rect` with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        guard !rect.isEmpty else { return }
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) {
                cells[row * width + column] = cell
            }
        }
    }

    /// The characters of row `y`, without styles.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        return String(cells[(y * width)..<((y + 1) * width)].map(\.character))
    }

    /// All rows as plain text, one line per row, trailing spaces kept.
    public var lines: [String] { (0..<height).map(line) }
}
