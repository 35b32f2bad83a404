import Foundation

/// One setting drawn across the whole allowed input space, with the dataset to solve.
public struct AdversarialSetting: Sendable, Hashable {
    /// The model's settings (valid: ``ModelParameters/validate()`` accepts them).
    public var parameters: ModelParameters
    /// Simulated dataset number `simulationIndex` of size |D| (a whole number), or expected data (nil).
    public var simulationIndex: Int?

    /// The dataset: expected data of size |D|, or one simulated dataset.
    public func counts(seed: UInt64 = 1) -> PreferenceCounts {
        guard let index = simulationIndex else { return .expected(parameters) }
        return PreferenceSimulator(parameters, seed: seed).dataset(index: index, size: parameters.dataSize)
    }

    /// The setting as `iia-explorer solve` options.
    public var commandLine: String {
        let p = parameters
        var text = "--m1 \(p.m1) --m2 \(p.m2) --p1 \(p.p1) --zeta \(p.zeta) --k \(p.k) --beta \(p.beta) "
            + "--delta \(p.delta) --data \(p.dataSize)"
        if case .fixed(let count) = p.queries { text += " --queries fixed --fixed-m1 \(count)" }
        if case .logit(let gap) = p.choiceModel { text += " --choice-model logit --reward-gap \(gap)" }
        if let index = simulationIndex { text += " (simulated dataset \(index))" }
        return text
    }
}

/// Seeded draws of settings spread log-uniformly over every option's whole allowed range, with
/// extra mass on the edges (0 and 1, subnormals, 1e±300, one-sided data, |Y| = 64): the inputs
/// of the adversarial benchmark and of the solver's budget test.
public enum AdversarialSettings {
    /// `count` settings from `seed` (the same on every machine).
    public static func draw(count: Int, seed: UInt64) -> [AdversarialSetting] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in draw(&generator) }
    }

    /// Simulated datasets stop at 1e300: a simulated table near the largest double can round to
    /// an infinite total (a known limit of the simulator, outside this draw).
    static let largestSimulatedSize = 1e300

    /// One setting.
    static func draw(_ g: inout SplitMix64) -> AdversarialSetting {
        let k = pick([2, 64, 3, 4, 8], or: { 2 + Int($0.next() % 63) }, &g)
        let simulated = g.nextUniform() < 0.3
        var parameters = ModelParameters(
            m1: whole(&g), m2: whole(&g), p1: probability(&g), zeta: openProbability(&g), k: k,
            beta: positive(&g), delta: g.nextUniform() < 0.15 ? 0 : positive(&g),
            dataSize: simulated ? min(max(1, positive(&g, from: 1).rounded()), largestSimulatedSize)
                : min(positive(&g), ModelParameters.largestDataSize))
        if g.nextUniform() < 0.3 { parameters.queries = .fixed(m1Count: 1 + Int(g.next() % UInt64(k - 1))) }
        if g.nextUniform() < 0.2 {
            let magnitude = g.nextUniform() < 0.3 ? 700 * g.nextUniform() : logUniform(1e-6, 700, &g)
            parameters.choiceModel = .logit(rewardGap: g.nextUniform() < 0.5 ? magnitude : -magnitude)
        }
        return AdversarialSetting(parameters: parameters, simulationIndex: simulated ? Int(g.next() % 1000) : nil)
    }

    /// One of `edges` (a third of the time), else `body`.
    static func pick<T>(_ edges: [T], or body: (inout SplitMix64) -> T, _ g: inout SplitMix64) -> T {
        g.nextUniform() < 1.0 / 3 ? edges[Int(g.next() % UInt64(edges.count))] : body(&g)
    }

    /// Log-uniform in [a, b], a > 0.
    static func logUniform(_ a: Double, _ b: Double, _ g: inout SplitMix64) -> Double {
        min(max(exp(log(a) + (log(b) - log(a)) * g.nextUniform()), a), b)
    }

    /// A whole number in 1…1e12, log-uniform, with the ends.
    static func whole(_ g: inout SplitMix64) -> Int {
        Int(pick([1, 1e12, 2], or: { logUniform(1, 1e12, &$0).rounded() }, &g))
    }

    /// A finite number > 0 from `from` (5e-324 by default) to the largest double, log-uniform, with edges.
    static func positive(_ g: inout SplitMix64, from: Double = .leastNonzeroMagnitude) -> Double {
        let edges = [from, 1, 1e-300, 1e300, .greatestFiniteMagnitude, 1e100].filter { $0 >= from }
        return pick(edges, or: { logUniform(from, .greatestFiniteMagnitude, &$0) }, &g)
    }

    /// p*(1) in [0, 1]: the ends (one-sided data), tiny values and values within tiny of 1.
    static func probability(_ g: inout SplitMix64) -> Double {
        if g.nextUniform() < 0.4 { return g.nextUniform() < 0.5 ? 0 : 1 }
        return openProbability(&g)
    }

    /// A number strictly between 0 and 1: log-uniform near either end, or uniform.
    static func openProbability(_ g: inout SplitMix64) -> Double {
        switch g.next() % 3 {
        case 0: return logUniform(.leastNonzeroMagnitude, 0.5, &g)
        case 1: return min(1 - logUniform(1e-16, 0.5, &g), 1.0.nextDown)
        default: return max(g.nextUniform(), .leastNonzeroMagnitude)
        }
    }
}
