import ArgumentParser
import Dispatch
import Foundation
import IIAApp
import IIACore

/// `iia-explorer bench`: solver and sweep timings (run it in a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the solver and the Figure-2 sweep (use: swift run -c release iia-explorer bench).")

    @Option(name: .customLong("repetitions"), parsing: .unconditional, help: "Repetitions for each median (whole number 3…1000; default 15).")
    var repetitionsText: String?

    func run() throws {
        let repetitions = try repetitionsText.map {
            try NumberParser.whole($0, option: "--repetitions", range: 3...WorkLimit.benchRepetitions)
        } ?? 15
        #if DEBUG
        print("note: this is a debug build; timings are only meaningful with -c release")
        #endif
        // IIA_BENCH_ONLY=adversarial, =corners or =phase runs those lines alone (for profiling).
        switch ProcessInfo.processInfo.environment["IIA_BENCH_ONLY"] {
        case "adversarial": AdversarialBench.report(); return
        case "corners": CornerFrameBench.report(); return
        case "phase": PhaseDiagramBench.report(repetitions: repetitions); return
        default: break
        }
        reportSolveTimes(repetitions)
        let figure2 = ModelParameters(k: 4)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let sweeps = [1, cores].map { workers in
            median(max(3, repetitions / 3)) {
                _ = Sweeper.simulated(
                    figure2, axis: .data, from: 1, to: 10_000, points: 40, simulations: 100, seed: 1, workers: workers)
            }
        }
        print("Figure-2 sweep (k = 4, 40 |D| values from 1 to 1e4, 100 simulated datasets, 6 algorithms): median"
            + " \(milliseconds(sweeps[0])) on one core, \(milliseconds(sweeps[1])) on \(cores) cores")
        PhaseDiagramBench.report(repetitions: repetitions)
        AdversarialBench.report()
        CornerFrameBench.report()

        // Key event to finished frame buffer (update + solve + render), 200 x 60, expected data.
        for (name, selections) in [("|D|", 7), ("|Y|", 4)] {
            var model = ExplorerModel(capabilities: DisplayCapabilities())
            _ = model.update(.resize(width: 200, height: 60))
            for _ in 0..<selections { _ = model.update(.key(.down)) }
            var frames: [Double] = []
            for index in 0..<(repetitions * 20) {
                let key: Key = index % 2 == 0 ? .right : .left
                let start = DispatchTime.now().uptimeNanoseconds
                _ = model.update(.key(key))
                _ = model.view()
                frames.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            frames.sort()
            print("Frame time, key on the \(name) slider to finished 200x60 buffer: median \(String(format: "%.2f", frames[frames.count / 2])) ms, 90th percentile \(String(format: "%.2f", frames[frames.count * 9 / 10])) ms")
        }
    }

    /// Median time per solve, per algorithm and for the paper's four together, at |Y| = 2, 4, 8.
    func reportSolveTimes(_ repetitions: Int) {
        print("Median time per solve (expected data at the paper's defaults, and 1000 simulated datasets of |D| = 1000):")
        for k in [2, 4, 8] {
            let parameters = ModelParameters(k: k)
            let expected = PreferenceCounts.expected(parameters)
            let simulator = PreferenceSimulator(parameters, seed: 1)
            let datasets = (0..<1000).map { simulator.dataset(index: $0, size: 1000) }
            // One solver per parameter set, as a sweep uses it; the datasets are what varies.
            let solver = RLHFSolver(parameters)
            var cells: [String] = []
            for algorithm in Algorithm.paperAlgorithms {
                let seconds = median(repetitions) {
                    for table in datasets { _ = solver.solve(table, algorithm: algorithm) }
                } / Double(datasets.count)
                cells.append("\(algorithm.name) \(microseconds(seconds))")
            }
            let all = median(repetitions) {
                for table in datasets { _ = solver.solve(table, algorithms: Algorithm.paperAlgorithms) }
            } / Double(datasets.count)
            // The Figure-2 mix: the 40 |D| values from 1 to 1e4 of the Figure-2 sweep, 25 nested datasets each.
            let mix = (0..<25).flatMap { simulator.nestedDatasets(index: $0, sizes: Self.figure2Sizes) }
            let allMix = median(repetitions) {
                for table in mix { _ = solver.solve(table, algorithms: Algorithm.paperAlgorithms) }
            } / Double(mix.count)
            let allExpected = median(repetitions) {
                for _ in 0..<1000 { _ = solver.solve(expected, algorithms: Algorithm.paperAlgorithms) }
            } / 1000
            print("  k = \(k): " + cells.joined(separator: ", ")
                + "; all four \(microseconds(all)) per simulated dataset (|D| = 1000), \(microseconds(allMix)) per"
                + " simulated dataset of the Figure-2 mix (40 |D| from 1 to 1e4), \(microseconds(allExpected)) on expected data")
        }
    }

    /// Median wall time of `body` over `count` runs, in seconds.
    func median(_ count: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }

    func microseconds(_ seconds: Double) -> String { String(format: "%.2f µs", seconds * 1e6) }

    func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

    /// The |D| values of the Figure-2 sweep.
    static let figure2Sizes = Sweeper.logGrid(from: 1, to: 10_000, points: 40, wholeNumbers: true)
}
