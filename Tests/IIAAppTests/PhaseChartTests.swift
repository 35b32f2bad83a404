import Testing
import IIACharts
import IIACore
@testable import IIAApp

@Suite struct PhaseChartTests {
    static let perverse = ModelParameters(p1: 0.6, zeta: 0.8, k: 4)

    func phaseModel(_ parameters: ModelParameters = perverse, simulations: Int = 0, width: Int = 80, height: Int = 24,
                    capabilities: DisplayCapabilities = DisplayCapabilities()) -> ExplorerModel {
        var model = ExplorerModel(parameters: parameters, simulations: simulations, capabilities: capabilities, chart: .phase)
        _ = model.update(.resize(width: width, height: height))
        return model
    }

    /// The phase chart's plot rectangle (below its heading) and the plot area inside it.
    func placement(_ model: ExplorerModel) -> (rect: Rect, area: Rect) {
        let rect = model.state.phaseChartPlotRect!
        return (rect, PlotRenderer.plotArea(model.derived.plots.phase, in: rect))
    }

    @Test func cellValuesAreThePhaseDiagramOnExpectedDataCellByCell() throws {
        for capabilities in [DisplayCapabilities(), DisplayCapabilities(ascii: true), DisplayCapabilities(colorMode: .basic8, theme: .light)] {
            let model = phaseModel(capabilities: capabilities)
            let request = try #require(model.derived.phaseRequest)
            let (_, area) = placement(model)
            #expect(request.grid == PhaseDiagramGrid(zetaCount: area.width, p1Count: area.height), "one value per plot cell")
            let expected = try PhaseDiagram.expected(Self.perverse, grid: request.grid, algorithms: [.rlpo])
            #expect(model.derived.phaseDiagram == expected)
            let heatmap = try #require(model.derived.plots.phase.heatmap)
            #expect(heatmap.values == expected.values[0])
            let screen = model.view()
            var same = 0
            for column in 0..<area.width {
                for row in 0..<area.height {
                    let value = try #require(expected.value(.rlpo, column: column, row: area.height - 1 - row))
                    let cell = screen[area.x + column, area.y + row], step = try #require(heatmap.scale.cell(for: value))
                    // The curve and the point are drawn over the heatmap, keeping a tinted cell's background.
                    if cell == step { same += 1 } else if step.character == " " { #expect(cell.style.background == step.style.background) }
                }
            }
            #expect(same * 10 >= area.width * area.height * 8, "all but the curve's cells")
        }
    }

    @Test func theBoundaryIsDrawnWhereFIs() throws {
        let model = phaseModel(width: 120, height: 40)
        let (_, area) = placement(model)
        let screen = model.view()
        var checked = 0
        for column in stride(from: 2, to: area.width - 2, by: 7) {
            let zeta = (Double(2 * column) + 0.5) / Double(2 * area.width - 1)
            let f = FailureBoundary.F(zeta: zeta, k: 4)
            let row = Int((1 - f) * Double(4 * area.height - 1)) / 4
            let rows = (max(0, row - 1)...min(area.height - 1, row + 1)).map { screen[area.x + column, area.y + $0] }
            #expect(rows.contains { $0.character.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } ?? false },
                    "braille of F at column \(column)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    @Test func theLegendHasTheColourScaleAndTheCaptionTheSource() throws {
        let model = phaseModel(width: 120, height: 40)
        let (rect, _) = placement(model)
        let screen = model.view()
        let legend = screen.line(rect.y)
        let lead = "P(M1) RLPO: 0 "
        let start = try #require(legend.range(of: lead)).upperBound.utf16Offset(in: legend)
        let steps = HeatmapScale.themed(.dark, ascii: false).steps
        #expect((0..<steps.count).map { screen[start + $0, rect.y] } == steps)
        #expect(model.screen.contains("RLPO, |D|=1000, expected data"))
    }

    @Test func thePhaseDiagramIsComputedOnlyWhileTheChartIsShown() {
        var model = makeModel(Self.perverse)
        model.press(.right, .right, .character("a"))
        #expect(model.derived.phaseComputations == 0 && model.derived.phaseRequest == nil)
        model.press(.tab, .tab, .tab, .tab)
        #expect(model.state.focusedChart == .phase)
        #expect(model.derived.phaseComputations == 1)
        model.press(.character("?"), .escape)
        #expect(model.derived.phaseComputations == 1, "nothing it depends on changed")
        model.press(.right)
        #expect(model.derived.phaseComputations == 2)
        model.press(.tab, .right, .left)
        #expect(model.derived.phaseComputations == 2 && model.derived.phaseRequest == nil)
        // 120 x 40 shows three charts below the focused one: not the phase chart.
        let wide = makeModel(Self.perverse, width: 120, height: 40)
        #expect(wide.derived.phaseComputations == 0)
        // From 160 x 48 all five are on screen.
        let all = makeModel(Self.perverse, width: 160, height: 48)
        #expect(all.derived.phaseComputations == 1 && all.layout.charts.count == 5)
    }

    @Test func monteCarloRefinesThePhaseGridAndStaleReportsAreIgnored() throws {
        var model = ExplorerModel(parameters: Self.perverse, simulations: 20, chart: .phase)
        guard case .startMonteCarlo(let run) = model.update(.resize(width: 120, height: 40)) else {
            Issue.record("no run started")
            return
        }
        let request = try #require(run.key.phase)
        #expect(request == model.derived.phaseRequest)
        var reports: [MonteCarloProgress] = []
        run.run(workers: 2, isCancelled: { false }, report: { reports.append($0) })
        #expect(reports.map(\.completed) == [5, 15, 20])
        #expect(model.screen.contains("expected data (Monte Carlo 0/20)"))
        _ = model.update(.monteCarloProgress(reports[0]))
        #expect(model.derived.phaseDiagram?.simulations == 5)
        #expect(model.screen.contains("mean of 5/20 datasets"))
        var direct = try PhaseDiagramSimulation(Self.perverse, grid: request.grid, algorithms: [.rlpo], seed: 1)
        direct.simulate(count: 5, workers: 1)
        #expect(model.derived.phaseDiagram == direct.diagram)
        // A report of another generation changes nothing.
        var stale = reports[2]
        stale.generation -= 1
        _ = model.update(.monteCarloProgress(stale))
        #expect(model.derived.phaseDiagram?.simulations == 5)
        _ = model.update(.monteCarloProgress(reports[2]))
        #expect(model.derived.phaseDiagram?.simulations == 20 && model.screen.contains("mean of 20/20 datasets"))
        // Cancelling stops the run before its first report.
        var cancelled: [MonteCarloProgress] = []
        run.run(isCancelled: { true }, report: { cancelled.append($0) })
        #expect(cancelled.isEmpty)
    }

    @Test func aClickSetsZetaAndP1WithinHalfACell() throws {
        var model = phaseModel(ModelParameters(k: 4), width: 120, height: 40)
        let (_, area) = placement(model)
        for (column, row) in [(0, 0), (area.width / 3, area.height / 2), (area.width - 1, area.height - 1), (17, 5)] {
            _ = model.mouse(.press, x: area.x + column, y: area.y + row)
            _ = model.mouse(.release, x: area.x + column, y: area.y + row)
            let zeta = (Double(column) + 0.5) / Double(area.width), p1 = (Double(area.height - 1 - row) + 0.5) / Double(area.height)
            #expect(abs(model.state.parameters.zeta - zeta) <= 0.5 / Double(area.width), "\(column)")
            #expect(abs(model.state.parameters.p1 - p1) <= 0.5 / Double(area.height), "\(row)")
            #expect(model.state.focusedChart == .phase)
        }
    }

    @Test func logitChoicesShowAMessageInsteadOfAChart() {
        let model = phaseModel(ModelParameters(choiceModel: .logit(rewardGap: 0.5)), width: 100, height: 30)
        #expect(model.derived.phaseRequest == nil && model.derived.phaseComputations == 0)
        #expect(model.derived.plots.phase.heatmap == nil)
        let screen = model.screen
        #expect(screen.contains("No phase diagram") && screen.contains("logit"))
        #expect(model.chartCSV(.phase) == "zeta,p1,RLPO\n")
    }

    @Test func slicOnRankingsLeavesTheCellsBlankWithANote() {
        let parameters = ModelParameters(k: 4, responses: .ranking)
        var model = ExplorerModel(parameters: parameters, capabilities: DisplayCapabilities(), chart: .phase, landscapeAlgorithm: .slic)
        _ = model.update(.resize(width: 100, height: 30))
        #expect(model.derived.phaseRequest == nil)
        #expect(model.screen.contains("SLiC does not apply to rankings"))
    }

    @Test func exportWritesTheGridWithTheSweepColumns() throws {
        let model = phaseModel(width: 100, height: 30)
        let csv = model.chartCSV(.phase)
        let diagram = try #require(model.derived.phaseDiagram)
        #expect(csv == diagram.csv)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "zeta,p1,RLPO" && lines.count == 1 + diagram.grid.cellCount)
    }

    @Test func presentationModeAndTabWork() {
        var model = phaseModel(width: 100, height: 30)
        model.press(.character("f"))
        #expect(model.layout.charts.map(\.kind) == [.phase])
        #expect(model.derived.phaseRequest != nil)
        #expect(model.screen.contains("P(M1) RLPO: 0"))
        model.press(.tab)
        #expect(model.state.focusedChart == .data)
    }
}
