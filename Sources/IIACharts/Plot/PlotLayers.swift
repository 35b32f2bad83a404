/// A function of x that the renderer samples at its own resolution (every dot column or cell
/// centre), named by a key: two sampled functions are equal when their keys are.
public struct SampledFunction: Sendable, Equatable {
    /// Names the function (include every value it depends on).
    public var key: String
    public var evaluate: @Sendable (Double) -> Double

    /// A function named `key`.
    public init(key: String, _ evaluate: @escaping @Sendable (Double) -> Double) {
        self.key = key
        self.evaluate = evaluate
    }

    /// The constant `value`.
    public static func constant(_ value: Double) -> SampledFunction {
        SampledFunction(key: "constant \(value)") { _ in value }
    }

    public static func == (a: SampledFunction, b: SampledFunction) -> Bool { a.key == b.key }
}

/// A data point.
public struct PlotPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    /// The point (`x`, `y`).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// Which steps of a line are drawn (in braille dots, or ASCII cells).
public enum LinePattern: Sendable, Equatable {
    /// Every step.
    case solid
    /// Two steps on, two off.
    case dashed
    /// Every other step.
    case dotted
    /// Every third step.
    case sparse

    /// Whether step `phase` is drawn.
    public func draws(_ phase: Int) -> Bool {
        switch self {
        case .solid: return true
        case .dashed: return phase % 4 < 2
        case .dotted: return phase % 2 == 0
        case .sparse: return phase % 3 == 0
        }
    }
}

/// A curve: points joined by straight lines (a gap at each non-finite value, after which the
/// pattern starts again), or a function sampled at every dot column.
public struct PlotSeries: Sendable, Equatable {
    /// What the curve goes through.
    public enum Data: Sendable, Equatable {
        /// Points in order of x.
        case points([PlotPoint])
        /// `function` at every dot column; with a `baseline` the values are lowered by its
        /// smallest finite value at the same columns (for terms defined up to a constant).
        case function(SampledFunction, baseline: SampledFunction?)
    }
    public var data: Data
    /// The character of the curve in ASCII mode.
    public var glyph: Character
    public var style: CellStyle
    public var pattern: LinePattern
    /// A glyph drawn a few times along the curve (staggered between series, the last drawn
    /// first), nil for none.
    public var inlineGlyph: Cell?
    /// A name placed near the curve nine tenths of the way across (plots 24 columns or wider).
    public var name: String?
    /// The legend entries naming it (indices into ``Plot/legend``): it is drawn only when the
    /// legend shows all of them (empty: always drawn).
    public var legendItems: [Int] = []
    /// How it appears in a vector figure (``FigureSVG``); the terminal renderer ignores it.
    public var figure = FigureLook()

    /// A curve through `data`.
    public init(_ data: Data, glyph: Character, style: CellStyle, pattern: LinePattern = .solid,
                inlineGlyph: Cell? = nil, name: String? = nil) {
        self.data = data
        self.glyph = glyph
        self.style = style
        self.pattern = pattern
        self.inlineGlyph = inlineGlyph
        self.name = name
    }
}

/// The area between a lower and an upper curve (interpolated between the points, in log x on a
/// log axis), drawn light and behind the curves: with braille a sparse lattice of dots inside
/// the band (exact to a dot), in ASCII the cells at least half inside filled with `fill`'s
/// character; cells a curve passes through show only the curve.
public struct PlotBand: Sendable, Equatable {
    public var xs: [Double]
    public var lower: [Double]
    public var upper: [Double]
    /// The ASCII fill character and the style of the band's cells (braille dots included).
    public var fill: Cell
    /// The legend entries naming it (see ``PlotSeries/legendItems``).
    public var legendItems: [Int] = []
    /// How it appears in a vector figure (``FigureSVG``); the terminal renderer ignores it.
    public var figure = FigureLook()

    /// A band over `xs` between `lower` and `upper`.
    public init(xs: [Double], lower: [Double], upper: [Double], fill: Cell) {
        self.xs = xs
        self.lower = lower
        self.upper = upper
        self.fill = fill
    }
}

/// The points strictly above `lower` and strictly below `upper` (a missing bound does not
/// limit), unless an earlier region holds them. Drawn at sub-cell resolution: a cell, or with
/// braille and background colours each half of a cell (▀ ▄), takes the region holding most of
/// its area, so an edge is never off by more than half a cell.
public struct PlotRegion: Sendable, Equatable {
    public var lower: SampledFunction?
    public var upper: SampledFunction?
    /// The character and style of its cells; nil leaves them blank.
    public var fill: Cell?
    /// A name drawn in the widest free stretch of the region, away from the markers' rows.
    public var label: String?
    public var labelStyle: CellStyle
    /// How it appears in a vector figure (``FigureSVG``); the terminal renderer ignores it.
    public var figure = FigureLook()

    /// A region between `lower` and `upper`.
    public init(lower: SampledFunction?, upper: SampledFunction?, fill: Cell?, label: String? = nil, labelStyle: CellStyle = .plain) {
        self.lower = lower
        self.upper = upper
        self.fill = fill
        self.label = label
        self.labelStyle = labelStyle
    }
}

/// A horizontal line at `y` over blank and band cells, labelled on it (or just inside when the
/// line is on the plot's edge) where the label covers no curve. Lines on one row are drawn once,
/// with the last one's glyph and their labels joined by " = ", the last first.
public struct HorizontalLine: Sendable, Equatable {
    public var y: Double
    public var glyph: Character
    public var style: CellStyle
    public var label: String
    /// How it appears in a vector figure (``FigureSVG``); the terminal renderer ignores it.
    public var figure = FigureLook()

    /// A line at `y`.
    public init(y: Double, glyph: Character, style: CellStyle, label: String) {
        self.y = y
        self.glyph = glyph
        self.style = style
        self.label = label
    }
}

/// A vertical line across the plot at `x` (left out when `x` is outside the axis).
public struct VerticalLine: Sendable, Equatable {
    /// Where the label goes.
    public enum LabelPlacement: Sendable, Equatable {
        /// Beside the line (right, else left), on the highest row where it covers nothing,
        /// a blank from any curve; the line blocks other labels.
        case besideHighest
        /// Around the line's top cell (its row or the next), on plots 6 rows or taller;
        /// the line does not block other labels.
        case atTop
    }
    public var x: Double
    public var glyph: String
    public var style: CellStyle
    public var label: String?
    public var placement: LabelPlacement
    /// How it appears in a vector figure (``FigureSVG``); the terminal renderer ignores it.
    public var figure = FigureLook()

    /// A line at `x`.
    public init(x: Double, glyph: String, style: CellStyle, label: String?, placement: LabelPlacement) {
        self.x = x
        self.glyph = glyph
        self.style = style
        self.label = label
        self.placement = placement
    }
}

/// Where a marker or label sits.
public enum PlotAnchor: Sendable, Equatable {
    /// At (x, y).
    case point(x: Double, y: Double)
    /// On the series with this index, at x (as the renderer drew it: sampled functions with
    /// their baseline); clamped into the plot.
    case onSeries(Int, x: Double)
}

/// A glyph at a point, its cell reserved so that labels keep off it.
public struct PlotMarker: Sendable, Equatable {
    public var anchor: PlotAnchor
    public var glyph: String
    public var style: CellStyle
    /// How it appears in a vector figure (``FigureSVG``); the terminal renderer ignores it.
    public var figure = FigureLook()

    /// A marker.
    public init(_ anchor: PlotAnchor, glyph: String, style: CellStyle) {
        self.anchor = anchor
        self.glyph = glyph
        self.style = style
    }
}

/// A text placed near a point where it covers no curve, marker or other label (else left out).
public struct PlotLabel: Sendable, Equatable {
    /// The candidate positions, tried row offset by row offset.
    public enum Placement: Sendable, Equatable {
        /// Starting just right of the point, ending just left of it, starting at it.
        case around(rowOffsets: [Int])
        /// A blank right of the point, else a blank left of it.
        case beside(rowOffsets: [Int])
    }
    public var text: String
    public var anchor: PlotAnchor
    public var style: CellStyle
    public var placement: Placement

    /// A label.
    public init(_ text: String, at anchor: PlotAnchor, style: CellStyle, placement: Placement) {
        self.text = text
        self.anchor = anchor
        self.style = style
        self.placement = placement
    }
}

/// A label in the right margin on the row of `y`.
public struct MarginLabel: Sendable, Equatable {
    /// Labels on one row: side by side, or only the first.
    public enum Overlap: Sendable, Equatable { case sideBySide, firstOnly }
    public var y: Double
    public var text: String
    public var style: CellStyle
    /// The legend entries naming it (see ``PlotSeries/legendItems``).
    public var legendItems: [Int] = []

    /// A margin label.
    public init(y: Double, text: String, style: CellStyle) {
        self.y = y
        self.text = text
        self.style = style
    }
}

/// Text on the x axis line at `x` (left out when outside the axis).
public struct AxisMark: Sendable, Equatable {
    public var x: Double
    public var text: String
    public var style: CellStyle

    /// A mark.
    public init(x: Double, text: String, style: CellStyle) {
        self.x = x
        self.text = text
        self.style = style
    }
}
