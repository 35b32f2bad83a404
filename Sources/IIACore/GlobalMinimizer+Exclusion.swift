import Foundation

/// Cells that cannot hold a stationary point, or hold at most one, decided from the KL term's
/// known shape.
///
/// The data derivative D' is non-decreasing on a smooth piece. The KL derivative
/// K' = beta q(1-q)(x + logit zeta), x = v + ln(|M2|/|M1|), has the slope
/// beta q(1-q)(1 - tanh(x/2)(x + logit zeta)), which is positive between the KL term's two
/// inflection points (one each side of the anchor) and negative outside them. Between them the
/// whole derivative increases, so a cell there holds at most one root (``KLRegulariser/convexRange``).
/// Outside them K' decreases, so on a cell [a, b] the whole derivative lies between
/// D'(a) + K'(b) and D'(b) + K'(a): a positive lower or negative upper bound rules a root out,
/// however small the data are against the KL term (the bounds tighten as cells are halved).
extension GlobalMinimizer {
    /// True when the derivative cannot vanish on [a, b] (inside one smooth piece), given the
    /// objective's derivatives at its ends (one-sided inward). An end without a finite derivative
    /// (nil: known only by its sign) decides nothing; the tests allow for the rounding of every term.
    /// `ends`: the data derivative's parts at a (right side) and b (left side) when the caller has them.
    static func excludesRoot<Objective: RegularisedObjective>(
        _ objective: Objective, _ a: Double, _ b: Double, slopeAtLower: Double?, slopeAtUpper: Double?,
        ends: CellEndParts? = nil
    ) -> Bool {
        guard max(abs(a), abs(b)) <= SlopeAccumulator.logModeThreshold else { return false }
        if klBoundExcludesRoot(objective, a, b, slopeAtLower: slopeAtLower, slopeAtUpper: slopeAtUpper) { return true }
        // Outside the KL term's convex range its derivative decreases and the data derivative
        // increases: D'(a) + K'(b) ≤ g ≤ D'(b) + K'(a) on the cell.
        let kl = objective.regulariser
        guard b <= kl.inflections.lower || a >= kl.inflections.upper else { return false }
        let (klA, klB) = (kl.derivative(a), kl.derivative(b))
        let dataA = ends.map { (value: $0.lower.derivative, error: $0.lower.error) }
            ?? objective.dataDerivativeWithError(a, side: .right)
        if dataA.value + klB > dataA.error + kl.derivativeError(b) + relativeError(klB) { return true }
        let dataB = ends.map { (value: $0.upper.derivative, error: $0.upper.error) }
            ?? objective.dataDerivativeWithError(b, side: .left)
        return dataB.value + klA < -dataB.error - kl.derivativeError(a) - relativeError(klA)
    }

    /// The part of ``excludesRoot(_:_:_:slopeAtLower:slopeAtUpper:ends:)`` that needs no pass over
    /// the data (|a|, |b| ≤ 600): an end's derivative beyond the KL derivative's whole range on the cell.
    static func klBoundExcludesRoot<Objective: RegularisedObjective>(
        _ objective: Objective, _ a: Double, _ b: Double, slopeAtLower: Double?, slopeAtUpper: Double?
    ) -> Bool {
        let kl = objective.regulariser
        let (klA, klB) = (kl.derivative(a), kl.derivative(b))
        // Any cell: the KL derivative is bounded by its magnitude bound.
        let bound = kl.derivativeMagnitudeBound(a, b)
        if let slopeAtLower, slopeAtLower.isFinite && slopeAtLower - klA - bound > 0 { return true }
        if let slopeAtUpper, slopeAtUpper.isFinite && slopeAtUpper - klB + bound < 0 { return true }
        return false
    }

    /// The data derivative's parts at a (right side) and b (left side), from one pass at each;
    /// nil when the objective does not know them there.
    static func endParts<Objective: RegularisedObjective>(
        _ objective: Objective, _ a: Double, _ b: Double
    ) -> CellEndParts? {
        guard let lower = objective.dataEndParts(a, side: .right), let upper = objective.dataEndParts(b, side: .left)
        else { return nil }
        return (lower, upper)
    }

    /// A few ulps of x.
    private static func relativeError(_ x: Double) -> Double { 8 * Double.ulpOfOne * abs(x) }

    /// A KL inflection point strictly inside (a, b), where a cell is better split than in its
    /// middle (the parts then get certified or excluded); nil when none is.
    static func inflectionInside<Objective: RegularisedObjective>(_ objective: Objective, _ a: Double, _ b: Double) -> Double? {
        let convex = objective.regulariser.convexRange
        if a < convex.lowerBound && convex.lowerBound < b { return convex.lowerBound }
        if a < convex.upperBound && convex.upperBound < b { return convex.upperBound }
        return nil
    }
}

extension KLRegulariser {
    /// A bound of the rounding error of ``derivative(_:)`` (and of the same derivative summed into
    /// a slope) at v: a few ulps of beta q(1-q) times the magnitudes that make up x + logit zeta.
    func derivativeError(_ v: Double) -> Double {
        let x = v + shift
        return beta * (16 * Double.ulpOfOne * StableMath.sigmoidSlope(x) * (abs(v) + abs(shift) + abs(baseLogOdds) + 1))
    }

    /// The KL term's inflection points in v.
    static func inflections(shift: Double, baseLogOdds: Double) -> (lower: Double, upper: Double) {
        (-rightInflection(-baseLogOdds) - shift, rightInflection(baseLogOdds) - shift)
    }

    /// The x > max(0, -L) where tanh(x/2)(x + L) = 1: the KL curvature's zero right of the anchor
    /// (L = logit zeta). The left one is -rightInflection(-L). The function rises from -1 at
    /// max(0, -L) and is ≥ 0 at max(2, 1.32 - L) (tanh(1) > 1/1.32): ``SafeguardedNewton`` on
    /// that bracket, under the one driver loop, finds it.
    static func rightInflection(_ logOdds: Double) -> Double {
        let lower = max(0, -logOdds), upper = max(2, 1.32 - logOdds)
        return NewtonRoot.find(lower: lower, upper: upper, start: upper, of: InflectionEquation(logOdds: logOdds)).point
    }
}

/// tanh(x/2)(x + L) - 1 and its derivative, as the "derivative" and "curvature" a root search
/// reads: its root is where the KL term's curvature changes sign (see
/// ``KLRegulariser/rightInflection(_:)``).
struct InflectionEquation: SlopeFunction {
    let logOdds: Double

    func slope(at x: Double) -> Slope {
        let t = tanh(x / 2)
        return Slope(derivative: t * (x + logOdds) - 1, curvature: (1 - t * t) / 2 * (x + logOdds) + t)
    }
}

extension RegularisedObjective {
    /// The data derivative on `side` of v (|v| ≤ 600) and a bound of its rounding error: from the
    /// parts (``dataEndParts(_:side:)``: a few ulps of the terms' summed magnitude) when the
    /// objective knows them, else a few ulps of every mixed count.
    public func dataDerivativeWithError(_ v: Double, side: PieceSide) -> (value: Double, error: Double) {
        if let parts = dataEndParts(v, side: side) { return (parts.derivative, parts.error) }
        return (dataSlope(v, side: side).derivative, 4 * 70 * Double.ulpOfOne * (mixedChoseM1 + mixedChoseM2))
    }
}
