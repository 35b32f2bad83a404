import Foundation
import Testing
@testable import IIACore

@Suite("Expected-data sweeps shared between workers")
struct ExpectedSweepTests {
    @Test("every point of a sweep is exactly the point solved on its own", arguments: [SweepAxis.data, .m2])
    func matchesPointByPoint(axis: SweepAxis) {
        let base = ModelParameters(m1: 3, m2: 40, p1: 0.3, zeta: 0.7, k: 8, beta: 0.5, delta: 1, dataSize: 100)
        for points in [1, 2, 7, 40] {
            let sweep = Sweeper.expected(base, axis: axis, from: 1, to: 1e6, points: points)
            #expect(!sweep.xs.isEmpty && sweep.xs.count <= points)  // whole-number grids drop repeats
            for (index, x) in sweep.xs.enumerated() {
                let parameters = Sweeper.parameters(base, axis, x)
                let alone = RLHFSolver(parameters).solve(.expected(parameters))
                for (result, series) in zip(alone, sweep.series) {
                    #expect(series.algorithm == result.algorithm)
                    #expect(series.values[index].bitPattern == result.pM1.bitPattern, "\(axis) x = \(x) \(result.algorithm)")
                }
            }
        }
    }
}
