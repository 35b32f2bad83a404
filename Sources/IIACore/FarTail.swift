import Foundation

/// The data part of an objective's derivative far from the origin, |v| > 600, in closed form.
///
/// There every sigmoid of the objectives is 0, 1 or a single exponential to double precision:
/// with t = ±v + shift and |shift| < 5, e^-|t| < 1e-258, so the next term of each expansion is
/// below rounding relative to the one kept. The data derivative on a smooth piece is then
///
///     right (v > 600):  constant - W e^-v,   curvature W e^-v,
///     left  (v < -600): constant + W e^v,    curvature W e^v,
///
/// with `constant` the count of data whose term tends to ±1 (plus a hinge's constant for SLiC)
/// and W ≥ 0 a weighted sum of the counts. One evaluation then costs a few exponentials instead
/// of several per row, and the shape of the whole derivative is known (see
/// ``GlobalMinimizer``'s far cells): with the KL term, e^{±v} times it is monotone except at one
/// explicit turning point.
public struct FarTail: Sendable, Hashable {
    /// The derivative's limit on the piece (the terms of slope 0 in v).
    public var constant: Double
    /// ln W (-infinity when W = 0).
    public var logWeight: Double

    public init(constant: Double, logWeight: Double) {
        self.constant = constant
        self.logWeight = logWeight
    }

    /// Beyond this |v| the closed form holds (the objectives' log-mode threshold).
    public static var threshold: Double { SlopeAccumulator.logModeThreshold }

    /// Adds the data derivative and curvature at v (|v| > threshold) to log-mode accumulators.
    func accumulate(_ v: Double, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator) {
        let slope: Double = v > 0 ? -1 : 1
        derivative.addTerm(constant, slope: 0, offset: 0)
        derivative.addTerm(v > 0 ? -1 : 1, slope: slope, offset: logWeight)
        curvature.addTerm(1, slope: slope, offset: logWeight)
    }
}

/// Σ count * weight over terms with counts ≥ 0 and moderate weights, kept relative to the
/// largest count so far: no overflow for counts near the largest double, and subnormal counts
/// are not lost when they are all there is.
struct ScaledSum {
    private var largest = 0.0
    private var sum = 0.0

    @inline(__always)
    mutating func add(_ count: Double, _ weight: Double) {
        // A count below 2^-200 of the largest so far adds far less than the sum's rounding (the
        // weights are moderate): skipping it saves slow subnormal divisions when tiny and huge
        // counts mix.
        guard count > 0 && count >= largest * 0x1p-200 else { return }
        if count > largest {
            sum *= largest / count
            largest = count
        }
        sum += count / largest * weight
    }

    /// ln of the sum (-infinity when it is 0).
    var logarithm: Double { largest > 0 ? log(sum) + log(largest) : -.infinity }
}
