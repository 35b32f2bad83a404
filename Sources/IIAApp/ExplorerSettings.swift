import IIACharts
import IIACore

/// What the user has chosen, as one value: the part of ``ExplorerState`` that undo and redo
/// restore and that a command line reproduces.
///
/// It leaves out what is transient (the status line, the screen size, overlays, typing, the
/// Monte Carlo run in progress) and the selected slider, which moves without being a change.
public struct ExplorerSettings: Hashable, Sendable, Codable {
    public var parameters: ModelParameters
    /// Simulated datasets per point (0: expected data only).
    public var simulations: Int
    public var focusedChart: ChartKind
    public var landscapeAlgorithm: Algorithm
    /// J and R as last set and the count `m` restores (see ``SliderPanel``): they decide what the
    /// scenario and Monte Carlo keys bring back.
    public var rememberedFixedM1: Int?
    public var rememberedRewardGap: Double?
    public var lastSimulations: Int
}

extension ExplorerState {
    /// The user's settings; setting them keeps the selection on a visible slider.
    public var settings: ExplorerSettings {
        get {
            ExplorerSettings(
                parameters: parameters, simulations: simulations, focusedChart: focusedChart,
                landscapeAlgorithm: landscapeAlgorithm, rememberedFixedM1: sliders.rememberedFixedM1,
                rememberedRewardGap: sliders.rememberedRewardGap, lastSimulations: sliders.lastSimulations)
        }
        set {
            parameters = newValue.parameters
            simulations = newValue.simulations
            focusedChart = newValue.focusedChart
            landscapeAlgorithm = newValue.landscapeAlgorithm
            sliders.rememberedFixedM1 = newValue.rememberedFixedM1
            sliders.rememberedRewardGap = newValue.rememberedRewardGap
            sliders.lastSimulations = newValue.lastSimulations
            sliders.keepSelectionVisible(visibleSliders)
        }
    }
}
