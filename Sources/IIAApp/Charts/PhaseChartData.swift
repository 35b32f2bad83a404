import IIACharts
import IIACore

/// Where the values of a phase chart come from, for its caption.
public enum PhaseDataSource: Hashable, Sendable {
    /// The expected data (the counts' expectations).
    case expected
    /// The mean over `completed` of `total` simulated datasets per cell.
    case simulated(completed: Int, total: Int)
    /// Expected data while a Monte Carlo run has not reported its first chunk.
    case awaitingSimulation(total: Int)

    /// "expected data", "mean of 40/100 datasets", "expected data (Monte Carlo 0/100)".
    var caption: String {
        switch self {
        case .expected: return "expected data"
        case .simulated(let completed, let total): return "mean of \(completed)/\(total) datasets"
        case .awaitingSimulation(let total): return "expected data (Monte Carlo 0/\(total))"
        }
    }
}

/// The phase chart: P(M1) of one algorithm over the (zeta, p*(1)) square at the current |D|
/// (a heatmap, one value per plot cell), the scenario's boundary F(zeta) over it (G(zeta) or G_J
/// with rankings, J/|Y| for fixed queries), the current point, a colour-scale legend and a
/// caption naming the algorithm, |D| and the data source. Under logit choices p*(1) does not
/// enter the data: the chart is a message instead.
struct PhaseChartData {
    let parameters: ModelParameters
    let algorithm: Algorithm
    /// The values (nil: the chart's frame only, e.g. to size the grid).
    let diagram: PhaseDiagram?
    let source: PhaseDataSource
    let style: ChartStyle

    /// The largest grid computed: columns x rows.
    static let maximumGrid = (columns: 160, rows: 60)

    /// The grid with one value per cell of `area` (capped at ``maximumGrid``); nil when empty.
    static func grid(for area: Rect) -> PhaseDiagramGrid? {
        guard area.width > 0, area.height > 0 else { return nil }
        return PhaseDiagramGrid(zetaCount: min(area.width, maximumGrid.columns), p1Count: min(area.height, maximumGrid.rows))
    }

    var isRanking: Bool { parameters.responses == .ranking }

    var fixedCount: Int? {
        if case .fixed(let count) = parameters.queries { return count }
        return nil
    }

    /// Whether the algorithm has a policy for the responses (SLiC does not for rankings).
    var isApplicable: Bool { algorithm.inapplicabilityReason(for: parameters.responses) == nil }

    /// The boundary's name in the legend.
    var boundaryName: String {
        switch (isRanking, fixedCount) {
        case (false, nil): return "F(zeta) (large |D|)"
        case (true, nil): return "G(zeta) (large |D|)"
        case (false, let count?): return "J/|Y|=\(count)/\(parameters.k)"
        case (true, _?): return "G_J (large |D|)"
        }
    }

    /// The current point's glyph (in ASCII one the shading ramp does not use).
    var pointGlyph: String { style.ascii ? "O" : "●" }

    var scale: HeatmapScale { HeatmapScale.themed(style.theme, ascii: style.ascii) }

    /// The colour scale "P(M1) 0 ▇▇▇▇ 1" as one legend entry.
    var scaleLegend: LegendItem {
        let steps = scale.steps
        let lead = "P(M1) \(algorithm.name): 0 ", tail = " 1"
        var item = LegendItem(key: lead + String(repeating: "#", count: steps.count) + tail, keyStyle: .plain, text: "")
        item.keyCells = lead.map { Cell($0) } + steps + tail.map { Cell($0) }
        return item
    }

    var legend: [LegendItem] {
        let curve = LegendItem(key: style.ascii ? "*" : "━", keyStyle: style.theme.strong, text: boundaryName)
        return [scaleLegend, curve, LegendItem(key: pointGlyph, keyStyle: style.theme.currentPoint, text: "now")]
    }

    /// "RLPO, |D|=1000, expected data", with a note when the algorithm does not apply.
    var captionParts: [String] {
        let size = "|D|=\(AxisTicks.trimmed(parameters.dataSize, digits: 4))"
        guard isApplicable else {
            return ["\(algorithm.name) does not apply to rankings: cells left blank (a: next algorithm)", size]
        }
        return ["\(algorithm.name), \(size)", source.caption, "beta=\(AxisTicks.trimmed(parameters.beta, digits: 3))"]
    }

    /// The chart as plain data.
    func plot() -> Plot {
        let xAxis = PlotXAxis(
            scale: .linear, lower: 0, upper: 1, title: "zeta", longTitle: "zeta = P_base(M1)",
            ticks: .values(narrow: [0, 0.25, 0.5, 0.75, 1], wide: (0...10).map { Double($0) / 10 }, wideFrom: 50), format: .fraction)
        var plot = Plot(x: xAxis, y: PlotYAxis(range: .unit, title: "p*(1)"), rightMargin: 2,
                        appearance: ChartPalette.appearance(style))
        if let error = PhaseDiagramError.check(parameters) {
            plot.message = "No phase diagram: " + error.reason + ". Switch to dichotomy choices (c) to see it."
            return plot
        }
        plot.legend = legend
        plot.caption = PlotCaption(parts: captionParts, style: isApplicable ? style.theme.heading : style.theme.warning)
        if let diagram, let values = diagram.algorithms.firstIndex(of: algorithm).map({ diagram.values[$0] }) {
            plot.heatmap = PlotHeatmap(
                columns: diagram.grid.zetaCount, rows: diagram.grid.p1Count,
                values: isApplicable ? values : [], scale: scale)
        }
        let boundary = BoundaryChartData.boundary(parameters)
        let key = "phase boundary \(parameters.k) \(parameters.queries) \(parameters.responses)"
        let function = SampledFunction(key: key) { boundary(min(0.9999, max(0.0001, $0))) }
        plot.series = [PlotSeries(.function(function, baseline: nil), glyph: "*", style: style.theme.strong)]
        let point = PlotAnchor.point(x: parameters.zeta, y: parameters.p1)
        plot.markers = [PlotMarker(point, glyph: pointGlyph, style: style.theme.currentPoint)]
        return plot
    }
}
