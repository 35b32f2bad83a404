import Foundation
import Testing
@testable import IIACore

@Suite struct PhaseDiagramTests {
    /// The parameters of cell (column, row).
    static func cellParameters(_ base: ModelParameters, _ grid: PhaseDiagramGrid, column: Int, row: Int) -> ModelParameters {
        var parameters = base
        parameters.zeta = grid.zeta(column: column)
        parameters.p1 = grid.p1(row: row)
        return parameters
    }

    /// Exact equality, NaN equal to NaN (bit patterns).
    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern }

    @Test func cellCentresAreInsideTheModelsRanges() {
        let grid = PhaseDiagramGrid(zetaCount: 4, p1Count: 5)
        #expect(grid.zetas == [0.125, 0.375, 0.625, 0.875])
        #expect(grid.p1s == [0.1, 0.3, 0.5, 0.7, 0.9])
        #expect(grid.index(column: 3, row: 1) == 7)
        let large = PhaseDiagramGrid(points: 1000)
        #expect(large.zetas.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(PhaseDiagramGrid(zetaCount: 0, p1Count: -3).cellCount == 1)
    }

    static let settings: [ModelParameters] = [
        ModelParameters(k: 2),
        ModelParameters(k: 4, beta: 0.1, dataSize: 37),
        ModelParameters(k: 5, dataSize: 2000, queries: .fixed(m1Count: 2)),
        ModelParameters(k: 3, responses: .ranking),
        ModelParameters(k: 6, beta: 3, dataSize: 1e6, responses: .ranking),
    ]

    @Test("every cell is exactly what RLHFSolver gives at the cell's centre", arguments: settings)
    func expectedGridMatchesTheSolver(base: ModelParameters) throws {
        let grid = PhaseDiagramGrid(zetaCount: 7, p1Count: 5)
        let diagram = try PhaseDiagram.expected(base, grid: grid, algorithms: Algorithm.allCases)
        for column in 0..<grid.zetaCount {
            for row in 0..<grid.p1Count {
                let parameters = Self.cellParameters(base, grid, column: column, row: row)
                let results = RLHFSolver(parameters).solve(.expected(parameters))
                for (a, result) in results.enumerated() {
                    #expect(Self.same(diagram.values[a][grid.index(column: column, row: row)], result.pM1))
                    #expect(diagram.isApplicable(result.algorithm) == result.isApplicable)
                }
            }
        }
    }

    @Test("one algorithm alone, on any number of workers", arguments: [Algorithm.rlpo, .il, .slic])
    func oneAlgorithmAnyWorkers(algorithm: Algorithm) throws {
        let base = ModelParameters(k: 4)
        let grid = PhaseDiagramGrid(zetaCount: 9, p1Count: 4)
        let one = try PhaseDiagram.expected(base, grid: grid, algorithms: [algorithm], workers: 1)
        for workers in [2, 3, 20] {
            let many = try PhaseDiagram.expected(base, grid: grid, algorithms: [algorithm], workers: workers)
            #expect(zip(one.values[0], many.values[0]).allSatisfy { Self.same($0, $1) })
        }
        for column in 0..<grid.zetaCount {
            for row in 0..<grid.p1Count {
                let parameters = Self.cellParameters(base, grid, column: column, row: row)
                let result = RLHFSolver(parameters).solve(.expected(parameters), algorithm: algorithm)
                #expect(Self.same(one.value(algorithm, column: column, row: row) ?? .nan, result.pM1))
            }
        }
    }

    @Test func logitChoicesAreRefused() {
        let logit = ModelParameters(choiceModel: .logit(rewardGap: 1))
        #expect(throws: PhaseDiagramError.logitChoices) {
            try PhaseDiagram.expected(logit, grid: PhaseDiagramGrid(points: 3), algorithms: [.rlpo])
        }
        #expect(throws: PhaseDiagramError.logitChoices) {
            _ = try PhaseDiagramSimulation(logit, grid: PhaseDiagramGrid(points: 3), algorithms: [.rlpo], seed: 1)
        }
        #expect(PhaseDiagramError.logitChoices.description.contains("dichotomy"))
    }

    @Test("simulated means: the same for any workers or chunks, and the mean of per-dataset solves",
          arguments: [ModelParameters(k: 3, dataSize: 50), ModelParameters(k: 4, dataSize: 200, responses: .ranking)])
    func simulatedMeans(base: ModelParameters) throws {
        let grid = PhaseDiagramGrid(zetaCount: 5, p1Count: 3)
        var single = try PhaseDiagramSimulation(base, grid: grid, algorithms: Algorithm.allCases, seed: 7)
        #expect(single.diagram == nil)
        let finished = single.simulate(count: 12, workers: 1)
        #expect(finished)
        var chunked = try PhaseDiagramSimulation(base, grid: grid, algorithms: Algorithm.allCases, seed: 7)
        chunked.simulate(count: 5, workers: 2)
        chunked.simulate(count: 7, workers: 3)
        let one = try #require(single.diagram), many = try #require(chunked.diagram)
        #expect(one.simulations == 12 && many.simulations == 12)
        for a in Algorithm.allCases.indices {
            #expect(zip(one.values[a], many.values[a]).allSatisfy { Self.same($0, $1) })
        }
        for column in 0..<grid.zetaCount {
            for row in 0..<grid.p1Count {
                let parameters = Self.cellParameters(base, grid, column: column, row: row)
                let solver = RLHFSolver(parameters), simulator = PreferenceSimulator(parameters, seed: 7)
                let results = (0..<12).map { solver.solve(simulator.dataset(index: $0, size: parameters.dataSize)) }
                for a in Algorithm.allCases.indices {
                    let mean = results.map { $0[a].pM1 }.reduce(0, +) / 12
                    #expect(Self.same(one.values[a][grid.index(column: column, row: row)], mean))
                }
            }
        }
    }

    @Test func progressiveRunReportsGrowingChunksAndStopsWhenCancelled() throws {
        let grid = PhaseDiagramGrid(points: 4)
        var simulation = try PhaseDiagramSimulation(ModelParameters(dataSize: 30), grid: grid, algorithms: [.rlpo], seed: 3)
        var reported: [Int] = []
        simulation.run(total: 40, workers: 2) { reported.append($0.simulations) }
        #expect(reported == [5, 15, 35, 40])
        var cancelled = try PhaseDiagramSimulation(ModelParameters(dataSize: 30), grid: grid, algorithms: [.rlpo], seed: 3)
        let finished = cancelled.simulate(count: 10, isCancelled: { true })
        #expect(!finished)
        #expect(cancelled.completed == 0 && cancelled.diagram == nil)
        var reports = 0
        cancelled.run(total: 40, isCancelled: { reports > 0 }) { _ in reports += 1 }
        #expect(reports == 1 && cancelled.completed == 5)
    }

    static let extremes: [ModelParameters] = [
        ModelParameters(k: 64), ModelParameters(k: 64, responses: .ranking),
        ModelParameters(beta: 1e-3), ModelParameters(k: 8, beta: 1e3),
        ModelParameters(k: 4, dataSize: 1), ModelParameters(k: 4, dataSize: 1e300),
        ModelParameters(k: 64, beta: 1e-3, dataSize: 1e300), ModelParameters(k: 64, beta: 1e3, dataSize: 1, responses: .ranking),
    ]

    @Test("extreme settings give finite values in every applicable cell", arguments: extremes)
    func extremeSettingsAreFinite(base: ModelParameters) throws {
        let diagram = try PhaseDiagram.expected(base, grid: PhaseDiagramGrid(zetaCount: 6, p1Count: 4), algorithms: Algorithm.allCases)
        for (a, algorithm) in Algorithm.allCases.enumerated() where diagram.isApplicable(algorithm) {
            #expect(diagram.values[a].allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(algorithm)")
        }
        guard base.dataSize <= 1000 else { return }
        var simulation = try PhaseDiagramSimulation(base, grid: PhaseDiagramGrid(points: 3), algorithms: Algorithm.allCases, seed: 1)
        simulation.simulate(count: 3)
        let simulated = try #require(simulation.diagram)
        for (a, algorithm) in Algorithm.allCases.enumerated() where simulated.isApplicable(algorithm) {
            #expect(simulated.values[a].allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(algorithm)")
        }
    }
}
