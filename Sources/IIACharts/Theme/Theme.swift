/// How many colours a display can show.
public enum ColorMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// No colours: text attributes (bold, reverse) only.
    case none
    /// The eight basic ANSI colours (palette entries 0–7).
    case basic8
    /// The xterm 256-colour palette.
    case palette256
}

/// Whether the terminal (or exported picture) has a dark or a light background.
public enum ThemeVariant: String, Hashable, Sendable, Codable, CaseIterable {
    case dark, light
}

/// The colours of the screen and the charts by role, for one background (dark or light) and
/// one colour mode: the app and the charts ask for a role (`text`, `error`, `series(2)`), never
/// for a palette entry.
///
/// Every role is chosen so that text in it has a contrast of at least 4.5:1 (WCAG AA) and
/// graphical glyphs at least 3:1 against the background they are drawn on (the theme's
/// ``canvas``, a region or a band), using the xterm RGB values of the palette; in 8 colours no
/// text is black on the dark background or white on the light one. Without colour the roles
/// are attributes only (bold, reverse), never `dim`, whose look depends on the terminal.
public struct Theme: Hashable, Sendable {
    /// The background the theme is for.
    public let variant: ThemeVariant
    /// The colours it may use (palette entries 0–7 only in ``ColorMode/basic8``, none in ``ColorMode/none``).
    public let colorMode: ColorMode

    // MARK: Text

    /// Ordinary text.
    public var text: CellStyle = .plain
    /// Secondary text (ranges, hints, the targets line): fainter, still AA.
    public var dimText: CellStyle = .plain
    /// Headings and emphasised values.
    public var heading = CellStyle(bold: true)
    /// The selected row's label (drawn reversed).
    public var selection = CellStyle(bold: true, reverse: true)
    /// The title bar and the key names on the key line (reversed).
    public var bar = CellStyle(reverse: true)
    /// Errors and perverse verdicts.
    public var error = CellStyle(bold: true)
    /// Warnings (no minimiser).
    public var warning: CellStyle = .plain
    /// Good verdicts.
    public var good: CellStyle = .plain
    /// Slider bars, the typing cursor, the focused chart's heading, box borders.
    public var accent: CellStyle = .plain

    // MARK: Charts

    /// Axes, ticks and tick labels.
    public var axis: CellStyle = .plain
    /// Faint reference lines (the targets, other |Y|, kinks) and their labels.
    public var reference: CellStyle = .plain
    /// The marker line at the current value, secondary minima.
    public var marker: CellStyle = .plain
    /// The main curve of a chart without series (the boundary), the chosen minimum.
    public var strong = CellStyle(bold: true)
    /// The current point (boundary chart): it must stand out from `strong`.
    public var currentPoint = CellStyle(bold: true, reverse: true)
    /// The solver's path.
    public var point = CellStyle(bold: true)
    /// Steps of the path that differ (bisection steps).
    public var alternatePoint = CellStyle(bold: true, reverse: true)
    /// The data term of an objective (L_D or the hinge).
    public var dataPart: CellStyle = .plain
    /// The regulariser of an objective (beta KL).
    public var regulariserPart: CellStyle = .plain
    /// Curves of the series, in order (the algorithms); glyphs are these in bold.
    public var seriesStyles: [CellStyle] = [.plain]
    /// The band of each series: a background tint (``bandsUseBackground``) or a shading glyph's colour.
    public var bandStyles: [CellStyle] = [.plain]
    /// Whether bands are a background colour (filled with spaces) rather than shading glyphs.
    public var bandsUseBackground = false
    /// The region where RLPO/DPO converge to M2 (a tint, or a fill glyph's colour).
    public var m2Region: CellStyle = .plain
    /// The perverse part of the boundary chart.
    public var perverseRegion: CellStyle = .plain
    /// The steps of a heatmap's sequential colour scale, lowest value first: background tints
    /// (``heatmapUsesBackground``) that keep the `strong` curve and the `currentPoint` at 3:1 or
    /// more, else the colours of the shading glyphs (which carry the order themselves).
    public var heatmapRamp: [CellStyle] = [.plain]
    /// Whether heatmap cells are background tints (filled with spaces) rather than shading glyphs.
    public var heatmapUsesBackground = false
    /// What `.default` foreground and background look like (for SVG export and contrast checks).
    public var canvas: Canvas

    init(variant: ThemeVariant, colorMode: ColorMode) {
        self.variant = variant
        self.colorMode = colorMode
        self.canvas = Canvas(variant)
    }

    /// The style of series `index` (any integer: the palette repeats).
    public func series(_ index: Int) -> CellStyle {
        seriesStyles[((index % seriesStyles.count) + seriesStyles.count) % seriesStyles.count]
    }

    /// The style of a series' glyph markers: its colour in bold.
    public func seriesGlyph(_ index: Int) -> CellStyle {
        var style = series(index)
        style.bold = true
        return style
    }

    /// The band of series `index`.
    public func band(_ index: Int) -> CellStyle {
        bandStyles[((index % bandStyles.count) + bandStyles.count) % bandStyles.count]
    }

    /// The character filling a band cell: a space on a tinted background, else a shading glyph.
    public func bandCharacter(ascii: Bool) -> Character { bandsUseBackground ? " " : (ascii ? ":" : "░") }

    /// The theme for a background and a colour mode.
    public static func resolve(_ variant: ThemeVariant, _ colorMode: ColorMode) -> Theme {
        switch (variant, colorMode) {
        case (.dark, .palette256): return darkPalette256
        case (.dark, .basic8): return darkBasic8
        case (.dark, .none): return darkMonochrome
        case (.light, .palette256): return lightPalette256
        case (.light, .basic8): return lightBasic8
        case (.light, .none): return lightMonochrome
        }
    }

    /// The 256-colour dark theme (the default).
    public static let dark = resolve(.dark, .palette256)

    /// Every theme: both backgrounds in every colour mode.
    public static let all: [Theme] = ThemeVariant.allCases.flatMap { variant in ColorMode.allCases.map { resolve(variant, $0) } }
}

/// The colours the terminal's default foreground and background are taken to have.
public struct Canvas: Hashable, Sendable {
    /// The default foreground, #rrggbb.
    public let foreground: String
    /// The default background, #rrggbb.
    public let background: String

    init(_ variant: ThemeVariant) {
        switch variant {
        case .dark: (foreground, background) = ("#d0d0d0", "#1c1c1c")
        case .light: (foreground, background) = ("#1c1c1c", "#ffffff")
        }
    }
}
