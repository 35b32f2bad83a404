import IIACharts

/// How charts are drawn: glyph set and colours (a ``Theme``).
public struct ChartStyle: Hashable, Sendable {
    /// Plot with ASCII characters instead of braille dots and box drawing.
    public var ascii: Bool
    /// The colours by role; without colour (``ColorMode/none``) series differ by glyph only.
    public var theme: Theme

    /// The dark theme in 256 colours, or without colour.
    public init(ascii: Bool = false, color: Bool = true) {
        self.init(ascii: ascii, theme: Theme.resolve(.dark, color ? .palette256 : .none))
    }

    /// Any theme (see ``Theme/resolve(_:_:)``).
    public init(ascii: Bool, theme: Theme) {
        self.ascii = ascii
        self.theme = theme
    }

    /// Whether the theme has colours.
    public var color: Bool { theme.colorMode != .none }
}
