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

    /// The curve colour: red, orange, cyan, magenta, blue, green (256-colour palette entries whose
    /// ``TerminalColor/basic`` is red, yellow, cyan, magenta, blue and green).
    var chartColor: TerminalColor {
        switch self {
        case .rlpo: return .palette(196)
        case .dpo: return .palette(214)
        case .il: return .palette(39)
        case .slic: return .palette(171)
        case .rlpoPairwise: return .palette(69)
        case .typeMLE: return .palette(40)
        }
    }
}

/// Styles shared by the charts.
enum ChartPalette {
    /// The glyph set and the styles of axes and titles.
    static func appearance(_ style: ChartStyle) -> ChartAppearance {
        ChartAppearance(ascii: style.ascii, axis: axis(style), title: title(style))
    }
    /// Axes, ticks and labels.
    static func axis(_ style: ChartStyle) -> CellStyle { style.color ? CellStyle(foreground: .palette(245)) : .plain }
    /// Titles.
    static func title(_ style: ChartStyle) -> CellStyle { CellStyle(bold: true) }
    /// A series' curve.
    static func series(_ algorithm: Algorithm, _ style: ChartStyle) -> CellStyle {
        style.color ? CellStyle(foreground: algorithm.chartColor) : .plain
    }
    /// A series' glyph markers.
    static func glyph(_ algorithm: Algorithm, _ style: ChartStyle) -> CellStyle {
        style.color ? CellStyle(foreground: algorithm.chartColor, bold: true) : CellStyle(bold: true)
    }
    /// A series' quantile band: with colour a dark tint of the series colour as background
    /// (curves drawn over it keep it), without colour a dim shading character.
    static func band(_ algorithm: Algorithm, _ style: ChartStyle) -> CellStyle {
        style.color ? CellStyle(foreground: algorithm.chartColor, background: bandBackground(algorithm)) : CellStyle(dim: true)
    }

    static func bandBackground(_ algorithm: Algorithm) -> TerminalColor {
        switch algorithm {
        case .rlpo: return .palette(52)
        case .dpo: return .palette(58)
        case .il: return .palette(23)
        case .slic: return .palette(53)
        case .rlpoPairwise: return .palette(17)
        case .typeMLE: return .palette(22)
        }
    }

    /// The character filling a band cell.
    static func bandCharacter(_ style: ChartStyle) -> String { style.color ? " " : (style.ascii ? ":" : "░") }
    /// The reference lines (majority, inclusive target) and their labels: faint.
    static func reference(_ style: ChartStyle) -> CellStyle {
        style.color ? CellStyle(foreground: .palette(243)) : CellStyle(dim: true)
    }
    /// The marker line and its label.
    static func marker(_ style: ChartStyle) -> CellStyle {
        style.color ? CellStyle(foreground: .palette(250)) : .plain
    }
}
