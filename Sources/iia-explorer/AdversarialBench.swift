import Dispatch
import Foundation
import IIACore

/// The bench's adversarial line: the slowest setting of the whole input space, by its median
/// time per solve (all six algorithms on one dataset, the solver built for the setting as a
/// sweep builds it).
enum AdversarialBench {
    /// Settings drawn (seeded) across every option's allowed range.
    static let settingCount = 3000
    /// Solves timed per setting; the median of them is the setting's time.
    static let repetitions = 7

    struct Outcome {
        var worstMedian: Double
        var worst: AdversarialSetting
        var settings: Int
        /// The slowest few settings, slowest first (for a closer look).
        var slowest: [(median: Double, setting: AdversarialSetting)]
    }

    /// Times every setting; the worst median and the setting behind it.
    static func measure(settings count: Int = settingCount, seed: UInt64 = 20_261_202) -> Outcome {
        var timings: [(median: Double, setting: AdversarialSetting)] = []
        timings.reserveCapacity(count)
        for setting in AdversarialSettings.draw(count: count, seed: seed) {
            let table = setting.counts()
            var times: [Double] = []
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds
                let results = RLHFSolver(setting.parameters).solve(table)
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                precondition(results.allSatisfy { !$0.pM1.isNaN }, "NaN P(M1) at \(setting.commandLine)")
                times.append(Double(elapsed) / 1e9)
            }
            timings.append((times.sorted()[repetitions / 2], setting))
        }
        timings.sort { $0.median > $1.median }
        return Outcome(
            worstMedian: timings[0].median, worst: timings[0].setting, settings: timings.count,
            slowest: Array(timings.prefix(10)))
    }

    /// Prints the bench line (and, when `details`, the ten slowest settings).
    static func report(details: Bool = ProcessInfo.processInfo.environment["IIA_BENCH_DETAILS"] != nil) {
        let outcome = measure()
        print(String(
            format: "Adversarial settings: worst median per solve %.1f µs over %d settings (all six algorithms; worst at %@)",
            outcome.worstMedian * 1e6, outcome.settings, outcome.worst.commandLine))
        guard details else { return }
        for (median, setting) in outcome.slowest {
            print(String(format: "  %9.1f µs  %@", median * 1e6, setting.commandLine))
            if ProcessInfo.processInfo.environment["IIA_BENCH_ALGORITHMS"] != nil { printAlgorithms(setting) }
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
