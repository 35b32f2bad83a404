import IIACharts
import IIACore

/// The command lines that reproduce an ``ExplorerState``: `iia-explorer tui …` restores it,
/// `iia-explorer snapshot … --chart all` prints its screen (all but the status and key lines).
///
/// Every value is written with ``RoundTripNumber/text(_:)``, so it reads back as the same double.
/// What neither restores: the undo history, the status line, and J, R and the dataset count
/// that the scenario and `m` keys bring back (they start from their defaults).
public enum ExplorerCommandLine {
    /// The program's name at the start of every line.
    public static let program = "iia-explorer"
    /// The screenshot folder `tui` uses without `--screenshot-dir`.
    public static let defaultScreenshotDirectory = "screenshots"

    /// The options of the state's settings: the model and scenario (`--responses` with rankings), `--sims` (when on),
    /// `--seed`, the chart in focus, the landscape algorithm, the selected slider, and the
    /// display (`--ascii`, `--no-color`).
    public static func stateArguments(_ state: ExplorerState) -> [String] {
        let p = state.parameters
        var arguments = [
            "--m1", String(p.m1), "--m2", String(p.m2), "--p1", RoundTripNumber.text(p.p1), "--zeta", RoundTripNumber.text(p.zeta),
            "--k", String(p.k), "--beta", RoundTripNumber.text(p.beta), "--delta", RoundTripNumber.text(p.delta),
            "--data", RoundTripNumber.text(p.dataSize),
        ]
        if case .fixed(let count) = p.queries { arguments += ["--queries", "fixed", "--fixed-m1", String(count)] }
        if case .logit(let gap) = p.choiceModel { arguments += ["--choice-model", "logit", "--reward-gap", RoundTripNumber.text(gap)] }
        if p.responses != .choice { arguments += ["--responses", p.responses.name] }
        if state.simulations > 0 { arguments += ["--sims", String(state.simulations)] }
        arguments += [
            "--seed", String(state.seed), "--focus", state.focusedChart.rawValue,
            "--algorithm", state.landscapeAlgorithm.name, "--select", state.sliders.selected.optionName,
        ]
        if state.capabilities.ascii { arguments.append("--ascii") }
        if state.capabilities.colorMode == .none { arguments.append("--no-color") }
        if state.capabilities.theme != .dark { arguments += ["--theme", state.capabilities.theme.rawValue] }
        return arguments
    }

    /// `iia-explorer tui …`: the explorer started in the state's settings.
    public static func tui(_ state: ExplorerState) -> [String] {
        var arguments = [program, "tui"] + stateArguments(state)
        if state.screenshotDirectory != defaultScreenshotDirectory { arguments += ["--screenshot-dir", state.screenshotDirectory] }
        return arguments
    }

    /// `iia-explorer snapshot … --chart all --size WxH --format txt`: the state's screen.
    public static func snapshot(_ state: ExplorerState) -> [String] {
        [program, "snapshot"] + stateArguments(state) + ["--chart", "all", "--size", "\(state.width)x\(state.height)", "--format", "txt"]
    }

    /// The arguments as one line for a POSIX shell (quoted where needed).
    public static func line(_ arguments: [String]) -> String {
        arguments.map(quoted).joined(separator: " ")
    }

    /// `text` as one shell word: as it is when it holds only safe characters, else in single quotes.
    public static func quoted(_ text: String) -> String {
        let safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=+,@%"
        if !text.isEmpty && text.allSatisfy({ safe.contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension SliderID {
    /// The command-line option behind the slider, without its dashes: "m1", "data", "sims",
    /// "fixed-m1", "reward-gap" (also the value of `--select`).
    public var optionName: String {
        switch self {
        case .m1: return "m1"
        case .m2: return "m2"
        case .p1: return "p1"
        case .zeta: return "zeta"
        case .k: return "k"
        case .beta: return "beta"
        case .delta: return "delta"
        case .dataSize: return "data"
        case .simulations: return "sims"
        case .fixedM1: return "fixed-m1"
        case .rewardGap: return "reward-gap"
        }
    }

    /// The slider behind an option name (see ``optionName``).
    public init?(optionName: String) {
        guard let slider = Self.allCases.first(where: { $0.optionName == optionName }) else { return nil }
        self = slider
    }
}
