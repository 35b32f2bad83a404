import Foundation
import IIACore

/// The mean P(M1) of one algorithm across simulated datasets at the current parameters.
public struct MonteCarloEstimate: Hashable, Sendable {
    public var algorithm: Algorithm
    public var mean: Double
    /// The standard error of the mean (nil with fewer than two datasets).
    public var standardError: Double?
}

/// A partial (or final) Monte Carlo result, the payload of
/// ``AppEvent/workResult(generation:payload:)``.
///
/// Each report carries everything computed so far, summarised, so the explorer only swaps
/// it in: curves refine as more datasets arrive.
public struct MonteCarloProgress: Hashable, Sendable {
    /// The generation of the work that produced it (stale generations are ignored).
    public var generation: Int
    /// Datasets done so far, and in all.
    public var completed: Int
    public var total: Int
    /// Mean and band of P(M1) against |D| and against |M2|.
    public var dataSweep: Sweep
    public var m2Sweep: Sweep
    /// Mean and standard error of P(M1) at the current parameters, per algorithm.
    public var estimates: [MonteCarloEstimate]

    public var isComplete: Bool { completed >= total }
}

/// What a Monte Carlo run depends on; a change starts a new run.
struct MonteCarloKey: Hashable, Sendable {
    var parameters: ModelParameters
    var simulations: Int
    var seed: UInt64
}

/// Builds the background work that simulates datasets in growing chunks (5, 10, 20, …) and
/// reports a ``MonteCarloProgress`` after each chunk.
enum MonteCarloJob {
    static func work(
        generation: Int, key: MonteCarloKey, dataGrid: [Double], m2Grid: [Double]
    ) -> BackgroundWork {
        BackgroundWork(generation: generation) { isCancelled, report in
            run(generation: generation, key: key, dataGrid: dataGrid, m2Grid: m2Grid, isCancelled: isCancelled, report: report)
        }
    }

    /// Work that does nothing: returned when simulation stops, so the adapter cancels the
    /// previous run.
    static func idle(generation: Int) -> BackgroundWork {
        BackgroundWork(generation: generation) { _, _ in }
    }

    static func run(
        generation: Int, key: MonteCarloKey, dataGrid: [Double], m2Grid: [Double],
        isCancelled: () -> Bool, report: (any Sendable) -> Void
    ) {
        let parameters = key.parameters
        var dataRuns: [[[Double]]] = [], m2Runs: [[[Double]]] = [], currentRuns: [[[Double]]] = []
        var done = 0
        var chunk = 5
        while done < key.simulations {
            if isCancelled() { return }
            let range = done..<min(key.simulations, done + chunk)
            dataRuns += Sweeper.simulatedRuns(parameters, axis: .data, xs: dataGrid, datasets: range, seed: key.seed, isCancelled: isCancelled)
            if isCancelled() { return }
            m2Runs += Sweeper.simulatedRuns(parameters, axis: .m2, xs: m2Grid, datasets: range, seed: key.seed, isCancelled: isCancelled)
            if isCancelled() { return }
            // One more point per dataset: P(M1) at the current |M2| for a dataset of the current |D|.
            currentRuns += Sweeper.simulatedRuns(
                parameters, axis: .m2, xs: [Double(parameters.m2)], datasets: range, seed: key.seed, isCancelled: isCancelled)
            if isCancelled() { return }
            done = range.upperBound
            chunk *= 2
            report(MonteCarloProgress(
                generation: generation, completed: done, total: key.simulations,
                dataSweep: Sweeper.summarize(parameters, axis: .data, xs: dataGrid, runs: dataRuns),
                m2Sweep: Sweeper.summarize(parameters, axis: .m2, xs: m2Grid, runs: m2Runs),
                estimates: estimates(currentRuns)))
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
