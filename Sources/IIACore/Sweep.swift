import Dispatch
import Foundation

/// The quantity a sweep varies.
public enum SweepAxis: String, Sendable, Codable, CaseIterable {
    /// |D|, the dataset size (the paper's Figure 2).
    case data
    /// |M2|, the size of the second category (the paper's Figure 3).
    case m2

    /// The default range and number of points.
    public var defaultRange: (from: Double, to: Double, points: Int) {
        switch self {
        case .data: return (1, 10_000, 40)
        case .m2: return (1, 100_000, 40)
        }
    }

    /// The axis label.
    public var label: String { self == .data ? "|D|" : "|M2|" }
}

/// One algorithm's curve in a sweep: P(M1) at each x, and for simulated data the band.
public struct SweepSeries: Sendable, Hashable {
    public var algorithm: Algorithm
    /// P(M1) (the mean over datasets for simulated data).
    public var values: [Double]
    /// Lower and upper quantiles of P(M1) over datasets (simulated data only).
    public var lower: [Double]?
    public var upper: [Double]?
}

/// P(M1) of every algorithm along a log grid of |D| or |M2|.
public struct Sweep: Sendable, Hashable {
    public var axis: SweepAxis
    public var parameters: ModelParameters
    /// The grid, ascending.
    public var xs: [Double]
    /// One series per algorithm, in ``Algorithm/allCases`` order.
    public var series: [SweepSeries]
    /// The number of simulated datasets behind each point (0 = expected data).
    public var simulations: Int
    /// The band's quantiles (simulated data).
    public static let bandQuantiles = (lower: 0.1, upper: 0.9)

    public func series(for algorithm: Algorithm) -> SweepSeries? { series.first { $0.algorithm == algorithm } }
}

/// Computes sweeps.
public enum Sweeper {
    /// A log-spaced grid from `from` to `to` with `points` points; whole numbers (deduplicated)
    /// when `wholeNumbers`.
    public static func logGrid(from: Double, to: Double, points: Int, wholeNumbers: Bool) -> [Double] {
        guard points > 1, to > from else { return [wholeNumbers ? from.rounded() : from] }
        let a = log(from), b = log(to)
        var grid: [Double] = []
        for index in 0..<points {
            // Twelve significant digits: decades come out as 10, 100, ... rather than 10.000000000000002.
            let exact = exp(a + (b - a) * Double(index) / Double(points - 1))
            var x = Double(String(format: "%.12g", exact)) ?? exact
            if index == 0 { x = from }
            if index == points - 1 { x = to }
            if wholeNumbers { x = max(1, x.rounded()) }
            if grid.last.map({ x > $0 }) ?? true { grid.append(x) }
        }
        return grid
    }

    /// Whether the axis takes whole numbers only (|M2| always; |D| for simulated data).
    static func wholeNumbers(_ axis: SweepAxis, simulations: Int) -> Bool { axis == .m2 || simulations > 0 }

    /// Parameters with the axis set to x.
    static func parameters(_ base: ModelParameters, _ axis: SweepAxis, _ x: Double) -> ModelParameters {
        var parameters = base
        switch axis {
        case .data: parameters.dataSize = x
        case .m2: parameters.m2 = Int(x)
        }
        return parameters
    }

    /// The noiseless curves: expected data at every grid point.
    public static func expected(
        _ base: ModelParameters, axis: SweepAxis, from: Double, to: Double, points: Int
    ) -> Sweep {
        let xs = logGrid(from: from, to: to, points: points, wholeNumbers: wholeNumbers(axis, simulations: 0))
        let perPoint = expectedPoints(base, axis: axis, xs: xs)
        var values = Array(repeating: [Double](), count: Algorithm.allCases.count)
        for point in perPoint {
            for (index, pM1) in point.enumerated() { values[index].append(pM1) }
        }
        let series = Algorithm.allCases.enumerated().map { SweepSeries(algorithm: $1, values: values[$0]) }
        return Sweep(axis: axis, parameters: base, xs: xs, series: series, simulations: 0)
    }

    /// Every algorithm's P(M1) on expected data at each x, the points shared between two workers
    /// (interleaved, so both get large and small x): each point is solved alone, so the
    /// results are the same as one after another.
    static func expectedPoints(_ base: ModelParameters, axis: SweepAxis, xs: [Double]) -> [[Double]] {
        var results = [[Double]](repeating: [], count: xs.count)
        let workers = min(expectedWorkers, xs.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only its own indices.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: xs.count, by: workers) {
                    let parameters = parameters(base, axis, xs[index])
                    output[index] = RLHFSolver(parameters).solve(.expected(parameters)).map(\.pM1)
                }
            }
        }
        return results
    }

    /// Workers of an expected-data sweep (the explorer's frame budget assumes two cores).
    static let expectedWorkers = 2

    /// P(M1) for each simulated dataset `first..<first+count` at every grid point:
    /// `[dataset][algorithm][point]`. Along |D| the datasets are nested; along |M2| one dataset
    /// of size |D| serves every point (the data do not depend on |M2|).
    ///
    /// The datasets are shared among `workers` workers (all cores by default); each is drawn from
    /// its own stream and solved alone, so the result is the same, bit for bit, for any number of
    /// workers. When `isCancelled` (asked before each dataset, from every worker at once) answers
    /// true, the datasets finished before the first unfinished one are returned.
    public static func simulatedRuns(
        _ base: ModelParameters, axis: SweepAxis, xs: [Double], datasets: Range<Int>, seed: UInt64,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, isCancelled: () -> Bool = { false }
    ) -> [[[Double]]] {
        let simulator = PreferenceSimulator(base, seed: seed)
        // Along |D| one solver serves every point (the data carry their size); along |M2| one per point.
        let solvers = axis == .data ? [RLHFSolver(base)] : xs.map { RLHFSolver(parameters(base, axis, $0)) }
        var runs = [[[Double]]?](repeating: nil, count: datasets.count)
        let workerCount = max(1, min(workers, datasets.count))
        withoutActuallyEscaping(isCancelled) { isCancelled in
            nonisolated(unsafe) let isCancelled = isCancelled
            runs.withUnsafeMutableBufferPointer { buffer in
                // Each worker writes only its own datasets (interleaved: dataset d goes to worker d mod workers).
                nonisolated(unsafe) let output = buffer
                DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                    for offset in stride(from: worker, to: datasets.count, by: workerCount) {
                        if isCancelled() { return }
                        output[offset] = simulatedRun(
                            simulator, solvers: solvers, axis: axis, xs: xs, index: datasets.lowerBound + offset)
                    }
                }
            }
        }
        return Array(runs.prefix { $0 != nil }.map { $0 ?? [] })
    }

    /// P(M1) of every algorithm at every grid point for simulated dataset `index`: `[algorithm][point]`.
    static func simulatedRun(
        _ simulator: PreferenceSimulator, solvers: [RLHFSolver], axis: SweepAxis, xs: [Double], index: Int
    ) -> [[Double]] {
        var perAlgorithm = Array(repeating: [Double](), count: Algorithm.allCases.count)
        switch axis {
        case .data:
            let tables = simulator.nestedDatasets(index: index, sizes: xs)
            for table in tables {
                for (a, result) in solvers[0].solve(table).enumerated() { perAlgorithm[a].append(result.pM1) }
            }
        case .m2:
            let table = simulator.dataset(index: index, size: simulator.parameters.dataSize)
            for solver in solvers {
                for (a, result) in solver.solve(table).enumerated() { perAlgorithm[a].append(result.pM1) }
            }
        }
        return perAlgorithm
    }

    /// Mean and quantile band over simulated datasets.
    public static func summarize(_ base: ModelParameters, axis: SweepAxis, xs: [Double], runs: [[[Double]]]) -> Sweep {
        var series: [SweepSeries] = []
        for (a, algorithm) in Algorithm.allCases.enumerated() {
            var mean: [Double] = [], lower: [Double] = [], upper: [Double] = []
            for point in xs.indices {
                let samples = runs.map { $0[a][point] }.sorted()
                mean.append(samples.isEmpty ? .nan : samples.reduce(0, +) / Double(samples.count))
                lower.append(quantile(samples, Sweep.bandQuantiles.lower))
                upper.append(quantile(samples, Sweep.bandQuantiles.upper))
            }
            series.append(SweepSeries(algorithm: algorithm, values: mean, lower: lower, upper: upper))
        }
        return Sweep(axis: axis, parameters: base, xs: xs, series: series, simulations: runs.count)
    }

    /// The mean and band of P(M1) over `simulations` simulated datasets.
    /// The datasets are shared among `workers` workers (all cores by default; the result does
    /// not depend on it).
    public static func simulated(
        _ base: ModelParameters, axis: SweepAxis, from: Double, to: Double, points: Int,
        simulations: Int, seed: UInt64, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> Sweep {
        let xs = logGrid(from: from, to: to, points: points, wholeNumbers: true)
        let runs = simulatedRuns(base, axis: axis, xs: xs, datasets: 0..<simulations, seed: seed, workers: workers)
        return summarize(base, axis: axis, xs: xs, runs: runs)
    }

    /// The q-quantile of sorted samples (linear interpolation).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(sorted.count - 1, low + 1)
        let fraction = position - Double(low)
        return sorted[low] + (sorted[high] - sorted[low]) * fraction
    }
}
