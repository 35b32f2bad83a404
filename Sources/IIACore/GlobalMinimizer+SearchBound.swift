import Foundation

/// The bound of the global search: an interval that holds every local minimiser, the
/// derivative negative left of it and positive right of it.
///
/// Left of a point where the data derivative is ≤ 0 (it is non-decreasing) and of the KL
/// anchor (where the KL derivative turns positive) the whole derivative is negative;
/// symmetrically on the right. The walk evaluates the whole slope and subtracts the KL part,
/// so the slopes at the final ends serve the minimiser too.
extension GlobalMinimizer {
    /// An interval that holds every local minimiser, with the objective's one-sided slopes at its
    /// ends (inward: right of `lower`, left of `upper`) when the search computed them anyway.
    struct SearchBound {
        var lower: Double
        var upper: Double
        var slopeAtLower: EndSlope?
        var slopeAtUpper: EndSlope?
        /// Slopes at kinks the search evaluated (at most the two kinks).
        var firstKink: (point: Double, slopes: KinkSlopes)?
        var lastKink: (point: Double, slopes: KinkSlopes)?

        func kinkSlopes(at kink: Double) -> KinkSlopes? {
            if let known = firstKink, known.point == kink { return known.slopes }
            if let known = lastKink, known.point == kink { return known.slopes }
            return nil
        }
    }

    /// The farthest a bound reaches: a minimiser beyond it (possible only for absurd parameters,
    /// such as beta near the smallest double) is reported at the bound.
    static let farthest = Double.greatestFiniteMagnitude

    /// x, or `farthest` when it overflowed (or is NaN from inf - inf).
    static func capped(_ x: Double) -> Double { x.isFinite ? min(x, farthest) : farthest }

    /// The search bound of `objective` (see the extension's summary).
    static func searchInterval<Objective: RegularisedObjective>(_ objective: Objective) -> SearchBound {
        let anchor = objective.regulariser.anchor
        let kinks = objective.kinks
        if let root = objective.dataMinimizer, kinks.isEmpty {
            return boundBesideDataMinimizer(root, anchor: anchor)
        }
        var bound = SearchBound(lower: min(anchor, kinks.first ?? anchor), upper: max(anchor, kinks.last ?? anchor))
        let (lowerSettled, upperSettled) = settleAtKinks(objective, &bound)
        if !lowerSettled && objective.mixedChoseM2 > 0 {
            walkLower(objective, &bound)
        } else if !lowerSettled {
            extendLowerToTailBound(objective, &bound)
        }
        if !upperSettled && objective.mixedChoseM1 > 0 {
            walkUpper(objective, &bound)
        } else if !upperSettled {
            extendUpperToTailBound(objective, &bound)
        }
        return bound
    }

    /// With a unique data minimiser and no kinks: the data derivative is negative left of its
    /// root and positive right of it. At the anchor the KL derivative vanishes, so the whole
    /// derivative there has the data derivative's sign: no evaluation is needed for it (Newton
    /// starts from the root's end).
    @inline(__always)
    static func boundBesideDataMinimizer(_ root: Double, anchor: Double) -> SearchBound {
        if anchor < root { return SearchBound(lower: anchor, upper: root, slopeAtLower: .sign(.minus)) }
        if anchor > root { return SearchBound(lower: root, upper: anchor, slopeAtUpper: .sign(.plus)) }
        return SearchBound(lower: root, upper: root)
    }

    /// A kink between the anchor and where the walk would end saves the walk: if the data
    /// derivative is negative just left of a kink right of the anchor, it is negative on all of
    /// (-inf, kink) (it is non-decreasing), so the bound starts at the anchor, where the whole
    /// derivative has the data derivative's sign (symmetrically on the right). The kink's slopes
    /// are needed anyway: they are kept in the bound. Returns which ends were settled.
    @inline(__always)
    static func settleAtKinks<Objective: RegularisedObjective>(
        _ objective: Objective, _ bound: inout SearchBound
    ) -> (lower: Bool, upper: Bool) {
        let anchor = objective.regulariser.anchor
        let kinks = objective.kinks
        var settled = (lower: false, upper: false)
        if objective.mixedChoseM2 > 0, let kink = kinks.first, anchor < kink {
            let slopes = objective.slopesAtKink(kink)
            bound.firstKink = (kink, slopes)
            // Only when the piece (anchor, kink) then holds no sign change either: otherwise the
            // anchor's slope is worth evaluating for Newton's start.
            if let data = slopes.dataLeft, data < 0, slopes.left.derivative < 0 {
                (bound.lower, bound.slopeAtLower, settled.lower) = (anchor, .sign(.minus), true)
            }
        }
        if objective.mixedChoseM1 > 0, let kink = kinks.last, anchor > kink {
            let slopes = bound.kinkSlopes(at: kink) ?? objective.slopesAtKink(kink)
            bound.lastKink = (kink, slopes)
            if let data = slopes.dataRight, data > 0, slopes.right.derivative > 0 {
                (bound.upper, bound.slopeAtUpper, settled.upper) = (anchor, .sign(.plus), true)
            }
        }
        return settled
    }

    /// The data derivative at v on `side`, and the whole slope when it was computed too (from
    /// the kink slopes the bound holds, when v is one of them).
    @inline(__always)
    static func dataDerivative<Objective: RegularisedObjective>(
        _ objective: Objective, _ v: Double, _ side: PieceSide, known bound: SearchBound
    ) -> (data: Double, total: Slope?) {
        if let known = bound.kinkSlopes(at: v), let data = side == .left ? known.dataLeft : known.dataRight {
            return (data, side == .left ? known.left : known.right)
        }
        guard abs(v) <= SlopeAccumulator.logModeThreshold else {
            return (objective.dataSlope(v, side: side).derivative, nil)
        }
        let (total, data) = objective.slopeWithDataDerivative(v, side: side)
        return (data ?? total.derivative, total)
    }

    /// The data derivative tends to -(mixed M2 data) < 0 on the left: walks left, doubling the
    /// step (or jumping far out, ``farWalkTarget(_:from:leftward:)``), until it is ≤ 0.
    @inline(__always)
    static func walkLower<Objective: RegularisedObjective>(_ objective: Objective, _ bound: inout SearchBound) {
        var step = 1.0
        while true {
            let (data, total) = dataDerivative(objective, bound.lower, .right, known: bound)
            bound.slopeAtLower = total.map { .value($0) }
            // The whole slope must agree: at the anchor it is the data derivative plus the KL
            // derivative's rounding, which can outweigh a tiny data derivative.
            if data <= 0 && (total.map { $0.derivative < 0 } ?? true) || bound.lower <= -farthest { break }
            let jump = farWalkTarget(objective, from: bound.lower, leftward: true) ?? .infinity
            bound.lower = max(min(bound.lower - step, jump), -farthest)
            step *= 2
        }
    }

    /// The mirror of ``walkLower(_:_:)``: walks right until the data derivative is ≥ 0.
    @inline(__always)
    static func walkUpper<Objective: RegularisedObjective>(_ objective: Objective, _ bound: inout SearchBound) {
        var step = 1.0
        while true {
            let (data, total) = dataDerivative(objective, bound.upper, .left, known: bound)
            bound.slopeAtUpper = total.map { .value($0) }
            if data >= 0 && (total.map { $0.derivative > 0 } ?? true) || bound.upper >= farthest { break }
            let jump = farWalkTarget(objective, from: bound.upper, leftward: false) ?? -.infinity
            bound.upper = min(max(bound.upper + step, jump), farthest)
            step *= 2
        }
    }

    /// No mixed datum chose M2: the data derivative is ≤ a e^v left of the tail's start, and
    /// beta q(1-q)|x + L| beats it beyond the point returned here.
    @inline(__always)
    static func extendLowerToTailBound<Objective: RegularisedObjective>(_ objective: Objective, _ bound: inout SearchBound) {
        let kl = objective.regulariser
        let tail = objective.leftTail
        let m = exp(kl.shift)
        let x = min(0, -kl.baseLogOdds) - capped(4 * (tail.coefficient / kl.beta) / m) - 1
        bound.lower = max(min(bound.lower, x - kl.shift, tail.start, kl.anchor - 1), -farthest)
    }

    /// The mirror of ``extendLowerToTailBound(_:_:)`` when no mixed datum chose M1.
    @inline(__always)
    static func extendUpperToTailBound<Objective: RegularisedObjective>(_ objective: Objective, _ bound: inout SearchBound) {
        let kl = objective.regulariser
        let tail = objective.rightTail
        let m = exp(kl.shift)
        let x = max(0, -kl.baseLogOdds) + capped(4 * (tail.coefficient / kl.beta) * m) + 1
        bound.upper = min(max(bound.upper, x - kl.shift, tail.start, kl.anchor + 1), farthest)
    }
}
