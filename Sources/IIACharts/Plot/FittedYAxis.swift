/// A fitted y axis laid out on a plot `height` rows tall so that its ticks sit on evenly spaced
/// rows: round ticks (1, 2 or 5 times a power of ten) from the one at or below the lowest value,
/// every step the same whole number of rows, the top of the range raised to the top row.
struct FittedYAxis {
    /// The values at the bottom and the top row.
    private(set) var lower: Double
    private(set) var upper: Double
    /// The tick values and their rows counted up from the bottom row (empty below three rows).
    private(set) var ticks: [(value: Double, rowsUp: Int)] = []

    /// The axis for the data range `range` (upper > lower) on `height` rows: of the round steps
    /// giving two to six ticks with at least one row per step, the one leaving the fewest blank
    /// rows above the data (more ticks on a tie); the range as it is when none fits.
    init(range: (lower: Double, upper: Double), height: Int) {
        (lower, upper) = (range.lower, range.upper)
        guard height >= 3, range.upper > range.lower, (range.upper - range.lower).isFinite else { return }
        var best: (blank: Double, axis: (lower: Double, upper: Double, ticks: [(value: Double, rowsUp: Int)]))?
        for count in stride(from: max(2, min(6, height / 2 + 1)), through: 2, by: -1) {
            guard let axis = Self.layout(range, height: height, maxTicks: count) else { continue }
            let blank = (axis.upper - range.upper) / (axis.upper - axis.lower) * Double(height - 1)
            if best.map({ blank < $0.blank - 0.5 }) ?? true { best = (blank, axis) }
        }
        if let axis = best?.axis { (lower, upper, ticks) = axis }
    }

    /// Round ticks (at most `maxTicks`) from the one at or below the lowest value to the one at
    /// or above the highest, each step spanning the same whole number of rows; nil when they do
    /// not fit.
    static func layout(
        _ range: (lower: Double, upper: Double), height: Int, maxTicks: Int
    ) -> (lower: Double, upper: Double, ticks: [(value: Double, rowsUp: Int)])? {
        let candidates = AxisTicks.linearTicks(lower: range.lower, upper: range.upper, maxCount: maxTicks)
        guard candidates.count >= 2 else { return nil }
        let step = candidates[1] - candidates[0]
        let firstIndex = (range.lower / step).rounded(.down)
        let span = (range.upper / step).rounded(.up) - firstIndex
        guard step > 0, step.isFinite, firstIndex.isFinite, span >= 1, span <= 20 else { return nil }
        let steps = Int(span)
        let rowsPerStep = (height - 1) / steps
        guard rowsPerStep >= 1 else { return nil }
        let lower = firstIndex * step
        let upper = lower + step * Double(height - 1) / Double(rowsPerStep)
        let ticks = (0...steps).map { index -> (value: Double, rowsUp: Int) in
            let value = (firstIndex + Double(index)) * step
            return (value: value == 0 ? 0 : value, rowsUp: index * rowsPerStep)
        }
        return (lower, upper, ticks)
    }
}
