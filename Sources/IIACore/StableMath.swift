import Foundation

/// Numerically stable scalar helpers used throughout the core.
///
/// Every function here is finite for every finite argument and never forms an intermediate
/// that overflows: log-odds of magnitude 1e15 are routine in this model.
public enum StableMath {
    /// ln(1 + e^t), without overflow for large t and without loss for very negative t.
    @inlinable
    public static func softplus(_ t: Double) -> Double {
        if t > 0 { return t + log1p(exp(-t)) }
        return log1p(exp(t))
    }

    /// softplus(t) given also e = e^t (finite, > 0): one logarithm, no exponential.
    @inlinable
    public static func softplus(_ t: Double, exponential e: Double) -> Double {
        e > 1 ? t + log1p(1 / e) : log1p(e)
    }

    /// The logistic function 1 / (1 + e^-t), accurate in both tails.
    @inlinable
    public static func sigmoid(_ t: Double) -> Double {
        if t >= 0 { return 1 / (1 + exp(-t)) }
        let e = exp(t)
        return e / (1 + e)
    }

    /// ln(sigmoid(t)) = -softplus(-t).
    @inlinable
    public static func logSigmoid(_ t: Double) -> Double { -softplus(-t) }

    /// sigmoid(t) * sigmoid(-t) = e^-|t| / (1 + e^-|t|)^2, without cancellation.
    @inlinable
    public static func sigmoidSlope(_ t: Double) -> Double {
        let e = exp(-abs(t))
        let d = 1 + e
        return e / (d * d)
    }

    /// sigmoid(t) * sigmoid(-t) from e = e^t (finite, > 0): 1 / (e + 2 + 1/e).
    @inlinable
    public static func sigmoidSlope(exponential e: Double) -> Double { 1 / (e + 2 + 1 / e) }

    /// The smaller of sigmoid(t) sigmoid(-t) at t = direction * a + shift and at
    /// t = direction * b + shift (a ≤ b), given e^±a, e^±b (nil far out) and scale = e^shift.
    ///
    /// The slope is unimodal with its peak at t = 0, so the smaller value sits at the end farther
    /// from 0: the one with the larger t when t_a + t_b ≥ 0, that is when E_a E_b ≥ 1 (E = e^t).
    /// One division instead of four.
    static func smallerSigmoidSlope(
        direction: Double, shift: Double, scale: Double, a: Double, b: Double, exponentials: EndExponentials?
    ) -> Double {
        guard let ends = exponentials else {
            return min(sigmoidSlope(direction * a + shift), sigmoidSlope(direction * b + shift))
        }
        let (xa, xb) = direction > 0
            ? (ends.growthAtA * scale, ends.growthAtB * scale) : (ends.decayAtA * scale, ends.decayAtB * scale)
        // The larger t: b for direction > 0, a otherwise.
        let x = (xa * xb >= 1) == (direction > 0) ? xb : xa
        let reciprocal = 1 / (1 + x)
        return x * reciprocal * reciprocal
    }

    /// e^±a and e^±b for the curvature bounds on [a, b].
    public struct EndExponentials: Sendable {
        public let growthAtA: Double
        public let growthAtB: Double
        public let decayAtA: Double
        public let decayAtB: Double
    }

    /// e^±a and e^±b when both ends are far from overflow (|a|, |b| ≤ 600), else nil.
    static func endExponentials(_ a: Double, _ b: Double) -> EndExponentials? {
        guard max(abs(a), abs(b)) <= 600 else { return nil }
        let (ea, eb) = (exp(a), exp(b))
        return EndExponentials(growthAtA: ea, growthAtB: eb, decayAtA: 1 / ea, decayAtB: 1 / eb)
    }

    /// ln(p / (1 - p)) for p in (0, 1).
    @inlinable
    public static func logit(_ p: Double) -> Double { log(p) - log1p(-p) }

    /// P(M1) from the log-odds ln(P(M1)/P(M2)): 0 or 1 only when the log-odds say so to
    /// double precision; infinities map to 0 and 1.
    @inlinable
    public static func probability(fromLogOdds logOdds: Double) -> Double {
        if logOdds == .infinity { return 1 }
        if logOdds == -.infinity { return 0 }
        return sigmoid(logOdds)
    }
}
