import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// Rank-order responses in the explorer: the scenario key reaches them, the title, read-out,
/// verdict, charts, explanation, JSON and command line say so, and SLiC is never given a number.
@Suite struct RankingExplorerTests {
    /// The flipped bias: at zeta = 0.8, |Y| = 4 rankings send RLPO to M1 while 55% prefer M2.
    static let flipped = ModelParameters(p1: 0.45, zeta: 0.8, k: 4, responses: .ranking)

    func assertClean(_ model: ExplorerModel, _ context: String) {
        let screen = model.screen.lowercased()
        #expect(!screen.contains("nan") && !screen.contains("inf"), "\(context)\n\(model.screen)")
    }

    @Test func theScenarioKeyReachesBothRankingScenariosAndComesBack() {
        var model = makeModel(ModelParameters(p1: 0.45, k: 4))
        var seen: [ExplorerScenario] = []
        for _ in ExplorerScenario.allCases {
            seen.append(model.scenario)
            // Never rankings with logit choices (validation refuses them).
            #expect((try? model.parameters.validate()) != nil, "\(model.parameters)")
            #expect(model.parameters.responses == model.scenario.responses)
            assertClean(model, "\(model.scenario)")
            model.press(.character("c"))
        }
        #expect(Set(seen) == Set(ExplorerScenario.allCases))
        #expect(model.scenario == .assumption1 && model.parameters == ModelParameters(p1: 0.45, k: 4))
        model.press(.character("C"))
        #expect(model.scenario == .rankings)
        #expect(model.parameters == Self.flipped)
        #expect(model.statusMessage == "scenario: sampled queries (Assumption 1), dichotomy rankings (c: next)")
        model.press(.character("C"))
        #expect(model.scenario == .fixedRankings)
        #expect(model.parameters.queries == .fixed(m1Count: 3) && model.parameters.responses == .ranking)
        #expect(model.parameters.choiceModel == .dichotomy)
        model.press(.character("u"))
        #expect(model.scenario == .rankings)
        model.press(.character("u"))
        #expect(model.scenario == .assumption1 && model.parameters.responses == .choice)
    }

    @Test func theTitleAndTheBoundaryLineNameRankingsAndG() {
        let model = makeModel(Self.flipped)
        #expect(model.view().line(0).contains("iia-explorer  sampled, dichotomy, rankings"), "\(model.view().line(0))")
        let wide = makeModel(Self.flipped, width: 160, height: 48)
        #expect(wide.view().line(0).contains("scenario: sampled queries (Assumption 1), dichotomy rankings"))
        let g = RankingBoundary.G(zeta: 0.8, k: 4)
        #expect(model.derived.boundary.boundaryName == "G(zeta)")
        #expect(model.derived.boundary.boundary == g)
        #expect(model.derived.boundary.limit == .m1 && model.derived.boundary.isPerverse)
        #expect(wide.screen.contains("Rankings, |Y| = 4: as |D| grows: perverse: p*(1) = 0.45 > G(zeta) = 0.4446"), "\(wide.screen)")
        // The same setting with choices goes the other way, at F.
        var choices = Self.flipped
        choices.responses = .choice
        let verdict = makeModel(choices).derived.boundary
        #expect(verdict.boundaryName == "F(zeta)" && verdict.limit == .m2 && !verdict.isPerverse)
    }

    @Test func theReadOutShowsSLiCAsNotApplicableWithItsReason() {
        let compact = makeModel(Self.flipped)
        let row = (compact.view().lines.first { $0.hasPrefix("SLiC ") } ?? "").trimmingCharacters(in: .whitespaces)
        #expect(row.contains("n/a for rankings: SLiC is defined for choices only"), "\(row)")
        #expect(row.hasSuffix("n/a"), "\(row)")
        #expect(!row.contains("extension"))
        let verdict = compact.derived.verdict(for: .slic)
        #expect(verdict.kind == .notApplicable && verdict.word == "n/a" && verdict.tone == .neutral)
        #expect(compact.derived.verdict(for: .rlpo).kind == .perverse)

        let full = makeModel(Self.flipped, width: 160, height: 48)
        let lines = full.view().lines
        let index = lines.firstIndex { $0.hasPrefix("SLiC ") }
        #expect(index != nil)
        if let index {
            #expect(lines[index].contains("n/a for rankings"))
            // The sentence under the row gives the reason (clipped at the read-out's width).
            #expect(lines[index + 1].hasPrefix("  n/a for rankings: SLiC is defined for choices only: its hinge"), "\(lines[index + 1])")
        }
        assertClean(full, "full read-out")
    }

    @Test func theBoundaryChartDrawsGBesideFAndTheRegionsFollowG() throws {
        let plot = ExplorerCharts.boundaryPlot(Self.flipped, style: ChartStyle(), roomy: true)
        let legend = plot.legend.map(\.text)
        #expect(legend.contains("G(zeta), |Y|=4") && legend.contains("F (choices)"), "\(legend)")
        var values: [Double] = []
        for series in plot.series {
            if case .function(let function, _) = series.data { values.append(function.evaluate(0.8)) }
        }
        let (g, f) = (RankingBoundary.G(zeta: 0.8, k: 4), FailureBoundary.F(zeta: 0.8, k: 4))
        #expect(values.contains { abs($0 - g) < 1e-12 } && values.contains { abs($0 - f) < 1e-12 }, "\(values)")
        let choiceSeries = try #require(plot.series.first { $0.pattern == .dashed })
        if case .function(let function, _) = choiceSeries.data { #expect(abs(function.evaluate(0.8) - f) < 1e-12) }
        // The solid current curve is drawn last (on top) and is G.
        if case .function(let function, _) = try #require(plot.series.last).data { #expect(abs(function.evaluate(0.8) - g) < 1e-12) }
        let regionBoundary = try #require(plot.regions.first?.upper)
        #expect(abs(regionBoundary.evaluate(0.8) - g) < 1e-12)
        #expect(plot.marginLabels.map(\.text).contains("G") && plot.marginLabels.map(\.text).contains("F"))
        #expect(plot.caption?.parts.first == "|Y|=4 rankings: p*(1)=0.45 > G(0.80)=0.445 → M1 (perverse)")
        // Choices: no G at all (the chart as before).
        let choicePlot = ExplorerCharts.boundaryPlot(ModelParameters(k: 4), style: ChartStyle(), roomy: true)
        #expect(!choicePlot.legend.map(\.text).contains { $0.contains("G") })
        #expect(!choicePlot.series.contains { $0.pattern == .dashed })
        // Fixed queries: G_J beside J/|Y|, and the CSV carries both.
        let fixed = ModelParameters(k: 3, queries: .fixed(m1Count: 1), responses: .ranking)
        let fixedPlot = ExplorerCharts.boundaryPlot(fixed, style: ChartStyle(), roomy: true)
        #expect(fixedPlot.legend.map(\.text).prefix(2) == ["G_J (rankings)", "J/|Y| (choices)"])
        let csv = ChartData.boundary(fixed, plot: Rect(x: 0, y: 0, width: 60, height: 30))
        #expect(csv.hasPrefix("zeta,G_J_1/3,J/|Y|_1/3,F_Y2\n"))
        let half = try #require(csv.split(separator: "\n").first { $0.hasPrefix("0.5,") }).split(separator: ",").compactMap { Double($0) }
        #expect(half.count == 4 && abs(half[1] - 5.0 / 9) < 1e-15 && abs(half[2] - 1.0 / 3) < 1e-15 && half[3] == 0.5, "\(half)")
    }

    @Test func theSweepChartsLeaveSLiCOutAndSaySo() {
        let model = makeModel(Self.flipped, width: 120, height: 40)
        for plot in [model.derived.plots.data, model.derived.plots.m2] {
            #expect(plot.caption?.parts == ["SLiC n/a for rankings"])
            #expect(!plot.legend.contains { $0.text.contains("SLiC") && !$0.text.contains("n/a") })
            #expect(plot.series.count == SweepChartData.drawnAlgorithms(model.dataSweep, simulated: nil).count)
        }
        #expect(!SweepChartData.drawnAlgorithms(model.dataSweep, simulated: nil).contains(.slic))
        #expect(model.dataSweep.series(for: .slic)?.values.allSatisfy(\.isNaN) == true)
        let csv = model.dataSweep.csv
        #expect(!csv.lowercased().contains("nan"))
        let slicColumn = csv.split(separator: "\n").first?.split(separator: ",").firstIndex(of: "SLiC")
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if let slicColumn { #expect(cells[slicColumn].isEmpty) }
            #expect(cells.enumerated().allSatisfy { $0.offset == slicColumn || Double($0.element) != nil })
        }
    }

    @Test func theLandscapeUsesPlackettLuceAndShowsSLiCAsNotApplicable() throws {
        let counts = PreferenceCounts.expected(Self.flipped)
        let rlpo = ObjectiveLandscape.expected(Self.flipped, algorithm: .rlpo)
        let likelihood = PlackettLuceLikelihood(counts)
        for x in [-1.0, -0.025, 0, 0.7] { #expect(rlpo.value(.total, at: x) == likelihood.value(x)) }
        let argmin = try #require(rlpo.argmin)
        #expect(rlpo.value(.total, at: argmin) <= rlpo.value(.total, at: argmin + 1e-3))
        #expect(rlpo.value(.total, at: argmin) <= rlpo.value(.total, at: argmin - 1e-3))
        let il = ObjectiveLandscape.expected(Self.flipped, algorithm: .il)
        #expect(il.value(.likelihood, at: 0.3) == likelihood.value(0.3))
        let ilPlot = ExplorerCharts.landscapePlot(il, style: ChartStyle())
        #expect(ilPlot.legend.map(\.text).contains("L_PL"))
        // Rank-breaking: the pairwise loss is minimised at RLPO-pairwise's own gap.
        let pairwise = ObjectiveLandscape.expected(Self.flipped, algorithm: .rlpoPairwise)
        let gap = try #require(pairwise.argmin)
        #expect(pairwise.value(.total, at: gap) <= pairwise.value(.total, at: gap + 1e-3))
        #expect(pairwise.value(.total, at: gap) <= pairwise.value(.total, at: gap - 1e-3))

        let slic = ObjectiveLandscape.expected(Self.flipped, algorithm: .slic)
        #expect(!slic.isApplicable && slic.parts.isEmpty && slic.kinks.isEmpty)
        let plot = ExplorerCharts.landscapePlot(slic, style: ChartStyle())
        #expect(plot.series.isEmpty)
        #expect(plot.caption?.parts.first == "SLiC: not applicable to rankings")
        #expect(plot.legend.map(\.text).contains("SLiC: not applicable to rankings"))
        var model = makeModel(Self.flipped, width: 120, height: 40)
        while model.landscapeAlgorithm != .slic { model.press(.character("a")) }
        #expect(model.screen.contains("SLiC: not applicable to rankings"))
        model.press(.character("e"))
        #expect(model.screen.contains("SLiC: n/a for rankings"))
        assertClean(model, "SLiC explained on rankings")
    }

    @Test func theExplanationQuotesGAndThePlackettLuceView() throws {
        let explanation = Explanation.expected(Self.flipped, algorithm: .rlpo)
        #expect(explanation.number("G(zeta)") == RankingBoundary.G(zeta: 0.8, k: 4))
        let text = explanation.text()
        #expect(text.contains("Plackett-Luce") && text.contains("sequence of logit choices"))
        #expect(explanation.verdict?.kind == .perverse)
        let slic = Explanation.expected(Self.flipped, algorithm: .slic)
        #expect(slic.verdict?.kind == .notApplicable && slic.numbers.isEmpty)
        #expect(slic.text().contains("SLiC is defined for choices only"))
        let fixed = Explanation.expected(ModelParameters(k: 3, queries: .fixed(m1Count: 1), responses: .ranking), algorithm: .dpo)
        #expect(fixed.number("G_J") == RankingBoundary.G(fixedM1Count: 1, k: 3))
    }

    @Test func theStateWithRankingsRoundTripsThroughJSONAndTheCommandLine() throws {
        var model = makeModel(Self.flipped)
        model.press(.character("C"))  // fixed rankings
        let state = model.state
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(ExplorerState.self, from: data) == state)
        let arguments = ExplorerCommandLine.tui(state)
        let index = try #require(arguments.firstIndex(of: "--responses"))
        #expect(arguments[index + 1] == "ranking")
        #expect(ExplorerCommandLine.line(arguments).contains("--queries fixed --fixed-m1 3 --responses ranking"))
        let choices = ExplorerCommandLine.tui(makeModel().state)
        #expect(!choices.contains("--responses"))
    }
}
