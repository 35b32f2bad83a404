/// The colours of a figure's furniture.
public struct FigureTheme: Sendable, Hashable {
    public var background: RGBColor
    /// Titles, tick labels, legend text.
    public var text: RGBColor
    /// The axes' box and ticks.
    public var axis: RGBColor
    /// Grid lines at the major ticks.
    public var grid: RGBColor
    /// Reference lines a plot gives no colour.
    public var reference: RGBColor

    /// A theme.
    public init(background: RGBColor, text: RGBColor, axis: RGBColor, grid: RGBColor, reference: RGBColor) {
        self.background = background
        self.text = text
        self.axis = axis
        self.grid = grid
        self.reference = reference
    }

    /// Black on white, for papers (the default).
    public static let light = FigureTheme(
        background: RGBColor(255, 255, 255), text: RGBColor(26, 26, 26), axis: RGBColor(51, 51, 51),
        grid: RGBColor(230, 230, 230), reference: RGBColor(110, 110, 110))
    /// Light on dark, for slides.
    public static let dark = FigureTheme(
        background: RGBColor(24, 24, 27), text: RGBColor(235, 235, 235), axis: RGBColor(200, 200, 200),
        grid: RGBColor(58, 58, 62), reference: RGBColor(160, 160, 160))
}

/// What a figure looks like beyond its ``Plot``: its size in pixels, title, theme, colour.
public struct FigureOptions: Sendable, Hashable {
    /// The widths a figure may have, in pixels (others are clamped into it).
    public static let widthRange = 320...4000
    /// The heights a figure may have, in pixels (others are clamped into it).
    public static let heightRange = 240...3000
    /// The default size, 800 x 500 pixels.
    public static let defaultSize = (width: 800, height: 500)

    public var width: Int
    public var height: Int
    /// The title above the plot, nil for none.
    public var title: String?
    public var theme: FigureTheme
    /// Greys only (series still differ by dash and marker).
    public var monochrome: Bool
    public var fontFamily: String

    /// Options for a `width` x `height` pixel figure.
    public init(
        width: Int = FigureOptions.defaultSize.width, height: Int = FigureOptions.defaultSize.height, title: String? = nil,
        theme: FigureTheme = .light, monochrome: Bool = false, fontFamily: String = "Helvetica, Arial, sans-serif"
    ) {
        self.width = width
        self.height = height
        self.title = title
        self.theme = theme
        self.monochrome = monochrome
        self.fontFamily = fontFamily
    }

    /// The width and height clamped into the allowed ranges.
    var clampedSize: (width: Double, height: Double) {
        (Double(min(max(width, Self.widthRange.lowerBound), Self.widthRange.upperBound)),
         Double(min(max(height, Self.heightRange.lowerBound), Self.heightRange.upperBound)))
    }

    /// The size of tick labels and legend text: 13 px on an 800 x 500 figure, growing with the
    /// figure (between 10 and 30 px).
    var fontSize: Double {
        let size = clampedSize
        return min(30, max(10, 13 * min(size.width / 800, size.height / 500).squareRoot()))
    }
}
