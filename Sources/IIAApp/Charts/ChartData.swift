import IIACharts
import IIACore

/// The CSV of each chart's data, as `x` exports it.
///
/// - The sweeps: exactly the `sweep` command's CSV (``IIACore/Sweep/csv``) for the curve shown:
///   the simulated one (with its band columns) under Monte Carlo once a report has arrived,
///   else the expected one.
/// - The failure boundary: `zeta` from 0.01 to 0.99 in steps of 0.01, the current scenario's
///   boundary (F(zeta) for |Y|, J/|Y| for fixed queries, 1/2 under logit choices; with rankings
///   G(zeta) or G_J, followed by the choices' F(zeta) or J/|Y| the chart draws beside it), then
///   F(zeta) of every other |Y| the chart draws at its current size.
/// - The landscape: the objective's parts and P(M1) on a grid of 201 points over the chart's
///   window (`kind` "curve"), then the solver's iterates in order (`kind` start, newton or
///   bisection, `step` from 0). Values that are not finite are left empty.
/// - The phase chart: its grid as `sweep --over zeta,p1` writes it (`zeta,p1,` and the chart's
///   algorithm), the values shown (expected, or the Monte Carlo means so far); a 20 x 20 grid on
///   expected data when the chart is not on screen; the header only under logit choices.
enum ChartData {
    /// The CSV of `chart` for the state, its derived value, and the chart's plot size.
    static func csv(_ chart: ChartKind, state: ExplorerState, derived: ExplorerDerived, plot: Rect) -> String {
        switch chart {
        case .data: return (derived.monteCarlo?.dataSweep ?? derived.sweeps.data).csv
        case .m2: return (derived.monteCarlo?.m2Sweep ?? derived.sweeps.m2).csv
        case .boundary: return boundary(state.parameters, plot: plot)
        case .landscape: return landscape(derived.landscape)
        case .phase: return phase(state, derived: derived)
        }
    }

    /// The phase chart's grid as `sweep --over zeta,p1` writes it (see ``ChartData``).
    static func phase(_ state: ExplorerState, derived: ExplorerDerived) -> String {
        let algorithm = state.landscapeAlgorithm
        if let diagram = derived.phaseDiagram { return diagram.csv }
        if let diagram = try? PhaseDiagram.expected(state.parameters, grid: PhaseDiagramGrid(points: 20), algorithms: [algorithm]) {
            return diagram.csv
        }
        return "zeta,p1,\(algorithm.name)\n"
    }

    /// The boundary curves (see ``ChartData``).
    static func boundary(_ parameters: ModelParameters, plot: Rect) -> String {
        let k = parameters.k
        var header = ["zeta"]
        var others: [Int] = []
        let rankings = parameters.responses == .ranking && parameters.choiceModel == .dichotomy
        if case .logit = parameters.choiceModel {
            header.append("boundary_logit")
        } else if case .fixed(let count) = parameters.queries {
            header += rankings ? ["G_J_\(count)/\(k)", "J/|Y|_\(count)/\(k)"] : ["J/|Y|_\(count)/\(k)"]
            if 2 * count != k { others = [2] }
        } else if rankings {
            header += ["G_Y\(k)", "F_Y\(k)"]
            if k != 2 { others = [2] }
        } else {
            header.append("F_Y\(k)")
            let roomy = plot.height >= 22 && plot.width >= 50
            others = [2, 3, 4, 8].filter { $0 != k && ($0 == 2 || roomy) }
        }
        header += others.map { "F_Y\($0)" }
        var lines = [header.joined(separator: ",")]
        let current = BoundaryChartData.boundary(parameters)
        let choices = BoundaryChartData.boundary(parameters, responses: .choice)
        for index in 1...99 {
            let zeta = Double(index) / 100
            let values = [current(zeta)] + (rankings ? [choices(zeta)] : []) + others.map { FailureBoundary.F(zeta: zeta, k: $0) }
            lines.append(([RoundTripNumber.text(zeta)] + values.map(cell)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The landscape's curves and iterates (see ``ChartData``).
    static func landscape(_ landscape: ObjectiveLandscape) -> String {
        let parts = landscape.parts
        let header = ["kind", "step", landscape.scalarSymbol, "pM1"] + parts.map(\.rawValue)
        var lines = [header.joined(separator: ",")]
        func row(_ kind: String, _ step: String, _ x: Double) -> String {
            ([kind, step, cell(x), cell(landscape.pM1(at: x))] + parts.map { cell(landscape.value($0, at: x)) })
                .joined(separator: ",")
        }
        let window = LandscapeWindow.window(landscape)
        let points = 201
        for index in 0..<points {
            let x = window.lowerBound + (window.upperBound - window.lowerBound) * Double(index) / Double(points - 1)
            lines.append(row("curve", "", x))
        }
        for (step, iterate) in landscape.trace.enumerated() {
            lines.append(row(iterate.kind.rawValue, String(step), iterate.point))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A finite number in its shortest round-trip form; empty otherwise.
    static func cell(_ value: Double) -> String {
        value.isFinite ? String(value) : ""
    }
}
