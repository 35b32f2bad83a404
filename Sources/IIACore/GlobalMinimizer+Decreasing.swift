import Foundation

/// Cells where the derivative decreases: they hold at most one stationary point, a maximum, so
/// no local minimum. Beyond the KL term's inflection points its curvature is negative, and where
/// it outweighs the data curvature (a hinge constant against a decaying KL derivative, say) the
/// cell around a maximum is settled by a few halvings instead of a scan.
extension GlobalMinimizer {
    /// True when an upper bound of the curvature on [a, b] (one smooth piece, |a|, |b| ≤ 600,
    /// outside the KL term's convex range) is negative with room for rounding.
    static func derivativeDecreases<Objective: RegularisedObjective>(_ objective: Objective, _ a: Double, _ b: Double) -> Bool {
        guard max(abs(a), abs(b)) <= SlopeAccumulator.logModeThreshold,
            let kl = objective.regulariser.curvatureUpperBound(a, b),
            let ends = StableMath.endExponentials(a, b),
            let data = objective.dataCurvatureUpperBound(a, b, exponentials: ends)
        else { return false }
        return data + kl < -decreasingTolerance * (data + abs(kl))
    }

    /// Allowance for rounding in ``derivativeDecreases(_:_:_:)``, relative to the terms.
    static let decreasingTolerance = 1e-10
}

extension KLRegulariser {
    /// An upper bound (negative) of the KL curvature beta q(1-q) phi(x), phi = 1 - tanh(x/2)(x +
    /// logit zeta), on [a, b] beyond an inflection point; nil elsewhere. Right of the upper one
    /// (x > 0) q(1-q) decreases and phi < 0 decreases, so the curvature is at most
    /// beta q(1-q)(x_b) phi(x_a); left of the lower one (x < 0) both mirror: beta q(1-q)(x_a) phi(x_b).
    func curvatureUpperBound(_ a: Double, _ b: Double) -> Double? {
        let (xa, xb) = (a + shift, b + shift)
        func phi(_ x: Double) -> Double { 1 - tanh(x / 2) * (x + baseLogOdds) }
        if a >= inflections.upper && xa > 0 {
            let value = phi(xa)
            return value < 0 ? beta * (StableMath.sigmoidSlope(xb) * value) : nil
        }
        if b <= inflections.lower && xb < 0 {
            let value = phi(xb)
            return value < 0 ? beta * (StableMath.sigmoidSlope(xa) * value) : nil
        }
        return nil
    }
}

extension StableMath {
    /// The largest sigmoid(t) sigmoid(-t) for t from direction * a + shift to direction * b +
    /// shift, from e^±a, e^±b and scale = e^shift: 1/4 when t = 0 is inside, else at the end
    /// nearer 0 (the one whose E = e^t is nearer 1).
    static func largerSigmoidSlope(direction: Double, scale: Double, ends: EndExponentials) -> Double {
        let (xa, xb) = direction > 0
            ? (ends.growthAtA * scale, ends.growthAtB * scale) : (ends.decayAtA * scale, ends.decayAtB * scale)
        if (xa <= 1) != (xb <= 1) { return 0.25 }
        let x = xa <= 1 ? max(xa, xb) : min(xa, xb)
        let reciprocal = 1 / (1 + x)
        return x * reciprocal * reciprocal
    }
}

extension InclusiveLearningObjective {
    public func dataCurvatureUpperBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials) -> Double? {
        let columns = likelihood.unitColumns
        var bound = 0.0
        for j in 1..<likelihood.k {
            let n = columns.choseM1[j] + columns.choseM2[j]
            guard n > 0 else { continue }
            bound += n * StableMath.largerSigmoidSlope(
                direction: 1, scale: likelihood.constants.rows[j].scale, ends: exponentials)
        }
        return bound * columns.unit
    }
}

extension SLiCObjective {
    public func dataCurvatureUpperBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials) -> Double? {
        let columns = unitColumns
        var bound = 0.0
        for j in 1..<k {
            let (n1, n2) = (j >= 2 ? columns.choseM1[j] : 0, j <= k - 2 ? columns.choseM2[j] : 0)
            guard n1 > 0 || n2 > 0 else { continue }
            let row = constants.rows[j]
            if n1 > 0 { bound += n1 * StableMath.largerSigmoidSlope(direction: 1, scale: row.upScale, ends: exponentials) }
            if n2 > 0 { bound += n2 * StableMath.largerSigmoidSlope(direction: -1, scale: row.downScale, ends: exponentials) }
        }
        return bound * columns.unit
    }
}
