import Foundation

/// The mean P(M1) over simulated datasets in every cell of a phase diagram, computed
/// progressively: each call to ``simulate(count:workers:isCancelled:)`` adds datasets, and
/// ``diagram`` gives the means so far, so a chart can refine as they arrive.
///
/// Dataset number s of every cell is drawn from stream s of the seed (``PreferenceSimulator``)
/// with that cell's zeta and p*(1), so cell (zeta_i, p_j) holds exactly the datasets that
/// `solve --sims` draws at those settings, and neighbouring cells share their random numbers.
/// Each cell's sum runs over its datasets in order and one worker owns a cell, so the means are
/// the same, bit for bit, whatever the number of workers or the chunks they came in.
/// Datasets hold whole numbers of data: |D| is rounded as ``PreferenceSimulator`` rounds it.
public struct PhaseDiagramSimulation: Sendable {
    public let parameters: ModelParameters
    public let grid: PhaseDiagramGrid
    public let algorithms: [Algorithm]
    public let seed: UInt64
    /// The sum of P(M1) over the datasets so far, by algorithm and cell.
    private var sums: [[Double]]
    /// The datasets simulated so far in every cell (numbers 0..<completed).
    public private(set) var completed = 0

    /// A simulation with no dataset yet; refuses logit choices (``PhaseDiagramError/logitChoices``).
    public init(
        _ base: ModelParameters, grid: PhaseDiagramGrid, algorithms: [Algorithm], seed: UInt64
    ) throws(PhaseDiagramError) {
        if let error = PhaseDiagramError.check(base) { throw error }
        parameters = base
        self.grid = grid
        self.algorithms = algorithms
        self.seed = seed
        sums = Array(repeating: Array(repeating: 0, count: grid.cellCount), count: algorithms.count)
    }

    /// The means so far (nil before the first dataset).
    public var diagram: PhaseDiagram? {
        guard completed > 0 else { return nil }
        let n = Double(completed)
        return PhaseDiagram(
            parameters: parameters, grid: grid, algorithms: algorithms,
            values: sums.map { $0.map { $0 / n } }, simulations: completed)
    }

    /// Adds datasets `completed ..< completed + count` to every cell, the zeta columns shared
    /// among `workers` workers. Returns false, and changes nothing, when `isCancelled` answered
    /// true (it is asked before each cell, from every worker).
    @discardableResult
    public mutating func simulate(
        count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount, isCancelled: () -> Bool = { false }
    ) -> Bool {
        guard count > 0 else { return true }
        let datasets = completed..<(completed + count)
        let (algorithms, seed, size, previous) = (self.algorithms, self.seed, parameters.dataSize, sums)
        let plan = PhaseDiagramPlan(parameters, grid: grid)
        let totals = plan.perCell(algorithms: algorithms, workers: workers) { cell in
            if isCancelled() { return false }
            let simulator = PreferenceSimulator(
                cell.parameters, seed: seed,
                probabilities: CellProbabilities(cell.parameters, rowProbabilities: cell.column.rowProbabilities))
            for a in algorithms.indices { cell.values[a] = previous[a][cell.index] }
            for dataset in datasets {
                simulator.draw(index: dataset, size: size, into: &cell.table)
                for (a, result) in cell.column.solver.solve(cell.table, algorithms: algorithms).enumerated() {
                    cell.values[a] += result.pM1
                }
            }
            return true
        }
        guard let totals else { return false }
        sums = totals
        completed = datasets.upperBound
        return true
    }

    /// Simulates until `total` datasets per cell, in chunks of 5, 10, 20, … datasets, calling
    /// `report` with the means after each chunk. Stops early, without reporting the unfinished
    /// chunk, when `isCancelled` answers true.
    public mutating func run(
        total: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        isCancelled: () -> Bool = { false }, report: (PhaseDiagram) -> Void
    ) {
        var chunk = Self.firstChunk
        while completed < total {
            guard simulate(count: min(chunk, total - completed), workers: workers, isCancelled: isCancelled),
                  let diagram else { return }
            report(diagram)
            chunk *= 2
        }
    }

    /// The size of the first chunk of ``run(total:workers:isCancelled:report:)``.
    public static let firstChunk = 5
}
