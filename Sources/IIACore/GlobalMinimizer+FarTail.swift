import Foundation

/// Far cells: beyond |v| = 600 the derivative of data(v) + beta KL(v) on a smooth piece is
/// known in closed form (``FarTail``), so a cell there needs neither a curvature certificate
/// nor a scan.
///
/// On the right (v > 600, x = v + ln(|M2|/|M1|) > 570) the KL derivative is
/// beta e^-x (x + logit zeta) to double precision, so with the data part's constant C and weight W
///
///     g(v) = C + e^-v (-W + (beta / m)(x + logit zeta)),   m = |M2| / |M1|,
///     h(v) = e^v g(v) = C e^v - W + (beta / m)(x + logit zeta),   h'(v) = C e^v + beta / m.
///
/// h has the sign of g. When C ≥ 0 it increases: at most one root, a minimum, found from the
/// signs at the cell's ends. When C < 0 it increases up to v* = ln(beta / (m |C|)) and decreases
/// after it, where a root would be a maximum: the minimum, if any, lies in [a, min(b, v*)].
/// On the left (v < -600) e^-v g(v) = C e^-v + W + beta m (x + logit zeta) likewise increases
/// when C ≤ 0, and otherwise from v* = ln(C / (beta m)) on.
extension GlobalMinimizer {
    /// ±600 when it lies strictly inside (a, b): a cell reaching across it is split there.
    static func farThresholdCrossing(_ a: Double, _ b: Double) -> Double? {
        let threshold = FarTail.threshold
        if a < threshold && b > threshold { return threshold }
        if a < -threshold && b > -threshold { return -threshold }
        return nil
    }

    /// True when [a, b] lies on one side beyond ±600 (ends included).
    static func isFar(_ a: Double, _ b: Double) -> Bool {
        a >= FarTail.threshold || b <= -FarTail.threshold
    }

    /// The bracket of the far cell [a, b]'s minimum (negative derivative at its lower end,
    /// positive at its upper end), or nil when the cell holds no local minimum.
    static func farBracket<Objective: RegularisedObjective>(
        _ objective: Objective, _ a: Double, _ slopeA: EndSlope, _ b: Double, _ slopeB: EndSlope
    ) -> Bracket? {
        let kl = objective.regulariser
        let right = a >= FarTail.threshold
        let tail = objective.farTail(at: Bisection.midpoint(a, b), side: .right)
        let constant = tail.constant
        var (lower, upper, atLower, atUpper) = (a, b, slopeA, slopeB)
        if right && constant < 0 {
            let turn = kl.logBeta - kl.shift - log(-constant)
            guard turn > a else { return nil }
            if turn < b { (upper, atUpper) = (turn, .value(objective.slope(turn))) }
        } else if !right && constant > 0 {
            let turn = log(constant) - kl.logBeta - kl.shift
            guard turn < b else { return nil }
            if turn > a { (lower, atLower) = (turn, .value(objective.slope(turn))) }
        }
        guard atLower.isNegative && atUpper.isPositive else { return nil }
        // With C = 0 (the data on this side are one-sided) e^{±v} g is affine in v: its root is
        // the minimiser, in closed form. Newton starts there and confirms it in a step or two
        // (far out the derivative itself underflows, so steps from elsewhere would be rejected
        // and the search would bisect: 50 steps at v = 2.5e20).
        let start = constant == 0 ? affineFarRoot(kl, logWeight: tail.logWeight, right: right) : nil
        guard let start, start > lower, start < upper else { return Bracket(lower: lower, upper: upper) }
        return tightBracket(objective, around: start, lower: lower, upper: upper)
            ?? Bracket(lower: lower, upper: upper, start: StartingPoint(point: start))
    }

    /// A bracket a hair around the closed-form root `start`, when the slopes at its ends confirm
    /// it. Far out the derivative's own slope is below its rounding, so Newton's steps are
    /// rejected and the search bisects: from the whole far cell that takes dozens of steps to
    /// reach the closed form's accuracy (the rounding of an exponential of a logarithm, about
    /// 1e-13 relative), from this bracket about fifteen.
    static func tightBracket<Objective: RegularisedObjective>(
        _ objective: Objective, around start: Double, lower: Double, upper: Double
    ) -> Bracket? {
        let margin = farStartTolerance * abs(start)
        let (near, far) = (start - margin, start + margin)
        guard near > lower, far < upper, objective.slope(near).derivative < 0, objective.slope(far).derivative > 0
        else { return nil }
        return Bracket(lower: near, upper: far, start: StartingPoint(point: start))
    }

    /// The relative half-width of ``tightBracket(_:around:lower:upper:)``.
    static let farStartTolerance = 4e-12

    /// The root of e^{±v} g when the data part's constant is 0: with m = |M2|/|M1|, x = v + ln m
    /// and L = logit zeta,
    ///     right: -W + (beta / m)(x + L) = 0,  x = W m / beta - L;
    ///     left:   W + beta m (x + L) = 0,     x = -W / (beta m) - L.
    /// Nil when W m / beta overflows.
    static func affineFarRoot(_ kl: KLRegulariser, logWeight: Double, right: Bool) -> Double? {
        let ratio = right ? exp(logWeight + kl.shift - kl.logBeta) : exp(logWeight - kl.shift - kl.logBeta)
        guard ratio.isFinite else { return nil }
        let x = right ? ratio - kl.baseLogOdds : -ratio - kl.baseLogOdds
        return x - kl.shift
    }
}

extension GlobalMinimizer {
    /// Where the search bound's walk (looking for the data derivative's sign change) can jump
    /// from v beyond ±600: the data derivative C ± W e^∓v keeps its sign on the whole piece when
    /// C has that sign (then past the next kink, v itself included: the walk evaluates the piece
    /// on v's inner side), else it changes sign at ln(∓C / W)^±1 — one
    /// beyond that. Nil inside ±600 or when no jump applies.
    static func farWalkTarget<Objective: RegularisedObjective>(
        _ objective: Objective, from v: Double, leftward: Bool
    ) -> Double? {
        guard abs(v) > FarTail.threshold else { return nil }
        let tail = objective.farTail(at: v, side: leftward ? .right : .left)
        if leftward {
            guard v < 0 else { return nil }
            if tail.constant >= 0 {
                return objective.kinks.reversed().first { $0 <= v }?.nextDown
            }
            let root = log(-tail.constant) - tail.logWeight
            return root < v ? root - 1 : nil
        }
        guard v > 0 else { return nil }
        if tail.constant <= 0 {
            return objective.kinks.first { $0 >= v }?.nextUp
        }
        let root = tail.logWeight - log(tail.constant)
        return root > v ? root + 1 : nil
    }
}
