import Foundation

/// The horizontal mapping of a plot: a log or linear axis over the canvas's dots.
enum PlotXScale {
    case log(LogAxis)
    case linear(LinearAxis)

    init(_ axis: PlotXAxis, dots: Int) {
        switch axis.scale {
        case .logarithmic: self = .log(LogAxis(lower: axis.lower, upper: axis.upper, count: dots))
        case .linear: self = .linear(LinearAxis(lower: axis.lower, upper: axis.upper, count: dots))
        }
    }

    var lower: Double {
        switch self {
        case .log(let axis): return axis.lower
        case .linear(let axis): return axis.lower
        }
    }

    var upper: Double {
        switch self {
        case .log(let axis): return axis.upper
        case .linear(let axis): return axis.upper
        }
    }

    func position(_ x: Double) -> Double {
        switch self {
        case .log(let axis): return axis.position(x)
        case .linear(let axis): return axis.position(x)
        }
    }

    func value(at position: Double) -> Double {
        switch self {
        case .log(let axis): return axis.value(at: position)
        case .linear(let axis): return axis.value(at: position)
        }
    }

    /// How far x lies from the lower end to the upper one, 0 to 1 (in log x on a log axis;
    /// NaN for x a log axis cannot show).
    func fraction(_ x: Double) -> Double {
        switch self {
        case .log(let axis):
            guard x > 0 else { return .nan }
            return (Foundation.log(x) - Foundation.log(axis.lower)) / (Foundation.log(axis.upper) - Foundation.log(axis.lower))
        case .linear(let axis): return (x - axis.lower) / (axis.upper - axis.lower)
        }
    }

    /// Whether a point series may draw x (a log axis has no place for x ≤ 0).
    func accepts(_ x: Double) -> Bool {
        switch self {
        case .log: return x > 0
        case .linear: return x.isFinite
        }
    }

    /// The dot of a tick or line at x: the nearest dot on a log axis (nil outside), the dot
    /// below it on a linear one.
    func tickDot(_ x: Double) -> Int? {
        switch self {
        case .log(let axis): return axis.index(x)
        case .linear: return Int(saturating: position(x))
        }
    }

    /// The dot of a vertical line at x, nil outside the axis.
    func lineDot(_ x: Double) -> Int? {
        switch self {
        case .log(let axis): return axis.index(x)
        case .linear(let axis): return x >= axis.lower && x <= axis.upper ? Int(saturating: position(x)) : nil
        }
    }

    /// Linear interpolation between points (in log x on a log axis); NaN outside the points or
    /// next to a missing value.
    func interpolate(_ xs: [Double], _ ys: [Double], at x: Double) -> Double {
        let count = min(xs.count, ys.count)
        let isLog: Bool
        if case .log = self { isLog = true } else { isLog = false }
        guard count > 0, isLog ? x > 0 : x.isFinite else { return .nan }
        let scale: Double = isLog ? xs[0] : max(1, abs(xs[0]))
        if count == 1 { return abs(xs[0] - x) <= 1e-9 * scale ? ys[0] : .nan }
        let tolerance = 1e-9
        if isLog {
            guard x >= xs[0] * (1 - tolerance), x <= xs[count - 1] * (1 + tolerance) else { return .nan }
        } else {
            guard x >= xs[0] - tolerance * scale, x <= xs[count - 1] + tolerance * scale else { return .nan }
        }
        var high = 1
        while high < count - 1 && xs[high] < x { high += 1 }
        let low = high - 1
        guard xs[high] > xs[low], !isLog || xs[low] > 0 else { return ys[low] }
        let along: Double
        if isLog {
            along = (Foundation.log(x) - Foundation.log(xs[low])) / (Foundation.log(xs[high]) - Foundation.log(xs[low]))
        } else {
            along = (x - xs[low]) / (xs[high] - xs[low])
        }
        let t = min(1, max(0, along))
        return ys[low] + (ys[high] - ys[low]) * t
    }
}

/// Everything a layer needs to map data to cells: the plot's area, the axes over its dots and
/// the sampled functions.
struct PlotGeometry {
    let description: Plot
    let frame: ChartFrame
    let area: Rect
    let dotsPerCell: (x: Int, y: Int)
    let x: PlotXScale
    let y: LinearAxis
    /// Each series' values at every dot column (sampled functions only, baseline applied).
    let samples: [[Double]?]
    /// Each series' baseline shift (0 without one).
    let shifts: [Double]
    /// The legend entries shown: a layer naming another one is not drawn.
    let legendShown: Set<Int>

    /// Whether a layer naming these legend entries is drawn.
    func isShown(_ legendItems: [Int]) -> Bool { legendShown.isSuperset(of: legendItems) }

    /// The x of the centre of a cell column.
    func columnCentre(_ column: Int) -> Double {
        x.value(at: Double(column * dotsPerCell.x) + Double(dotsPerCell.x - 1) / 2)
    }

    /// The y of the centre of a cell row.
    func rowCentre(_ row: Int) -> Double {
        y.value(at: Double(row * dotsPerCell.y) + Double(dotsPerCell.y - 1) / 2)
    }

    /// A value as drawn: clamped into a unit axis.
    func shown(_ value: Double) -> Double {
        description.y.range == .unit ? min(1, max(0, value)) : value
    }

    /// The plot row (0 at the top) of y, inside the plot; -inf at the bottom, other non-finite values at the top.
    func row(_ value: Double) -> Int {
        let value = shown(value)
        guard value.isFinite else { return value == -.infinity ? area.height - 1 : 0 }
        let position = y.position(value)
        guard position.isFinite else { return 0 }
        return min(area.height - 1, max(0, Int(saturating: position) / dotsPerCell.y))
    }

    /// The plot column of x, inside the plot.
    func column(_ value: Double) -> Int {
        min(area.width - 1, max(0, Int(saturating: x.position(value)) / dotsPerCell.x))
    }

    /// The value of a series at x as drawn.
    func value(ofSeries index: Int, at xValue: Double) -> Double {
        guard description.series.indices.contains(index) else { return .nan }
        switch description.series[index].data {
        case .points(let points): return x.interpolate(points.map(\.x), points.map(\.y), at: xValue)
        case .function(let function, _): return function.evaluate(xValue) - shifts[index]
        }
    }

    /// The buffer cell of an anchor.
    func cell(_ anchor: PlotAnchor) -> (x: Int, y: Int) {
        switch anchor {
        case .point(let px, let py): return (area.x + column(px), area.y + row(py))
        case .onSeries(let index, let px): return (area.x + column(px), area.y + row(value(ofSeries: index, at: px)))
        }
    }
}
