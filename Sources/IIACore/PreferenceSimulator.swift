import Foundation

/// Draws simulated preference data under Assumption 1, reproducibly from a seed.
///
/// A dataset of size D is one multinomial draw over the 2(k+1) cells, made as a chain of
/// conditional binomial draws (O(k) work, independent of D). Dataset number `s` comes from
/// its own stream of the seed, so it is the same however many datasets are drawn.
public struct PreferenceSimulator: Sendable {
    public let parameters: ModelParameters
    public let seed: UInt64
    let cells: [(row: Int, choseM1: Bool, probability: Double)]

    public init(_ parameters: ModelParameters, seed: UInt64) {
        self.init(parameters, seed: seed, probabilities: CellProbabilities(parameters))
    }

    /// A simulator whose cell probabilities (those of `parameters`) are already computed.
    init(_ parameters: ModelParameters, seed: UInt64, probabilities: CellProbabilities) {
        self.parameters = parameters
        self.seed = seed
        var cells: [(Int, Bool, Double)] = []
        for j in 0...parameters.k {
            if probabilities.choseM1[j] > 0 { cells.append((j, true, probabilities.choseM1[j])) }
            if probabilities.choseM2[j] > 0 { cells.append((j, false, probabilities.choseM2[j])) }
        }
        self.cells = cells
    }

    /// Adds `size` multinomial draws to `table`.
    func addDraws(_ size: Double, to table: inout PreferenceCounts, using generator: inout SplitMix64) {
        var remaining = size
        var mass = 1.0
        for (index, cell) in cells.enumerated() {
            guard remaining > 0 else { break }
            let count: Double
            if index == cells.count - 1 || mass <= cell.probability {
                count = remaining
            } else {
                count = BinomialSampler.sample(n: remaining, p: min(1, cell.probability / mass), using: &generator)
            }
            table.add(count, row: cell.row, choseM1: cell.choseM1)
            remaining -= count
            mass -= cell.probability
        }
    }

    /// Simulated dataset number `index` of size `size` (a whole number ≥ 1).
    public func dataset(index: Int, size: Double) -> PreferenceCounts {
        nestedDatasets(index: index, sizes: [size])[0]
    }

    /// Makes `table` (for the same |Y|) simulated dataset number `index` of size `size`: the
    /// same counts as ``dataset(index:size:)``, written in place (a grid reuses one table).
    func draw(index: Int, size: Double, into table: inout PreferenceCounts) {
        var generator = SplitMix64(seed: seed, stream: UInt64(index))
        table.clear()
        addDraws(max(0, size.rounded()), to: &table, using: &generator)
    }

    /// Simulated dataset number `index` at each of the ascending whole-number `sizes`, nested:
    /// each extends the one before it, so a P(M1)-against-|D| curve is one growing sample.
    public func nestedDatasets(index: Int, sizes: [Double]) -> [PreferenceCounts] {
        var generator = SplitMix64(seed: seed, stream: UInt64(index))
        var table = PreferenceCounts(emptyWithK: parameters.k)
        var drawn = 0.0
        var result: [PreferenceCounts] = []
        result.reserveCapacity(sizes.count)
        for size in sizes {
            let target = max(drawn, size.rounded())
            addDraws(target - drawn, to: &table, using: &generator)
            drawn = target
            result.append(table)
        }
        return result
    }
}
