import IIACharts
import IIACore
@testable import IIAApp

/// An explorer at a given size, driven by events.
func makeModel(
    _ parameters: ModelParameters = .paperDefaults, simulations: Int = 0, width: Int = 80, height: Int = 24,
    capabilities: DisplayCapabilities = DisplayCapabilities(ascii: false, colorMode: .palette256)
) -> ExplorerModel {
    var model = ExplorerModel(parameters: parameters, simulations: simulations, capabilities: capabilities)
    _ = model.update(.resize(width: width, height: height))
    return model
}

extension ExplorerModel {
    /// Sends keys, returning the last background work returned.
    @discardableResult
    mutating func press(_ keys: Key...) -> BackgroundWork? {
        var work: BackgroundWork?
        for key in keys { if let w = update(.key(key)) { work = w } }
        return work
    }

    /// Types text into the input line (after Enter has opened it).
    mutating func type(_ text: String) {
        for character in text { _ = update(.key(.character(character))) }
    }

    var screen: String { view().lines.joined(separator: "\n") }

    func result(_ algorithm: Algorithm) -> AlgorithmResult { results.first { $0.algorithm == algorithm }! }
}

/// Runs background work synchronously and returns its reports.
func runSynchronously(_ work: BackgroundWork) -> [any Sendable] {
    let collector = ReportCollector()
    work.run({ false }, { collector.add($0) })
    return collector.reports
}
