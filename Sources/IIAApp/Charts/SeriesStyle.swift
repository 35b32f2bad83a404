import IIACharts
import IIACore

/// How each algorithm is drawn: a glyph (so series differ without colour) and a colour.
public extension Algorithm {
    /// The glyph marking this algorithm's curve and legend entry: `*` RLPO, `+` DPO, `o` IL,
    /// `x` SLiC, `#` RLPO-pairwise, `T` TypeMLE.
    var chartGlyph: Character {
        switch self {
        case .rlpo: return "*"
        case .dpo: return "+"
        case .il: return "o"
        case .slic: return "x"
        case .rlpoPairwise: return "#"
        case .typeMLE: return "T"
        }
    }

    /// The position of the algorithm's colour in a theme's series palette (``Theme/series(_:)``):
    /// vermillion, orange, sky blue, reddish purple, blue, bluish green in 256 colours.
    var seriesIndex: Int { Algorithm.allCases.firstIndex(of: self) ?? 0 }
}

/// Styles shared by the charts.
enum ChartPalette {
    /// The glyph set and the styles of axes and titles.
    static func appearance(_ style: ChartStyle) -> ChartAppearance {
        ChartAppearance(ascii: style.ascii, axis: axis(style), title: title(style))
    }
    /// Axes, ticks and labels.
    static func axis(_ style: ChartStyle) -> CellStyle { style.theme.axis }
    /// Titles.
    static func title(_ style: ChartStyle) -> CellStyle { style.theme.heading }
    /// A series' curve.
    static func series(_ algorithm: Algorithm, _ style: ChartStyle) -> CellStyle { style.theme.series(algorithm.seriesIndex) }
    /// A series' glyph markers.
    static func glyph(_ algorithm: Algorithm, _ style: ChartStyle) -> CellStyle { style.theme.seriesGlyph(algorithm.seriesIndex) }
    /// A series' quantile band: a tint of the series colour as background (curves drawn over it
    /// keep it), or a shading character in the series colour (or plain without colour).
    static func band(_ algorithm: Algorithm, _ style: ChartStyle) -> CellStyle { style.theme.band(algorithm.seriesIndex) }
    /// The character filling a band cell.
    static func bandCharacter(_ style: ChartStyle) -> String { String(style.theme.bandCharacter(ascii: style.ascii)) }
    /// The reference lines (majority, inclusive target) and their labels: faint.
    static func reference(_ style: ChartStyle) -> CellStyle { style.theme.reference }
    /// The marker line and its label.
    static func marker(_ style: ChartStyle) -> CellStyle { style.theme.marker }
}
