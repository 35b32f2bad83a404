import IIACharts
import IIACore

/// Short ways to read the state and the derived value.
extension ExplorerModel {
    /// The model's parameters, as the sliders show them.
    public var parameters: ModelParameters { state.parameters }
    /// Simulated datasets per point (0: expected data only).
    public var simulations: Int { state.simulations }
    public var seed: UInt64 { state.seed }
    public var capabilities: DisplayCapabilities { state.capabilities }
    public var selectedSlider: SliderID { state.sliders.selected }
    public var focusedChart: ChartKind { state.focusedChart }
    public var landscapeAlgorithm: Algorithm { state.landscapeAlgorithm }
    public var width: Int { state.width }
    public var height: Int { state.height }
    /// The status line's text, if any.
    public var statusMessage: String? { state.status?.text(derived) }
    /// Whether the status line reports an error.
    public var statusIsError: Bool { state.status?.isError ?? false }
    /// The text typed so far, when typing.
    public var inputText: String? { state.sliders.typedText }
    public var isShowingHelp: Bool { state.overlay == .help }
    public var isExplaining: Bool { state.overlay == .explaining }
    /// The number of the current Monte Carlo run.
    public var generation: Int { state.monteCarlo.generation }
    /// The latest report of the current Monte Carlo run.
    public var monteCarlo: MonteCarloProgress? { derived.monteCarlo }
    /// Each algorithm's result on the current expected data.
    public var results: [AlgorithmResult] { derived.results }
    public var dataSweep: Sweep { derived.sweeps.data }
    public var m2Sweep: Sweep { derived.sweeps.m2 }
    /// How many expected sweeps have been computed (to check the cache).
    public var sweepComputations: Int { derived.sweeps.computations }
    public var landscape: ObjectiveLandscape { derived.landscape }
    public var scenario: ExplorerScenario { state.scenario }
    public var visibleSliders: [SliderID] { state.visibleSliders }
    public func value(of slider: SliderID) -> Double { state.value(of: slider) }
    public func spec(of slider: SliderID) -> SliderSpec { state.spec(of: slider) }
    public func result(for algorithm: Algorithm) -> AlgorithmResult { derived.result(for: algorithm) }
}
