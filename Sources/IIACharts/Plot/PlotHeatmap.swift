/// A grid of values in [0, 1] over the plot's x and y ranges, drawn cell by cell in the colour
/// (or shading glyph) of its ``HeatmapScale`` step, under every other layer.
///
/// The grid cuts the axes' ranges into `columns` x `rows` equal cells; a terminal cell shows the
/// grid cell holding its centre, so a grid the size of the plot area is drawn one grid cell per
/// terminal cell. Values are numbered row by row from the bottom: cell (column i, row j) is
/// `values[j * columns + i]`. Values outside [0, 1] are drawn at the nearer end; non-finite
/// values (and missing ones) are left blank.
public struct PlotHeatmap: Sendable, Equatable {
    /// The number of cells across (at least 1).
    public var columns: Int
    /// The number of cells up (at least 1).
    public var rows: Int
    /// The values, row by row from the bottom (see ``PlotHeatmap``).
    public var values: [Double]
    /// The colours or glyphs from the lowest value to the highest.
    public var scale: HeatmapScale

    /// A grid of `columns` x `rows` values (each count taken as at least 1).
    public init(columns: Int, rows: Int, values: [Double], scale: HeatmapScale) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        self.values = values
        self.scale = scale
    }

    /// The value of cell (column, row), NaN when it is missing.
    public func value(column: Int, row: Int) -> Double {
        guard column >= 0, column < columns, row >= 0, row < rows else { return .nan }
        let index = row * columns + column
        return values.indices.contains(index) ? values[index] : .nan
    }

    /// The cell (column, row) holding the fractions (`x`, `y`) of the ranges, each in [0, 1]
    /// (clamped into the grid).
    public func cell(atFraction x: Double, _ y: Double) -> (column: Int, row: Int) {
        func index(_ fraction: Double, _ count: Int) -> Int {
            guard fraction.isFinite else { return 0 }
            return min(count - 1, max(0, Int(saturating: (fraction * Double(count)).rounded(.down))))
        }
        return (index(x, columns), index(y, rows))
    }
}

/// The steps of a heatmap's colour scale, from the lowest value to the highest: spaces on a
/// tinted background (a sequential ramp of colours), or shading glyphs (``HeatmapScale/asciiRamp``).
public struct HeatmapScale: Sendable, Equatable {
    /// The cell drawn for each step, lowest first (at least one).
    public var steps: [Cell]

    /// A scale of `steps` (a single blank when empty).
    public init(steps: [Cell]) {
        self.steps = steps.isEmpty ? [Cell()] : steps
    }

    /// The step of `value`: [0, 1] cut into equal parts, values outside clamped; nil when not finite.
    public func step(of value: Double) -> Int? {
        guard value.isFinite else { return nil }
        let count = steps.count
        return min(count - 1, max(0, Int(saturating: (value * Double(count)).rounded(.down))))
    }

    /// The cell drawn for `value`; nil (blank) when not finite.
    public func cell(for value: Double) -> Cell? {
        step(of: value).map { steps[$0] }
    }

    /// The ASCII shading ramp, lightest first (without `*` and `O`, which charts keep for a
    /// curve and a point over the heatmap).
    public static let asciiRamp: [Character] = [".", ":", "-", "=", "+", "x", "#", "%", "@"]
    /// The Unicode shading ramp, lightest first.
    public static let shadeRamp: [Character] = ["·", "░", "▒", "▓", "█"]

    /// The theme's ramp: tinted spaces where the theme has a background ramp (and the chart is
    /// not ASCII), else the shading glyphs in the theme's glyph colours (in its text colour for
    /// a theme whose ramp is tints).
    public static func themed(_ theme: Theme, ascii: Bool) -> HeatmapScale {
        if theme.heatmapUsesBackground && !ascii {
            return HeatmapScale(steps: theme.heatmapRamp.map { Cell(" ", style: $0) })
        }
        let glyphs = ascii ? asciiRamp : shadeRamp
        // Background tints are too dark (or light) for glyphs: those themes shade in the text colour.
        let colours = theme.heatmapRamp.isEmpty || theme.heatmapUsesBackground ? [theme.text] : theme.heatmapRamp
        return HeatmapScale(steps: glyphs.enumerated().map { index, glyph in
            Cell(glyph, style: colours[min(colours.count - 1, index * colours.count / glyphs.count)])
        })
    }
}
