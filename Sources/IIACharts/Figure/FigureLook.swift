/// A colour as red, green and blue bytes, written `#rrggbb` in SVG.
public struct RGBColor: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    /// The colour (`red`, `green`, `blue`).
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rrggbb`.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [red, green, blue].map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined()
    }

    /// The grey of the same lightness (Rec. 601 weights), for monochrome figures.
    public var grey: RGBColor {
        let level = (0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)).rounded()
        let byte = UInt8(min(255, max(0, level)))
        return RGBColor(byte, byte, byte)
    }

    /// The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008): eight colours
    /// that readers with the common forms of colour blindness can still tell apart.
    public enum OkabeIto {
        public static let black = RGBColor(0, 0, 0)
        public static let orange = RGBColor(230, 159, 0)
        public static let skyBlue = RGBColor(86, 180, 233)
        public static let bluishGreen = RGBColor(0, 158, 115)
        public static let yellow = RGBColor(240, 228, 66)
        public static let blue = RGBColor(0, 114, 178)
        public static let vermillion = RGBColor(213, 94, 0)
        public static let reddishPurple = RGBColor(204, 121, 167)
        /// The colours in the order series get them when a plot names none (yellow last: it is
        /// faint on a light background).
        public static let cycle = [vermillion, blue, orange, bluishGreen, reddishPurple, skyBlue, black, yellow]
    }
}

/// How a stroke is broken in a figure.
public enum FigureDash: Sendable, Hashable, CaseIterable {
    case solid, dashed, dotted, dashDot, longDash

    /// The SVG `stroke-dasharray` for a line `width` pixels wide, nil for a solid line.
    public func dashArray(width: Double) -> [Double]? {
        let w = max(1, width)
        switch self {
        case .solid: return nil
        case .dashed: return [4 * w, 2.5 * w]
        case .dotted: return [0.01, 2.2 * w]
        case .dashDot: return [5 * w, 2 * w, 0.01, 2 * w]
        case .longDash: return [8 * w, 3 * w]
        }
    }

    /// The dash a terminal line pattern stands for.
    public init(_ pattern: LinePattern) {
        switch pattern {
        case .solid: self = .solid
        case .dashed: self = .dashed
        case .dotted: self = .dotted
        case .sparse: self = .dashDot
        }
    }
}

/// The shape of a point marker in a figure.
public enum FigureMarkerShape: Sendable, Hashable, CaseIterable {
    case circle, openCircle, square, triangle, diamond, cross, plus, star
}

/// How one layer of a ``Plot`` (a series, band, region, line or marker) appears in a vector
/// figure (see ``FigureSVG``): what the terminal's palette indices and glyphs cannot say. Every
/// property is optional; the renderer picks a default for what is left out.
public struct FigureLook: Sendable, Hashable {
    /// The colour (default: the next Okabe–Ito colour for series, grey for lines, a tint of the
    /// stroke for fills).
    public var color: RGBColor?
    /// The legend entry; nil leaves the layer out of the legend (a series falls back to its
    /// ``PlotSeries/name``).
    public var legend: String?
    /// The stroke (default: from the series' ``LinePattern``).
    public var dash: FigureDash?
    /// The marker drawn along a series (a few times), at a ``PlotMarker``, and in the legend.
    public var marker: FigureMarkerShape?
    /// The stroke width in pixels (default 2 for series, 1 for lines).
    public var width: Double?
    /// Fills are hatched as well as tinted (so the colour is not the only carrier).
    public var hatched: Bool
    /// The opacity of a fill, 0…1 (default 0.25).
    public var fillOpacity: Double?
    /// A series' outline in a contrasting colour, drawn under its stroke (and its legend key):
    /// a curve over a heatmap then stays visible on every colour of the ramp, and its key on the page.
    public var halo: RGBColor?

    /// A look; everything left out takes the renderer's default.
    public init(
        color: RGBColor? = nil, legend: String? = nil, dash: FigureDash? = nil, marker: FigureMarkerShape? = nil,
        width: Double? = nil, hatched: Bool = false, fillOpacity: Double? = nil, halo: RGBColor? = nil
    ) {
        self.halo = halo
        self.color = color
        self.legend = legend
        self.dash = dash
        self.marker = marker
        self.width = width
        self.hatched = hatched
        self.fillOpacity = fillOpacity
    }
}
