import Foundation
import IIACharts
import IIACore

/// The interactive explorer as a state machine: the state, ``update(_:)`` and ``view()``.
///
/// Pure: it never touches the terminal or the file system. The terminal adapter feeds it
/// events, runs the ``BackgroundWork`` it returns (Monte Carlo) and draws ``view()``.
/// Screenshots are requests the caller carries out (see ``ScreenshotRequest``).
///
/// The caller's loop:
/// 1. `var model = ExplorerModel(parameters:simulations:seed:capabilities:screenshotDirectory:)`.
/// 2. Send `.resize` once at start and on every resize, `.key` for each key; start every
///    ``BackgroundWork`` that ``update(_:)`` returns (cancelling the previous one) and deliver
///    its reports as `.workResult(generation:payload:)`.
/// 3. After each update: if ``takeScreenshotRequest()`` returns a request, save it and call
///    ``screenshotFinished(_:)``; draw ``view()``; stop when ``isFinished``.
public struct ExplorerModel: TerminalProgram, Sendable {
    /// What the keyboard is doing.
    public enum Mode: Hashable, Sendable {
        /// Keys select and move sliders, switch charts, load presets.
        case browsing
        /// Typing an exact value for the selected slider; the text typed so far.
        case typing(String)
        /// The help overlay is shown; any key closes it.
        case help
        /// The explanation panel for the landscape's algorithm is shown; e or Esc closes it.
        case explaining
    }

    /// The smallest screen the explorer draws on.
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    /// Number of points of each expected sweep.
    static let sweepPoints = 40

    // MARK: State

    /// The model's parameters, as the sliders show them.
    public private(set) var parameters: ModelParameters
    /// Simulated datasets per point (0: expected data only).
    public private(set) var simulations: Int
    /// The seed of the simulated datasets.
    public let seed: UInt64
    public let capabilities: DisplayCapabilities
    /// Where screenshots should go (passed on in every ``ScreenshotRequest``).
    public let screenshotDirectory: String

    public private(set) var selectedSlider: SliderID = .m1
    /// The chart in focus (the one shown when only one fits).
    public private(set) var focusedChart: ChartKind
    /// The algorithm whose objective the landscape chart shows and the explain panel explains.
    public private(set) var landscapeAlgorithm: Algorithm
    public private(set) var mode: Mode = .browsing
    /// The screen size of the last resize event.
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var isFinished = false
    /// The message on the status line (an action's result or an input error), if any.
    public private(set) var statusMessage: String?
    /// Whether ``statusMessage`` reports an error.
    public private(set) var statusIsError = false

    /// The number of the current background work; results of other generations are ignored.
    public private(set) var generation = 0
    /// The latest Monte Carlo result of the current generation (nil before the first chunk
    /// arrives and with expected data).
    public private(set) var monteCarlo: MonteCarloProgress?
    /// A screenshot waiting for the caller (see ``takeScreenshotRequest()``).
    public private(set) var pendingScreenshot: ScreenshotRequest?

    /// Each algorithm's result on the expected data of the current parameters, with the
    /// solver's trace (the landscape draws these very iterates; the read-out counts them).
    public private(set) var results: [AlgorithmResult] = []
    /// The expected curves against |D| and |M2| (cached; recomputed only when they change).
    public private(set) var dataSweep: Sweep
    public private(set) var m2Sweep: Sweep

    /// The Monte Carlo run last started (nil: none running or wanted).
    var activeMonteCarlo: MonteCarloKey?
    /// The count `m` restores.
    var lastSimulations = 100
    /// J and R as last set: the scenario key restores them when it switches back to fixed
    /// queries or logit choices (nil: not set yet; J then defaults to |Y| - 1 and R to
    /// logit(p*(1)), the gap whose one-versus-one share equals p*(1)).
    var rememberedFixedM1: Int?
    var rememberedRewardGap: Double?
    /// How many expected sweeps have been computed (to check the cache).
    var sweepComputations = 0
    let initialParameters: ModelParameters
    let initialSimulations: Int
    let initialChart: ChartKind
    let initialLandscapeAlgorithm: Algorithm

    /// An explorer starting in any state.
    ///
    /// Values outside a slider's range are clamped into it. With `simulations > 0` the
    /// Monte Carlo work is returned by the first ``update(_:)`` (the adapter's initial resize).
    public init(
        parameters: ModelParameters = .paperDefaults, simulations: Int = 0, seed: UInt64 = 1,
        capabilities: DisplayCapabilities = DisplayCapabilities(), screenshotDirectory: String = "screenshots",
        chart: ChartKind = .data, width: Int = ExplorerModel.minimumWidth, height: Int = ExplorerModel.minimumHeight,
        landscapeAlgorithm: Algorithm = .rlpo
    ) {
        let (requested, requestedSimulations) = (parameters, simulations)
        let parameters = Self.clampedIntoSliders(parameters)
        let simulations = Int(SliderID.simulations.spec.clamped(Double(simulations)))
        self.parameters = parameters
        self.simulations = simulations
        self.seed = seed
        self.capabilities = capabilities
        self.screenshotDirectory = screenshotDirectory
        self.focusedChart = chart
        self.landscapeAlgorithm = landscapeAlgorithm
        self.initialLandscapeAlgorithm = landscapeAlgorithm
        self.width = max(0, width)
        self.height = max(0, height)
        self.initialParameters = parameters
        self.initialSimulations = simulations
        self.initialChart = chart
        if simulations > 0 { lastSimulations = simulations }
        self.dataSweep = Self.expectedSweep(.data, parameters)
        self.m2Sweep = Self.expectedSweep(.m2, parameters)
        self.sweepComputations = 2
        recompute()
        if let note = Self.clampingNote(
            requested: (requested, requestedSimulations), got: (parameters, simulations), ascii: capabilities.ascii) {
            setStatus(note)
        }
    }

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

    // MARK: Derived values

    /// The current value of a slider (J and R outside their scenario: the value they would take).
    public func value(of slider: SliderID) -> Double {
        switch slider {
        case .simulations: return Double(simulations)
        case .fixedM1: return slider.value(in: parameters) ?? Double(fixedM1ForScenario)
        case .rewardGap: return slider.value(in: parameters) ?? rewardGapForScenario
        default: return slider.value(in: parameters) ?? 0
        }
    }

    /// The sliders on screen for the current scenario, in order.
    public var visibleSliders: [SliderID] { SliderID.visible(in: parameters) }

    /// The spec of a slider at the current settings (J's range follows |Y|).
    public func spec(of slider: SliderID) -> SliderSpec { slider.spec(in: parameters) }

    /// The current scenario (query format and choice model).
    public var scenario: ExplorerScenario { ExplorerScenario(parameters) }

    /// J for fixed queries: the current or remembered one, clamped to 1…|Y|-1.
    var fixedM1ForScenario: Int {
        if case .fixed(let count) = parameters.queries { return count }
        return min(max(1, rememberedFixedM1 ?? parameters.k - 1), max(1, parameters.k - 1))
    }

    /// R for logit choices: the current or remembered one, else logit(p*(1)) within -5…5.
    var rewardGapForScenario: Double {
        if case .logit(let gap) = parameters.choiceModel { return gap }
        if let rememberedRewardGap { return rememberedRewardGap }
        let spec = SliderID.rewardGap.spec
        return spec.clamped(SliderSpec.tidy((StableMath.logit(min(max(parameters.p1, 1e-9), 1 - 1e-9)) * 1000).rounded() / 1000))
    }

    /// The text typed so far, when typing.
    public var inputText: String? {
        if case .typing(let text) = mode { return text }
        return nil
    }

    /// Whether the help overlay is shown.
    public var isShowingHelp: Bool { mode == .help }

    /// Whether the explanation panel is shown.
    public var isExplaining: Bool { mode == .explaining }

    /// The landscape of ``landscapeAlgorithm`` on the current expected data, from ``results``.
    public var landscape: ObjectiveLandscape {
        ObjectiveLandscape(parameters: parameters, counts: .expected(parameters), result: result(for: landscapeAlgorithm))
    }

    /// The explanation of ``landscapeAlgorithm`` at the current settings, from ``results``.
    public var explanation: Explanation {
        Explanation.make(parameters: parameters, counts: .expected(parameters), results: results,
                         algorithm: landscapeAlgorithm, expectedData: true, ascii: ascii)
    }

    /// The current result of one algorithm.
    public func result(for algorithm: Algorithm) -> AlgorithmResult {
        results.first { $0.algorithm == algorithm } ?? RLHFSolver(parameters).solve(.expected(parameters), algorithm: algorithm, recordTrace: true)
    }

    /// The right end of the |D| sweep: 1e4, or further when |D| is larger.
    var dataSweepEnd: Double { Self.sweepEnd(.data, parameters) }
    /// The right end of the |M2| sweep: 1e5, or further when |M2| is larger.
    var m2SweepEnd: Double { Self.sweepEnd(.m2, parameters) }

    static func sweepEnd(_ axis: SweepAxis, _ parameters: ModelParameters) -> Double {
        switch axis {
        case .data: return max(axis.defaultRange.to, parameters.dataSize.rounded(.up))
        case .m2: return max(axis.defaultRange.to, Double(parameters.m2))
        }
    }

    /// The parameters a sweep along `axis` depends on (the swept value set to the range end).
    static func sweepKey(_ axis: SweepAxis, _ parameters: ModelParameters) -> ModelParameters {
        var key = parameters
        switch axis {
        case .data: key.dataSize = sweepEnd(axis, parameters)
        case .m2: key.m2 = Int(sweepEnd(axis, parameters))
        }
        return key
    }

    /// The expected curve along `axis` (from 1 to ``sweepEnd(_:_:)``).
    static func expectedSweep(_ axis: SweepAxis, _ parameters: ModelParameters) -> Sweep {
        let key = sweepKey(axis, parameters)
        return Sweeper.expected(key, axis: axis, from: 1, to: sweepEnd(axis, parameters), points: sweepPoints)
    }

    // MARK: Update

    public mutating func update(_ event: AppEvent) -> BackgroundWork? {
        switch event {
        case .resize(let newWidth, let newHeight):
            width = max(0, newWidth)
            height = max(0, newHeight)
        case .key(let key):
            handle(key)
        case .workResult(let workGeneration, let payload):
            guard workGeneration == generation, let progress = payload as? MonteCarloProgress,
                progress.generation == generation, activeMonteCarlo != nil
            else { return nil }
            monteCarlo = progress
            if progress.isComplete && statusMessage?.hasPrefix("Monte Carlo") ?? true {
                setStatus("Monte Carlo done: \(progress.total) datasets (seed \(seed))")
            }
            return nil
        }
        return monteCarloWorkIfNeeded()
    }

    /// Takes the pending screenshot request, leaving none.
    public mutating func takeScreenshotRequest() -> ScreenshotRequest? {
        defer { pendingScreenshot = nil }
        return pendingScreenshot
    }

    /// Reports how saving the screenshot went; the status line shows it.
    public mutating func screenshotFinished(_ outcome: ScreenshotOutcome) {
        pendingScreenshot = nil
        if case .failed = outcome { setError(outcome.message) } else { setStatus(outcome.message) }
    }

    mutating func handle(_ key: Key) {
        if key == .controlC {
            isFinished = true
            return
        }
        switch mode {
        case .help:
            mode = .browsing
        case .explaining:
            switch key {
            case .character("a"): cycleLandscapeAlgorithm(by: 1)
            case .character("A"): cycleLandscapeAlgorithm(by: -1)
            default: mode = .browsing
            }
        case .typing(let text):
            handleTyping(key, text: text)
        case .browsing:
            handleBrowsing(key)
        }
    }

    mutating func handleBrowsing(_ key: Key) {
        switch key {
        case .up, .character("k"): select(offset: -1)
        case .down, .character("j"): select(offset: 1)
        case .left, .character("h"): step(.fineDown)
        case .right, .character("l"): step(.fineUp)
        case .shiftLeft, .shiftDown, .controlLeft, .controlDown, .pageDown: step(.coarseDown)
        case .shiftRight, .shiftUp, .controlRight, .controlUp, .pageUp: step(.coarseUp)
        case .home: step(.toMinimum)
        case .end: step(.toMaximum)
        case .enter, .character("="): mode = .typing("")
        case .tab: cycleChart(by: 1)
        case .backTab: cycleChart(by: -1)
        case .character("m"): toggleSimulation()
        case .character("s"): requestScreenshot()
        case .character("r"): reset()
        case .character("?"), .function(1): mode = .help
        case .character("e"): mode = .explaining
        case .character("a"): cycleLandscapeAlgorithm(by: 1)
        case .character("A"): cycleLandscapeAlgorithm(by: -1)
        case .character("c"): cycleScenario(by: 1)
        case .character("C"): cycleScenario(by: -1)
        case .character("q"): isFinished = true
        // Esc never quits: with nothing to close or cancel it only says how to quit.
        case .escape: setStatus("Esc closes help and panels and cancels typing; q quits")
        case .character(let character) where character.isNumber:
            if let digit = character.wholeNumberValue, let preset = Preset.numbered(digit) {
                load(preset)
            } else {
                setError("no preset \(character): presets are \(Preset.keyRange)")
            }
        case .character(let character):
            setError("\(character) does nothing here; press ? for the keys")
        default:
            break
        }
    }

    mutating func handleTyping(_ key: Key, text: String) {
        switch key {
        case .escape:
            mode = .browsing
            setStatus("\(spec(of: selectedSlider).label): input cancelled")
        case .enter:
            switch spec(of: selectedSlider).parse(text) {
            case .success(let value):
                mode = .browsing
                set(selectedSlider, to: value)
                setStatus("\(selectedSlider.label) = \(NumberFormatting.compact(value))")
            case .failure(let error):
                // The prompt stays open with the text, to be corrected (or cancelled with Esc).
                setError(error.message + "; value unchanged")
            }
        case .backspace, .delete, .character:
            var edited = text
            if case .character(let character) = key {
                // After a rejected value the text counts as selected: typing replaces it.
                if statusIsError { edited = "" }
                if edited.count < 24, !character.isNewline { edited.append(character) }
            } else {
                edited.removeLast(min(1, edited.count))
            }
            mode = .typing(edited)
            // An error about the previous text no longer applies.
            if statusIsError { (statusMessage, statusIsError) = (nil, false) }
        default:
            break
        }
    }

    mutating func select(offset: Int) {
        let all = visibleSliders
        let index = all.firstIndex(of: selectedSlider) ?? 0
        selectedSlider = all[((index + offset) % all.count + all.count) % all.count]
    }

    mutating func step(_ step: SliderStep) {
        let spec = spec(of: selectedSlider)
        let old = value(of: selectedSlider)
        let new = spec.stepped(old, step)
        if new == old {
            setStatus("\(spec.label) is at its \(new <= spec.range.lowerBound ? "minimum" : "maximum") \(NumberFormatting.compact(new))")
            return
        }
        set(selectedSlider, to: new)
        statusMessage = nil
    }

    /// Sets one slider (clamped) and recomputes what depends on it.
    mutating func set(_ slider: SliderID, to rawValue: Double) {
        let spec = spec(of: slider)
        let value = slider == .dataSize ? min(max(rawValue, spec.range.lowerBound), spec.range.upperBound) : spec.clamped(rawValue)
        switch slider {
        case .simulations:
            simulations = Int(value)
            if simulations > 0 { lastSimulations = simulations }
        case .fixedM1:
            rememberedFixedM1 = Int(value)
            slider.set(value, in: &parameters)
        case .rewardGap:
            rememberedRewardGap = value
            slider.set(value, in: &parameters)
        case .k:
            if case .fixed(let count) = parameters.queries, rememberedFixedM1 == nil { rememberedFixedM1 = count }
            slider.set(value, in: &parameters)
            // J follows |Y|: clamped into 1…|Y|-1 (the remembered J comes back when |Y| grows).
            if case .fixed = parameters.queries {
                let wanted = rememberedFixedM1 ?? fixedM1ForScenario
                parameters.queries = .fixed(m1Count: min(max(1, wanted), max(1, parameters.k - 1)))
            }
        default:
            slider.set(value, in: &parameters)
        }
        recompute()
    }

    /// Switches to the next (previous) scenario, keeping every other setting; the sliders
    /// follow (J appears under |Y| for fixed queries, R replaces p*(1) under logit choices).
    mutating func cycleScenario(by offset: Int) {
        let next = scenario.advanced(by: offset)
        if case .fixed(let count) = parameters.queries { rememberedFixedM1 = count }
        if case .logit(let gap) = parameters.choiceModel { rememberedRewardGap = gap }
        parameters = next.applied(to: parameters, fixedM1: fixedM1ForScenario, rewardGap: rewardGapForScenario)
        if !visibleSliders.contains(selectedSlider) {
            switch selectedSlider {
            case .p1: selectedSlider = .rewardGap
            case .rewardGap: selectedSlider = .p1
            default: selectedSlider = .k
            }
        }
        recompute()
        setStatus("scenario: \(ExplorerScenario.describe(parameters)) (c: next)")
    }

    mutating func cycleChart(by offset: Int) {
        let all = ChartKind.allCases
        let index = all.firstIndex(of: focusedChart) ?? 0
        focusedChart = all[(index + offset + all.count) % all.count]
    }

    /// Shows the next (previous) algorithm in the landscape and the explain panel.
    mutating func cycleLandscapeAlgorithm(by offset: Int) {
        let all = Algorithm.allCases
        let index = all.firstIndex(of: landscapeAlgorithm) ?? 0
        landscapeAlgorithm = all[(index + offset + all.count) % all.count]
        let iterations = result(for: landscapeAlgorithm).iterations
        setStatus("landscape and explanation: \(landscapeAlgorithm.name) (\(iterations) Newton iteration\(iterations == 1 ? "" : "s"))")
    }

    mutating func toggleSimulation() {
        if simulations > 0 {
            set(.simulations, to: 0)
            setStatus("expected data (Monte Carlo off; m brings back \(lastSimulations) datasets)")
        } else {
            set(.simulations, to: Double(lastSimulations))
            setStatus("Monte Carlo: \(simulations) simulated datasets, seed \(seed)")
        }
    }

    mutating func load(_ preset: Preset) {
        parameters = Self.clampedIntoSliders(preset.parameters)
        if !visibleSliders.contains(selectedSlider) { selectedSlider = .m1 }
        focusedChart = preset.chart
        if let algorithm = preset.algorithm { landscapeAlgorithm = algorithm }
        recompute()
        setStatus("preset \(preset.number): \(preset.name)")
    }

    mutating func reset() {
        parameters = initialParameters
        simulations = initialSimulations
        focusedChart = initialChart
        landscapeAlgorithm = initialLandscapeAlgorithm
        selectedSlider = .m1
        recompute()
        setStatus("reset to the starting state")
    }

    mutating func requestScreenshot() {
        pendingScreenshot = ScreenshotRequest(screen: view(), directory: screenshotDirectory, baseName: "iia-explorer")
        setStatus("saving screenshot to \(screenshotDirectory)/ …")
    }

    mutating func setStatus(_ message: String) {
        statusMessage = message
        statusIsError = false
    }

    mutating func setError(_ message: String) {
        statusMessage = message
        statusIsError = true
    }

    // MARK: Computation

    /// Re-solves the current parameters and recomputes the sweeps whose inputs changed.
    mutating func recompute() {
        results = ObjectiveLandscape.expectedResults(parameters)
        if dataSweep.parameters != Self.sweepKey(.data, parameters) {
            dataSweep = Self.expectedSweep(.data, parameters)
            sweepComputations += 1
        }
        if m2Sweep.parameters != Self.sweepKey(.m2, parameters) {
            m2Sweep = Self.expectedSweep(.m2, parameters)
            sweepComputations += 1
        }
    }

    /// Starts (or stops) Monte Carlo when what it depends on changed since the last start.
    mutating func monteCarloWorkIfNeeded() -> BackgroundWork? {
        let wanted = simulations > 0 ? MonteCarloKey(parameters: parameters, simulations: simulations, seed: seed) : nil
        guard wanted != activeMonteCarlo else { return nil }
        generation += 1
        activeMonteCarlo = wanted
        monteCarlo = nil
        guard let wanted else { return MonteCarloJob.idle(generation: generation) }
        return MonteCarloJob.work(
            generation: generation, key: wanted,
            dataGrid: Sweeper.logGrid(from: 1, to: dataSweepEnd, points: Self.sweepPoints, wholeNumbers: true),
            m2Grid: Sweeper.logGrid(from: 1, to: m2SweepEnd, points: Self.sweepPoints, wholeNumbers: true))
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
