import Foundation
import Testing
@testable import IIACore

@Suite struct ParallelSimulationTests {
    static func bits(_ runs: [[[Double]]]) -> [[[UInt64]]] { runs.map { $0.map { $0.map(\.bitPattern) } } }

    @Test("simulated runs are bit-identical for 1, 2, 3 and many workers", arguments: [SweepAxis.data, .m2])
    func runsDoNotDependOnWorkers(axis: SweepAxis) {
        let base = ModelParameters(k: 4, dataSize: 300)
        let xs: [Double] = axis == .data ? [1, 10, 100, 1000] : [1, 100, 10_000]
        let one = Sweeper.simulatedRuns(base, axis: axis, xs: xs, datasets: 3..<14, seed: 9, workers: 1)
        #expect(one.count == 11)
        for workers in [2, 3, 64] {
            let many = Sweeper.simulatedRuns(base, axis: axis, xs: xs, datasets: 3..<14, seed: 9, workers: workers)
            #expect(Self.bits(many) == Self.bits(one))
        }
        // Dataset 5 alone is the same as dataset 5 among the others.
        let alone = Sweeper.simulatedRuns(base, axis: axis, xs: xs, datasets: 5..<6, seed: 9, workers: 2)
        #expect(Self.bits(alone) == [Self.bits(one)[2]])
    }

    @Test func simulatedSweepDoesNotDependOnWorkers() {
        let base = ModelParameters(k: 3)
        let one = Sweeper.simulated(base, axis: .data, from: 1, to: 1000, points: 8, simulations: 9, seed: 2, workers: 1)
        let two = Sweeper.simulated(base, axis: .data, from: 1, to: 1000, points: 8, simulations: 9, seed: 2, workers: 2)
        #expect(one.series.map { $0.values.map(\.bitPattern) } == two.series.map { $0.values.map(\.bitPattern) })
        #expect(one.series.map { $0.lower?.map(\.bitPattern) } == two.series.map { $0.lower?.map(\.bitPattern) })
    }

    @Test func cancellationReturnsTheFinishedPrefix() {
        let base = ModelParameters(k: 2)
        let none = Sweeper.simulatedRuns(base, axis: .data, xs: [10, 100], datasets: 0..<50, seed: 1, workers: 2, isCancelled: { true })
        #expect(none.isEmpty)
        let asked = Atomic(0)
        let some = Sweeper.simulatedRuns(base, axis: .data, xs: [10, 100], datasets: 0..<50, seed: 1, workers: 1) {
            asked.add(1) > 6
        }
        #expect(some.count == 6)
        let full = Sweeper.simulatedRuns(base, axis: .data, xs: [10, 100], datasets: 0..<6, seed: 1, workers: 1)
        #expect(ParallelSimulationTests.bits(some) == ParallelSimulationTests.bits(full))
    }
}

/// A counter shared by workers.
final class Atomic: @unchecked Sendable {
    private var value: Int
    private let lock = NSLock()
    init(_ value: Int) { self.value = value }
    /// Adds `amount` and returns the new value.
    func add(_ amount: Int) -> Int { lock.withLock { value += amount; return value } }
}
