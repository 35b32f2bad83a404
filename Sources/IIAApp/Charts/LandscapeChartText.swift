import Foundation
import IIACharts
import IIACore

/// The landscape chart's text: probability labels, numbers, the caption; and its sampling.
extension LandscapeChartData {
    // MARK: Labels

    /// A scalar with four significant digits.
    static func number(_ value: Double) -> String { AxisTicks.trimmed(value, digits: 4) }

    /// The summary under the chart, most important part first; parts that do not fit are dropped.
    func captionParts() -> [String] {
        let symbol = landscape.scalarSymbol, name = landscape.algorithm.name
        let arrow = style.ascii ? "->" : "→"
        if !landscape.isApplicable {
            let reason = landscape.algorithm.inapplicabilityReason(for: landscape.parameters.responses) ?? ""
            return [notApplicableText, reason]
        }
        guard let argmin = landscape.argmin else {
            let kept = landscape.algorithm == .rlpo ? "base policy kept" : "uniform policy (theta = 0)"
            return ["\(name): \(likelihoodName) has no minimiser (mixed data chose one category only): \(kept)"]
        }
        let iterations = landscape.result.iterations
        let bisections = landscape.trace.filter { $0.kind == .bisection }.count
        var path = "\(name): "
        if landscape.result.termination == .atKink {
            path += "minimum at a kink, \(symbol)=\(Self.number(argmin))"
        } else {
            let steps = "\(iterations) step\(iterations == 1 ? "" : "s")" + (bisections > 0 ? " (\(bisections) bisection)" : "")
            path += "S \(arrow) \(steps) \(arrow) \(symbol)=\(Self.number(argmin))"
        }
        let logOdds = landscape.result.logOdds
        let p = abs(logOdds) < 5.3 ? AxisTicks.trimmed(StableMath.sigmoid(logOdds), digits: 3) : AxisTicks.probabilityLabel(logOdds: logOdds)
        var parts = [path, "P(M1)=\(p)"]
        let chosenValue = landscape.value(.total, at: argmin)
        for other in landscape.localMinima where other != argmin {
            let gap = landscape.value(.total, at: other) - chosenValue
            // Objective values beyond the double range leave no finite gap to show.
            let gapText = gap.isFinite ? " (+\(AxisTicks.trimmed(gap, digits: 3)))" : ""
            parts.append("other min \(symbol)=\(Self.number(other))\(gapText)")
        }
        return parts
    }

    // MARK: Sampling

    struct Samples {
        /// Each part's values at the sample points (shifted), the total last.
        var values: [(ObjectiveLandscape.Part, [Double])]
        /// The constant subtracted from the data part and the total.
        var shift: Double
    }

    func sample(window: ClosedRange<Double>, count: Int, axis: LinearAxis? = nil) -> Samples {
        let axis = axis ?? LinearAxis(lower: window.lowerBound, upper: window.upperBound, count: count)
        let xs = (0..<max(1, count)).map { axis.value(at: Double($0)) }
        let dataPart = landscape.dataPart
        let data = xs.map { landscape.value(dataPart, at: $0) }
        let shift = data.filter(\.isFinite).min() ?? 0
        var values: [(ObjectiveLandscape.Part, [Double])] = []
        for part in landscape.parts {
            if part == dataPart {
                values.append((part, data.map { $0 - shift }))
            } else if part == .total {
                values.append((part, xs.map { landscape.value(.total, at: $0) - shift }))
            } else {
                values.append((part, xs.map { landscape.value(part, at: $0) }))
            }
        }
        return Samples(values: values, shift: shift)
    }

    /// From the lowest to the highest sampled value (a unit range when flat).
    func yRange(_ samples: Samples) -> (lower: Double, upper: Double) {
        let all = samples.values.flatMap(\.1).filter(\.isFinite)
        let lower = min(0, all.min() ?? 0), upper = all.max() ?? 1
        return upper > lower ? (lower, upper) : (lower, lower + 1)
    }
}
