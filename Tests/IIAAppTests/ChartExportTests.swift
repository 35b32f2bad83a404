import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// `x`: the focused chart's data as CSV, asked of the caller as a command.
@Suite struct ChartExportTests {
    func exportRequest(_ model: inout ExplorerModel) -> ChartExportRequest? {
        let commands = model.press(.character("x"))
        guard commands.count == 1, case .exportChart(let request)? = commands.first else { return nil }
        return request
    }

    @Test func xAsksForTheFocusedChartsCSVAndTheOutcomeIsShown() throws {
        var model = ExplorerModel(parameters: ModelParameters(k: 4), capabilities: DisplayCapabilities(), screenshotDirectory: "shots")
        _ = model.update(.resize(width: 80, height: 24))
        for kind in ChartKind.allCases {
            let request = try #require(exportRequest(&model))
            #expect(request.chart == kind && request.directory == "shots" && request.baseName == "iia-explorer-\(kind.rawValue)")
            #expect(request.csv == model.chartCSV(kind))
            #expect((model.statusMessage ?? "").contains("exporting"))
            model.press(.tab)
        }
        _ = model.update(.chartExportFinished(.saved(path: "shots/iia-explorer-data-001.csv")))
        #expect(model.view().line(22).hasPrefix("exported the chart's data to shots/iia-explorer-data-001.csv"))
        _ = model.update(.chartExportFinished(.failed(reason: "shots: permission denied")))
        #expect(model.statusIsError && (model.statusMessage ?? "").contains("export failed: shots: permission denied"))
    }

    @Test(arguments: [ModelParameters(k: 4), ModelParameters(m1: 3, m2: 5000, p1: 0.3, zeta: 0.2, beta: 0.5)])
    func theSweepsAreTheSweepCommandsCSV(parameters: ModelParameters) {
        let model = makeModel(parameters)
        // What `iia-explorer sweep --over data --from 1 --to 1e4 --points 40` prints for these settings.
        #expect(model.chartCSV(.data) == Sweeper.expected(parameters, axis: .data, from: 1, to: 1e4, points: 40).csv)
        #expect(model.chartCSV(.m2) == Sweeper.expected(parameters, axis: .m2, from: 1, to: 1e5, points: 40).csv)
    }

    @Test func withMonteCarloTheSimulatedCurveAndItsBandAreExported() throws {
        let parameters = ModelParameters(k: 3, dataSize: 500)
        var model = makeModel(parameters, simulations: 10)
        let run = try #require(model.state.wantedMonteCarlo.flatMap { _ in
            ExplorerState.update(ExplorerState(parameters: parameters, simulations: 10), .resize(width: 80, height: 24)).1.monteCarloRun
        })
        for report in runSynchronously(run) { _ = model.update(.monteCarloProgress(report)) }
        let csv = model.chartCSV(.data)
        #expect(csv == Sweeper.simulated(parameters, axis: .data, from: 1, to: 1e4, points: 40, simulations: 10, seed: 1).csv)
        #expect(csv.split(separator: "\n").first?.contains("RLPO_q10,RLPO_q90") == true)
        #expect(model.chartCSV(.m2) == Sweeper.simulated(parameters, axis: .m2, from: 1, to: 1e5, points: 40, simulations: 10, seed: 1).csv)
    }

    @Test func theBoundaryCSVHasTheCurvesDrawn() {
        let small = makeModel(ModelParameters(k: 4), chartFocus: .boundary).chartCSV(.boundary)
        let lines = small.split(separator: "\n")
        #expect(lines.first.map(String.init) == "zeta,F_Y4,F_Y2")
        #expect(lines.count == 100)
        let row = lines[80].split(separator: ",").map { Double($0)! }
        #expect(row[0] == 0.8 && row[1] == FailureBoundary.F(zeta: 0.8, k: 4) && row[2] == FailureBoundary.F(zeta: 0.8, k: 2))
        // A large chart draws (and exports) more |Y|.
        let large = makeModel(ModelParameters(k: 4), chartFocus: .boundary, width: 160, height: 48).chartCSV(.boundary)
        #expect(large.hasPrefix("zeta,F_Y4,F_Y2,F_Y3,F_Y8\n"))
        let fixed = makeModel(ModelParameters(k: 3, queries: .fixed(m1Count: 2)), chartFocus: .boundary).chartCSV(.boundary)
        #expect(fixed.hasPrefix("zeta,J/|Y|_2/3,F_Y2\n0.01,0.6666666666666666,"))
    }

    @Test(arguments: Algorithm.allCases)
    func theLandscapeCSVHasTheCurvesAndTheIterates(algorithm: Algorithm) {
        var model = makeModel(ModelParameters(k: 4), chartFocus: .landscape)
        while model.landscapeAlgorithm != algorithm { model.press(.character("a")) }
        let landscape = model.landscape
        let lines = Array(model.chartCSV(.landscape).split(separator: "\n", omittingEmptySubsequences: false).dropLast())
        #expect(lines.first.map(String.init) == (["kind", "step", landscape.scalarSymbol, "pM1"] + landscape.parts.map(\.rawValue)).joined(separator: ","))
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.filter { $0[0] == "curve" }.count == 201)
        let iterates = rows.filter { $0[0] != "curve" }
        #expect(iterates.map { Double($0[2]) } == landscape.trace.map(\.point))
        #expect(iterates.map(\.[0]) == landscape.trace.map(\.kind.rawValue))
        let window = LandscapeWindow.window(landscape)
        for row in rows where row[0] == "curve" {
            let x = Double(row[2])!
            #expect(x >= window.lowerBound - 1e-9 && x <= window.upperBound + 1e-9)
            for cell in row.dropFirst(2) where !cell.isEmpty { #expect(Double(cell)?.isFinite == true, "\(row)") }
        }
    }
}

/// `f`: the focused chart over the whole screen.
@Suite struct PresentationTests {
    @Test(arguments: [(80, 24), (100, 30)])
    func theChartFillsTheScreenWithItsLegendVerdictAndScenario(width: Int, height: Int) {
        var model = makeModel(ModelParameters(k: 4), width: width, height: height)
        model.press(.character("f"))
        #expect(model.state.presentation)
        for kind in ChartKind.allCases {
            let layout = model.layout
            #expect(layout.charts.count == 1 && layout.charts[0].kind == kind)
            let rect = layout.charts[0].rect
            #expect(rect.x == 0 && rect.width == width && rect.y == 1 && rect.maxY == height - 4)
            let screen = model.view().lines
            #expect(screen[0].contains("dichotomy") && screen[0].contains("sampled"), "the scenario in the title: \(screen[0])")
            #expect(screen[1].contains(kind == .boundary ? "Failure boundary" : String(kind.title.prefix(12))), "\(screen[1])")
            let verdict = screen[(height - 4)...(height - 3)].joined(separator: " ")
            #expect(verdict.contains("perverse"), "\(verdict)")
            #expect(!screen.joined().contains("|M1|     "), "no slider panel")
            let legend = screen[2...3].joined(separator: " ")
            for name in Self.seriesNames(kind, model) { #expect(legend.contains(name), "\(kind) at \(width)x\(height): \(name) missing in \(legend)") }
            model.press(.tab)
        }
    }

    /// Every series each chart draws, by the name its legend gives it.
    static func seriesNames(_ kind: ChartKind, _ model: ExplorerModel) -> [String] {
        switch kind {
        case .data, .m2:
            let sweep = kind == .data ? model.dataSweep : model.m2Sweep
            let rlpo = sweep.series.first { $0.algorithm == .rlpo }!.values, dpo = sweep.series.first { $0.algorithm == .dpo }!.values
            let algorithms = Algorithm.allCases.filter { rlpo != dpo || ($0 != .rlpo && $0 != .dpo) }.map(\.name)
            return algorithms + (rlpo == dpo ? ["RLPO=DPO"] : []) + ["majority", "inclusive"]
        case .boundary:
            let chart = model.layout.charts[0].rect
            let roomy = chart.height - 1 >= 22 && chart.width >= 50
            return ["F(zeta), |Y|=4", roomy ? "2,3,8 other |Y|" : "2 |Y|=2", "RLPO/DPO", "perverse", "now"]
        case .landscape:
            return ["L_D", "minimiser", "start"]
        case .phase:
            return ["P(M1) RLPO: 0", "F(zeta)", "now"]
        }
    }

    @Test func slidersTabAndEscStillWork() {
        var model = makeModel(width: 80, height: 24)
        model.press(.character("f"), .down, .down, .down)
        #expect(model.selectedSlider == .zeta)
        model.press(.right)
        #expect(abs(model.parameters.zeta - 0.81) < 1e-12)
        #expect(model.view().line(22).hasPrefix("zeta = 0.81"), "\(model.view().line(22))")
        model.press(.tab)
        #expect(model.focusedChart == .m2 && model.state.presentation)
        let commands = model.press(.escape)
        #expect(!commands.quits && !model.state.presentation)
        #expect(model.layout.charts[0].rect.x > 0, "the normal layout is back")
        model.press(.escape)
        #expect(!model.state.presentation && (model.statusMessage ?? "").contains("q quits"))
        model.press(.character("f"), .character("f"))
        #expect(!model.state.presentation)
    }

    @Test func boundaryClicksWorkInPresentation() throws {
        var model = makeModel(ModelParameters(k: 4), chartFocus: .boundary, width: 100, height: 30)
        model.press(.character("f"))
        let geometry = try #require(model.state.shownBoundaryGeometry)
        #expect(geometry.plot.width > 60)
        let plot = geometry.plot
        model.mouse(.press, x: plot.x + plot.width / 4, y: plot.y + plot.height / 4)
        let clicked = try #require(geometry.point(x: plot.x + plot.width / 4, y: plot.y + plot.height / 4))
        #expect(abs(model.parameters.zeta - clicked.zeta) <= geometry.cellSize.zeta / 2 + 1e-9)
        #expect(abs(model.parameters.p1 - clicked.share) <= geometry.cellSize.share / 2 + 1e-9)
        #expect(model.view()[plot.x + plot.width / 4, plot.y + plot.height / 4].character == "●")
    }

    @Test func everySizeRendersInPresentation() {
        var model = makeModel()
        model.press(.character("f"))
        for (w, h) in [(0, 0), (1, 1), (10, 3), (79, 24), (80, 24), (100, 30), (250, 70)] {
            _ = model.update(.resize(width: w, height: h))
            for _ in ChartKind.allCases {
                let buffer = model.view()
                #expect(buffer.width == w && buffer.height == h)
                model.press(.tab)
            }
        }
    }
}
