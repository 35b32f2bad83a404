import IIACharts
import IIACore

/// The explorer's charts as publication figures: the same ``Plot``s as the terminal draws, with
/// the looks a vector figure needs (``FigureLook``), drawn by ``FigureSVG``.
public enum ExplorerFigures {
    /// P(M1) against |D| or |M2| for `algorithms` (all when nil), with the simulated means and
    /// band of the first selected algorithm when `simulated` is given, and a line at `marker`.
    public static func sweepPlot(_ sweep: Sweep, simulated: Sweep? = nil, marker: Double?, algorithms: [Algorithm]? = nil) -> Plot {
        let focus = algorithms.flatMap { $0.contains(.rlpo) ? nil : $0.first }
        return ExplorerCharts.sweepPlot(sweep.selecting(algorithms), simulated: simulated?.selecting(algorithms), marker: marker,
                                        style: ChartStyle(), focus: focus)
    }

    /// The failure boundary with every other |Y|, its regions tinted (the perverse ones also
    /// hatched), each other |Y| labelled at its curve.
    public static func boundaryPlot(_ parameters: ModelParameters) -> Plot {
        var plot = ExplorerCharts.boundaryPlot(parameters, style: ChartStyle(), roomy: true)
        for index in plot.regions.indices {
            let label = plot.regions[index].label ?? ""
            if label.contains("perverse") {
                plot.regions[index].figure = FigureLook(color: RGBColor.OkabeIto.vermillion, legend: "perverse: against the majority",
                                                        hatched: true, fillOpacity: 0.3)
            } else if label.contains("M2") {
                plot.regions[index].figure = FigureLook(color: RGBColor.OkabeIto.skyBlue, legend: "RLPO/DPO → M2", fillOpacity: 0.3)
            }
        }
        guard let main = plot.series.indices.last else { return plot }
        plot.series[main].figure = FigureLook(color: RGBColor.OkabeIto.black, legend: plot.legend.first?.text, width: 2.4)
        for index in plot.series.indices.dropLast() {
            let glyph = plot.series[index].glyph
            plot.series[index].figure = FigureLook(color: RGBColor(120, 120, 120), legend: "F(zeta), other |Y|", dash: .dashed, width: 1.3)
            if glyph.isNumber {
                plot.labels.append(PlotLabel("|Y|=\(glyph)", at: .onSeries(index, x: 0.93), style: .plain, placement: .around(rowOffsets: [0])))
            }
        }
        for index in plot.markers.indices {
            plot.markers[index].figure = FigureLook(color: RGBColor.OkabeIto.black, legend: "current (zeta, p*(1))", marker: .diamond)
        }
        return plot
    }

    /// The landscape of `algorithm`'s objective with the solver's path.
    public static func landscapePlot(_ parameters: ModelParameters, algorithm: Algorithm) -> Plot {
        ExplorerCharts.landscapePlot(.expected(parameters, algorithm: algorithm), style: ChartStyle())
    }

    /// The phase chart of `algorithm` on a grid of `columns` x `rows` (expected data, or the mean
    /// of `simulations` datasets per cell): the heatmap on a viridis ramp (its scale in the
    /// caption), the boundary in black with a white halo (visible on every colour of the ramp and
    /// in the legend), the current point as a diamond.
    public static func phasePlot(
        _ parameters: ModelParameters, algorithm: Algorithm, simulations: Int = 0, seed: UInt64 = 1, columns: Int = 100, rows: Int = 60
    ) -> Plot {
        let grid = PhaseDiagramGrid(zetaCount: columns, p1Count: rows)
        let diagram = ExplorerCharts.phaseDiagram(parameters, algorithm: algorithm, grid: grid, simulations: simulations, seed: seed)
        var plot = ExplorerCharts.phasePlot(parameters, algorithm: algorithm, diagram: diagram, style: ChartStyle())
        guard plot.message == nil else { return plot }
        plot.caption?.parts.insert("colour: P(M1) of \(algorithm.name) from 0 (dark purple) to 1 (yellow)", at: 1)
        for index in plot.series.indices {
            plot.series[index].figure = FigureLook(
                color: RGBColor.OkabeIto.black, legend: plot.legend.dropFirst().first?.text, width: 2, halo: RGBColor(255, 255, 255))
        }
        for index in plot.markers.indices {
            plot.markers[index].figure = FigureLook(color: RGBColor.OkabeIto.vermillion, legend: "current (zeta, p*(1))", marker: .diamond)
        }
        return plot
    }

    /// A title naming the chart and the settings it depends on, e.g.
    /// "P(M1) against |D| (|Y| = 4, p*(1) = 0.6, zeta = 0.5)".
    public static func title(_ kind: ChartKind, parameters: ModelParameters, algorithm: Algorithm = .rlpo) -> String {
        let number = { (value: Double) in AxisTicks.trimmed(value, digits: 4) }
        var settings = ["|Y| = \(parameters.k)", "p*(1) = \(number(parameters.p1))", "zeta = \(number(parameters.zeta))"]
        switch kind {
        case .data: settings.append("|M2| = \(parameters.m2)")
        case .m2: settings.append("|D| = \(number(parameters.dataSize))")
        case .boundary: settings = ["|Y| = \(parameters.k)"]
        case .landscape: settings = ["\(algorithm.name)", "|D| = \(number(parameters.dataSize))"] + settings
        case .phase: settings = ["\(algorithm.name)", "|Y| = \(parameters.k)", "|D| = \(number(parameters.dataSize))"]
        }
        return "\(kind.title) (\(settings.joined(separator: ", ")))"
    }
}
