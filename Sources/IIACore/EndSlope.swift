/// The slope at an end of a piece or cell: evaluated, or known only by the derivative's sign
/// (at the KL anchor beside the data minimiser, or at a bound's end, the sign follows from the
/// objective's shape without an evaluation).
enum EndSlope {
    /// An evaluated slope.
    case value(Slope)
    /// Only the derivative's sign is known (it is not zero).
    case sign(FloatingPointSign)

    /// The evaluated slope, nil when only the sign is known.
    var slope: Slope? {
        if case .value(let slope) = self { return slope }
        return nil
    }

    /// The derivative when it was evaluated and is finite (an end that decides bounds).
    var finiteDerivative: Double? {
        guard let derivative = slope?.derivative, derivative.isFinite else { return nil }
        return derivative
    }

    /// derivative < 0 (false for NaN).
    var isNegative: Bool {
        switch self {
        case .value(let slope): return slope.derivative < 0
        case .sign(let sign): return sign == .minus
        }
    }

    /// derivative > 0 (false for NaN).
    var isPositive: Bool {
        switch self {
        case .value(let slope): return slope.derivative > 0
        case .sign(let sign): return sign == .plus
        }
    }

    /// derivative ≤ 0 (false for NaN).
    var isNonPositive: Bool {
        switch self {
        case .value(let slope): return slope.derivative <= 0
        case .sign(let sign): return sign == .minus
        }
    }

    /// derivative ≥ 0 (false for NaN).
    var isNonNegative: Bool {
        switch self {
        case .value(let slope): return slope.derivative >= 0
        case .sign(let sign): return sign == .plus
        }
    }
}
