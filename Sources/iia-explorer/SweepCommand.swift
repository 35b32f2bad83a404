import ArgumentParser
import Foundation
import IIACore

/// `iia-explorer sweep`: P(M1) of every algorithm along a log grid of |D| or |M2|.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "P(M1) of every algorithm against |D| (Figure 2) or |M2| (Figure 3), or over a zeta x p*(1) grid, as CSV or JSON.",
        discussion: """
            --over zeta,p1 computes a phase diagram: a --points x --points grid (default 20, at most 1000) whose \
            cells are computed at their centres zeta_i = (i + 1/2)/N and p_j = (j + 1/2)/N (so zeta stays strictly \
            between 0 and 1). CSV: zeta,p1,<one column per algorithm>, p1 ascending and zeta ascending within it; \
            with --sims each value is the mean over the datasets (--points² x --sims ≤ 1e6). An algorithm that \
            does not apply to the responses (SLiC on rankings) has an empty field (null in JSON). Logit choices \
            are refused: p*(1) does not enter their data.
            """)

    @Option(help: "The axis: data (|D|), m2 (|M2|) or zeta,p1 (a phase diagram).")
    var over: String
    @Option(parsing: .unconditional, help: "First x value (finite, > 0; ≥ 1 for m2 or with --sims; default 1).")
    var from: String?
    @Option(parsing: .unconditional, help: "Last x value (finite, > --from; ≤ 1e12 for m2; default 1e4 for data, 1e5 for m2).")
    var to: String?
    @Option(parsing: .unconditional, help: "Number of grid points (whole number 2…10000; default 40; with --sims, --points × --sims ≤ 1e6). With --over zeta,p1: points per axis (2…1000; default 20; --points² × --sims ≤ 1e6).")
    var points: String?
    @OptionGroup var model: ModelOptions
    @OptionGroup var simulation: SimulationOptions
    @Option(help: "Output format: csv or json.")
    var format: String = "csv"

    func run() throws {
        print(try SweepReport.make(self), terminator: "")
    }
}

enum SweepReport {
    static func make(_ command: SweepCommand) throws -> String {
        guard command.format == "csv" || command.format == "json" else {
            throw InputError(option: "--format", allowed: "csv or json", got: command.format)
        }
        if command.over == PhaseSweepReport.axisName { return try PhaseSweepReport.make(command) }
        guard let axis = SweepAxis(rawValue: command.over) else {
            throw InputError(option: "--over", allowed: "data, m2 or zeta,p1", got: command.over)
        }
        if axis == .data, let data = command.model.data {
            throw InputError(option: "--data", allowed: "left out with --over data (the sweep sets |D| from --from to --to)", got: data)
        }
        if axis == .m2, let m2 = command.model.m2 {
            throw InputError(option: "--m2", allowed: "left out with --over m2 (the sweep sets |M2| from --from to --to)", got: m2)
        }
        let parameters = try command.model.parameters()
        let defaults = axis.defaultRange
        let from = try command.from.map { try NumberParser.real($0, option: "--from", allowed: "a finite number > 0") } ?? defaults.from
        let to = try command.to.map { try NumberParser.real($0, option: "--to", allowed: "a finite number > --from") } ?? defaults.to
        let points = try command.points.map { try NumberParser.whole($0, option: "--points", range: 2...10_000) } ?? defaults.points
        let simulations = try command.simulation.simulations(points: points)
        let seed = try command.simulation.seedValue()
        guard from > 0 else { throw InputError(option: "--from", allowed: "a finite number > 0", got: command.from) }
        guard to > from else {
            throw InputError(option: "--to", allowed: "a finite number greater than --from (\(RoundTripNumber.text(from)))", got: command.to)
        }
        if axis == .m2 {
            guard from >= 1, to <= 1e12 else { throw InputError(option: "--from/--to", allowed: "within 1…1e12 for --over m2") }
        } else if to > ModelParameters.largestDataSize {
            throw InputError(option: "--to", allowed: "at most 1e300 for --over data (the largest |D|)", got: command.to)
        }
        if simulations > 0 {
            if axis == .data && from < 1 {
                throw InputError(option: "--from", allowed: "≥ 1 with --sims (datasets hold whole numbers of data)", got: command.from)
            }
            if axis == .m2 { try command.model.requireWholeDataSize(reason: "with --sims") }
        }
        let sweep = simulations > 0
            ? Sweeper.simulated(parameters, axis: axis, from: from, to: to, points: points, simulations: simulations, seed: seed)
            : Sweeper.expected(parameters, axis: axis, from: from, to: to, points: points)
        return command.format == "csv" ? sweep.csv : json(sweep, seed: seed)
    }

    static func json(_ sweep: Sweep, seed: UInt64) -> String {
        var members: [(String, JSONValue)] = [
            ("over", .string(sweep.axis.rawValue)),
            ("parameters", SolveReport.parametersJSON(sweep.parameters)),
            ("data", .string(sweep.simulations > 0 ? "simulated" : "expected")),
        ]
        if sweep.simulations > 0 {
            members += [("sims", .integer(sweep.simulations)), ("seed", .string(String(seed))),
                        ("band", .array([.finite(Sweep.bandQuantiles.lower), .finite(Sweep.bandQuantiles.upper)]))]
        }
        members.append(("x", .array(sweep.xs.map(JSONValue.finite))))
        for series in sweep.series {
            var object: [(String, JSONValue)] = [("pM1", .array(series.values.map(JSONValue.finite)))]
            if let lower = series.lower, let upper = series.upper {
                object += [("lower", .array(lower.map(JSONValue.finite))), ("upper", .array(upper.map(JSONValue.finite)))]
            }
            members.append((series.algorithm.name, .object(object)))
        }
        return JSONValue.object(members).rendered() + "\n"
    }
}
