import IIACharts
import IIACore

/// Everything the screen needs that follows from an ``ExplorerState``: computed once per state
/// change (see ``ExplorerModel``), never by the view.
///
/// Built from the previous value, it re-solves only when the parameters changed and recomputes
/// a sweep only when its inputs changed; changing the simulated-dataset count re-solves nothing.
public struct ExplorerDerived: Sendable {
    /// The parameters the results are for.
    public let parameters: ModelParameters
    /// Each algorithm's result on the expected data, with the solver's trace (the landscape
    /// draws these very iterates; the read-out counts them), in ``Algorithm/allCases`` order.
    public let results: [AlgorithmResult]
    /// Each algorithm's verdict on its policy, in the same order.
    public let verdicts: [PolicyVerdict]
    /// Where RLPO and DPO go as |D| grows, and the boundary summary's sentence.
    public let boundary: Verdict
    public let boundarySummary: String
    /// The expected curves against |D| and |M2| (cached).
    public let sweeps: ExpectedSweeps
    /// The landscape of the state's algorithm on the expected data.
    public let landscape: ObjectiveLandscape
    /// The explanation of the state's algorithm (only while the explanation is shown).
    public let explanation: Explanation?
    /// The latest report of the current Monte Carlo run (nil with expected data and before the
    /// first chunk arrives).
    public let monteCarlo: MonteCarloProgress?
    /// The phase chart's grid and algorithm while it is on screen (nil: hidden or not drawable).
    public let phaseRequest: PhaseChartRequest?
    /// The phase diagram on expected data for ``phaseRequest`` (computed only while the chart
    /// is on screen, and again only when its inputs change).
    public let phaseExpected: PhaseDiagram?
    /// The values the phase chart shows (expected or simulated; nil while it is hidden).
    public let phaseDiagram: PhaseDiagram?
    /// How many times the expected phase diagram was computed since the explorer started.
    public let phaseComputations: Int
    /// The five charts as plain data, for the view to render.
    public let plots: ChartPlots
    /// How many times the results were solved since the explorer started (to check the cache).
    public let solveCount: Int

    /// The value for `state`, reusing what `previous` computed for the same inputs; `progress`
    /// is a Monte Carlo report just accepted by the state.
    public init(_ state: ExplorerState, previous: ExplorerDerived? = nil, progress: MonteCarloProgress? = nil) {
        let parameters = state.parameters
        let reuse = previous.flatMap { $0.parameters == parameters ? $0 : nil }
        self.parameters = parameters
        if let reuse {
            (results, verdicts, boundary, boundarySummary) = (reuse.results, reuse.verdicts, reuse.boundary, reuse.boundarySummary)
            solveCount = reuse.solveCount
        } else {
            results = RLHFSolver(parameters).solve(.expected(parameters), recordTrace: true)
            verdicts = results.map { PolicyVerdict($0, parameters: parameters) }
            boundary = FailureBoundary.verdictForResponses(parameters)
            let rlpo = results.first { $0.algorithm == .rlpo }
            boundarySummary = ReadOut.boundary(parameters, rlpoHasMinimizer: rlpo?.minimizerExists ?? true)
            solveCount = (previous?.solveCount ?? 0) + 1
        }
        sweeps = ExpectedSweeps(parameters, previous: previous?.sweeps)
        let algorithm = state.landscapeAlgorithm
        if let reuse, reuse.landscape.algorithm == algorithm {
            landscape = reuse.landscape
        } else {
            let result = results.first { $0.algorithm == algorithm } ?? results[0]
            landscape = ObjectiveLandscape(parameters: parameters, counts: .expected(parameters), result: result)
        }
        explanation = state.overlay == .explaining
            ? Explanation.make(parameters: parameters, counts: .expected(parameters), results: results,
                               algorithm: algorithm, expectedData: true, ascii: state.capabilities.ascii)
            : nil
        let latest = progress ?? previous?.monteCarlo
        monteCarlo = latest.flatMap { state.monteCarlo.accepts($0) ? $0 : nil }
        let capabilities = state.capabilities
        let style = ChartStyle(ascii: capabilities.ascii, theme: capabilities.resolvedTheme)
        let request = state.phaseRequest
        phaseRequest = request
        if let request, let previous, previous.phaseRequest == request, previous.parameters == parameters,
           let expected = previous.phaseExpected {
            (phaseExpected, phaseComputations) = (expected, previous.phaseComputations)
        } else if let request {
            phaseExpected = try? PhaseDiagram.expected(parameters, grid: request.grid, algorithms: [request.algorithm])
            phaseComputations = (previous?.phaseComputations ?? 0) + 1
        } else {
            (phaseExpected, phaseComputations) = (nil, previous?.phaseComputations ?? 0)
        }
        let phase = Self.phaseValues(state, request: request, expected: phaseExpected, monteCarlo: monteCarlo)
        phaseDiagram = phase.diagram
        plots = ChartPlots(
            parameters: parameters, sweeps: sweeps, monteCarlo: monteCarlo, landscape: landscape, style: style, focus: algorithm,
            phase: PhaseChartData(parameters: parameters, algorithm: state.landscapeAlgorithm, diagram: phase.diagram,
                                  source: phase.source, style: style).plot())
    }

    /// The phase chart's values: the Monte Carlo means once a report for this grid arrived, else
    /// the expected data (nil when the chart is hidden).
    static func phaseValues(
        _ state: ExplorerState, request: PhaseChartRequest?, expected: PhaseDiagram?, monteCarlo: MonteCarloProgress?
    ) -> (diagram: PhaseDiagram?, source: PhaseDataSource) {
        var diagram = expected, source = PhaseDataSource.expected
        if state.simulations > 0, request != nil {
            if let simulated = monteCarlo?.phase, simulated.grid == request?.grid, simulated.parameters == state.parameters,
               simulated.algorithms == [state.landscapeAlgorithm], let progress = monteCarlo {
                diagram = simulated
                source = .simulated(completed: progress.completed, total: progress.total)
            } else {
                source = .awaitingSimulation(total: state.simulations)
            }
        }
        return (diagram, source)
    }

    /// The result of one algorithm.
    public func result(for algorithm: Algorithm) -> AlgorithmResult {
        results[Algorithm.allCases.firstIndex(of: algorithm) ?? 0]
    }

    /// The verdict on one algorithm's policy.
    public func verdict(for algorithm: Algorithm) -> PolicyVerdict {
        verdicts[Algorithm.allCases.firstIndex(of: algorithm) ?? 0]
    }
}
