import Foundation

/// Maps a positive range on a log scale onto positions `0...(count - 1)` (columns or dots):
/// the lower end to 0, the upper end to `count - 1`, equal ratios to equal distances.
public struct LogAxis: Hashable, Sendable {
    public let lower: Double
    public let upper: Double
    public let count: Int

    /// A log axis; a non-positive or non-finite lower end becomes 1 and an empty range is widened
    /// around its value, so the mapping is always defined.
    public init(lower: Double, upper: Double, count: Int) {
        var low = lower.isFinite && lower > 0 ? lower : 1
        var high = upper.isFinite && upper > 0 ? upper : low * 10
        if high < low { swap(&low, &high) }
        if high / low < 1.000_001 { low /= 10.0.squareRoot(); high *= 10.0.squareRoot() }
        self.lower = low
        self.upper = high
        self.count = max(1, count)
    }

    /// The continuous position of `value` (outside the range: beyond the ends).
    public func position(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return value > 0 ? Double(count - 1) * 2 : -Double(count) }
        return (log(value) - log(lower)) / (log(upper) - log(lower)) * Double(count - 1)
    }

    /// The nearest whole position, or nil outside the range.
    public func index(_ value: Double) -> Int? {
        let p = position(value).rounded()
        guard p >= -0.000_001, p <= Double(count - 1) + 0.000_001 else { return nil }
        return Int(p)
    }

    /// The value at a position.
    public func value(at position: Double) -> Double {
        guard count > 1 else { return lower }
        return exp(log(lower) + (log(upper) - log(lower)) * position / Double(count - 1))
    }
}

/// Maps `lower...upper` linearly onto positions `0...(count - 1)`; with `flipped` the upper end
/// maps to 0 (screen rows grow downwards).
public struct LinearAxis: Hashable, Sendable {
    public let lower: Double
    public let upper: Double
    public let count: Int
    public let flipped: Bool

    /// A linear axis; an empty or reversed range becomes `lower...lower + 1`.
    public init(lower: Double = 0, upper: Double = 1, count: Int, flipped: Bool = false) {
        self.lower = lower
        self.upper = upper > lower ? upper : lower + 1
        self.count = max(1, count)
        self.flipped = flipped
    }

    /// The continuous position of `value` (outside the range: beyond the ends).
    public func position(_ value: Double) -> Double {
        let fraction = (value - lower) / (upper - lower)
        return (flipped ? 1 - fraction : fraction) * Double(count - 1)
    }

    /// The value at a position.
    public func value(at position: Double) -> Double {
        guard count > 1 else { return lower }
        let fraction = position / Double(count - 1)
        return lower + (upper - lower) * (flipped ? 1 - fraction : fraction)
    }
}
