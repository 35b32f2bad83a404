import Foundation

/// Sums the terms of a derivative (or curvature) either directly or in logarithms.
///
/// Far from the origin (|v| in the hundreds or more) every term of a derivative can underflow
/// to zero while their sign and ratio still matter: the minimiser of a one-sided IL objective
/// can sit at v = -10^12. In log mode each term c * e^(a v + b) is kept as its sign, the
/// integer a (-1, 0 or 1) and b, so that two terms with the same a are compared through b alone,
/// exactly, without subtracting two huge numbers. The sum is returned multiplied by e^-scale,
/// where `scale` is the largest term's exponent, shared by the derivative and the curvature, so
/// their ratio (the Newton step) and the sign of each are accurate.
public struct SlopeAccumulator: Sendable {
    /// Beyond this |v| the objectives switch to log mode.
    public static let logModeThreshold = 600.0

    public let logMode: Bool
    /// The point the terms are evaluated at.
    public let point: Double
    private(set) var plainSum = 0.0
    /// e^point (plain mode only): every sigmoid of the objectives is a sigmoid of point + a
    /// constant, so one exponential per evaluation serves all of them.
    let growth: Double
    /// e^-point (plain mode only).
    let decay: Double
    /// Log mode: the sum so far divided by its reference term e^(referenceSlope * point +
    /// referenceOffset), the largest term added so far (kept as it is added, like a running
    /// log-sum-exp, so no term list is stored).
    private var scaledSum = 0.0
    private var referenceSlope = 0.0
    private var referenceOffset = -Double.infinity

    public init(logMode: Bool, at point: Double) {
        self.logMode = logMode
        self.point = point
        growth = logMode ? .nan : exp(point)
        decay = logMode ? .nan : 1 / growth
    }

    /// An empty accumulator at the same point and mode as `other`, sharing its e^point.
    public init(sameAs other: SlopeAccumulator) {
        logMode = other.logMode
        point = other.point
        growth = other.growth
        decay = other.decay
    }

    /// Adds coefficient * e^(slope * point + offset) in log mode (for closed forms far out).
    mutating func addTerm(_ coefficient: Double, slope: Double, offset: Double) {
        append(coefficient, slope: slope, offset: offset)
    }

    /// Adds coefficient * e^(slope * point + offset) in log mode.
    private mutating func append(_ coefficient: Double, slope: Double, offset: Double) {
        guard coefficient != 0, offset > -.infinity else { return }
        let sign: Double = coefficient > 0 ? 1 : -1
        let termOffset = log(abs(coefficient)) + offset
        guard referenceOffset > -.infinity else {
            (scaledSum, referenceSlope, referenceOffset) = (sign, slope, termOffset)
            return
        }
        // Exponents compared slope to slope and offset to offset: exact when the slopes agree.
        let difference = (slope - referenceSlope) * point + (termOffset - referenceOffset)
        if difference <= 0 {
            scaledSum += sign * exp(difference)
        } else {
            scaledSum = scaledSum * exp(-difference) + sign
            (referenceSlope, referenceOffset) = (slope, termOffset)
        }
    }

    /// ln sigmoid(direction * point + shift) as (slope, offset) in the point.
    private func logSigmoid(direction: Double, shift: Double) -> (slope: Double, offset: Double) {
        let t = direction * point + shift
        if t < 0 { return (direction, shift - log1p(exp(t))) }
        return (0, -log1p(exp(-t)))
    }

    /// Adds `coefficient` (any sign, finite).
    public mutating func addConstant(_ coefficient: Double) {
        if logMode { append(coefficient, slope: 0, offset: 0) } else { plainSum += coefficient }
    }

    /// Adds `coefficient * sigmoid(direction * point + shift)`.
    public mutating func addSigmoid(_ coefficient: Double, direction: Double, shift: Double) {
        guard coefficient != 0 else { return }
        if logMode {
            let term = logSigmoid(direction: direction, shift: shift)
            append(coefficient, slope: term.slope, offset: term.offset)
        } else {
            plainSum += coefficient * StableMath.sigmoid(direction * point + shift)
        }
    }

    /// Adds `coefficient * e^logScale * sigmoid(t) * sigmoid(-t)` with t = direction * point + shift.
    /// In log mode `logScale` joins the exponent, so a huge factor never multiplies the
    /// coefficient; in plain mode (|point| ≤ 600, moderate factors) it is applied directly.
    public mutating func addSigmoidSlope(_ coefficient: Double, direction: Double, shift: Double, logScale: Double = 0) {
        guard coefficient != 0 else { return }
        if logMode {
            let up = logSigmoid(direction: direction, shift: shift)
            let down = logSigmoid(direction: -direction, shift: -shift)
            append(coefficient, slope: up.slope + down.slope, offset: up.offset + down.offset + logScale)
        } else {
            plainSum += coefficient * (exp(logScale) * StableMath.sigmoidSlope(direction * point + shift))
        }
    }

    /// Adds `up * sigmoid(t) - down * sigmoid(-t)` to `derivative` and `weight * sigmoid(t) * sigmoid(-t)`
    /// to `curvature`, t = direction * point + shift, with `scale` = e^shift.
    ///
    /// In plain mode (|point| ≤ 600) e^t = e^±point * scale stays within about 1e±275, so
    /// sigmoid(t) = E/(1+E), sigmoid(-t) = 1/(1+E) and their product E/(1+E)^2 are exact to
    /// rounding without another exponential (E/(1+E)^2 cannot overflow: E ≤ 1e275).
    public static func addLogistic(
        up: Double, down: Double, weight: Double, direction: Double, shift: Double, scale: Double,
        derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator
    ) {
        guard derivative.logMode || curvature.logMode else {
            let e = (direction > 0 ? derivative.growth : derivative.decay) * scale
            let reciprocal = 1 / (1 + e)
            let share = e * reciprocal  // ≤ 1: no product below overflows
            derivative.plainSum += up * share - down * reciprocal
            curvature.plainSum += weight * (share * reciprocal)
            return
        }
        derivative.addSigmoid(up, direction: direction, shift: shift)
        derivative.addSigmoid(-down, direction: -direction, shift: -shift)
        curvature.addSigmoidSlope(weight, direction: direction, shift: shift)
    }

    /// The sum divided by the reference term e^(slope * point + offset) (log mode), or the plain sum.
    public func total(relativeTo reference: (slope: Double, offset: Double)) -> Double {
        guard logMode else { return plainSum }
        guard referenceOffset > -.infinity else { return 0 }
        return scaledSum * exp((referenceSlope - reference.slope) * point + (referenceOffset - reference.offset))
    }

    /// The (slope, offset) of the largest term (log mode, once a term was added).
    var largestTerm: (slope: Double, offset: Double)? {
        logMode && referenceOffset > -.infinity ? (referenceSlope, referenceOffset) : nil
    }
}

/// Which smooth piece to evaluate at a kink: the one to its left or to its right.
public enum PieceSide: Sendable { case left, right }

/// A derivative and a curvature, both multiplied by the same unknown positive factor.
///
/// Their signs and their ratio (the Newton step) are exact; their magnitudes are not
/// meaningful on their own far from the origin.
public struct Slope: Sendable, Hashable {
    public var derivative: Double
    public var curvature: Double

    /// Combines a derivative and a curvature accumulator on a common scale.
    public init(derivative: SlopeAccumulator, curvature: SlopeAccumulator) {
        guard derivative.logMode || curvature.logMode else {
            self.derivative = derivative.plainSum
            self.curvature = curvature.plainSum
            return
        }
        let point = derivative.point
        let reference: (slope: Double, offset: Double)
        switch (derivative.largestTerm, curvature.largestTerm) {
        case let (d?, c?): reference = d.slope * point + d.offset >= c.slope * point + c.offset ? d : c
        case let (d?, nil): reference = d
        case let (nil, c?): reference = c
        case (nil, nil): reference = (0, 0)
        }
        self.derivative = derivative.total(relativeTo: reference)
        self.curvature = curvature.total(relativeTo: reference)
    }

    public init(derivative: Double, curvature: Double) {
        self.derivative = derivative
        self.curvature = curvature
    }
}
