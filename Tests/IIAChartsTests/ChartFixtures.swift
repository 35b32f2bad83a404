import Foundation
@testable import IIACharts
@testable import IIAApp
import IIACore

/// Shared inputs and helpers for the chart tests: sweeps come from the solver, never from
/// hard-coded numbers.
enum ChartFixtures {
    static func parameters(k: Int) -> ModelParameters {
        var parameters = ModelParameters.paperDefaults
        parameters.k = k
        return parameters
    }

    nonisolated(unsafe) private static var cache: [String: Sweep] = [:]
    private static let lock = NSLock()

    /// The expected sweep for the axis's default range (cached: the solver is not free).
    static func sweep(_ axis: SweepAxis, k: Int, points: Int = 40) -> Sweep {
        let key = "\(axis)-\(k)-\(points)"
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[key] { return cached }
        let range = axis.defaultRange
        let sweep = Sweeper.expected(parameters(k: k), axis: axis, from: range.from, to: range.to, points: points)
        cache[key] = sweep
        return sweep
    }

    /// A small simulated sweep (few points and datasets, to stay quick).
    static func simulated(_ axis: SweepAxis, k: Int) -> Sweep {
        let key = "sim-\(axis)-\(k)"
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[key] { return cached }
        let range = axis.defaultRange
        let sweep = Sweeper.simulated(parameters(k: k), axis: axis, from: range.from, to: range.to, points: 12,
                                      simulations: 20, seed: 7)
        cache[key] = sweep
        return sweep
    }

    enum Chart: String, CaseIterable { case data, m2, boundary }

    static func marker(_ chart: Chart) -> Double? {
        switch chart {
        case .data: return ModelParameters.paperDefaults.dataSize
        case .m2: return Double(ModelParameters.paperDefaults.m2)
        case .boundary: return nil
        }
    }

    /// Renders a chart into a fresh buffer of the given size.
    static func render(
        _ chart: Chart, k: Int = 4, width: Int, height: Int, style: ChartStyle, simulated: Bool = false
    ) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        switch chart {
        case .data, .m2:
            let axis: SweepAxis = chart == .data ? .data : .m2
            ExplorerCharts.renderSweep(
                sweep(axis, k: k), simulated: simulated ? self.simulated(axis, k: k) : nil, marker: marker(chart),
                style: style, into: &buffer, rect: buffer.bounds)
        case .boundary:
            ExplorerCharts.renderBoundary(parameters(k: k), style: style, into: &buffer, rect: buffer.bounds)
        }
        return buffer
    }
}
