import Dispatch
import Foundation
import IIACore

/// The bench's adversarial line: the slowest setting of the whole input space, by its median
/// time per solve (all six algorithms on one dataset, the solver built for the setting as a
/// sweep builds it).
enum AdversarialBench {
    /// Settings drawn (seeded) across every option's allowed range.
    static let settingCount = 3000
    /// Solves timed per setting in one pass; the median over all passes is the setting's time.
    static let repetitions = 7
    /// Passes over all settings: a burst of load from elsewhere on the machine then falls on a
    /// third of a setting's solves at most, not on all of them.
    static let passes = 3

    struct Outcome {
        var worstMedian: Double
        var worst: AdversarialSetting
        var settings: Int
        /// The slowest few settings, slowest first, with their index in the draw (for a closer look).
        var slowest: [(median: Double, index: Int, setting: AdversarialSetting)]
    }

    /// The seed of the draw (the same settings on every machine).
    static let seed: UInt64 = 20_261_202

    /// Times every setting; the worst median and the setting behind it.
    static func measure(settings count: Int = settingCount, seed: UInt64 = seed) -> Outcome {
        let settings = AdversarialSettings.draw(count: count, seed: seed)
        let tables = settings.map { $0.counts() }
        var samples = [[Double]](repeating: [], count: settings.count)
        for _ in 0..<passes {
            for (index, setting) in settings.enumerated() {
                for _ in 0..<repetitions {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let results = RLHFSolver(setting.parameters).solve(tables[index])
                    let elapsed = DispatchTime.now().uptimeNanoseconds - start
                    precondition(results.allSatisfy { !$0.pM1.isNaN }, "NaN P(M1) at \(setting.commandLine)")
                    samples[index].append(Double(elapsed) / 1e9)
                }
            }
        }
        var timings = samples.indices.map { index in
            (median: samples[index].sorted()[samples[index].count / 2], index: index, setting: settings[index])
        }
        timings.sort { $0.median > $1.median }
        return Outcome(
            worstMedian: timings[0].median, worst: timings[0].setting, settings: timings.count,
            slowest: Array(timings.prefix(10)))
    }

    /// Prints the bench line (and, when `details`, the ten slowest settings with their index).
    /// IIA_BENCH_INDEX=i,j,… times those settings of the draw alone, IIA_BENCH_ROUNDS times each
    /// (for profiling one setting).
    static func report(details: Bool = ProcessInfo.processInfo.environment["IIA_BENCH_DETAILS"] != nil) {
        let environment = ProcessInfo.processInfo.environment
        let perAlgorithm = environment["IIA_BENCH_ALGORITHMS"] != nil
        if let indices = environment["IIA_BENCH_INDEX"] {
            let rounds = max(1, environment["IIA_BENCH_ROUNDS"].flatMap { Int($0) } ?? 2000)
            reportSettings(indices.split(separator: ",").compactMap { Int($0) }, rounds: rounds, perAlgorithm: perAlgorithm)
            return
        }
        let outcome = measure()
        print(String(
            format: "Adversarial settings: worst median per solve %.1f µs over %d settings (all six algorithms; worst at %@)",
            outcome.worstMedian * 1e6, outcome.settings, outcome.worst.commandLine))
        guard details else { return }
        for (median, index, setting) in outcome.slowest {
            print(String(format: "  %9.1f µs  #%d %@", median * 1e6, index, setting.commandLine))
            if perAlgorithm { printAlgorithms(setting) }
        }
    }

    /// The median time per solve of the settings at `indices` of the draw, `rounds` solves each.
    static func reportSettings(_ indices: [Int], rounds: Int, perAlgorithm: Bool) {
        let settings = AdversarialSettings.draw(count: settingCount, seed: seed)
        for index in indices where settings.indices.contains(index) {
            let setting = settings[index]
            let table = setting.counts()
            var times: [Double] = []
            for _ in 0..<rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = RLHFSolver(setting.parameters).solve(table)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
            }
            print(String(format: "#%d: median %.1f µs per solve  %@", index, times.sorted()[rounds / 2], setting.commandLine))
            if perAlgorithm { printAlgorithms(setting) }
        }
    }

    /// Each algorithm's median time on `setting` (for profiling).
    static func printAlgorithms(_ setting: AdversarialSetting) {
        let table = setting.counts()
        let solver = RLHFSolver(setting.parameters)
        var cells: [String] = []
        for algorithm in Algorithm.allCases {
            var times: [Double] = []
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = solver.solve(table, algorithm: algorithm)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
            }
            cells.append(String(format: "%@ %.1f", algorithm.name, times.sorted()[repetitions / 2]))
        }
        var times: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = RLHFSolver(setting.parameters)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
        }
        cells.append(String(format: "init %.1f", times.sorted()[repetitions / 2]))
        print("             " + cells.joined(separator: ", "))
    }
}
