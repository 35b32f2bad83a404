import Foundation

/// The Plackett–Luce negative log-likelihood of a table of rankings as a function of one scalar.
///
/// Row j of the table holds rankings of sets with a = j messages of M1 and b = k - j of M2; its
/// column is the category ranked first. With u = psi2 - psi1 (or v = theta2 - theta1 for IL), the
/// u-dependent part of a ranking's negative log-likelihood is
///
///     type 1 (M1 first):  Σ_{i=1..a} ln(i + b e^u),
///     type 2 (M2 first):  Σ_{i=1..b} [ln(a + i e^u) - u].
///
/// Plackett–Luce is sequential choice: a type-1 ranking is the choice of an M1 message from sets
/// of i M1 and b M2 messages (i = a, …, 1), a type-2 ranking the choice of an M2 message from sets
/// of a M1 and i M2 messages. So the likelihood is a logit choice likelihood over virtual
/// choice sets of (x, y) = (M1, M2) messages, x, y ≥ 1, x + y ≤ k. Set (x, y) collects the type-1
/// rankings of row k - y and the type-2 rankings of row x: a virtual M1 choice costs
/// ln x + softplus(u + s), a virtual M2 choice ln y + softplus(-(u + s)), s = ln(y / x). The
/// derivative is Σ w1 sigmoid(u + s) - w2 sigmoid(-(u + s)): non-decreasing (convex likelihood),
/// from -(virtual M2 choices) to +(virtual M1 choices). Rows 0 and k do not depend on u.
public struct PlackettLuceLikelihood: SlopeFunction {
    /// |Y|.
    public let k: Int
    /// One virtual choice set's weights and its sigmoid shift s = ln(y / x), scale e^s = y / x.
    struct Term: Sendable {
        var shift: Double
        var scale: Double
        var choseM1: Double
        var choseM2: Double
    }
    /// The virtual choice sets holding data.
    let terms: [Term]
    /// Σ w1 ln x + w2 ln y: the value's part that does not depend on u.
    let constant: Double
    /// Virtual choices of M1 (Σ over type-1 rankings in mixed rows of j), and of M2 (Σ over
    /// type-2 rankings of k - j).
    public let mixedChoseM1: Double
    public let mixedChoseM2: Double

    /// The likelihood of `counts`, read as rankings (row j, category ranked first).
    public init(_ counts: PreferenceCounts) {
        let k = counts.k
        self.k = k
        var terms: [Term] = []
        var constant = 0.0, up = 0.0, down = 0.0
        for x in 1..<k {
            for y in 1...(k - x) {
                let w1 = counts.choseM1[k - y], w2 = counts.choseM2[x]
                guard w1 > 0 || w2 > 0 else { continue }
                let (m1, m2) = (Double(x), Double(y))
                terms.append(Term(shift: log(m2) - log(m1), scale: m2 / m1, choseM1: w1, choseM2: w2))
                constant += w1 * log(m1) + w2 * log(m2)
                up += w1
                down += w2
            }
        }
        self.terms = terms
        self.constant = constant
        (mixedChoseM1, mixedChoseM2) = (up, down)
    }

    /// True when the likelihood has a minimiser: mixed rows hold rankings of both types.
    public var hasMinimizer: Bool { mixedChoseM1 > 0 && mixedChoseM2 > 0 }

    /// The u-dependent negative log-likelihood (the sums above, summed over the table).
    public func value(_ u: Double) -> Double {
        var sum = constant
        for term in terms {
            let t = u + term.shift
            if term.choseM1 > 0 { sum += term.choseM1 * StableMath.softplus(t) }
            if term.choseM2 > 0 { sum += term.choseM2 * StableMath.softplus(-t) }
        }
        return sum
    }

    /// Adds the derivative and curvature at the accumulators' point, without cancellation.
    func accumulate(_ u: Double, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator) {
        guard derivative.logMode || curvature.logMode else {
            // e^(u + s) = e^u * y/x from the accumulator's e^u; shares E/(1 + E) ≤ 1 first, so
            // that no product overflows.
            let growth = derivative.growth
            var sumDerivative = 0.0, sumCurvature = 0.0
            for term in terms {
                let e = growth * term.scale
                let reciprocal = 1 / (1 + e)
                let share = e * reciprocal
                sumDerivative += term.choseM1 * share - term.choseM2 * reciprocal
                sumCurvature += (term.choseM1 + term.choseM2) * (share * reciprocal)
            }
            derivative.addConstant(sumDerivative)
            curvature.addConstant(sumCurvature)
            return
        }
        for term in terms {
            SlopeAccumulator.addLogistic(
                up: term.choseM1, down: term.choseM2, weight: term.choseM1 + term.choseM2, direction: 1,
                shift: term.shift, scale: term.scale, derivative: &derivative, curvature: &curvature)
        }
    }

    /// The derivative and curvature on a common scale (in closed form far out, see ``FarTail``).
    public func slope(_ u: Double) -> Slope {
        slopeOnCommonScale(u)
    }

    public func slope(at u: Double) -> Slope { slope(u) }

    /// The derivative far out: w1 sigmoid(t) - w2 sigmoid(-t), t = u + s, is w1 - (w1 + w2) e^-t on
    /// the right and -w2 + (w1 + w2) e^t on the left (|s| ≤ ln 63, so the closed form holds).
    func farTail(right: Bool) -> FarTail {
        var weight = ScaledSum()
        for term in terms { weight.add(term.choseM1 + term.choseM2, right ? 1 / term.scale : term.scale) }
        return FarTail(constant: right ? mixedChoseM1 : -mixedChoseM2, logWeight: weight.logarithm)
    }

    /// A lower bound of the curvature on [a, b]: each term's sigmoid slope is unimodal, so its
    /// minimum over an interval sits at an end.
    func curvatureLowerBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials?) -> Double {
        var bound = 0.0
        for term in terms {
            bound += (term.choseM1 + term.choseM2) * StableMath.smallerSigmoidSlope(
                direction: 1, shift: term.shift, scale: term.scale, a: a, b: b, exponentials: exponentials)
        }
        return bound
    }

    /// a with derivative(u) ≤ a e^u for every u (used when no mixed ranking put M2 first).
    var leftTailCoefficient: Double { terms.reduce(0) { $0 + $1.choseM1 * $1.scale } }
    /// b with derivative(u) ≥ -b e^-u for every u (used when no mixed ranking put M1 first).
    var rightTailCoefficient: Double { terms.reduce(0) { $0 + $1.choseM2 / $1.scale } }

    /// Σ w1 sigmoid(u + s) and Σ w2 sigmoid(-(u + s)) (|u| ≤ 600): the derivative is their
    /// difference, their sum its terms' magnitude.
    func derivativeParts(_ u: Double) -> (up: Double, down: Double) {
        let growth = exp(u)
        var up = 0.0, down = 0.0
        for term in terms {
            let e = growth * term.scale
            let reciprocal = 1 / (1 + e)
            up += term.choseM1 * (e * reciprocal)
            down += term.choseM2 * reciprocal
        }
        return (up, down)
    }

    /// A first guess of the minimiser: the weighted mean of the virtual sets' own minimisers
    /// ln(w2 / w1) - s, or the log-ratio of the virtual totals when no set holds both.
    func initialGuess() -> Double {
        var mean = 0.0, weight = 0.0
        for term in terms where term.choseM1 > 0 && term.choseM2 > 0 {
            let ratio = term.choseM2 / term.choseM1
            let logRatio = ratio.isNormal && ratio.isFinite ? log(ratio) : log(term.choseM2) - log(term.choseM1)
            weight += term.choseM1 + term.choseM2
            mean += (term.choseM1 + term.choseM2) / weight * (logRatio - term.shift - mean)
        }
        if weight > 0 && mean.isFinite { return mean }
        return log(max(mixedChoseM2, .leastNormalMagnitude)) - log(max(mixedChoseM1, .leastNormalMagnitude))
    }
}
