import Foundation
import IIACore

/// `sweep --over zeta,p1`: P(M1) of every algorithm at the centres of a --points x --points grid
/// over zeta (the base policy's mass on M1) and p*(1) (``PhaseDiagramGrid``): zeta_i =
/// (i + 1/2)/N and p_j = (j + 1/2)/N, so every zeta is strictly between 0 and 1.
///
/// CSV: a header `zeta,p1,RLPO,…` then one row per cell, p*(1) ascending and, within each
/// p*(1), zeta ascending; with --sims the values are the means over the simulated datasets.
/// An algorithm that does not apply to the responses (SLiC on rankings) has an empty field, and
/// null in JSON. Logit choices are refused: p*(1) does not enter their data.
enum PhaseSweepReport {
    /// The axis name given to --over.
    static let axisName = "zeta,p1"
    /// Grid points per axis by default, and the most allowed.
    static let defaultPoints = 20
    static let pointRange = 2...1000

    static func make(_ command: SweepCommand) throws -> String {
        for (option, value) in [("--from", command.from), ("--to", command.to)] {
            if let value {
                throw InputError(option: option, allowed: "left out with --over zeta,p1 (the grid spans (0, 1) x [0, 1]; set its size with --points)", got: value)
            }
        }
        for (option, value) in [("--zeta", command.model.zeta), ("--p1", command.model.p1)] {
            if let value {
                throw InputError(option: option, allowed: "left out with --over zeta,p1 (the sweep sets zeta and p*(1))", got: value)
            }
        }
        let parameters = try command.model.parameters()
        if let error = PhaseDiagramError.check(parameters) {
            throw InputError(option: "--choice-model", allowed: "dichotomy with --over zeta,p1: \(error.reason)", got: parameters.choiceModel.name)
        }
        let points = try command.points.map {
            try NumberParser.whole($0, option: "--points", range: pointRange, condition: "with --over zeta,p1 (a grid of points x points)")
        } ?? defaultPoints
        let simulations = try command.simulation.simulations(points: points * points)
        let seed = try command.simulation.seedValue()
        if simulations > 0 { try command.model.requireWholeDataSize(reason: "with --sims") }
        let diagram = try compute(parameters, grid: PhaseDiagramGrid(points: points), simulations: simulations, seed: seed)
        return command.format == "csv" ? csv(diagram) : json(diagram, seed: seed)
    }

    /// Every algorithm's diagram: expected data, or the mean of `simulations` datasets.
    static func compute(_ parameters: ModelParameters, grid: PhaseDiagramGrid, simulations: Int, seed: UInt64) throws -> PhaseDiagram {
        guard simulations > 0 else {
            return try PhaseDiagram.expected(parameters, grid: grid, algorithms: Algorithm.allCases)
        }
        var simulation = try PhaseDiagramSimulation(parameters, grid: grid, algorithms: Algorithm.allCases, seed: seed)
        simulation.simulate(count: simulations)
        guard let diagram = simulation.diagram else {
            throw InputError(option: "--sims", allowed: "a whole number ≥ 1", got: String(simulations))
        }
        return diagram
    }

    static func csv(_ diagram: PhaseDiagram) -> String { diagram.csv }

    static func json(_ diagram: PhaseDiagram, seed: UInt64) -> String {
        let grid = diagram.grid
        var members: [(String, JSONValue)] = [
            ("over", .string(axisName)),
            ("parameters", SolveReport.parametersJSON(diagram.parameters)),
            ("data", .string(diagram.simulations > 0 ? "simulated" : "expected")),
        ]
        if diagram.simulations > 0 { members += [("sims", .integer(diagram.simulations)), ("seed", .string(String(seed)))] }
        members += [
            ("cells", .string("cell (i, j) is computed at its centre zeta_i = (i + 1/2)/N, p_j = (j + 1/2)/N")),
            ("zeta", .array(grid.zetas.map(JSONValue.finite))),
            ("p1", .array(grid.p1s.map(JSONValue.finite))),
        ]
        for algorithm in diagram.algorithms {
            // One array per p*(1) row, each over zeta; null where the algorithm does not apply.
            let rows = (0..<grid.p1Count).map { row in
                JSONValue.array((0..<grid.zetaCount).map { column in
                    diagram.value(algorithm, column: column, row: row).map(JSONValue.finite) ?? .null
                })
            }
            members.append((algorithm.name, .object([
                ("applicable", .bool(diagram.isApplicable(algorithm))), ("pM1", .array(rows)),
            ])))
        }
        return JSONValue.object(members).rendered() + "\n"
    }
}
