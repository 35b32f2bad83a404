/// The mean of a sample and the standard error of that mean.
public struct SampleSummary: Hashable, Sendable {
    /// How many values.
    public let count: Int
    /// Their mean (nil for an empty sample).
    public let mean: Double?
    /// The standard error of the mean, sqrt(s² / n) with the unbiased variance s² (nil with
    /// fewer than two values; exactly 0 when every value is the same, not the rounding of
    /// their sum, as when every dataset lands on SLiC's hinge kink).
    public let standardError: Double?

    public init<Values: Collection>(_ values: Values) where Values.Element == Double {
        count = values.count
        guard count > 0 else {
            (mean, standardError) = (nil, nil)
            return
        }
        if let first = values.first, values.allSatisfy({ $0 == first }) {
            (mean, standardError) = (first, count > 1 ? 0 : nil)
            return
        }
        let n = Double(count)
        let mean = values.reduce(0, +) / n
        self.mean = mean
        guard count > 1 else {
            standardError = nil
            return
        }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        standardError = (variance / n).squareRoot()
    }
}
