import Foundation
import IIACore

/// The mean P(M1) of one algorithm across simulated datasets at the current parameters.
public struct MonteCarloEstimate: Hashable, Sendable {
    public var algorithm: Algorithm
    public var mean: Double
    /// The standard error of the mean (nil with fewer than two datasets).
    public var standardError: Double?
}

/// A partial (or final) Monte Carlo result, delivered as ``AppEvent/monteCarloProgress(_:)``.
///
/// Each report carries everything computed so far, summarised, so the explorer only swaps
/// it in: curves refine as more datasets arrive.
public struct MonteCarloProgress: Hashable, Sendable {
    /// The generation of the run that produced it (stale generations are ignored).
    public var generation: Int
    /// Datasets done so far, and in all.
    public var completed: Int
    public var total: Int
    /// Mean and band of P(M1) against |D| and against |M2|.
    public var dataSweep: Sweep
    public var m2Sweep: Sweep
    /// Mean and standard error of P(M1) at the current parameters, per algorithm.
    public var estimates: [MonteCarloEstimate]
    /// The mean P(M1) over the datasets so far in every cell of the phase chart's grid (only
    /// when the run's key asks for it: the phase chart is on screen).
    public var phase: PhaseDiagram?

    public var isComplete: Bool { completed >= total }
}

/// What a Monte Carlo run depends on; a change starts a new run.
public struct MonteCarloKey: Hashable, Sendable, Codable {
    public var parameters: ModelParameters
    public var simulations: Int
    public var seed: UInt64
    /// The phase chart's grid and algorithm, simulated too while the chart is on screen.
    public var phase: PhaseChartRequest?
}

/// One Monte Carlo run, as ``ExplorerCommand/startMonteCarlo(_:)`` asks for it: simulates
/// datasets in growing chunks (5, 10, 20, …) and reports a ``MonteCarloProgress`` after each;
/// with a phase request in its key, each chunk also adds the datasets to every cell of the
/// phase grid (``PhaseDiagramSimulation``).
public struct MonteCarloRun: Hashable, Sendable {
    /// The run's number; its reports carry it.
    public var generation: Int
    public var key: MonteCarloKey
    /// The |D| and |M2| values of the simulated curves.
    public var dataGrid: [Double]
    public var m2Grid: [Double]

    /// Runs to the end (or until `isCancelled`), calling `report` after each chunk. Each chunk's
    /// datasets are shared among `workers` workers (all cores by default); the reports are the
    /// same, bit for bit, for any number of workers. `isCancelled` is asked from every worker,
    /// before each dataset.
    public func run(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        isCancelled: () -> Bool, report: (MonteCarloProgress) -> Void
    ) {
        let parameters = key.parameters
        var dataRuns: [[[Double]]] = [], m2Runs: [[[Double]]] = [], currentRuns: [[[Double]]] = []
        var phase = key.phase.flatMap { request in
            try? PhaseDiagramSimulation(parameters, grid: request.grid, algorithms: [request.algorithm], seed: key.seed)
        }
        var done = 0
        var chunk = 5
        while done < key.simulations {
            if isCancelled() { return }
            let range = done..<min(key.simulations, done + chunk)
            func simulate(_ axis: SweepAxis, _ xs: [Double]) -> [[[Double]]] {
                Sweeper.simulatedRuns(
                    parameters, axis: axis, xs: xs, datasets: range, seed: key.seed, workers: workers, isCancelled: isCancelled)
            }
            dataRuns += simulate(.data, dataGrid)
            if isCancelled() { return }
            m2Runs += simulate(.m2, m2Grid)
            if isCancelled() { return }
            // One more point per dataset: P(M1) at the current |M2| for a dataset of the current |D|.
            currentRuns += simulate(.m2, [Double(parameters.m2)])
            if isCancelled() { return }
            if phase != nil, !(phase?.simulate(count: range.count, workers: workers, isCancelled: isCancelled) ?? true) { return }
            done = range.upperBound
            chunk *= 2
            report(MonteCarloProgress(
                generation: generation, completed: done, total: key.simulations,
                dataSweep: Sweeper.summarize(parameters, axis: .data, xs: dataGrid, runs: dataRuns),
                m2Sweep: Sweeper.summarize(parameters, axis: .m2, xs: m2Grid, runs: m2Runs),
                estimates: Self.estimates(currentRuns), phase: phase?.diagram))
        }
    }

    /// Mean and standard error per algorithm from `[dataset][algorithm][0]`.
    static func estimates(_ runs: [[[Double]]]) -> [MonteCarloEstimate] {
        Algorithm.allCases.enumerated().map { index, algorithm in
            let summary = SampleSummary(runs.map { $0[index][0] })
            return MonteCarloEstimate(algorithm: algorithm, mean: summary.mean ?? 0, standardError: summary.standardError)
        }
    }
}

/// The Monte Carlo part of the state: which run is current and how far it has come.
public struct MonteCarloStatus: Hashable, Sendable, Codable {
    /// The number of the current run; reports of other generations are ignored.
    public var generation = 0
    /// What the current run simulates (nil: none running or wanted).
    public var running: MonteCarloKey?
    /// Datasets the current run has reported so far.
    public var completed = 0

    /// Whether `progress` belongs to the current run.
    public func accepts(_ progress: MonteCarloProgress) -> Bool {
        running != nil && progress.generation == generation
    }
}
