import IIACharts
import IIACore

extension ChartKind: Codable {}

/// Everything the explorer is, as one value: the sliders, the scenario (inside the parameters),
/// the selection, the chart in focus, the algorithm shown, the overlays, the status line, the
/// screen size, the Monte Carlo run in progress and the undo history.
///
/// It holds nothing that can be computed from it (results, sweeps, verdicts: see
/// ``ExplorerDerived``), so it round-trips through JSON and compares with `==`.
/// ``update(_:_:)`` is its only transition.
public struct ExplorerState: Hashable, Sendable, Codable {
    /// The panel drawn over the screen, if any.
    public enum Overlay: String, Hashable, Sendable, Codable {
        case none
        /// The help overlay; any key closes it.
        case help
        /// The explanation of the landscape's algorithm; e or Esc closes it.
        case explaining
    }

    /// What `r` goes back to.
    public struct StartingPoint: Hashable, Sendable, Codable {
        public var parameters: ModelParameters
        public var simulations: Int
        public var chart: ChartKind
        public var landscapeAlgorithm: Algorithm
    }

    /// The smallest screen the explorer draws on.
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    /// Number of points of each expected and simulated sweep.
    public static let sweepPoints = 40

    /// The model's parameters, as the sliders show them (the scenario is their query format
    /// and choice model).
    public var parameters: ModelParameters
    /// Simulated datasets per point (0: expected data only).
    public var simulations: Int
    /// The seed of the simulated datasets.
    public var seed: UInt64
    public var sliders = SliderPanel()
    /// The chart in focus (the one shown when only one fits).
    public var focusedChart: ChartKind
    /// The algorithm whose objective the landscape chart shows and the explain panel explains.
    public var landscapeAlgorithm: Algorithm
    public var overlay = Overlay.none
    /// The status line's message (nil: the selected slider's summary).
    public var status: StatusMessage?
    /// The screen size of the last resize event.
    public var width: Int
    public var height: Int
    public var monteCarlo = MonteCarloStatus()
    public var start: StartingPoint
    public var capabilities: DisplayCapabilities
    /// Where screenshots (and `y`'s commands.txt, and chart exports) go.
    public var screenshotDirectory: String
    /// The changes `u` undoes and `U` redoes. Part of the JSON form too, so that the state stays
    /// one value that round-trips; the shareable form is the command line (``ExplorerCommandLine``).
    public var history = UndoHistory()
    /// A screenshot asked for while Monte Carlo was still running: it is taken when the run
    /// completes, so that it shows what its command line reproduces.
    public var pendingScreenshot = false
    /// Whether the chart in focus fills the screen (`f`; Esc leaves).
    public var presentation = false
    /// What the mouse is dragging (set by a press on a slider's track or in the boundary chart).
    public var mouseDrag: MouseDragTarget?
    /// Whether the mouse gesture in progress (a press and its drag) has already been recorded
    /// as a change for undo.
    public var mouseChangeRecorded = false

    /// An explorer starting in any state. Values outside a slider's range are clamped into it
    /// (the status line says so). With `simulations > 0` the first ``update(_:_:)`` (the
    /// adapter's initial resize) starts the Monte Carlo run.
    public init(
        parameters: ModelParameters = .paperDefaults, simulations: Int = 0, seed: UInt64 = 1,
        capabilities: DisplayCapabilities = DisplayCapabilities(), screenshotDirectory: String = "screenshots",
        chart: ChartKind = .data, width: Int = ExplorerState.minimumWidth, height: Int = ExplorerState.minimumHeight,
        landscapeAlgorithm: Algorithm = .rlpo
    ) {
        let clamped = Self.clampedIntoSliders(parameters)
        let clampedSimulations = Int(SliderID.simulations.spec.clamped(Double(simulations)))
        self.parameters = clamped
        self.simulations = clampedSimulations
        self.seed = seed
        self.capabilities = capabilities
        self.screenshotDirectory = screenshotDirectory
        self.focusedChart = chart
        self.landscapeAlgorithm = landscapeAlgorithm
        self.width = max(0, width)
        self.height = max(0, height)
        self.start = StartingPoint(
            parameters: clamped, simulations: clampedSimulations, chart: chart, landscapeAlgorithm: landscapeAlgorithm)
        if clampedSimulations > 0 { sliders.lastSimulations = clampedSimulations }
        if let note = Self.clampingNote(
            requested: (parameters, simulations), got: (clamped, clampedSimulations), ascii: capabilities.ascii) {
            status = .note(note)
        }
    }

    // MARK: Read-only views of the state

    /// The current value of a slider (J and R outside their scenario: the value they would take).
    public func value(of slider: SliderID) -> Double {
        sliders.value(of: slider, parameters: parameters, simulations: simulations)
    }

    /// The sliders on screen for the current scenario, in order.
    public var visibleSliders: [SliderID] { SliderID.visible(in: parameters) }

    /// The spec of a slider at the current settings (J's range follows |Y|).
    public func spec(of slider: SliderID) -> SliderSpec { slider.spec(in: parameters) }

    /// The current scenario (query format and choice model).
    public var scenario: ExplorerScenario { ExplorerScenario(parameters) }

    /// The Monte Carlo run the settings call for (nil with expected data); with the phase chart
    /// on screen it simulates the phase grid too (so showing or hiding it starts a new run).
    var wantedMonteCarlo: MonteCarloKey? {
        simulations > 0
            ? MonteCarloKey(parameters: parameters, simulations: simulations, seed: seed, phase: phaseRequest) : nil
    }

    // MARK: Clamping

    /// "start values moved into the sliders' ranges: beta 1e-20 → 0.001, |D| 1e12 → 1e7" when a
    /// start value was moved into its slider's range (nil when none was): never silently.
    static func clampingNote(
        requested: (parameters: ModelParameters, simulations: Int), got: (parameters: ModelParameters, simulations: Int),
        ascii: Bool = false
    ) -> String? {
        let arrow = ascii ? "->" : "→"
        var moved = SliderID.allCases.compactMap { slider -> String? in
            guard let from = slider.value(in: requested.parameters), let to = slider.value(in: got.parameters), from != to
            else { return nil }
            return "\(slider.label) \(NumberFormatting.compact(from)) \(arrow) \(NumberFormatting.compact(to))"
        }
        if requested.simulations != got.simulations {
            moved.append("\(SliderID.simulations.label) \(requested.simulations) \(arrow) \(got.simulations)")
        }
        guard !moved.isEmpty else { return nil }
        return "start values moved into the sliders' ranges: " + moved.joined(separator: ", ")
    }

    /// Parameters moved into the sliders' ranges (|D| keeps a fractional part).
    static func clampedIntoSliders(_ parameters: ModelParameters) -> ModelParameters {
        var p = parameters
        p.m1 = Int(SliderID.m1.spec.clamped(Double(p.m1)))
        p.m2 = Int(SliderID.m2.spec.clamped(Double(p.m2)))
        p.p1 = SliderID.p1.spec.clamped(p.p1)
        p.zeta = SliderID.zeta.spec.clamped(p.zeta)
        p.k = Int(SliderID.k.spec.clamped(Double(p.k)))
        p.beta = SliderID.beta.spec.clamped(p.beta)
        p.delta = SliderID.delta.spec.clamped(p.delta)
        if case .fixed(let count) = p.queries {
            p.queries = .fixed(m1Count: Int(SliderID.fixedM1.spec(in: p).clamped(Double(count))))
        }
        if case .logit(let gap) = p.choiceModel {
            p.choiceModel = .logit(rewardGap: SliderID.rewardGap.spec.clamped(gap))
        }
        let d = SliderID.dataSize.spec.range
        p.dataSize = p.dataSize.isNaN ? 1000 : min(max(p.dataSize, d.lowerBound), d.upperBound)
        return p
    }
}
