import Foundation

/// beta times KL(P_theta || P_base) as a function of the policy's parameter gap v = theta2 - theta1.
///
/// With x = v + ln(|M2|/|M1|), the policy's mass on M2 is q = sigmoid(x) and
/// KL = q ln(q/(1-zeta)) + (1-q) ln((1-q)/zeta). Its derivative is beta q(1-q)(x + logit zeta)
/// and it is not convex in v: the curvature beta q(1-q)(1 - tanh(x/2)(x + logit zeta)) turns
/// negative in both tails.
public struct KLRegulariser: Sendable {
    public internal(set) var beta: Double
    /// ln(|M2| / |M1|).
    public let shift: Double
    /// |M2| / |M1|.
    let sizeRatio: Double
    /// logit(zeta).
    public let baseLogOdds: Double
    let logZeta: Double
    /// ln(beta).
    var logBeta: Double
    let logOneMinusZeta: Double
    /// v between the KL term's two inflection points: the KL term is convex there.
    let convexRange: ClosedRange<Double>
    /// The KL term's inflection points: beyond them the KL derivative decreases.
    let inflections: (lower: Double, upper: Double)

    public init(_ parameters: ModelParameters) {
        beta = parameters.beta
        shift = parameters.logSizeRatio
        sizeRatio = Double(parameters.m2) / Double(parameters.m1)
        baseLogOdds = parameters.baseLogOdds
        logZeta = log(parameters.zeta)
        logBeta = log(parameters.beta)
        logOneMinusZeta = log1p(-parameters.zeta)
        inflections = Self.inflections(shift: shift, baseLogOdds: baseLogOdds)
        convexRange = inflections.lower...inflections.upper
    }

    /// The minimiser of the KL term alone: the base policy, v0 = -logit(zeta) - ln(|M2|/|M1|).
    public var anchor: Double { -baseLogOdds - shift }

    /// beta KL at v.
    public func value(_ v: Double) -> Double {
        let x = v + shift
        let logQ = StableMath.logSigmoid(x)
        let logNotQ = StableMath.logSigmoid(-x)
        let q = exp(logQ)
        let notQ = exp(logNotQ)
        return beta * (q * (logQ - logOneMinusZeta) + notQ * (logNotQ - logZeta))
    }

    func accumulate(_ v: Double, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator) {
        let x = v + shift
        let gap = x + baseLogOdds
        if !derivative.logMode && !curvature.logMode {
            // No exponential: E = e^x = e^v |M2|/|M1|, q(1-q) = E/(1+E)^2, tanh(x/2) = (E-1)/(E+1).
            let e = derivative.growth * sizeRatio
            let reciprocal = 1 / (1 + e)
            let slope = e * reciprocal * reciprocal
            let halfTanh = (e - 1) * reciprocal
            // beta last: the bracketed products stay small, so only a true overflow overflows.
            derivative.addConstant(beta * (gap * slope))
            curvature.addConstant(beta * ((1 - halfTanh * gap) * slope))
            return
        }
        // beta enters as ln(beta) in the exponent: beta * gap itself can overflow far out.
        derivative.addSigmoidSlope(gap, direction: 1, shift: shift, logScale: logBeta)
        curvature.addSigmoidSlope(1 - tanh(x / 2) * gap, direction: 1, shift: shift, logScale: logBeta)
    }

    /// The derivative beta q(1-q)(x + logit zeta) at v, directly (underflows to 0 far out).
    func derivative(_ v: Double) -> Double {
        let x = v + shift
        return beta * StableMath.sigmoidSlope(x) * (x + baseLogOdds)
    }

    /// An upper bound of |derivative| on [a, b] (in v): beta max q(1-q) max |x + logit zeta|.
    func derivativeMagnitudeBound(_ a: Double, _ b: Double) -> Double {
        let x1 = a + shift, x2 = b + shift
        let peak = StableMath.sigmoidSlope(min(max(0, x1), x2))
        return beta * peak * max(abs(x1 + baseLogOdds), abs(x2 + baseLogOdds))
    }

    /// A lower bound of the curvature on [a, b] (in v), given e^±a and e^±b when both are far
    /// from overflow (no exponential or tanh is needed then).
    ///
    /// phi(x) = -tanh(x/2)(x + logit zeta) is smallest at an end of any interval, or is ≥ 0
    /// there, and q(1-q) is unimodal, which gives a cheap and safe bound.
    func curvatureLowerBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials? = nil) -> Double {
        let x1 = a + shift, x2 = b + shift
        // tanh(x/2) and q(1-q) at both ends, from E = e^x = e^v |M2|/|M1| when it is known.
        let halfTanh1: Double, halfTanh2: Double, slope1: Double, slope2: Double
        if let ends = exponentials {
            let e1 = ends.growthAtA * sizeRatio, e2 = ends.growthAtB * sizeRatio
            (halfTanh1, halfTanh2) = ((e1 - 1) / (e1 + 1), (e2 - 1) / (e2 + 1))
            (slope1, slope2) = (StableMath.sigmoidSlope(exponential: e1), StableMath.sigmoidSlope(exponential: e2))
        } else {
            (halfTanh1, halfTanh2) = (tanh(x1 / 2), tanh(x2 / 2))
            (slope1, slope2) = (StableMath.sigmoidSlope(x1), StableMath.sigmoidSlope(x2))
        }
        let phi1 = -halfTanh1 * (x1 + baseLogOdds), phi2 = -halfTanh2 * (x2 + baseLogOdds)
        let factor = 1 + min(phi1, phi2, 0)
        if factor >= 0 {
            return beta * factor * min(slope1, slope2)
        }
        // The peak of q(1-q) on [x1, x2]: 1/4 when x = 0 is inside, else at the end nearer 0.
        let peak = x1 <= 0 && x2 >= 0 ? 0.25 : max(slope1, slope2)
        return beta * factor * peak
    }
}
