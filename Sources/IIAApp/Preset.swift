import IIACharts
import IIACore

/// A named scenario loaded with a digit key: the parameters and the chart to look at.
public struct Preset: Hashable, Sendable {
    /// The digit key (1–9, then 0 as on the keyboard row).
    public var number: Int
    public var name: String
    public var parameters: ModelParameters
    /// The chart brought into focus.
    public var chart: ChartKind
    /// The algorithm the landscape and the explain panel switch to (nil: unchanged).
    public var algorithm: Algorithm? = nil
    /// Simulated datasets per point (0: expected data). The paper's Figures 2 and 3 average 100
    /// simulated datasets, so presets 2 and 3 do too (`m` switches to expected data).
    public var simulations = 0

    /// The paper's number of simulated datasets per point in Figures 2 and 3.
    public static let paperSimulations = 100

    /// Every preset, by key.
    public static let all: [Preset] = [
        Preset(number: 1, name: "paper defaults, |Y| = 2 (Figure 2, pairs)", parameters: .paperDefaults, chart: .data),
        Preset(number: 2, name: "Figure 2 with |Y| = 4: the perverse failure", parameters: ModelParameters(k: 4), chart: .data,
               simulations: paperSimulations),
        Preset(
            number: 3, name: "Figure 3: IL against |M2| (|M1| = 10, |M2| = 1000)",
            parameters: ModelParameters(m1: 10, m2: 1000, k: 2, dataSize: 1000), chart: .m2,
            simulations: paperSimulations),
        Preset(
            number: 4, name: "|Y| = 3 boundary: F(0.8) = 0.6 = p*(1)",
            parameters: ModelParameters(p1: 0.6, zeta: 0.8, k: 3), chart: .boundary),
        Preset(number: 5, name: "|Y| = 8: deep in the perverse region (F(0.8) = 0.7597)", parameters: ModelParameters(k: 8), chart: .boundary),
        Preset(
            number: 6, name: "SLiC limit: delta = 1, |D| = 1e6, P(M1) = 1/(1 + 10/e)",
            parameters: ModelParameters(delta: 1, dataSize: 1_000_000), chart: .data),
        Preset(
            number: 7, name: "IL with two far-apart local minima: the landscape (model notes)",
            parameters: ModelParameters(m1: 2, m2: 1469, p1: 0.873, zeta: 0.912, k: 7, beta: 10.941, dataSize: 18.4),
            chart: .landscape, algorithm: .il),
        Preset(
            number: 8, name: "Section 5.4: fixed {M1, M1, M2}, p*(1) = 0.6: gap ln(4/3), RLPO -> M2",
            parameters: ModelParameters(p1: 0.6, k: 3, queries: .fixed(m1Count: 2)), chart: .boundary),
        Preset(
            number: 9, name: "Section 6: 3 informative (M1) + 1 concise (M2), p*(1) = 0.7",
            parameters: ModelParameters(m1: 100, m2: 100, p1: 0.7, k: 4, queries: .fixed(m1Count: 3)), chart: .data),
        Preset(
            number: 0, name: "Section 6, pairwise: 1 informative + 1 concise, p*(1) = 0.7",
            parameters: ModelParameters(m1: 100, m2: 100, p1: 0.7, k: 2, queries: .fixed(m1Count: 1)), chart: .data),
    ]

    /// The keys in words, for the key line and messages: "0-9".
    public static var keyRange: String {
        let numbers = all.map(\.number)
        return "\(numbers.min() ?? 0)-\(numbers.max() ?? 0)"
    }

    /// The preset for a digit key, if there is one.
    public static func numbered(_ number: Int) -> Preset? { all.first { $0.number == number } }
}
