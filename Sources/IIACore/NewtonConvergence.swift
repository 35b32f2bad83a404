/// The tests by which a Newton iterate is accepted as the root (shared by ``SafeguardedNewton``
/// and ``OneSidedNewton``; each method's convergence check maps them to a ``Termination``).
enum NewtonConvergence {
    /// True when a step from x to next is within a few units in the last place, or within
    /// 4 ulp of 1 near zero: the scalars are log-odds, whose derivatives carry rounding of that
    /// absolute size near 0, so a root at 0 is not chased down to 1e-300.
    static func isNegligible(_ step: Double, from x: Double, to next: Double) -> Bool {
        next.isFinite && abs(step) <= 4 * Double.ulpOfOne * max(abs(next), abs(x), 1)
    }

    /// True when Newton's step from x (after a Newton step `previousStep`) can be accepted without
    /// another evaluation. In the quadratic phase the error after a step s is about K s^2; K is
    /// estimated from the observed contraction, K ≈ |s| / previousStep^2, but never below 1/2: a
    /// previous step from outside the quadratic phase can land unusually close and make the
    /// estimate far too small, and for the likelihood 1/2 is a true bound (its third derivative is
    /// at most its second in size, so the error after a step is at most about s^2 / 2). The step
    /// is accepted when that predicted error is below 1e-14 relative, and only when the steps
    /// shrink at least a hundredfold.
    static func isQuadraticallyConverged(step: Double, at x: Double, previousStep: Double) -> Bool {
        let (size, previous) = (abs(step), abs(previousStep))
        guard size <= 1e-2 * previous else { return false }
        let ratio = size / previous
        let predictedError = size * max(ratio * ratio, size / 2)
        return predictedError <= 1e-14 * max(1, abs(x))
    }
}
