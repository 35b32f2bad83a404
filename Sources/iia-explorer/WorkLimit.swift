import Foundation
import IIAApp

/// Caps on how much work one command may be asked for, so that no option value runs unbounded.
enum WorkLimit {
    /// Most simulated datasets per grid point (--sims).
    static let simulationsPerPoint = 100_000
    /// Most simulated datasets one command solves: grid points × --sims (1000 × 1000 fits).
    static let simulatedDatasets = 1_000_000
    /// Most repetitions per median in `bench`.
    static let benchRepetitions = 1_000

    /// The limit as shown in --help.
    static let summary = "Work limit: grid points × --sims ≤ 1e6 simulated datasets per command "
        + "(sweep: --points × --sims; snapshot --chart data or m2: 40 × --sims); --sims ≤ 1e5."

    /// Refuses more than ``simulatedDatasets`` datasets over `points` grid points.
    static func checkSimulatedDatasets(points: Int, simulations: Int) throws {
        guard points.multipliedReportingOverflow(by: simulations).partialValue <= simulatedDatasets, points > 0 else {
            let most = simulatedDatasets / max(points, 1)
            throw InputError(
                option: "--sims",
                allowed: "at most \(most) with \(points) grid points (grid points × --sims ≤ 1e6 simulated datasets)",
                got: String(simulations))
        }
    }
}

/// The explorer's slider ranges: the explorer and its screen snapshot take only values inside
/// them, so that nothing is silently clamped.
enum ExplorerRanges {
    /// The option behind each slider.
    static func option(_ slider: SliderID) -> String {
        switch slider {
        case .m1: return "--m1"
        case .m2: return "--m2"
        case .p1: return "--p1"
        case .zeta: return "--zeta"
        case .k: return "--k"
        case .beta: return "--beta"
        case .delta: return "--delta"
        case .dataSize: return "--data"
        case .simulations: return "--sims"
        case .fixedM1: return "--fixed-m1"
        case .rewardGap: return "--reward-gap"
        }
    }

    /// Refuses a parameter or dataset count outside its slider's range (or not whole where the
    /// slider takes whole numbers, |D| excepted).
    static func check(_ parameters: ModelParameters, simulations: Int, model: ModelOptions, context: String) throws {
        for slider in SliderID.allCases {
            let value = slider == .simulations ? Double(simulations) : slider.value(in: parameters)
            guard let value else { continue }
            let spec = slider.spec
            // |D| keeps a fraction in the explorer (as its presets do); only its range applies.
            let inRange = slider == .dataSize ? spec.range.contains(value) : spec.clamped(value) == value
            if !inRange {
                let raw = slider == .simulations ? String(simulations) : model.rawValue(String(option(slider).dropFirst(2)))
                var allowed = spec.allowedDescription(ascii: false)
                if slider == .simulations { allowed = allowed.replacingOccurrences(of: "from 0 ", with: "from 1 ") }
                if slider == .dataSize { allowed = allowed.replacingOccurrences(of: "a whole number", with: "a number") }
                throw InputError(option: option(slider), allowed: "\(allowed) \(context)", got: raw)
            }
        }
    }

    /// The ranges in one line, for --help.
    static var summary: String {
        let ranges = SliderID.allCases.map { slider in
            slider == .simulations ? "--sims 1…\(Int(slider.spec.range.upperBound))" : "\(option(slider)) \(slider.spec.rangeLabel(ascii: false))"
        }
        return "The explorer's sliders bound its options: " + ranges.joined(separator: ", ") + "."
    }
}

import IIACore
