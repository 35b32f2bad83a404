import Foundation
import IIACore

/// Random model settings drawn across every option's whole allowed range, for the fuzz tests:
/// log-uniform magnitudes with the ends, 0, 1, subnormals, 1e±300, one-sided data (p*(1) in
/// {0, 1}) and |Y| = 64 drawn on purpose; choices and rank-order responses.
struct RandomSetting {
    var generator: SplitMix64

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    mutating func uniform() -> Double { generator.nextUniform() }

    mutating func chance(_ probability: Double) -> Bool { uniform() < probability }

    mutating func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }

    /// 10^x with x uniform in `exponents`.
    mutating func logUniform(_ exponents: ClosedRange<Double>) -> Double {
        pow(10, exponents.lowerBound + uniform() * (exponents.upperBound - exponents.lowerBound))
    }

    /// A positive finite number from the subnormals to the largest double.
    mutating func positive() -> Double {
        if chance(0.15) {
            return pick([Double.leastNonzeroMagnitude, 0x1p-1063, 2.2250738585072014e-308, 1e-300, 1e-17, 1, 1e300, 1e308, .greatestFiniteMagnitude])
        }
        return min(.greatestFiniteMagnitude, logUniform(-323...308))
    }

    /// A whole number in 1…1e12, log-uniform.
    mutating func whole(upTo upper: Double = 1e12) -> Int {
        if chance(0.1) { return pick([1, Int(upper)]) }
        return Int(min(upper, max(1, logUniform(0...log10(upper)).rounded())))
    }

    /// A number in [0, 1] with its ends and both tails.
    mutating func unitInterval(open: Bool) -> Double {
        let ends: [Double] = open ? [Double.leastNonzeroMagnitude, 1e-300, 0.5, 1 - 0x1p-53] : [0, 1, 0.5, Double.leastNonzeroMagnitude, 1 - 0x1p-53]
        if chance(0.25) { return pick(ends) }
        switch generator.next() % 3 {
        case 0: return max(open ? Double.leastNonzeroMagnitude : 0, logUniform(-320...0) * (open ? 0.999 : 1))
        case 1: return min(open ? 1 - 0x1p-53 : 1, 1 - logUniform(-16...0) * 0.999)
        default: return open ? max(Double.leastNonzeroMagnitude, min(1 - 0x1p-53, uniform())) : uniform()
        }
    }

    /// A finite reward gap: small, moderate, large (up to the largest double), either sign, or 0.
    mutating func rewardGap() -> Double {
        if chance(0.1) { return pick([0, 37, -37, 700, -700, 1e308, -1e308]) }
        let magnitude = chance(0.5) ? logUniform(-3...1) : logUniform(1...308)
        return chance(0.5) ? magnitude : -magnitude
    }

    /// A whole setting: every field valid for `ModelParameters.validate()`.
    mutating func parameters() -> ModelParameters {
        var p = ModelParameters()
        p.m1 = whole()
        p.m2 = whole()
        p.p1 = unitInterval(open: false)
        p.zeta = unitInterval(open: true)
        p.k = chance(0.2) ? pick([2, 64]) : 2 + Int(generator.next() % 63)
        p.beta = positive()
        p.delta = chance(0.15) ? 0 : positive()
        p.dataSize = min(positive(), ModelParameters.largestDataSize)
        if chance(0.3) { p.queries = .fixed(m1Count: 1 + Int(generator.next() % UInt64(p.k - 1))) }
        if chance(0.3) { p.choiceModel = .logit(rewardGap: rewardGap()) }
        // Rank-order responses for a third of the dichotomy settings (logit rankings are refused).
        if p.choiceModel == .dichotomy && chance(0.35) { p.responses = .ranking }
        return p
    }

    /// Data for `parameters`: the expected table, a simulated one, or a random given table
    /// (possibly with empty, one-sided or enormous rows).
    mutating func counts(_ parameters: ModelParameters) -> PreferenceCounts {
        switch generator.next() % 4 {
        case 0:
            let size = min(parameters.dataSize, 1e12).rounded(.up)
            return PreferenceSimulator(parameters, seed: generator.next()).dataset(index: 0, size: max(1, size))
        case 1:
            let k = parameters.k
            var m1 = [Double](repeating: 0, count: k + 1), m2 = m1
            let scale = positive() / Double(2 * k + 2)
            for j in 0...k {
                if j > 0 && chance(0.7) { m1[j] = scale * uniform() }
                if j < k && chance(0.7) { m2[j] = scale * uniform() }
            }
            if m1.reduce(0, +) + m2.reduce(0, +) == 0 { m2[0] = 1 }
            if let table = try? PreferenceCounts(k: k, choseM1: m1, choseM2: m2) { return table }
            return .expected(parameters)
        default:
            return .expected(parameters)
        }
    }
}
