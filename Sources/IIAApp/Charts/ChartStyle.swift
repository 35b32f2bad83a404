/// How charts are drawn: glyph set and colour.
public struct ChartStyle: Hashable, Sendable {
    /// Plot with ASCII characters instead of braille dots and box drawing.
    public var ascii: Bool
    /// Use colour (a fixed colour per algorithm); without it series differ by glyph only.
    public var color: Bool

    public init(ascii: Bool = false, color: Bool = true) {
        self.ascii = ascii
        self.color = color
    }
}
