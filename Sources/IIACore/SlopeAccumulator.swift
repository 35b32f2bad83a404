import Foundation

/// Sums the terms of a derivative (or curvature) either directly or in logarithms.
///
/// Far from the origin (|v| in the hundreds or more) every term of a derivative can underflow
/// to zero while their sign and ratio still matter: the minimiser of a one-sided IL objective
/// can sit at v = -10^12. In log mode each term is kept as (sign, ln|term|) and the sum is
/// returned multiplied by e^-scale, where `scale` is shared by the derivative and curvature, so
/// their ratio (the Newton step) and the sign of each are exact.
public struct SlopeAccumulator: Sendable {
    /// Beyond this |v| the objectives switch to log mode.
    public static let logModeThreshold = 600.0

    public let logMode: Bool
    private(set) var plainSum = 0.0
    private var signs: [Double] = []
    private var logs: [Double] = []

    public init(logMode: Bool) {
        self.logMode = logMode
        if logMode {
            signs.reserveCapacity(16)
            logs.reserveCapacity(16)
        }
    }

    private mutating func append(_ coefficient: Double, _ logFactor: Double) {
        guard coefficient != 0, logFactor > -.infinity else { return }
        signs.append(coefficient > 0 ? 1 : -1)
        logs.append(log(abs(coefficient)) + logFactor)
    }

    /// Adds `coefficient` (any sign, finite).
    public mutating func addConstant(_ coefficient: Double) {
        if logMode { append(coefficient, 0) } else { plainSum += coefficient }
    }

    /// Adds `coefficient * sigmoid(t)`.
    public mutating func addSigmoid(_ coefficient: Double, _ t: Double) {
        guard coefficient != 0 else { return }
        if logMode { append(coefficient, StableMath.logSigmoid(t)) } else { plainSum += coefficient * StableMath.sigmoid(t) }
    }

    /// Adds `coefficient * sigmoid(t) * sigmoid(-t)`.
    public mutating func addSigmoidSlope(_ coefficient: Double, _ t: Double) {
        guard coefficient != 0 else { return }
        if logMode {
            append(coefficient, StableMath.logSigmoid(t) + StableMath.logSigmoid(-t))
        } else {
            plainSum += coefficient * StableMath.sigmoidSlope(t)
        }
    }

    /// The largest ln|term| (log mode), or 0.
    public var maxLog: Double { logMode ? (logs.max() ?? 0) : 0 }

    /// The sum times e^-scale (log mode) or the plain sum.
    public func total(scale: Double) -> Double {
        guard logMode else { return plainSum }
        var sum = 0.0
        for index in logs.indices { sum += signs[index] * exp(logs[index] - scale) }
        return sum
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
        let scale = max(derivative.maxLog, curvature.maxLog)
        self.derivative = derivative.total(scale: scale)
        self.curvature = curvature.total(scale: scale)
    }

    public init(derivative: Double, curvature: Double) {
        self.derivative = derivative
        self.curvature = curvature
    }
}
