/// A chart as plain data: axes, the layers to draw (regions, bands, reference lines, series,
/// markers, a numbered trail, labels), a legend and a caption. ``PlotRenderer`` draws it into
/// any rectangle of a ``CellBuffer``.
///
/// Coordinates are data values; the renderer maps them to cells at its own resolution. Curves
/// and regions that depend on that resolution are ``SampledFunction``s; everything else is points.
public struct Plot: Sendable, Equatable {
    /// The horizontal axis.
    public var x: PlotXAxis
    /// The vertical axis.
    public var y: PlotYAxis
    /// Columns kept right of the plot for margin labels.
    public var rightMargin: Int
    /// The legend entries, laid out after the y title above the plot.
    public var legend: [LegendItem] = []
    /// Said after the count of legend entries left out when the legend does not fit, e.g.
    /// "Tab/f for full" gives "+2 not shown: Tab/f for full" (layers naming a left-out entry
    /// are not drawn).
    public var legendOverflowHint: String?
    /// The caption under the chart (a row is kept for it), nil for none.
    public var caption: PlotCaption?
    /// A grid of values drawn cell by cell under every other layer, nil for none.
    public var heatmap: PlotHeatmap?
    /// Shown instead of the plot (word-wrapped, in the title style) when the chart cannot be
    /// drawn; the legend and caption are still drawn. Nil for a normal plot.
    public var message: String?
    /// Shaded areas; a point belongs to the first region containing it.
    public var regions: [PlotRegion] = []
    /// Filled bands between a lower and an upper curve.
    public var bands: [PlotBand] = []
    /// Horizontal reference lines, drawn under the series.
    public var horizontalLines: [HorizontalLine] = []
    /// Vertical lines across the plot, drawn under the series.
    public var verticalLines: [VerticalLine] = []
    /// The curves, drawn in order (the last on top).
    public var series: [PlotSeries] = []
    /// Single glyphs (with their cells reserved from labels), drawn in order.
    public var markers: [PlotMarker] = []
    /// A numbered path of points on a curve (e.g. a solver's iterates), nil for none.
    public var trail: PlotTrail?
    /// Labels placed near a point where they cover nothing, after the region and line labels.
    public var labels: [PlotLabel] = []
    /// Labels in the right margin beside the plot, on the row of their value.
    public var marginLabels: [MarginLabel] = []
    /// What happens when margin labels fall on one row.
    public var marginOverlap: MarginLabel.Overlap = .sideBySide
    /// Text on the x axis line (e.g. the ends of a bracket).
    public var axisMarks: [AxisMark] = []
    /// The glyph set and the styles of axes and titles.
    public var appearance: ChartAppearance

    /// A plot with the given axes and nothing drawn yet.
    public init(x: PlotXAxis, y: PlotYAxis, rightMargin: Int, appearance: ChartAppearance) {
        self.x = x
        self.y = y
        self.rightMargin = rightMargin
        self.appearance = appearance
    }
}

/// The caption row under a chart: parts joined by ", " as long as they fit.
public struct PlotCaption: Sendable, Equatable {
    /// The parts, most important first; a later part that does not fit is left out.
    public var parts: [String]
    /// Replaces the first part when that is too wide (nothing is drawn when this is too wide
    /// too); without it a first part that is too wide is cut.
    public var fallback: String?
    public var style: CellStyle

    /// A caption of `parts`.
    public init(parts: [String], fallback: String? = nil, style: CellStyle) {
        self.parts = parts
        self.fallback = fallback
        self.style = style
    }
}

/// How the numbers of an axis are written.
public enum TickFormat: Sendable, Equatable {
    /// Counts: "1", "10", "1k", … (``AxisTicks/countLabel(_:)``).
    case count
    /// Fractions of one: "0", ".25", "1" (``AxisTicks/fractionLabel(_:)``).
    case fraction
    /// At most this many significant digits (``AxisTicks/trimmed(_:digits:)``).
    case significant(Int)
    /// The value is a log-odds; written as the compact probability it gives (``AxisTicks/probabilityLabel(logOdds:)``).
    case probabilityFromLogOdds

    /// The label of `value`.
    public func label(_ value: Double) -> String {
        switch self {
        case .count: return AxisTicks.countLabel(value)
        case .fraction: return AxisTicks.fractionLabel(value)
        case .significant(let digits): return AxisTicks.trimmed(value, digits: digits)
        case .probabilityFromLogOdds: return AxisTicks.probabilityLabel(logOdds: value)
        }
    }
}

/// The horizontal axis of a plot.
public struct PlotXAxis: Sendable, Equatable {
    /// Linear or logarithmic.
    public enum Scale: Sendable, Equatable { case linear, logarithmic }
    /// Where the ticks go.
    public enum Ticks: Sendable, Equatable {
        /// Chosen from the range: powers of ten and halves on a log axis, round steps about nine
        /// columns apart on a linear one.
        case automatic
        /// `narrow`, or `wide` when the plot is at least `wideFrom` columns wide.
        case values(narrow: [Double], wide: [Double], wideFrom: Int)
    }
    /// A second row of tick labels: the same ticks in another unit, `intercept + slope * x`.
    public struct SecondaryLabels: Sendable, Equatable {
        public var title: String
        public var intercept: Double
        public var slope: Double
        public var format: TickFormat
        /// Labels for `intercept + slope * x`, written with `format`, titled `title` at the right.
        public init(title: String, intercept: Double, slope: Double, format: TickFormat) {
            self.title = title
            self.intercept = intercept
            self.slope = slope
            self.format = format
        }
    }

    public var scale: Scale
    public var lower: Double
    public var upper: Double
    /// The short title at the right end of the tick labels.
    public var title: String
    /// A longer title on its own row under the axis, when the chart is tall enough and it fits.
    public var longTitle: String?
    public var ticks: Ticks
    public var format: TickFormat
    public var secondary: SecondaryLabels?

    /// An x axis over `lower...upper`.
    public init(
        scale: Scale, lower: Double, upper: Double, title: String, longTitle: String? = nil,
        ticks: Ticks = .automatic, format: TickFormat, secondary: SecondaryLabels? = nil
    ) {
        self.scale = scale
        self.lower = lower
        self.upper = upper
        self.title = title
        self.longTitle = longTitle
        self.ticks = ticks
        self.format = format
        self.secondary = secondary
    }
}

/// The vertical axis of a plot (always linear).
public struct PlotYAxis: Sendable, Equatable {
    /// The range shown.
    public enum Range: Sendable, Equatable {
        /// 0 to 1, ticks at 0, 1/2 and 1 (quarters when tall); values outside are drawn at the edge.
        case unit
        /// From the lowest value of the series (or 0 when lower) to the highest, with round ticks.
        case fitted
    }
    public var range: Range
    /// The title, first in the legend row.
    public var title: String

    /// A y axis.
    public init(range: Range, title: String) {
        self.range = range
        self.title = title
    }
}
