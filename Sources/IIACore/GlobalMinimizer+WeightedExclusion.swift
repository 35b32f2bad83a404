import Foundation

/// Cells on one side of the KL anchor that hold no stationary point, decided from the derivative
/// times an exponential weight.
///
/// The data derivative is D' = R - F with R a sum of terms w sigmoid(v + s) (and a positive hinge
/// constant) and F a sum of terms w sigmoid(-v + s) (and a negative hinge constant's magnitude).
/// Right of the anchor take the weight e^(v - a) on the cell [a, b]: e^v R and e^v F both increase,
/// and so does e^v K' = (beta / m) q^2 (x + logit zeta) (x + logit zeta ≥ 0 there). Left of the
/// anchor take e^(b - v): e^-v R and e^-v F both decrease, and e^-v K' = beta m (1 - q)^2 (x + logit
/// zeta) increases (x + logit zeta ≤ 0 there). The weighted derivative, which has g's sign, is then
/// an increasing part plus a decreasing part, so its range on the cell is bounded by the parts'
/// values at the ends. Unlike the plain bound D'(a) + K'(b), this one holds where data and KL
/// derivatives decay at the same exponential rate (a far, flat tail holds either sign over
/// hundreds of units): a few halvings decide such a tail instead of a scan.
extension GlobalMinimizer {
    /// True when the derivative cannot vanish on [a, b] (inside one smooth piece, on one side of
    /// the KL anchor, |a|, |b| ≤ 600), by the weighted bound; false when it cannot tell.
    /// `ends`: the parts at a (right side) and b (left side) when the caller has them.
    static func weightedBoundExcludesRoot<Objective: RegularisedObjective>(
        _ objective: Objective, _ a: Double, _ b: Double, ends: CellEndParts? = nil
    ) -> Bool {
        guard let right = sideOfAnchor(objective, a, b) else { return false }
        let kl = objective.regulariser
        let ratio = exp(b - a)
        guard ratio.isFinite,
            let atA = ends.map({ (rising: $0.lower.rising, falling: $0.lower.falling) })
                ?? objective.dataDerivativeParts(a, side: .right),
            let atB = ends.map({ (rising: $0.upper.rising, falling: $0.upper.falling) })
                ?? objective.dataDerivativeParts(b, side: .left)
        else { return false }
        // With beta near the largest double the KL derivative can overflow: then every term is
        // taken in units of 2^256 (exact but for underflow, allowed for below).
        let unit = kl.beta > 0x1p512 ? 0x1p-256 : 1.0
        let (klA, klB) = (kl.derivative(a, unit: unit), kl.derivative(b, unit: unit))
        let (errorA, errorB) = (kl.derivativeError(a) * unit, kl.derivativeError(b) * unit)
        let (risingA, fallingA) = (atA.rising * unit, atA.falling * unit)
        let (risingB, fallingB) = (atB.rising * unit, atB.falling * unit)
        // The weighted derivative's bounds: increasing part at a (b) plus decreasing part at b (a),
        // each with the magnitude of its terms and the KL derivative's own rounding error.
        let lower: Double, upper: Double, lowerSize: Double, upperSize: Double, lowerError: Double, upperError: Double
        if right {
            (lower, lowerSize, lowerError) = (risingA + klA - ratio * fallingB, risingA + abs(klA) + ratio * fallingB, errorA)
            (upper, upperSize, upperError) = (ratio * (risingB + klB) - fallingA, ratio * (risingB + abs(klB)) + fallingA, ratio * errorB)
        } else {
            (lower, lowerSize, lowerError) = (ratio * (klA - fallingA) + risingB, ratio * (abs(klA) + fallingA) + risingB, ratio * errorA)
            (upper, upperSize, upperError) = (klB - fallingB + ratio * risingA, abs(klB) + fallingB + ratio * risingA, errorB)
        }
        // Underflow in units of 2^256 loses at most the least normal magnitude per term.
        let underflow = unit == 1 ? 0 : 8 * (1 + ratio) * .leastNormalMagnitude
        let lowerMargin = weightedBoundTolerance * lowerSize + lowerError + underflow
        let upperMargin = weightedBoundTolerance * upperSize + upperError + underflow
        guard lowerMargin.isFinite && upperMargin.isFinite else { return false }
        return lower > lowerMargin || upper < -upperMargin
    }

    /// Which side of the KL anchor [a, b] lies on (true: right, a ≥ anchor; false: left, b ≤
    /// anchor), when it lies on one and within |v| ≤ 600, where the weighted tests apply; else nil.
    static func sideOfAnchor<Objective: RegularisedObjective>(_ objective: Objective, _ a: Double, _ b: Double) -> Bool? {
        guard max(abs(a), abs(b)) <= SlopeAccumulator.logModeThreshold else { return nil }
        let anchor = objective.regulariser.anchor
        if a >= anchor { return true }
        return b <= anchor ? false : nil
    }

    /// The weighted bound's allowance for rounding, relative to the summed magnitude of its terms
    /// (the terms, the weight e^(b - a) and the KL derivative are each good to far better).
    static let weightedBoundTolerance = 1e-11
}

extension KLRegulariser {
    /// The derivative beta q(1-q)(x + logit zeta) at v times `unit` (a power of two).
    func derivative(_ v: Double, unit: Double) -> Double {
        let x = v + shift
        return beta * unit * StableMath.sigmoidSlope(x) * (x + baseLogOdds)
    }
}
