import IIACore

/// The message on the status line: an action's result or an input error.
public enum StatusMessage: Hashable, Sendable, Codable {
    /// An action's result, e.g. "preset 2: …".
    case note(String)
    /// An input error (shown in red; typing replaces a rejected value).
    case error(String)
    /// About Monte Carlo; replaced by the "done" message when the run completes.
    case monteCarlo(String)
    /// The landscape and explanation switched to this algorithm (the text quotes its Newton
    /// iterations, from the derived results).
    case landscapeAlgorithm(Algorithm)

    /// Whether it reports an error.
    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// The text shown, with the numbers it quotes from `derived`.
    public func text(_ derived: ExplorerDerived) -> String {
        switch self {
        case .note(let text), .error(let text), .monteCarlo(let text):
            return text
        case .landscapeAlgorithm(let algorithm):
            let iterations = derived.result(for: algorithm).iterations
            return "landscape and explanation: \(algorithm.name) (\(iterations) Newton iteration\(iterations == 1 ? "" : "s"))"
        }
    }
}
