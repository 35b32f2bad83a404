import Foundation

/// Cells on one side of the KL anchor where the derivative times an exponential weight increases,
/// so the derivative changes sign at most once, from negative to positive: such a cell holds at
/// most one stationary point, a minimum, decided by its ends' signs (like a cell of positive
/// curvature).
///
/// With the data derivative D = R - F (``RegularisedObjective/dataDerivativeParts(_:side:)``),
/// R = Σ w sigmoid(v + s) + c⁺ and F = Σ w sigmoid(-v + s) + c⁻, and the KL derivative K':
///
/// - right of the anchor (x + logit zeta ≥ 0), (e^v g)' = e^v (g + g'), with
///   D + D' = R + R' - Σ w sigmoid(-v + s)² - c⁻ ≥ R(a) - S⁻(a) (R rises, sigmoid(-v + s) falls)
///   and K' + K'' = beta q(1-q)(1 + (x + logit zeta)(1 - tanh(x/2))) ≥ beta min q(1-q);
/// - left of the anchor (x + logit zeta ≤ 0), (e^-v g)' = e^-v (g' - g), with
///   D' - D ≥ F(b) - S⁺(b) and K'' - K' = beta q(1-q)(1 - (x + logit zeta)(1 + tanh(x/2))) ≥ beta min q(1-q),
///
/// where S⁻ = Σ w sigmoid(-v + s)² + c⁻ and S⁺ = Σ w sigmoid(v + s)² + c⁺
/// (``RegularisedObjective/dataEndParts(_:side:)``). Where data and KL derivatives decay at
/// the same exponential rate (a minimum far out in a tail) this decides a cell that neither the
/// curvature bound nor an exclusion can, without a scan.
extension GlobalMinimizer {
    /// True when the weighted derivative provably increases on [a, b] (one smooth piece, one side
    /// of the KL anchor, |a|, |b| ≤ 600); false when it cannot tell.
    /// `ends`: the parts at a (right side) and b (left side) when the caller has them.
    static func weightedDerivativeIncreases<Objective: RegularisedObjective>(
        _ objective: Objective, _ a: Double, _ b: Double, ends: CellEndParts? = nil
    ) -> Bool {
        guard let right = sideOfAnchor(objective, a, b) else { return false }
        let kl = objective.regulariser
        guard let parts = right ? ends?.lower ?? objective.dataEndParts(a, side: .right)
            : ends?.upper ?? objective.dataEndParts(b, side: .left)
        else { return false }
        let klPart = kl.beta * min(StableMath.sigmoidSlope(a + kl.shift), StableMath.sigmoidSlope(b + kl.shift))
        let (gain, loss) = right ? (parts.rising + klPart, parts.fallingSquares) : (parts.falling + klPart, parts.risingSquares)
        let margin = weightedMonotoneTolerance * (gain + loss)
        return margin.isFinite && gain - loss > margin
    }

    /// Allowance for rounding in ``weightedDerivativeIncreases(_:_:_:)``, relative to its terms.
    static let weightedMonotoneTolerance = 1e-11
}

/// The data derivative's parts at one point, from one pass over the rows: what the exclusions
/// (``GlobalMinimizer/excludesRoot(_:_:_:slopeAtLower:slopeAtUpper:ends:)``,
/// ``GlobalMinimizer/weightedBoundExcludesRoot(_:_:_:ends:)``) and the rising certificate
/// (``GlobalMinimizer/weightedDerivativeIncreases(_:_:_:ends:)``) read at a cell's ends.
public struct EndParts: Sendable {
    /// R: the terms w sigmoid(v + s) and a positive hinge constant.
    public var rising: Double
    /// F: the terms w sigmoid(-v + s) and a negative hinge constant's magnitude.
    public var falling: Double
    /// S⁺: Σ w sigmoid(v + s)² and the positive hinge constant.
    public var risingSquares: Double
    /// S⁻: Σ w sigmoid(-v + s)² and the negative hinge constant's magnitude.
    public var fallingSquares: Double
    /// A bound of the rounding error of the data derivative R - F.
    public var error: Double

    /// The data derivative R - F.
    public var derivative: Double { rising - falling }

    /// The rounding allowance for a derivative summed from terms of total magnitude `magnitude`:
    /// a few ulps per term, and a product's underflow in lifted units (``CountColumns``).
    static func error(magnitude: Double) -> Double {
        4 * 70 * Double.ulpOfOne * magnitude + 4 * .leastNormalMagnitude
    }
}

extension GlobalMinimizer {
    /// The data's parts at a cell's ends: right of its lower end, left of its upper end.
    typealias CellEndParts = (lower: EndParts, upper: EndParts)
}

extension RegularisedObjective {
    /// The data derivative's parts on `side` of v (|v| ≤ 600), from one pass; nil when unknown.
    public func dataEndParts(_ v: Double, side: PieceSide) -> EndParts? { nil }
}

extension InclusiveLearningObjective {
    public func dataEndParts(_ v: Double, side: PieceSide) -> EndParts? {
        guard abs(v) <= SlopeAccumulator.logModeThreshold else { return nil }
        let growth = exp(v)
        let columns = likelihood.unitColumns
        var up = 0.0, down = 0.0, upSquares = 0.0, downSquares = 0.0
        for j in 1..<likelihood.k {
            let n1 = columns.choseM1[j], n2 = columns.choseM2[j]
            guard n1 + n2 > 0 else { continue }
            let e = growth * likelihood.constants.rows[j].scale
            let reciprocal = 1 / (1 + e)
            let share = e * reciprocal
            up += n1 * share
            upSquares += n1 * (share * share)
            down += n2 * reciprocal
            downSquares += n2 * (reciprocal * reciprocal)
        }
        let unit = columns.unit
        let (rising, falling) = (up * unit, down * unit)
        return EndParts(
            rising: rising, falling: falling, risingSquares: upSquares * unit, fallingSquares: downSquares * unit,
            error: EndParts.error(magnitude: rising + falling))
    }
}

extension SLiCObjective {
    public func dataEndParts(_ v: Double, side: PieceSide) -> EndParts? {
        guard abs(v) <= SlopeAccumulator.logModeThreshold else { return nil }
        let (growth, decay) = (exp(v), exp(-v))
        let columns = unitColumns
        var up = 0.0, down = 0.0, upSquares = 0.0, downSquares = 0.0
        for j in 1..<k {
            let row = constants.rows[j]
            let (n1, n2) = (j >= 2 ? columns.choseM1[j] : 0, j <= k - 2 ? columns.choseM2[j] : 0)
            if n1 > 0 {
                let e = growth * row.upScale
                let share = e / (1 + e)
                up += n1 * share
                upSquares += n1 * (share * share)
            }
            if n2 > 0 {
                let e = decay * row.downScale
                let share = e / (1 + e)
                down += n2 * share
                downSquares += n2 * (share * share)
            }
        }
        let hinge = hingeDerivative(v, side: side)
        let (hingeRising, hingeFalling) = (max(hinge, 0), max(-hinge, 0))
        let unit = columns.unit
        let (smoothUp, smoothDown) = (up * unit, down * unit)
        // The hinge's weights count in full: their difference can cancel.
        return EndParts(
            rising: smoothUp + hingeRising, falling: smoothDown + hingeFalling,
            risingSquares: upSquares * unit + hingeRising, fallingSquares: downSquares * unit + hingeFalling,
            error: EndParts.error(magnitude: smoothUp + smoothDown + lowerHingeWeight + upperHingeWeight))
    }
}
