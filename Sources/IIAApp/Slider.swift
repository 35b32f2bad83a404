import Foundation
import IIACore

/// The explorer's sliders. The screen shows those of the current scenario
/// (``visible(in:)``): R replaces p*(1) under logit choices, J follows |Y| for fixed queries.
public enum SliderID: Int, CaseIterable, Sendable, Hashable, Codable {
    case m1, m2, p1, zeta, k, beta, delta, dataSize, simulations
    /// J, the number of M1 messages in every choice set (fixed queries only).
    case fixedM1
    /// R = r(M1) - r(M2), the logit model's reward gap (logit choices only).
    case rewardGap

    /// The sliders of a scenario, in screen order: p*(1) only for the dichotomy model (R for
    /// logit choices), J only for fixed queries (right under |Y|, which bounds it). zeta stays:
    /// it is the base policy (the KL anchor and RLPO's starting point) in every scenario.
    public static func visible(in parameters: ModelParameters) -> [SliderID] {
        var sliders: [SliderID] = [.m1, .m2]
        if case .logit = parameters.choiceModel { sliders.append(.rewardGap) } else { sliders.append(.p1) }
        sliders += [.zeta, .k]
        if case .fixed = parameters.queries { sliders.append(.fixedM1) }
        return sliders + [.beta, .delta, .dataSize, .simulations]
    }

    /// The slider's spec for a setting: J's range is 1…|Y|-1; the others are ``spec``.
    public func spec(in parameters: ModelParameters) -> SliderSpec {
        guard self == .fixedM1 else { return spec }
        var spec = self.spec
        spec.range = 1...Double(max(1, parameters.k - 1))
        return spec
    }

    /// A few words for the status line, adapted to the scenario (zeta under fixed queries is
    /// only the base policy; it no longer shapes the choice sets).
    public func summary(in parameters: ModelParameters) -> String {
        if self == .zeta, case .fixed = parameters.queries { return "P_base(M1): base policy only (sets are fixed)" }
        return spec.summary
    }

    /// How the slider is labelled on screen.
    public var label: String { spec.label }

    /// The slider's range, scale and steps.
    public var spec: SliderSpec {
        switch self {
        case .m1:
            return SliderSpec(label: "|M1|", summary: "messages in M1", range: 1...1e4, scale: .logarithmic, isInteger: true)
        case .m2:
            return SliderSpec(label: "|M2|", summary: "messages in M2", range: 1...1e9, scale: .logarithmic, isInteger: true)
        case .p1:
            return SliderSpec(label: "p*(1)", summary: "share preferring M1", range: 0...1, scale: .linear(fine: 0.01, coarse: 0.1), isInteger: false)
        case .zeta:
            return SliderSpec(label: "zeta", summary: "P_base(M1)", range: 0.01...0.99, scale: .linear(fine: 0.01, coarse: 0.1), isInteger: false)
        case .k:
            return SliderSpec(label: "|Y|", summary: "choice set size", range: 2...64, scale: .linear(fine: 1, coarse: 8), isInteger: true)
        case .beta:
            return SliderSpec(label: "beta", summary: "KL weight", range: 1e-3...1e3, scale: .logarithmic, isInteger: false)
        case .delta:
            return SliderSpec(label: "delta", summary: "SLiC margin", range: 0...10, scale: .linear(fine: 0.1, coarse: 1), isInteger: false)
        case .dataSize:
            return SliderSpec(label: "|D|", summary: "dataset size", range: 1...1e7, scale: .logarithmic, isInteger: true)
        case .simulations:
            return SliderSpec(label: "datasets", summary: "0 = expected data", range: 0...500, scale: .linear(fine: 10, coarse: 100), isInteger: true)
        case .fixedM1:
            return SliderSpec(label: "J", summary: "M1 per set (of |Y|)", range: 1...63, scale: .linear(fine: 1, coarse: 4), isInteger: true)
        case .rewardGap:
            return SliderSpec(label: "R", summary: "reward gap R = r(M1)-r(M2)", range: -5...5, scale: .linear(fine: 0.1, coarse: 1), isInteger: false)
        }
    }
}

/// How a slider maps values to positions and steps.
public enum SliderScale: Hashable, Sendable {
    /// Even steps of `fine` (arrows) or `coarse` (Shift-arrows, PgUp/PgDn).
    case linear(fine: Double, coarse: Double)
    /// Multiplicative steps: ten per decade along the Renard R10 series (1, 1.25, 1.6, 2, 2.5,
    /// 3.15, 4, 5, 6.3, 8) with the arrows, a whole decade with the coarse keys.
    case logarithmic
}

/// A step request: direction and size.
public enum SliderStep: Hashable, Sendable {
    case fineUp, fineDown, coarseUp, coarseDown, toMinimum, toMaximum
}

/// One slider's description: label, range, scale, whether it takes whole numbers.
public struct SliderSpec: Hashable, Sendable {
    public var label: String
    /// A few words saying what the slider is (shown when there is room).
    public var summary: String
    public var range: ClosedRange<Double>
    public var scale: SliderScale
    public var isInteger: Bool

    /// The Renard R10 preferred numbers of one decade.
    static let renard10: [Double] = [1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8]

    /// `value` clamped into the range (rounded when the slider takes whole numbers; NaN goes
    /// to the lower end).
    public func clamped(_ value: Double) -> Double {
        guard !value.isNaN else { return range.lowerBound }
        let inside = min(max(value, range.lowerBound), range.upperBound)
        return isInteger ? inside.rounded() : inside
    }

    /// The value after one step from `value`, clamped to the range.
    public func stepped(_ value: Double, _ step: SliderStep) -> Double {
        switch step {
        case .toMinimum: return range.lowerBound
        case .toMaximum: return range.upperBound
        default: break
        }
        let up = step == .fineUp || step == .coarseUp
        let coarse = step == .coarseUp || step == .coarseDown
        var next: Double
        switch scale {
        case .linear(let fine, let coarseStep):
            let size = coarse ? coarseStep : fine
            // Snap to the step grid, then move one grid point.
            let index = value / size
            let target = up ? (index + 1e-9).rounded(.down) + 1 : (index - 1e-9).rounded(.up) - 1
            next = Self.tidy(target * size)
        case .logarithmic:
            let (floorIndex, ceilingIndex) = Self.renardIndices(around: max(value, .leastNormalMagnitude))
            let stride = coarse ? 10 : 1
            let target = up ? floorIndex + stride : ceilingIndex - stride
            next = Self.renardValue(tenths: target)
            if isInteger {
                next = next.rounded()
                // Small whole numbers: the series repeats after rounding, so move at least one.
                if up && next <= value { next = value.rounded(.down) + 1 }
                if !up && next >= value { next = value.rounded(.up) - 1 }
            }
        }
        return clamped(next)
    }

    /// The indices (in tenths of a decade) of the R10 numbers just at or below and just at or
    /// above `value` (equal when `value` is one of them).
    static func renardIndices(around value: Double) -> (floor: Int, ceiling: Int) {
        var decade = Int(log10(value).rounded(.down))
        var mantissa = value / pow(10, Double(decade))
        if mantissa >= 10 * (1 - 1e-12) {
            decade += 1
            mantissa /= 10
        } else if mantissa < 1 {
            decade -= 1
            mantissa *= 10
        }
        let tolerance = 1e-9
        let below = renard10.lastIndex { $0 <= mantissa * (1 + tolerance) } ?? 0
        let exact = abs(renard10[below] - mantissa) <= mantissa * tolerance
        let floor = decade * 10 + below
        return (floor, exact ? floor : floor + 1)
    }

    /// The R10 number `10^(tenths/10)` (exact preferred values, e.g. 1.25e3).
    static func renardValue(tenths: Int) -> Double {
        let decade = Int((Double(tenths) / 10).rounded(.down))
        let index = tenths - decade * 10
        return tidy(renard10[index] * pow(10, Double(decade)))
    }

    /// Removes binary noise from a decimal value (12 significant digits).
    static func tidy(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let digits = 12 - Int(log10(abs(value)).rounded(.down))
        if digits > 300 || digits < -300 { return value }
        let scale = pow(10, Double(digits))
        let rounded = (value * scale).rounded() / scale
        return rounded.isFinite ? rounded : value
    }

    /// Where `value` sits along the slider, from 0 (minimum) to 1 (maximum).
    public func position(of value: Double) -> Double {
        let lo = range.lowerBound, hi = range.upperBound
        guard value.isFinite, hi > lo else { return 0 }
        let t: Double
        switch scale {
        case .linear: t = (value - lo) / (hi - lo)
        case .logarithmic: t = (log(max(value, lo)) - log(lo)) / (log(hi) - log(lo))
        }
        return min(1, max(0, t))
    }

    /// The range as shown next to the bar, e.g. "1…1e4" (".." in ASCII).
    public func rangeLabel(ascii: Bool) -> String {
        let separator = ascii ? ".." : "…"
        return Self.bound(range.lowerBound) + separator + Self.bound(range.upperBound)
    }

    /// A range end: powers of ten outside 0.1…100 as "1e-3", "1e4"; others as they are.
    static func bound(_ value: Double) -> String {
        if value > 0 {
            let exponent = log10(value).rounded()
            if pow(10, exponent) == value && (exponent >= 3 || exponent <= -3) { return "1e\(Int(exponent))" }
        }
        return NumberFormatting.compact(value)
    }

    /// What the input line accepts, in words (used in error messages).
    public func allowedDescription(ascii: Bool) -> String {
        let lo = Self.bound(range.lowerBound), hi = Self.bound(range.upperBound)
        return isInteger ? "a whole number from \(lo) to \(hi)" : "a number from \(lo) to \(hi)"
    }

    /// Parses typed text; the error message names the slider and its range.
    public func parse(_ text: String) -> Result<Double, SliderInputError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let allowed = allowedDescription(ascii: true)
        guard !trimmed.isEmpty else {
            return .failure(SliderInputError(message: "\(label): nothing typed; enter \(allowed)"))
        }
        guard let value = Double(trimmed), value.isFinite else {
            return .failure(SliderInputError(message: "\(label): \"\(trimmed)\" is not a number; enter \(allowed)"))
        }
        guard range.contains(value) else {
            return .failure(SliderInputError(message: "\(label) must be \(allowed) (got \(trimmed))"))
        }
        if isInteger && value != value.rounded() {
            return .failure(SliderInputError(message: "\(label) must be \(allowed) (got \(trimmed))"))
        }
        return .success(value)
    }
}

/// Why a typed value was rejected: a message naming the slider and its allowed range.
public struct SliderInputError: Error, Hashable, Sendable {
    public var message: String
}

extension SliderID {
    /// The model parameter this slider controls, or nil for the simulated-dataset count (which
    /// is not a model parameter) and for J and R outside their scenario.
    public func value(in parameters: ModelParameters) -> Double? {
        switch self {
        case .m1: return Double(parameters.m1)
        case .m2: return Double(parameters.m2)
        case .p1: return parameters.p1
        case .zeta: return parameters.zeta
        case .k: return Double(parameters.k)
        case .beta: return parameters.beta
        case .delta: return parameters.delta
        case .dataSize: return parameters.dataSize
        case .simulations: return nil
        case .fixedM1:
            if case .fixed(let count) = parameters.queries { return Double(count) }
            return nil
        case .rewardGap:
            if case .logit(let gap) = parameters.choiceModel { return gap }
            return nil
        }
    }

    /// Writes `value` (already within range) into the parameter this slider controls; integer
    /// parameters take its whole part. Does nothing for the simulated-dataset count; J switches
    /// to fixed queries and R to logit choices.
    public func set(_ value: Double, in parameters: inout ModelParameters) {
        switch self {
        case .m1: parameters.m1 = Int(value)
        case .m2: parameters.m2 = Int(value)
        case .p1: parameters.p1 = value
        case .zeta: parameters.zeta = value
        case .k: parameters.k = Int(value)
        case .beta: parameters.beta = value
        case .delta: parameters.delta = value
        case .dataSize: parameters.dataSize = value
        case .simulations: break
        case .fixedM1: parameters.queries = .fixed(m1Count: Int(value))
        case .rewardGap: parameters.choiceModel = .logit(rewardGap: value)
        }
    }
}
