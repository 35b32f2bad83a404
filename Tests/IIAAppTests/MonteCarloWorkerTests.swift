import Foundation
import Testing
import IIACore
@testable import IIAApp

@Suite struct MonteCarloWorkerTests {
    /// A run at the given parameters over short grids.
    static func run(_ parameters: ModelParameters, simulations: Int) -> MonteCarloRun {
        MonteCarloRun(
            generation: 1, key: MonteCarloKey(parameters: parameters, simulations: simulations, seed: 11),
            dataGrid: [1, 10, 100, 1000], m2Grid: [1, 100, 10_000])
    }

    static func reports(_ run: MonteCarloRun, workers: Int) -> [MonteCarloProgress] {
        var reports: [MonteCarloProgress] = []
        run.run(workers: workers, isCancelled: { false }, report: { reports.append($0) })
        return reports
    }

    @Test("reports are bit-identical with one worker and with several", arguments: [2, 4])
    func reportsDoNotDependOnWorkers(k: Int) {
        let run = Self.run(ModelParameters(k: k, dataSize: 500), simulations: 18)
        let one = Self.reports(run, workers: 1)
        #expect(one.map(\.completed) == [5, 15, 18])
        for workers in [2, ProcessInfo.processInfo.activeProcessorCount, 7] {
            #expect(Self.reports(run, workers: workers) == one)
        }
    }

    @Test func cancellationDuringAChunkReportsNothingMore() {
        let run = Self.run(ModelParameters(k: 3), simulations: 40)
        let calls = Counter()
        var reports: [MonteCarloProgress] = []
        // The first chunk asks 19 times (before the chunk, each of 3 x 5 datasets, after each sweep); cancelled
        // partway through the second chunk, only the first is reported.
        run.run(workers: 2, isCancelled: { calls.increment() > 25 }, report: { reports.append($0) })
        #expect(reports.map(\.completed) == [5])
    }
}

/// A thread-safe counter (the workers ask for cancellation at once).
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    /// Adds one and returns the new value.
    func increment() -> Int { lock.withLock { value += 1; return value } }
}
