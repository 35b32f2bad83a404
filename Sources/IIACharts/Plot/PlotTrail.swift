/// A numbered path along a series (e.g. a solver's iterates): the start labelled `startLabel`,
/// then 1, 2, …; consecutive steps of one kind in one column share a label ("2–5"), alternate
/// steps are prefixed ("b3") and drawn in `alternateStyle`, and points outside the x axis are
/// drawn at its edge with an arrow ("◀3", "4▶"). Each point is a glyph unless its cell is
/// already reserved; each label is placed near its point, above or below first.
public struct PlotTrail: Sendable, Equatable {
    /// The kind of a step.
    public enum Kind: Sendable, Equatable { case start, step, alternate }
    /// One point of the path.
    public struct Stop: Sendable, Equatable {
        public var x: Double
        public var kind: Kind
        /// A stop at `x`.
        public init(x: Double, kind: Kind) {
            self.x = x
            self.kind = kind
        }
    }

    public var stops: [Stop]
    /// The index of the series the path lies on.
    public var series: Int
    public var glyph: String
    public var style: CellStyle
    public var alternateStyle: CellStyle
    public var startLabel: String
    public var alternatePrefix: String
    /// Between the first and last number of a shared label.
    public var rangeSeparator: String
    /// Before a label left of the axis, after one right of it.
    public var arrows: (left: String, right: String)

    /// A path of `stops` on series `series`.
    public init(
        stops: [Stop], series: Int, glyph: String, style: CellStyle, alternateStyle: CellStyle,
        startLabel: String, alternatePrefix: String, rangeSeparator: String, arrows: (left: String, right: String)
    ) {
        self.stops = stops
        self.series = series
        self.glyph = glyph
        self.style = style
        self.alternateStyle = alternateStyle
        self.startLabel = startLabel
        self.alternatePrefix = alternatePrefix
        self.rangeSeparator = rangeSeparator
        self.arrows = arrows
    }

    public static func == (a: PlotTrail, b: PlotTrail) -> Bool {
        a.stops == b.stops && a.series == b.series && a.glyph == b.glyph && a.style == b.style
            && a.alternateStyle == b.alternateStyle && a.startLabel == b.startLabel && a.alternatePrefix == b.alternatePrefix
            && a.rangeSeparator == b.rangeSeparator && a.arrows == b.arrows
    }
}

/// Where a render put things, for callers that annotate or test the chart.
public struct PlotRendering: Sendable, Equatable {
    /// A trail stop as drawn.
    public struct TrailCell: Sendable, Equatable {
        public var column: Int
        public var row: Int
        /// False when the stop lies outside the x axis (drawn at its edge).
        public var inRange: Bool
    }
    /// The plotting area (empty when nothing but the frame fitted).
    public var plot: Rect
    /// A cell of the buffer.
    public struct CellPosition: Sendable, Equatable {
        public var column: Int
        public var row: Int
    }
    /// The cell of each marker, in order (empty when the plot is empty).
    public var markerCells: [CellPosition] = []
    /// The column of each vertical line drawn, in order.
    public var verticalLineColumns: [Int] = []
    /// The cell of each trail stop, in order.
    public var trailCells: [TrailCell] = []
    /// The trail's labels (one per group of stops), in order, whether or not there was room.
    public var trailLabels: [String] = []
    /// The legend entries shown (indices into ``Plot/legend``), in order.
    public var legendShown: [Int] = []
    /// The series drawn (those whose legend entries are all shown), in order.
    public var seriesDrawn: [Int] = []
}
