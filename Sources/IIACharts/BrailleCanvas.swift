/// Braille dot patterns: a cell holds 2 x 4 dots, each a bit of U+2800 + bits.
public enum Braille {
    /// The first braille character (no dots).
    public static let base: UInt32 = 0x2800

    /// The bit of dot (`x` in 0...1, `y` in 0...3 from the top) in a braille cell.
    ///
    /// Dots 1–3 are the left column's top three (bits 0–2), dots 4–6 the right column's
    /// (bits 3–5), dots 7 and 8 the bottom left and bottom right (bits 6 and 7).
    public static func bit(x: Int, y: Int) -> UInt8 {
        switch (x, y) {
        case (0, 0): return 0x01
        case (0, 1): return 0x02
        case (0, 2): return 0x04
        case (1, 0): return 0x08
        case (1, 1): return 0x10
        case (1, 2): return 0x20
        case (0, 3): return 0x40
        case (1, 3): return 0x80
        default: return 0
        }
    }

    /// The braille character with the given dot bits.
    public static func character(_ bits: UInt8) -> Character {
        Character(Unicode.Scalar(base + UInt32(bits))!)
    }

    /// The dot bits of a braille character, or nil for any other character.
    public static func bits(of character: Character) -> UInt8? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
              scalar.value >= base, scalar.value <= base + 0xFF else { return nil }
        return UInt8(scalar.value - base)
    }
}

/// A plotting surface over a block of cells, addressed in "dots": 2 x 4 per cell with braille,
/// one per cell in ASCII mode (where each dot is drawn as the series' glyph).
///
/// Braille dots of different series sharing a cell are all shown (the cell takes the colour of
/// the last one drawn); in ASCII mode the last glyph drawn wins.
public struct DotCanvas: Sendable {
    /// Size in cells.
    public let columns: Int
    public let rows: Int
    /// Braille dots (else one ASCII glyph per cell).
    public let braille: Bool
    private(set) var bits: [UInt8]
    private(set) var glyphs: [Character?]
    private(set) var styles: [CellStyle?]

    /// An empty canvas of `columns` x `rows` cells.
    public init(columns: Int, rows: Int, braille: Bool) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.braille = braille
        let count = self.columns * self.rows
        bits = Array(repeating: 0, count: count)
        glyphs = Array(repeating: nil, count: count)
        styles = Array(repeating: nil, count: count)
    }

    /// Dots per cell horizontally and vertically.
    public var dotsPerCell: (x: Int, y: Int) { braille ? (2, 4) : (1, 1) }
    /// The canvas's size in dots.
    public var dotWidth: Int { columns * dotsPerCell.x }
    public var dotHeight: Int { rows * dotsPerCell.y }

    /// Sets one dot; `glyph` is what ASCII mode shows for it.
    public mutating func set(_ x: Int, _ y: Int, glyph: Character, style: CellStyle) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let (sx, sy) = dotsPerCell
        let index = (y / sy) * columns + x / sx
        if braille { bits[index] |= Braille.bit(x: x % sx, y: y % sy) } else { glyphs[index] = glyph }
        styles[index] = style
    }

    /// A straight line between two dot positions; `draw(step)` decides per step whether the dot
    /// is set (for dashed and dotted lines), `phase` carries the step count across segments.
    public mutating func line(
        from a: (x: Double, y: Double), to b: (x: Double, y: Double), glyph: Character, style: CellStyle,
        phase: inout Int, draw: (Int) -> Bool = { _ in true }
    ) {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return }
        // Clamp far-away points, and snap to 1e-6 first so values a rounding error either side of
        // a half dot (a constant 1/2 on an even number of dots) all land on the same dot.
        let limit = Double(1 << 20)
        func dot(_ v: Double) -> Int { Int(((max(-limit, min(limit, v)) * 1e6).rounded() / 1e6).rounded()) }
        var x0 = dot(a.x), y0 = dot(a.y)
        let x1 = dot(b.x), y1 = dot(b.y)
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1
        var error = dx + dy
        var first = true
        while true {
            // The first dot of a segment is the last of the previous one: do not count it twice.
            if !(first && phase > 0) {
                if draw(phase) { set(x0, y0, glyph: glyph, style: style) }
                phase += 1
            }
            first = false
            if x0 == x1 && y0 == y1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x0 += stepX }
            if doubled <= dx { error += dx; y0 += stepY }
        }
    }

    /// Whether the cell at (`column`, `row`) has anything drawn.
    public func isSet(column: Int, row: Int) -> Bool {
        guard column >= 0, row >= 0, column < columns, row < rows else { return false }
        return styles[row * columns + column] != nil
    }

    /// Copies the drawn cells into `buffer` with the canvas's top-left at (`x`, `y`); a cell keeps
    /// its existing background when the dot's style has none.
    public func blit(into buffer: inout CellBuffer, x: Int, y: Int) {
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                guard var style = styles[index] else { continue }
                let character: Character
                if braille { character = Braille.character(bits[index]) } else { character = glyphs[index] ?? " " }
                if style.background == .default { style.background = buffer[x + column, y + row].style.background }
                buffer[x + column, y + row] = Cell(character, style: style)
            }
        }
    }
}
