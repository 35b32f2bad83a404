/// How a chart's furniture is drawn: the glyph set, and the styles of axes and titles.
public struct ChartAppearance: Hashable, Sendable {
    /// ASCII characters only: no braille dots, no box drawing.
    public var ascii: Bool
    /// Axes, ticks and tick labels.
    public var axis: CellStyle
    /// Titles (the y title before the legend, the x title).
    public var title: CellStyle

    public init(ascii: Bool = false, axis: CellStyle = .plain, title: CellStyle = CellStyle(bold: true)) {
        self.ascii = ascii
        self.axis = axis
        self.title = title
    }

    /// Dots per cell across and down: 2 x 4 with braille, 1 x 1 in ASCII.
    public var dotsPerCell: (x: Int, y: Int) { ascii ? (1, 1) : (2, 4) }
}
