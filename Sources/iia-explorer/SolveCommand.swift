import ArgumentParser
import Foundation
import IIAApp
import IIACharts
import IIACore

/// `iia-explorer solve`: every algorithm's fine-tuned policy for one setting.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve the six algorithms (RLPO, DPO, IL, SLiC, RLPO-pairwise, TypeMLE) for one setting (expected, simulated or given data).")

    @OptionGroup var model: ModelOptions
    @OptionGroup var countsOption: CountsOption
    @OptionGroup var simulation: SimulationOptions
    @Option(help: "Output format: text or json.")
    var format: String = "text"

    func run() throws {
        let output = try SolveReport.make(model: model, counts: countsOption.counts, simulation: simulation, format: format)
        print(output, terminator: "")
    }
}

/// The computation and formatting behind `solve`, kept apart from printing.
enum SolveReport {
    /// One algorithm's summary over the datasets (one dataset unless simulated).
    struct Row {
        var algorithm: Algorithm
        var pM1: Double
        var logOdds: Double
        var minimizerExists: Bool
        var minimizerShare: Double
        var iterations: Int
        var termination: Termination?
        var standardError: Double?
        /// Why the algorithm does not apply to the responses (SLiC on rankings); nil when it does.
        /// Such a row has no number: text shows "n/a", JSON null with this reason.
        var notApplicable: String?
    }

    static func make(model: ModelOptions, counts: String?, simulation: SimulationOptions, format: String) throws -> String {
        guard format == "text" || format == "json" else {
            throw InputError(option: "--format", allowed: "text or json", got: format)
        }
        let parameters = try model.parameters(counts: counts)
        let simulations = try simulation.simulations()
        let seed = try simulation.seedValue()
        let given = try ModelOptions.countTable(counts, parameters)
        if simulations > 0 {
            guard given == nil else { throw InputError(option: "--sims", allowed: "used without --counts") }
            try model.requireWholeDataSize(reason: "with --sims")
        }
        let rows = solve(parameters, given: given, simulations: simulations, seed: seed)
        let evaluation = rewardModel(parameters, given: given, simulations: simulations, seed: seed)
        let source = given != nil ? "given counts" : (simulations > 0 ? "\(simulations) simulated datasets, seed \(seed)" : "expected data")
        return format == "json"
            ? json(parameters, rows: rows, source: source, simulations: simulations, seed: seed, counts: given,
                   evaluation: evaluation)
            : text(parameters, rows: rows, source: source, evaluation: evaluation)
    }

    static func solve(_ parameters: ModelParameters, given: PreferenceCounts?, simulations: Int, seed: UInt64) -> [Row] {
        let solver = RLHFSolver(parameters)
        if simulations == 0 {
            return solver.solve(given ?? .expected(parameters)).map {
                Row(algorithm: $0.algorithm, pM1: $0.pM1, logOdds: $0.logOdds, minimizerExists: $0.minimizerExists,
                    minimizerShare: $0.minimizerExists ? 1 : 0, iterations: $0.iterations, termination: $0.termination,
                    notApplicable: $0.algorithm.inapplicabilityReason(for: parameters.responses))
            }
        }
        let simulator = PreferenceSimulator(parameters, seed: seed)
        var samples = Array(repeating: [AlgorithmResult](), count: Algorithm.allCases.count)
        for index in 0..<simulations {
            for (a, result) in solver.solve(simulator.dataset(index: index, size: parameters.dataSize)).enumerated() {
                samples[a].append(result)
            }
        }
        return Algorithm.allCases.enumerated().map { a, algorithm in
            let results = samples[a]
            let count = Double(results.count)
            let summary = SampleSummary(results.map(\.pM1))
            let logOdds = results.map(\.logOdds).reduce(0, +) / count
            let share = Double(results.filter(\.minimizerExists).count) / count
            let iterations = results.map(\.iterations).sorted()[results.count / 2]
            return Row(algorithm: algorithm, pM1: summary.mean ?? 0, logOdds: logOdds, minimizerExists: share == 1,
                       minimizerShare: share, iterations: iterations, termination: nil,
                       standardError: summary.standardError ?? 0,
                       notApplicable: algorithm.inapplicabilityReason(for: parameters.responses))
        }
    }

    /// RLPO's reward model on one-versus-one test queries (the paper's Figure 4), averaged over
    /// the simulated datasets when there are several.
    static func rewardModel(
        _ parameters: ModelParameters, given: PreferenceCounts?, simulations: Int, seed: UInt64
    ) -> RewardModelEvaluation {
        guard simulations > 0 else {
            return .rlpo(given ?? .expected(parameters), parameters: parameters)
        }
        let simulator = PreferenceSimulator(parameters, seed: seed)
        var accuracy = 0.0, higher = 0.0
        for index in 0..<simulations {
            let evaluation = RewardModelEvaluation.rlpo(simulator.dataset(index: index, size: parameters.dataSize), parameters: parameters)
            accuracy += evaluation.accuracy
            higher += evaluation.scoresM1Higher
        }
        return RewardModelEvaluation(accuracy: accuracy / Double(simulations), scoresM1Higher: higher / Double(simulations))
    }

    static func text(_ parameters: ModelParameters, rows: [Row], source: String, evaluation: RewardModelEvaluation) -> String {
        let verdict = FailureBoundary.verdictForResponses(parameters)
        var lines: [String] = []
        var exact = "|M1| = \(parameters.m1), |M2| = \(parameters.m2), p*(1) = \(RoundTripNumber.text(parameters.p1)), zeta = \(RoundTripNumber.text(parameters.zeta)), |Y| = \(parameters.k), beta = \(RoundTripNumber.text(parameters.beta)), delta = \(RoundTripNumber.text(parameters.delta)), |D| = \(RoundTripNumber.text(parameters.dataSize))"
        if case .fixed(let count) = parameters.queries { exact += ", J = \(count)" }
        if case .logit(let gap) = parameters.choiceModel { exact += ", R = \(RoundTripNumber.text(gap))" }
        lines.append(exact + " (\(source))")
        lines.append("Scenario: \(ExplorerScenario.describe(parameters))")
        let rlpoHasMinimizer = rows.first { $0.algorithm == .rlpo }?.minimizerExists ?? true
        let summary = ReadOut.boundary(parameters, rlpoHasMinimizer: rlpoHasMinimizer)
        lines.append("\(verdict.boundaryName) = \(String(format: "%.6f", verdict.boundary)); \(summary)")
        lines.append(String(
            format: "RLPO's reward model on one-versus-one test pairs: accuracy %.1f%%, scores the M1 message higher in %.1f%% of pairs",
            evaluation.accuracy * 100, evaluation.scoresM1Higher * 100))
        lines.append("")
        let simulated = rows.first?.standardError != nil
        let header = ["algorithm", simulated ? "mean P(M1)" : "P(M1)"] + (simulated ? ["std. error"] : [])
            + [simulated ? "mean log-odds" : "log-odds", "minimiser", simulated ? "median iter." : "iterations"]
            + (simulated ? [] : ["termination"])
        var table: [[String]] = [header]
        for row in rows {
            var name = row.algorithm.name
            if row.algorithm == .slic && parameters.k > 2 && row.notApplicable == nil { name += " (extension)" }
            table.append([name] + (row.notApplicable != nil
                ? Array(repeating: "n/a", count: header.count - 1) : cells(row, simulated: simulated)))
        }
        let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
        for row in table {
            lines.append(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        for row in rows { if let reason = row.notApplicable { lines.append("\(row.algorithm.name): n/a for rankings: \(reason)") } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table row's cells after the name: P(M1), the standard error (simulated), the log-odds,
    /// the minimiser, the iterations and the termination (one dataset).
    static func cells(_ row: Row, simulated: Bool) -> [String] {
        var cells = [NumberFormatting.tableProbability(row.pM1)]
        if let error = row.standardError { cells.append(NumberFormatting.tableProbability(error)) }
        cells.append(NumberFormatting.tableLogOdds(row.logOdds))
        cells.append(simulated ? String(format: "%.0f%%", row.minimizerShare * 100) : (row.minimizerExists ? "yes" : "no (convention)"))
        cells.append(String(row.iterations))
        if let termination = row.termination { cells.append(termination.summary) }
        return cells
    }

    static func json(
        _ parameters: ModelParameters, rows: [Row], source: String, simulations: Int, seed: UInt64, counts: PreferenceCounts?,
        evaluation: RewardModelEvaluation
    ) -> String {
        let verdict = FailureBoundary.verdictForResponses(parameters)
        var members: [(String, JSONValue)] = [
            ("parameters", parametersJSON(parameters)),
            ("data", .string(counts != nil ? "counts" : (simulations > 0 ? "simulated" : "expected"))),
        ]
        if let counts { members.append(("counts", .string(counts.commandLineForm))) }
        if simulations > 0 {
            members.append(("sims", .integer(simulations)))
            members.append(("seed", .string(String(seed))))
        }
        // "F" holds the boundary of the current responses (G for rankings); boundaryName says which.
        members.append(("F", .finite(verdict.boundary)))
        members.append(("boundaryName", .string(verdict.boundaryName)))
        members.append(("limit", verdict.limit.map { .string($0.rawValue) } ?? .null))
        members.append(("perverse", .bool(verdict.isPerverse)))
        members.append(("rewardModel", .object([
            ("accuracy", .finite(evaluation.accuracy)), ("scoresM1Higher", .finite(evaluation.scoresM1Higher)),
        ])))
        members.append(("results", .array(rows.map { row in
            var object: [(String, JSONValue)] = [
                ("algorithm", .string(row.algorithm.name)),
                ("pM1", .finite(row.pM1)),
                ("logOdds", .finite(row.logOdds)),
                ("minimizerExists", .bool(row.minimizerExists)),
                ("iterations", .integer(row.iterations)),
            ]
            if let termination = row.termination { object.append(("termination", .string(termination.rawValue))) }
            if let error = row.standardError {
                object.append(("stdErr", .finite(error)))
                object.append(("minimizerShare", .finite(row.minimizerShare)))
            }
            if row.algorithm == .slic && parameters.k > 2 && row.notApplicable == nil { object.append(("extension", .bool(true))) }
            if let reason = row.notApplicable { object = notApplicableJSON(row.algorithm, reason: reason) }
            return .object(object)
        })))
        return JSONValue.object(members).rendered() + "\n"
    }

    /// A result that does not apply (SLiC on rankings): its numbers null, and the reason.
    static func notApplicableJSON(_ algorithm: Algorithm, reason: String) -> [(String, JSONValue)] {
        [("algorithm", .string(algorithm.name)), ("pM1", .null), ("logOdds", .null), ("minimizerExists", .null),
         ("notApplicable", .string(reason))]
    }

    static func parametersJSON(_ parameters: ModelParameters) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("m1", .integer(parameters.m1)), ("m2", .integer(parameters.m2)), ("p1", .finite(parameters.p1)),
            ("zeta", .finite(parameters.zeta)), ("k", .integer(parameters.k)), ("beta", .finite(parameters.beta)),
            ("delta", .finite(parameters.delta)), ("data", .finite(parameters.dataSize)),
            ("queries", .string(parameters.queries.name)),
        ]
        if case .fixed(let count) = parameters.queries { members.append(("fixedM1", .integer(count))) }
        members.append(("choiceModel", .string(parameters.choiceModel.name)))
        if case .logit(let gap) = parameters.choiceModel { members.append(("rewardGap", .finite(gap))) }
        members.append(("responses", .string(parameters.responses.name)))
        return .object(members)
    }
}
