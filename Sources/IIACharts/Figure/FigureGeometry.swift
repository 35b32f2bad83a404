import Foundation

/// A rectangle in pixels.
struct PixelRect {
    var x: Double, y: Double, width: Double, height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }

    func contains(_ px: Double, _ py: Double) -> Bool { px >= x && px <= maxX && py >= y && py <= maxY }
    func intersects(_ other: PixelRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
    func insetBy(_ d: Double) -> PixelRect { PixelRect(x: x - d, y: y - d, width: width + 2 * d, height: height + 2 * d) }
}

/// Maps a plot's data onto the pixels of its plotting box, with every sampled function sampled
/// finely (one sample per pixel column, 400 to 800 of them).
struct FigureGeometry {
    let plot: Plot
    let box: PixelRect
    let logX: Bool
    let xLower: Double, xUpper: Double
    let yLower: Double, yUpper: Double
    /// The x values functions were sampled at.
    let sampleXs: [Double]
    /// Each series' samples (sampled functions only, baseline applied), nil for point series.
    let samples: [[Double]?]
    let shifts: [Double]

    init(plot: Plot, box: PixelRect) {
        self.plot = plot
        self.box = box
        logX = plot.x.scale == .logarithmic
        if logX {
            let axis = LogAxis(lower: plot.x.lower, upper: plot.x.upper, count: 2)
            (xLower, xUpper) = (axis.lower, axis.upper)
        } else {
            (xLower, xUpper) = Self.sane(plot.x.lower, plot.x.upper)
        }
        (yLower, yUpper) = Self.yRange(plot)
        let count = Int(min(800, max(400, box.width.isFinite ? box.width : 400)))
        let (lower, upper, log) = (xLower, xUpper, logX)
        sampleXs = (0..<count).map { Self.value(at: Double($0) / Double(count - 1), lower: lower, upper: upper, log: log) }
        let sampled = PlotRenderer.sample(plot, at: sampleXs)
        samples = sampled.values
        shifts = sampled.shifts
    }

    /// A finite, non-empty range (0…1 when there is none).
    static func sane(_ lower: Double, _ upper: Double) -> (Double, Double) {
        guard lower.isFinite else { return (0, 1) }
        guard upper.isFinite, upper > lower else { return (lower, lower + max(1, abs(lower) * 1e-9)) }
        return (lower, upper)
    }

    /// 0…1 for a unit axis, a fitted axis from the lowest value (or 0) to the highest; either
    /// with a little room below and above, so that curves on the ends stay whole.
    static func yRange(_ plot: Plot) -> (Double, Double) {
        guard plot.y.range == .fitted else { return (-0.03, 1.03) }
        let range = PlotRenderer.fittedRange(plot)
        let (lower, upper) = sane(range.lower, range.upper)
        let room = (upper / 2 - lower / 2) / 12
        let padded = (lower - room, upper + room)
        return padded.0.isFinite && padded.1.isFinite ? padded : (lower, upper)
    }

    /// The value a fraction `t` of the way along an axis.
    static func value(at t: Double, lower: Double, upper: Double, log: Bool) -> Double {
        if log { return Foundation.exp(Foundation.log(lower) + (Foundation.log(upper) - Foundation.log(lower)) * t) }
        return lower + (upper / 2 - lower / 2) * 2 * t
    }

    /// The fraction of the way along the x axis (nil where the axis has no place for x).
    func xFraction(_ x: Double) -> Double? {
        guard x.isFinite, !logX || x > 0 else { return nil }
        let t = logX
            ? (Foundation.log(x) - Foundation.log(xLower)) / (Foundation.log(xUpper) - Foundation.log(xLower))
            : (x / 2 - xLower / 2) / (xUpper / 2 - xLower / 2)
        return t.isFinite ? t : nil
    }

    /// The pixel column of x (far outside values pulled in to ten widths away), nil where the
    /// axis has no place for it.
    func px(_ x: Double) -> Double? {
        xFraction(x).map { box.x + min(11, max(-10, $0)) * box.width }
    }

    /// The pixel row of y (clamped into a unit axis; far outside values pulled in), nil for a non-finite y.
    func py(_ y: Double) -> Double? {
        guard y.isFinite else { return nil }
        let shown = plot.y.range == .unit ? min(1, max(0, y)) : y
        let t = (shown / 2 - yLower / 2) / (yUpper / 2 - yLower / 2)
        guard t.isFinite else { return nil }
        return box.maxY - min(2, max(-1, t)) * box.height
    }

    /// The pixel column of sample `index`.
    func samplePx(_ index: Int) -> Double {
        box.x + box.width * Double(index) / Double(max(1, sampleXs.count - 1))
    }

    /// Whether x lies on the axis.
    func inRange(_ x: Double) -> Bool { xFraction(x).map { $0 >= -1e-9 && $0 <= 1 + 1e-9 } ?? false }

    /// The value of series `index` at x as drawn (baseline applied; points interpolated).
    func value(ofSeries index: Int, at x: Double) -> Double {
        guard plot.series.indices.contains(index) else { return .nan }
        switch plot.series[index].data {
        case .points(let points):
            let scale: PlotXScale = logX ? .log(LogAxis(lower: xLower, upper: xUpper, count: 2))
                : .linear(LinearAxis(lower: xLower, upper: xUpper, count: 2))
            return scale.interpolate(points.map(\.x), points.map(\.y), at: x)
        case .function(let function, _): return function.evaluate(x) - shifts[index]
        }
    }

    /// The pixel point of an anchor, nil when it has none.
    func point(_ anchor: PlotAnchor) -> (x: Double, y: Double)? {
        switch anchor {
        case .point(let x, let y):
            guard let px = px(x), let py = py(y) else { return nil }
            return (px, py)
        case .onSeries(let index, let x):
            let clamped = logX ? min(max(x, xLower), xUpper) : min(max(x, xLower), xUpper)
            guard let px = px(clamped), let py = py(value(ofSeries: index, at: clamped)) else { return nil }
            return (px, py)
        }
    }

    /// Each series' pixel polylines (split at gaps: non-finite values, x the axis has no place for).
    func polylines(_ index: Int) -> [[(x: Double, y: Double)]] {
        var runs: [[(x: Double, y: Double)]] = [], current: [(x: Double, y: Double)] = []
        func add(_ point: (x: Double, y: Double)?) {
            if let point { current.append(point) } else if !current.isEmpty { runs.append(current); current = [] }
        }
        switch plot.series[index].data {
        case .points(let points):
            for point in points {
                if let x = px(point.x), let y = py(point.y) { add((x, y)) } else { add(nil) }
            }
        case .function:
            for (sample, value) in (samples[index] ?? []).enumerated() {
                add(py(value).map { (samplePx(sample), $0) })
            }
        }
        add(nil)
        return runs
    }
}
