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

/// What the keyboard is doing, read from the state.
enum KeyboardMode: Equatable {
    case browsing, typing(String), help, explaining
}

extension ExplorerModel {
    /// Sends keys, returning the commands they produced (without the `.none`s).
    @discardableResult
    mutating func press(_ keys: Key...) -> [ExplorerCommand] {
        keys.map { update(.key($0)) }.filter { $0 != .none }
    }

    /// Types text into the input line (after Enter has opened it), returning the commands.
    @discardableResult
    mutating func type(_ text: String) -> [ExplorerCommand] {
        text.map { update(.key(.character($0))) }.filter { $0 != .none }
    }

    var screen: String { view().lines.joined(separator: "\n") }

    func result(_ algorithm: Algorithm) -> AlgorithmResult { results.first { $0.algorithm == algorithm }! }

    var mode: KeyboardMode {
        switch state.overlay {
        case .help: return .help
        case .explaining: return .explaining
        case .none: return inputText.map { .typing($0) } ?? .browsing
        }
    }

    var layout: ScreenLayout { ExplorerView(state: state, derived: derived).layout }
}

extension [ExplorerCommand] {
    /// Whether one of the commands quits.
    var quits: Bool { contains(.quit) }

    /// The Monte Carlo run the commands start, if any.
    var monteCarloRun: MonteCarloRun? {
        for command in reversed() { if case .startMonteCarlo(let run) = command { return run } }
        return nil
    }
}

extension ExplorerCommand {
    /// The Monte Carlo run this command starts, if any.
    var monteCarloRun: MonteCarloRun? {
        if case .startMonteCarlo(let run) = self { return run }
        return nil
    }
}

/// Runs a Monte Carlo run synchronously and returns its reports.
func runSynchronously(_ run: MonteCarloRun) -> [MonteCarloProgress] {
    var reports: [MonteCarloProgress] = []
    run.run(isCancelled: { false }, report: { reports.append($0) })
    return reports
}
