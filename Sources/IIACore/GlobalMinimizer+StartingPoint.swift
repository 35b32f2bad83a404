import Foundation

/// Where Newton's method starts in a bracket whose ends' slopes are known.
extension GlobalMinimizer {
    /// Where Newton's method starts in a bracket, and the Newton step from an evaluated end that
    /// led there (nil for the chord's zero).
    struct StartingPoint {
        var point: Double
        var newtonStep: Double? = nil
    }

    /// The longest Newton step, as a share of the bracket, that
    /// ``startingPoint(_:_:_:_:derivativeRange:)`` prefers to the chords.
    static let newtonTrustedShare = 0.1

    /// A first Newton iterate for a root bracketed by (a, b) with the given end slopes (negative
    /// derivative at a, positive at b), which share one scale in plain mode: Newton's step from the
    /// end nearer the root (the smaller |derivative|) when it is at most `newtonTrustedShare` of the
    /// bracket; else the zero of the chord in logits when the derivative's range is known, else
    /// the plain chord's zero, else the long Newton step. (Tried and dropped: the root of the cubic
    /// Hermite interpolant, which cost more iterations on simulated data.) An end known only by its
    /// sign (``EndSlope/sign(_:)``) is never the nearer end and no chord passes through it. Nil in
    /// log mode (the caller then starts in the middle).
    static func startingPoint(
        _ a: Double, _ slopeA: EndSlope, _ b: Double, _ slopeB: EndSlope, derivativeRange: ClosedRange<Double>? = nil
    ) -> StartingPoint? {
        guard max(abs(a), abs(b)) <= SlopeAccumulator.logModeThreshold else { return nil }
        let newton = nearerEndNewtonStep(a, slopeA, b, slopeB)
        // A short Newton step is trusted; a long one (a sigmoid-shaped derivative across a wide
        // piece) lands far from the root, where a chord does better: in logits when the
        // derivative's range is known (a sum of sigmoids is close to one sigmoid), else plain.
        if let newton, abs(newton.step) <= newtonTrustedShare * (b - a) {
            return StartingPoint(point: newton.point, newtonStep: newton.step)
        }
        if let derivativeA = slopeA.finiteDerivative, let derivativeB = slopeB.finiteDerivative {
            if let range = derivativeRange, let point = logitChordZero(a, derivativeA, b, derivativeB, range) {
                return StartingPoint(point: point)
            }
            let secant = a - derivativeA * (b - a) / (derivativeB - derivativeA)
            if secant > a && secant < b { return StartingPoint(point: secant) }
        }
        return newton.map { StartingPoint(point: $0.point, newtonStep: $0.step) }
    }

    /// Newton's step from the end with the smaller |derivative| (an evaluated one), when the
    /// curvature there is positive and the step lands strictly inside (a, b): the landing point
    /// and the step taken from that end.
    static func nearerEndNewtonStep(
        _ a: Double, _ slopeA: EndSlope, _ b: Double, _ slopeB: EndSlope
    ) -> (point: Double, step: Double)? {
        let end: Double, slope: Slope
        switch (slopeA, slopeB) {
        case let (.value(atA), .value(atB)):
            (end, slope) = abs(atA.derivative) <= abs(atB.derivative) ? (a, atA) : (b, atB)
        case let (.value(atA), .sign): (end, slope) = (a, atA)
        case let (.sign, .value(atB)): (end, slope) = (b, atB)
        case (.sign, .sign): return nil
        }
        let newton = end - slope.derivative / slope.curvature
        guard slope.curvature > 0 && newton > a && newton < b else { return nil }
        return (newton, newton - end)
    }

    /// The zero of the chord through the ends' derivatives after mapping each through
    /// logit((g - low) / (high - low)): a sigmoid rising from `low` to `high` becomes a straight
    /// line, so for a sum of sigmoids the chord lands near the root. Nil when a mapped value is
    /// out of (0, 1) or the point leaves (a, b).
    static func logitChordZero(
        _ a: Double, _ derivativeA: Double, _ b: Double, _ derivativeB: Double, _ range: ClosedRange<Double>
    ) -> Double? {
        let (low, high) = (range.lowerBound, range.upperBound)
        guard low < 0, high > 0, derivativeA > low, derivativeA < high, derivativeB > low, derivativeB < high else {
            return nil
        }
        // logit((g - low) / (high - low)) = ln((g - low) / (high - g)): two logarithms of odds ratios.
        let oddsA = (derivativeA - low) / (high - derivativeA)
        let towardRoot = log((-low / high) / oddsA), across = log((derivativeB - low) / (high - derivativeB) / oddsA)
        let point = a + towardRoot * (b - a) / across
        return point > a && point < b ? point : nil
    }
}
