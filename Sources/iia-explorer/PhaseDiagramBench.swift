import Dispatch
import Foundation
import IIACore

/// The phase diagram's lines of `bench`: 120 x 40 cells at the paper's defaults, on expected
/// data (one core) and with 100 simulated datasets per cell (one core and all cores).
enum PhaseDiagramBench {
    static let grid = PhaseDiagramGrid(zetaCount: 120, p1Count: 40)

    static func report(repetitions: Int) {
        let parameters = ModelParameters.paperDefaults
        let expected = [Algorithm.rlpo, .il].map { algorithm in
            let time = median(repetitions) {
                _ = try? PhaseDiagram.expected(parameters, grid: grid, algorithms: [algorithm], workers: 1)
            }
            return "\(algorithm.name) \(String(format: "%.2f", time * 1000)) ms"
        }
        print("Phase diagram 120x40 cells, expected data, one algorithm (RLPO, IL): median "
            + expected.joined(separator: ", ") + " on one core")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let simulated = [Algorithm.rlpo, .il].map { algorithm in
            let times = [1, cores].map { workers in
                median(3) {
                    guard var simulation = try? PhaseDiagramSimulation(
                        parameters, grid: grid, algorithms: [algorithm], seed: 1) else { return }
                    simulation.simulate(count: 100, workers: workers)
                }
            }
            return "\(algorithm.name) \(milliseconds(times[0])) on one core, \(milliseconds(times[1])) on \(cores) cores"
        }
        print("Phase diagram with 100 simulated datasets per cell (120x40, |D| = 1000): median "
            + simulated.joined(separator: "; "))
    }

    /// Median wall time of `body` over `count` runs, in seconds.
    static func median(_ count: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }
}
