import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// The explanation's numbers are the solver's, for a table of settings.
@Suite struct ExplanationTests {
    static let settings: [ModelParameters] = [
        .paperDefaults,
        ModelParameters(k: 4),
        ModelParameters(k: 3),
        ModelParameters(k: 8, dataSize: 50),
        ModelParameters(p1: 0.3, k: 4),
        ModelParameters(m1: 2, m2: 1469, p1: 0.873, zeta: 0.912, k: 7, beta: 10.941, dataSize: 18.4),
        ModelParameters(delta: 1, dataSize: 1_000_000),
        ModelParameters(m2: 1000, beta: 3, delta: 0.5, dataSize: 20),
    ]

    @Test(arguments: settings)
    func numbersEqualTheSolversResults(_ parameters: ModelParameters) {
        let counts = PreferenceCounts.expected(parameters)
        let results = RLHFSolver(parameters).solve(counts, recordTrace: true)
        for result in results {
            let explanation = Explanation.expected(parameters, algorithm: result.algorithm)
            #expect(explanation.number("P(M1)") == result.pM1, "\(result.algorithm)")
            switch result.algorithm {
            case .rlpo:
                #expect(explanation.number("u") == result.minimization.argmin)
                #expect(explanation.number("log-odds") == result.logOdds)
                let f = FailureBoundary.F(zeta: parameters.zeta, k: parameters.k)
                #expect(abs(explanation.number("F(zeta)")! - f) <= 1e-12)
                #expect(abs(explanation.number("share of M1 choices")! - parameters.p1) <= 1e-12)
            case .dpo:
                #expect(explanation.number("s") == result.minimization.argmin)
                #expect(explanation.number("log-odds") == result.logOdds)
            case .rlpoPairwise:
                #expect(explanation.number("u") == result.minimization.argmin)
                #expect(explanation.number("log-odds") == result.logOdds)
                let pairs = RLHFSolver.pairwiseRewardGap(counts)
                #expect(explanation.number("u") == pairs.argmin)
            case .typeMLE:
                #expect(explanation.number("u") == result.minimization.argmin)
                let share = counts.mixedChoseM1 / (counts.mixedChoseM1 + counts.mixedChoseM2)
                #expect(abs(explanation.number("p^")! - share) <= 1e-15)
                #expect(explanation.number("log-odds") == result.logOdds)
            case .il, .slic:
                #expect(explanation.number("v") == result.minimization.argmin)
                #expect(explanation.number("v0") == KLRegulariser(parameters).anchor)
                if result.minimization.localMinima.count > 1 {
                    let quoted = explanation.numbers.filter { $0.name == "local minimum" }.map(\.value)
                    #expect(quoted == result.minimization.localMinima)
                }
            }
            if result.algorithm == .il {
                let rlpo = results.first { $0.algorithm == .rlpo }!
                #expect(explanation.number("u") == rlpo.minimization.argmin)
            }
            if result.algorithm == .slic {
                let objective = SLiCObjective(counts, parameters)
                #expect(explanation.number("lower kink") == objective.lowerKink)
                #expect(explanation.number("upper kink") == objective.upperKink)
            }
            // Every number quoted appears in the text as printed.
            let text = explanation.lines.joined(separator: "\n")
            for number in explanation.numbers { #expect(text.contains(number.text), "\(result.algorithm): \(number.name)") }
            #expect(!text.lowercased().contains("nan"))
        }
    }

    @Test func rlpoAtFourSaysWhyItGoesWrong() {
        let explanation = Explanation.expected(ModelParameters(k: 4), algorithm: .rlpo)
        let text = explanation.lines.joined(separator: " ")
        let f = NumberFormatting.compact(FailureBoundary.F(zeta: 0.8, k: 4), significant: 3)
        let result = RLHFSolver(ModelParameters(k: 4)).solve(.expected(ModelParameters(k: 4)), algorithm: .rlpo)
        #expect(f == "0.663")
        #expect(text.contains("F(zeta) = \(f)") && text.contains("p*(1) = 0.6"))
        #expect(text.contains("credits M2 with the surplus"))
        #expect(text.contains("u = \(NumberFormatting.compact(result.minimization.argmin, significant: 3))"))
        #expect(text.contains("perverse"))
    }

    @Test func ilAtPairsGivesTheFifteenOverFifteenPlusM2Law() {
        // k = 2, p = 0.6, |M1| = 10: c = |M1| e^-u = 10 x 3/2 = 15 (the paper's closed form).
        let explanation = Explanation.expected(.paperDefaults, algorithm: .il)
        #expect(abs(explanation.number("c")! - 15) < 1e-9)
        #expect(abs(explanation.number("P(M1) data alone")! - 15.0 / 115) < 1e-12)
        #expect(explanation.lines.joined().contains("15/(15 + 100)"))
    }

    @Test func eachAlgorithmHasItsOwnText() {
        let texts = Algorithm.allCases.map { Explanation.expected(ModelParameters(k: 4), algorithm: $0).lines.first! }
        #expect(Set(texts).count == Algorithm.allCases.count)
    }

    @Test func noMinimiserExplainsTheConvention() throws {
        let parameters = ModelParameters(k: 2)
        let counts = try PreferenceCounts(k: 2, choseM1: [0, 3, 4], choseM2: [2, 0, 0])
        let results = RLHFSolver(parameters).solve(counts)
        let rlpo = Explanation.make(parameters: parameters, counts: counts, results: results, algorithm: .rlpo, expectedData: false)
        #expect(rlpo.lines.joined().contains("no minimiser"))
        #expect(rlpo.number("P(M1)") == results[0].pM1)
        let dpo = Explanation.make(parameters: parameters, counts: counts, results: results, algorithm: .dpo, expectedData: false)
        #expect(dpo.lines.joined().contains("uniform"))
    }
}

/// The landscape and the explain panel in the explorer.
@Suite struct TeachingViewTests {
    @Test func aCyclesTheLandscapesAlgorithmAndTheReadOutCountMatchesThePath() throws {
        var model = makeModel(width: 160, height: 48)
        for expected in Array(Algorithm.allCases.dropFirst()) + [.rlpo] {
            model.press(.character("a"))
            #expect(model.landscapeAlgorithm == expected)
            #expect(model.screen.contains("Objective landscape: \(expected.name)"))
            // The iterates drawn are those of the result the read-out shows.
            var buffer = CellBuffer(width: 100, height: 30)
            let drawing = ExplorerCharts.renderLandscape(model.landscape, style: ChartStyle(), into: &buffer, rect: buffer.bounds)
            let shown = model.result(expected)
            #expect(drawing.iterates.count == shown.iterations + 1)
            #expect(drawing.iterates.map(\.point) == shown.minimization.trace.map(\.point))
        }
        model.press(.character("A"))
        #expect(model.landscapeAlgorithm == Algorithm.allCases.last)
    }

    @Test func presetSevenShowsBothILMinimaAndWhichWasPicked() throws {
        var model = makeModel()
        model.press(.character("7"))
        #expect(model.focusedChart == .landscape && model.landscapeAlgorithm == .il)
        let screen = model.screen
        #expect(screen.contains("Objective landscape: IL"))
        #expect(screen.contains("●") && screen.contains("○"))
        let il = model.result(.il)
        #expect(il.minimization.localMinima.count == 2)
        // The read-out's Newton column shows the iterations the caption and path show.
        #expect(screen.contains("\(il.iterations) steps"))
    }

    @Test func eOpensTheExplanationAndEOrEscapeCloseIt() {
        var model = makeModel(ModelParameters(k: 4))
        model.press(.character("e"))
        #expect(model.isExplaining)
        let screen = model.screen
        #expect(screen.contains("Explain: RLPO"))
        #expect(screen.contains("F(zeta) = 0.663"))
        #expect(screen.contains("credits M2"))
        #expect(model.view().line(23).contains("e/Esc close"))
        model.press(.character("a"))
        #expect(model.isExplaining && model.screen.contains("Explain: DPO"))
        model.press(.character("e"))
        #expect(!model.isExplaining)
        let commands = model.press(.character("e"), .escape)
        #expect(!model.isExplaining && !commands.quits)
    }

    @Test func theExplanationPanelFitsEverySizeAndEveryAlgorithm() {
        for algorithm in Algorithm.allCases {
            var model = ExplorerModel(parameters: ModelParameters(m1: 2, m2: 1469, p1: 0.873, zeta: 0.912, k: 7, beta: 10.941, dataSize: 18.4),
                                      landscapeAlgorithm: algorithm)
            model.press(.character("e"))
            for (w, h) in [(0, 0), (3, 3), (80, 24), (120, 40), (200, 60)] {
                _ = model.update(.resize(width: w, height: h))
                let buffer = model.view()
                #expect(buffer.width == w && buffer.height == h)
            }
            // At 80 x 24 the whole explanation shows (its last line: the verdict).
            _ = model.update(.resize(width: 80, height: 24))
            #expect(model.screen.contains("Verdict"), "\(algorithm)")
        }
    }

    @Test func helpAndKeyLineMentionTheNewKeys() {
        var model = makeModel(width: 200, height: 48)
        #expect(model.view().line(47).contains("e explain"))
        model.press(.character("?"))
        #expect(model.screen.contains("e explains it"))
    }
}
