import IIACharts
import IIACore

/// A named scenario loaded with a digit key: the parameters and the chart to look at.
public struct Preset: Hashable, Sendable {
    /// The digit key (1–9).
    public var number: Int
    public var name: String
    public var parameters: ModelParameters
    /// The chart brought into focus.
    public var chart: ChartKind
    /// The algorithm the landscape and the explain panel switch to (nil: unchanged).
    public var algorithm: Algorithm? = nil

    /// Every preset, by key.
    public static let all: [Preset] = [
        Preset(number: 1, name: "paper defaults, |Y| = 2 (Figure 2, pairs)", parameters: .paperDefaults, chart: .data),
        Preset(number: 2, name: "Figure 2 with |Y| = 4: the perverse failure", parameters: ModelParameters(k: 4), chart: .data),
        Preset(
            number: 3, name: "Figure 3: IL against |M2| (|M1| = 10, |M2| = 1000)",
            parameters: ModelParameters(m1: 10, m2: 1000, k: 2, dataSize: 1000), chart: .m2),
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
            number: 8, name: "IL collapses: |M2| = 1e6 with |Y| = 2",
            parameters: ModelParameters(m2: 1_000_000), chart: .m2),
    ]

    /// The preset for a digit key, if there is one.
    public static func numbered(_ number: Int) -> Preset? { all.first { $0.number == number } }
}
