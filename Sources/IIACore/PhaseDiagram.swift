import Dispatch
import Foundation

/// P(M1) of one or more algorithms over a zeta x p*(1) grid (``PhaseDiagramGrid``), the other
/// settings (|D|, beta, |Y|, |M1|, |M2|, delta, query format, responses) fixed: on expected
/// data, or the mean over simulated datasets (``PhaseDiagramSimulation``).
///
/// Each cell's value is exactly what ``RLHFSolver`` gives for the parameters with zeta and p*(1)
/// set to the cell's centre: the grid only shares work between cells (one solver, with its KL
/// term, per zeta column; the per-row constants for |Y| once; the query rows' probabilities once
/// per column), never changes a number.
public struct PhaseDiagram: Hashable, Sendable {
    /// The settings; their `zeta` and `p1` are replaced by each cell's centre.
    public var parameters: ModelParameters
    public var grid: PhaseDiagramGrid
    /// The algorithms computed, in the order of ``values``.
    public var algorithms: [Algorithm]
    /// P(M1) (the mean over datasets for simulated data): one array per algorithm, indexed by
    /// cell number (``PhaseDiagramGrid/index(column:row:)``). NaN for an algorithm that does not
    /// apply to the responses (SLiC on rankings): check ``isApplicable(_:)`` before showing it.
    public var values: [[Double]]
    /// The number of simulated datasets behind each mean (0 = expected data).
    public var simulations: Int

    /// Whether `algorithm` has a policy for these responses (false: SLiC on rankings).
    public func isApplicable(_ algorithm: Algorithm) -> Bool {
        algorithm.inapplicabilityReason(for: parameters.responses) == nil
    }

    /// P(M1) of `algorithm` in cell (column, row); nil when the algorithm was not computed or
    /// does not apply.
    public func value(_ algorithm: Algorithm, column: Int, row: Int) -> Double? {
        guard let a = algorithms.firstIndex(of: algorithm), isApplicable(algorithm),
              grid.zetaCount > column, column >= 0, grid.p1Count > row, row >= 0 else { return nil }
        return values[a][grid.index(column: column, row: row)]
    }

    /// The phase diagram on expected data, the zeta columns shared among `workers` workers (the
    /// result is the same for any number of workers).
    public static func expected(
        _ base: ModelParameters, grid: PhaseDiagramGrid, algorithms: [Algorithm],
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws(PhaseDiagramError) -> PhaseDiagram {
        if let error = PhaseDiagramError.check(base) { throw error }
        let plan = PhaseDiagramPlan(base, grid: grid)
        let values = plan.perCell(algorithms: algorithms, workers: workers) { cell in
            cell.fillExpectedTable()
            for (a, result) in cell.column.solver.solve(cell.table, algorithms: algorithms).enumerated() {
                cell.values[a] = result.pM1
            }
            return true
        }
        return PhaseDiagram(
            parameters: base, grid: grid, algorithms: algorithms, values: values ?? [], simulations: 0)
    }
}

/// What the cells of one zeta column share: the parameters, the solver and the query rows.
struct PhaseDiagramColumn {
    /// The settings with zeta at the column's centre.
    let parameters: ModelParameters
    let solver: RLHFSolver
    /// P(row j) for the column's zeta.
    let rowProbabilities: [Double]

    init(_ base: ModelParameters, zeta: Double, constants: ChoiceSetConstants) {
        var parameters = base
        parameters.zeta = zeta
        self.parameters = parameters
        // The solver does not read p*(1): one serves the whole column.
        solver = RLHFSolver(parameters, constants: constants)
        rowProbabilities = CellProbabilities.rowProbabilities(parameters)
    }
}

/// One cell being computed: its column, parameters and number, a count table to reuse, and
/// room for one value per algorithm.
struct PhaseDiagramCell {
    var column: PhaseDiagramColumn
    /// The settings with zeta and p*(1) at the cell's centre.
    var parameters: ModelParameters
    /// The cell's number (``PhaseDiagramGrid/index(column:row:)``).
    var index: Int
    /// A table for |Y| that the cell may overwrite (one per worker, so nothing is allocated per cell).
    var table: PreferenceCounts
    /// The cell's values, one per algorithm.
    var values: [Double]

    /// Makes ``table`` the cell's expected data.
    mutating func fillExpectedTable() {
        table.fillExpected(parameters, dataSize: parameters.dataSize, rowProbabilities: column.rowProbabilities)
    }
}

/// The work of a phase diagram: the columns shared among workers, every cell computed alone.
struct PhaseDiagramPlan {
    let base: ModelParameters
    let grid: PhaseDiagramGrid
    let constants: ChoiceSetConstants

    init(_ base: ModelParameters, grid: PhaseDiagramGrid) {
        self.base = base
        self.grid = grid
        constants = ChoiceSetConstants(k: base.k)
    }

    /// Runs `body` for every cell, which sets the cell's values (one per algorithm); returns them
    /// by algorithm and cell, or nil when `body` returned false (cancelled). Columns are
    /// interleaved between `workers` workers (so both get cheap and dear columns); each cell is
    /// written by one worker only, so the result does not depend on the number of workers.
    func perCell(algorithms: [Algorithm], workers: Int, _ body: (inout PhaseDiagramCell) -> Bool) -> [[Double]]? {
        let cells = grid.cellCount, count = algorithms.count
        // Cell by cell: the values of cell c are at c·count ..< (c+1)·count.
        var flat = [Double](repeating: .nan, count: cells * count)
        let workerCount = max(1, min(workers, grid.zetaCount))
        var finished = [Bool](repeating: true, count: workerCount)
        withoutActuallyEscaping(body) { body in
            // `body` is called from every worker at once: it must only read shared state.
            nonisolated(unsafe) let body = body
            flat.withUnsafeMutableBufferPointer { flatBuffer in
                finished.withUnsafeMutableBufferPointer { finishedBuffer in
                    // Each worker writes only its own cells and its own flag.
                    nonisolated(unsafe) let (output, flags) = (flatBuffer, finishedBuffer)
                    DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                        flags[worker] = computeColumns(worker: worker, of: workerCount, count: count, body) { cell in
                            for a in 0..<count { output[cell.index * count + a] = cell.values[a] }
                        }
                    }
                }
            }
        }
        guard finished.allSatisfy({ $0 }) else { return nil }
        return (0..<count).map { a in (0..<cells).map { flat[$0 * count + a] } }
    }

    /// One worker's columns (every `workers`-th from `worker`): calls `body` for each cell and
    /// `store` with it; false when `body` returned false (the rest is skipped).
    private func computeColumns(
        worker: Int, of workers: Int, count: Int, _ body: (inout PhaseDiagramCell) -> Bool,
        store: (PhaseDiagramCell) -> Void
    ) -> Bool {
        func column(_ index: Int) -> PhaseDiagramColumn {
            PhaseDiagramColumn(base, zeta: grid.zeta(column: index), constants: constants)
        }
        // One cell value per worker, its table and values overwritten cell after cell.
        let first = column(worker)
        var cell = PhaseDiagramCell(
            column: first, parameters: first.parameters, index: 0, table: PreferenceCounts(emptyWithK: base.k),
            values: [Double](repeating: .nan, count: count))
        for columnIndex in stride(from: worker, to: grid.zetaCount, by: workers) {
            if columnIndex != worker { cell.column = column(columnIndex) }
            for row in 0..<grid.p1Count {
                cell.parameters = cell.column.parameters
                cell.parameters.p1 = grid.p1(row: row)
                cell.index = grid.index(column: columnIndex, row: row)
                guard body(&cell) else { return false }
                store(cell)
            }
        }
        return true
    }
}
