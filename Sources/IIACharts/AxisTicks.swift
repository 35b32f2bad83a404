import Foundation

/// A tick label placed on a row: the tick's column and where its label starts.
public struct PlacedLabel: Hashable, Sendable {
    /// The column of the tick itself.
    public var column: Int
    /// The first column of the label.
    public var start: Int
    public var label: String
    /// One past the last column of the label.
    public var end: Int { start + label.count }
}

/// Tick values, their labels, and label placement that never overlaps or leaves the rectangle.
public enum AxisTicks {
    /// Tick values for a log axis: the powers of ten in the range; when there are fewer than
    /// two, the 1-2-5 values in it; failing that, the two ends.
    public static func logTicks(lower: Double, upper: Double) -> [Double] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return [lower] }
        let tolerance = 1e-9
        let first = Int(floor(log10(lower) - tolerance)), last = Int(ceil(log10(upper) + tolerance))
        func inRange(_ v: Double) -> Bool { v >= lower * (1 - tolerance) && v <= upper * (1 + tolerance) }
        let decades = (first...last).map { pow(10, Double($0)) }.filter(inRange)
        if decades.count >= 2 { return decades }
        let steps = (first...last).flatMap { e in [1.0, 2, 5].map { $0 * pow(10, Double(e)) } }.filter(inRange)
        if steps.count >= 2 { return steps }
        return [lower, upper]
    }

    /// A compact count label: 1, 10, 100, 1k, 10k, 100k, 1M, 2.5k, 0.1, ...
    public static func countLabel(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let magnitude = abs(value)
        for (scale, suffix) in [(1e9, "G"), (1e6, "M"), (1e3, "k")] where magnitude >= scale {
            return trimmed(value / scale, digits: 3) + suffix
        }
        return trimmed(value, digits: 3)
    }

    /// A probability label without the leading zero: 0, .25, .5, 1.
    public static func fractionLabel(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == 1 { return "1" }
        var text = trimmed(value, digits: 2)
        if text.hasPrefix("0.") { text.removeFirst() }
        return text
    }

    /// `value` with at most `digits` significant digits and no trailing zeros.
    public static func trimmed(_ value: Double, digits: Int) -> String {
        if let text = NonFiniteText.text(value) { return text }
        var text = String(format: "%.\(digits)g", value)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Places labels centred on their tick columns, shifted to stay inside `lower..<upper`, with
    /// at least `gap` blank columns between neighbours. When they do not all fit, every second
    /// (third, ...) tick is labelled instead, keeping the first; returns an empty array when not
    /// even one fits. Ticks must be in ascending column order.
    public static func placeHorizontal(
        _ ticks: [(column: Int, label: String)], lower: Int, upper: Int, gap: Int = 1
    ) -> [PlacedLabel] {
        guard !ticks.isEmpty, upper > lower else { return [] }
        for stride in 1...ticks.count {
            var placed: [PlacedLabel] = []
            var fits = true
            for index in Swift.stride(from: 0, to: ticks.count, by: stride) {
                let (column, label) = ticks[index]
                guard label.count <= upper - lower else { fits = false; break }
                var start = column - (label.count - 1) / 2
                start = min(max(start, lower), upper - label.count)
                if let previous = placed.last, start < previous.end + gap { fits = false; break }
                placed.append(PlacedLabel(column: column, start: start, label: label))
            }
            if fits { return placed }
        }
        return []
    }

    /// Tick values for a 0…1 axis over `rows` rows: the densest of {0, 1}, {0, .5, 1},
    /// quarters and tenths whose rows (given by `row(value)`) are at least two apart.
    static func unitTicks(row: (Double) -> Int) -> [Double] {
        let candidates: [[Double]] = [
            (0...10).map { Double($0) / 10 }, [0, 0.25, 0.5, 0.75, 1], [0, 0.5, 1], [0, 1], [0],
        ]
        for values in candidates {
            let rows = values.map(row)
            if zip(rows, rows.dropFirst()).allSatisfy({ abs($0 - $1) >= 2 }) { return values }
        }
        return []
    }

    /// "Nice" tick values for a linear axis over [lower, upper]: multiples of 1, 2 or 5 times a
    /// power of ten, at most `maxCount` of them (at least the two ends for a degenerate range).
    public static func linearTicks(lower: Double, upper: Double, maxCount: Int) -> [Double] {
        guard lower.isFinite, upper.isFinite, upper > lower, maxCount >= 2 else { return lower.isFinite ? [lower] : [] }
        let rough = (upper - lower) / Double(maxCount - 1)
        let magnitude = pow(10, floor(log10(rough)))
        for factor in [1.0, 2, 5, 10, 20] {
            let step = factor * magnitude
            let first = (lower / step).rounded(.up), last = (upper / step).rounded(.down)
            guard last - first + 1 <= Double(maxCount) else { continue }
            guard last >= first else { return [lower, upper] }
            // Multiples of the step; exact zero rather than -0 or 1e-17.
            return stride(from: first, through: last, by: 1).map { $0 == 0 ? 0 : $0 * step }
        }
        return [lower, upper]
    }
}

extension AxisTicks {
    /// A compact probability label from log-odds: ".8", ".43", "3e-87", "1-2e-9" ("<1e-999999"
    /// in the far tails, "?" for NaN).
    public static func probabilityLabel(logOdds: Double) -> String {
        guard !logOdds.isNaN else { return "?" }
        func tiny(_ log10Value: Double) -> String {
            guard log10Value.isFinite else { return "0" }
            // Beyond six exponent digits a bound, never an Int conversion that could trap.
            guard log10Value > -1e6 else { return "<1e-999999" }
            var exponent = floor(log10Value)
            var mantissa = (pow(10, log10Value - exponent)).rounded()
            if mantissa >= 10 { mantissa = 1; exponent += 1 }
            return "\(Int(mantissa))e\(Int(exponent))"
        }
        let tail = log(0.005 / 0.995)
        if logOdds < tail { return tiny(-softplus(-logOdds) / M_LN10) }
        if logOdds > -tail { return "1-" + tiny(-softplus(logOdds) / M_LN10) }
        return fractionLabel((sigmoid(logOdds) * 100).rounded() / 100)
    }

    /// ln(1 + e^t) without overflow.
    static func softplus(_ t: Double) -> Double {
        if t > 0 { return t + log1p(exp(-t)) }
        return log1p(exp(t))
    }

    /// 1 / (1 + e^-t), accurate in both tails.
    static func sigmoid(_ t: Double) -> Double {
        if t >= 0 { return 1 / (1 + exp(-t)) }
        let e = exp(t)
        return e / (1 + e)
    }
}
