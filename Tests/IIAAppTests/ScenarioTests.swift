import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// Issue 5 in the explorer: the scenario key, its sliders, the presets of Sections 5.4 and 6,
/// the read-out that fits six algorithms, the logit control experiment.
@Suite struct ScenarioTests {
    func assertClean(_ model: ExplorerModel, _ context: String) {
        let screen = model.screen.lowercased()
        #expect(!screen.contains("nan") && !screen.contains("inf"), "\(context)\n\(model.screen)")
    }

    /// The RLPO line of the compact read-out.
    func compactLine(_ model: ExplorerModel, _ algorithm: Algorithm) -> String {
        model.view().lines.first {
            $0.hasPrefix(ReadOut.label(algorithm, k: model.parameters.k, responses: model.parameters.responses) + " ")
        } ?? ""
    }

    @Test func theScenarioKeyCyclesTheSixScenariosAndTheSlidersFollow() {
        var model = makeModel(ModelParameters(k: 3))
        #expect(model.scenario == .assumption1)
        #expect(model.visibleSliders == [.m1, .m2, .p1, .zeta, .k, .beta, .delta, .dataSize, .simulations])
        #expect(model.screen.contains("sampled, dichotomy"))

        model.press(.character("c"))
        #expect(model.scenario == .fixedQueries)
        #expect(model.parameters.queries == .fixed(m1Count: 2))  // J defaults to |Y| - 1
        #expect(model.parameters.choiceModel == .dichotomy)
        #expect(model.visibleSliders == [.m1, .m2, .p1, .zeta, .k, .fixedM1, .beta, .delta, .dataSize, .simulations])
        #expect(model.statusMessage == "scenario: fixed queries J = 2 of |Y| = 3, dichotomy choices (c: next)")
        #expect(model.screen.contains("fixed J=2 of |Y|=3, dichotomy"))
        #expect(model.screen.contains("J/|Y| = 2/3"))
        #expect(model.view().lines.contains { $0.hasPrefix("  J ") })

        model.press(.character("c"))
        #expect(model.scenario == .logitChoices)
        #expect(model.parameters.queries == .sampled)
        // R starts at logit(p*(1)): the one-versus-one share stays 60%.
        guard case .logit(let gap) = model.parameters.choiceModel else { Issue.record("not logit"); return }
        #expect(abs(gap - 0.405) < 1e-9)
        #expect(model.visibleSliders == [.m1, .m2, .rewardGap, .zeta, .k, .beta, .delta, .dataSize, .simulations])
        #expect(model.view().lines.contains { $0.hasPrefix("  R ") })
        #expect(!model.view().lines.contains { $0.hasPrefix("  p*(1) ") })
        #expect(model.screen.contains("logit R=0.405"))

        model.press(.character("c"))
        #expect(model.scenario == .fixedLogit)
        #expect(model.parameters.queries == .fixed(m1Count: 2))
        #expect(model.visibleSliders.contains(.fixedM1) && model.visibleSliders.contains(.rewardGap))

        // Then rank-order responses (dichotomy choices only), fixed and sampled, and back.
        model.press(.character("c"))
        #expect(model.scenario == .fixedRankings)
        #expect(model.parameters == ModelParameters(k: 3, queries: .fixed(m1Count: 2), responses: .ranking))
        #expect(model.visibleSliders == [.m1, .m2, .p1, .zeta, .k, .fixedM1, .beta, .delta, .dataSize, .simulations])
        model.press(.character("c"))
        #expect(model.scenario == .rankings)
        #expect(model.parameters == ModelParameters(k: 3, responses: .ranking))

        model.press(.character("c"))
        #expect(model.scenario == .assumption1)
        #expect(model.parameters == ModelParameters(k: 3))
        model.press(.character("C"))
        #expect(model.scenario == .rankings)
        model.press(.character("C"), .character("C"))
        #expect(model.scenario == .fixedLogit)
    }

    @Test func jAndRAreRememberedAcrossTheCycle() {
        var model = makeModel(ModelParameters(k: 5))
        model.press(.character("c"))
        while model.selectedSlider != .fixedM1 { model.press(.down) }
        model.press(.home)
        #expect(model.parameters.queries == .fixed(m1Count: 1))
        model.press(.character("c"))  // sampled + logit: J is hidden, the selection moves to |Y|
        #expect(model.selectedSlider == .k)
        while model.selectedSlider != .rewardGap { model.press(.up) }
        model.press(.end)
        #expect(model.parameters.choiceModel == .logit(rewardGap: 5))
        model.press(.character("c"))
        #expect(model.parameters.queries == .fixed(m1Count: 1))
        #expect(model.parameters.choiceModel == .logit(rewardGap: 5))
        #expect(model.selectedSlider == .rewardGap)
        model.press(.character("c"))  // back to the dichotomy: R gives way to p*(1)
        #expect(model.selectedSlider == .p1)
    }

    @Test func jFollowsTheChoiceSetSize() {
        var model = makeModel(ModelParameters(k: 6, queries: .fixed(m1Count: 5)))
        #expect(model.spec(of: .fixedM1).range == 1...5)
        while model.selectedSlider != .k { model.press(.down) }
        model.press(.left, .left, .left)
        #expect(model.parameters.k == 3)
        #expect(model.parameters.queries == .fixed(m1Count: 2))  // clamped to |Y| - 1
        #expect(model.spec(of: .fixedM1).range == 1...2)
        #expect(model.screen.contains("1…2"))
        model.press(.home)
        #expect(model.parameters.k == 2 && model.parameters.queries == .fixed(m1Count: 1))
        // The J wanted comes back as |Y| grows again.
        model.press(.right, .right, .right, .right)
        #expect(model.parameters.k == 6 && model.parameters.queries == .fixed(m1Count: 5))
        // J's own keys stay inside 1…|Y|-1.
        model.press(.down)
        #expect(model.selectedSlider == .fixedM1)
        model.press(.end)
        #expect(model.parameters.queries == .fixed(m1Count: 5))
        model.press(.right)
        #expect(model.parameters.queries == .fixed(m1Count: 5))
        #expect(model.statusMessage?.contains("maximum 5") == true)
        model.press(.pageDown, .pageDown)
        #expect(model.parameters.queries == .fixed(m1Count: 1))
        #expect((try? model.parameters.validate()) != nil)
    }

    @Test(arguments: [
        ("3", "J must be a whole number from 1 to 2 (got 3)"),
        ("0", "J must be a whole number from 1 to 2 (got 0)"),
        ("1.5", "J must be a whole number from 1 to 2 (got 1.5)"),
        ("x", "J: \"x\" is not a number; enter a whole number from 1 to 2"),
    ])
    func badJIsRejectedWithTheSliderAndItsRange(typed: String, message: String) {
        var model = makeModel(ModelParameters(k: 3, queries: .fixed(m1Count: 2)))
        while model.selectedSlider != .fixedM1 { model.press(.down) }
        model.press(.enter)
        #expect(model.screen.contains("a whole number from 1 to 2, now 2"))
        model.type(typed)
        model.press(.enter)
        #expect(model.statusIsError)
        #expect(model.statusMessage == message + "; value unchanged")
        #expect(model.parameters.queries == .fixed(m1Count: 2))
        // A good value is applied.
        model.press(.enter)
        model.type("1")
        model.press(.enter)
        #expect(model.parameters.queries == .fixed(m1Count: 1))
    }

    @Test(arguments: [("7", "R must be a number from -5 to 5 (got 7)"), ("nan", "R: \"nan\" is not a number")])
    func badRIsRejectedWithTheSliderAndItsRange(typed: String, message: String) {
        var model = makeModel(ModelParameters(choiceModel: .logit(rewardGap: 1)))
        while model.selectedSlider != .rewardGap { model.press(.down) }
        model.press(.enter)
        model.type(typed)
        model.press(.enter)
        #expect(model.statusIsError)
        #expect(model.statusMessage?.hasPrefix(message) == true, "\(model.statusMessage ?? "")")
        #expect(model.parameters.choiceModel == .logit(rewardGap: 1))
        model.press(.enter)
        model.type("-2.5")
        model.press(.enter)
        #expect(model.parameters.choiceModel == .logit(rewardGap: -2.5))
        model.press(.right)
        #expect(model.parameters.choiceModel == .logit(rewardGap: -2.4))
        model.press(.pageUp)
        #expect(model.parameters.choiceModel == .logit(rewardGap: -2))
    }

    @Test func presetEightIsTheSection54Triple() {
        var model = makeModel()
        model.press(.character("8"))
        #expect(model.parameters.queries == .fixed(m1Count: 2) && model.parameters.k == 3 && model.parameters.p1 == 0.6)
        #expect(model.result(.rlpo).pM1 < 0.5)
        // The reward gap of the triple (Section 5.4): u = ln(4/3) > 0 credits M2.
        #expect(abs(model.result(.rlpo).minimization.argmin - log(4.0 / 3)) < 1e-6)
        #expect(compactLine(model, .rlpo).contains("perverse"))
        #expect(model.screen.contains("perverse"))
        #expect(model.focusedChart == .boundary)
        #expect(model.screen.contains("Failure boundary J/|Y|"))
        #expect(model.statusMessage?.hasPrefix("preset 8: Section 5.4") == true)
    }

    @Test func presetNineIsTheSection6StudyAndZeroItsPairwiseCounterpart() {
        var model = makeModel()
        model.press(.character("9"))
        #expect(model.parameters.k == 4 && model.parameters.queries == .fixed(m1Count: 3) && model.parameters.p1 == 0.7)
        #expect(model.result(.rlpo).pM1 < 0.5)  // RLPO -> M2 (the concise response)
        #expect(model.result(.typeMLE).pM1 > 0.5)  // TypeMLE -> M1 (informative, the majority)
        #expect(compactLine(model, .rlpo).contains("perverse"))
        #expect(compactLine(model, .typeMLE).contains("aligned"))
        #expect(model.screen.contains("70% prefer M1"))
        model.press(.character("0"))
        #expect(model.parameters.k == 2 && model.parameters.queries == .fixed(m1Count: 1) && model.parameters.p1 == 0.7)
        #expect(model.result(.rlpo).pM1 > 0.5)  // pairs: no distortion
        #expect(compactLine(model, .rlpo).contains("aligned"))
    }

    /// The control experiment: logit choices satisfy IIA, so RLPO is never perverse.
    @Test func logitChoicesAreNeverPerverseForRLPO() {
        for k in [2, 3, 4, 8] {
            for gap in [-1.5, -0.2, 0.3, 2.0] {
                for queries in [QueryFormat.sampled, .fixed(m1Count: k - 1), .fixed(m1Count: 1)] {
                    let parameters = ModelParameters(k: k, queries: queries, choiceModel: .logit(rewardGap: gap))
                    let model = makeModel(parameters)
                    let rlpo = model.result(.rlpo)
                    let verdict = ReadOut.verdictWord(logOdds: rlpo.logOdds, p1: StableMath.sigmoid(gap))
                    #expect(verdict != "perverse", "|Y| = \(k) R = \(gap) \(queries)")
                    #expect((rlpo.pM1 > 0.5) == (gap > 0), "|Y| = \(k) R = \(gap) \(queries)")
                    #expect(!compactLine(model, .rlpo).contains("perverse"))
                    #expect(!FailureBoundary.verdict(parameters).isPerverse)
                }
            }
        }
    }

    @Test func theBoundaryChartSaysWhenThereIsNoPerverseRegion() {
        let logit = ExplorerModel.renderScreen(
            parameters: ModelParameters(k: 4, choiceModel: .logit(rewardGap: 0.5)), chart: .boundary, width: 80, height: 24)
        let text = logit.lines.joined(separator: "\n")
        #expect(text.contains("Failure boundary: none  [3/5 Tab]"))
        #expect(text.contains("no perverse region; R = 0.5"))
        let fixed = ExplorerModel.renderScreen(
            parameters: ModelParameters(k: 3, queries: .fixed(m1Count: 2)), chart: .boundary, width: 80, height: 24)
        #expect(fixed.lines.joined(separator: "\n").contains("Failure boundary J/|Y|  [3/5 Tab]"))
    }

    @Test func eightyByTwentyFourFitsEveryScenario() {
        var model = makeModel(ModelParameters(k: 4))
        for _ in ExplorerScenario.allCases {
            let lines = model.view().lines
            let screen = model.screen
            for slider in model.visibleSliders {
                #expect(lines.contains { $0.hasPrefix("  " + slider.label + " ") || $0.hasPrefix("▶ " + slider.label + " ") },
                        "\(model.scenario): \(slider.label)\n\(screen)")
            }
            for algorithm in Algorithm.allCases {
                let line = compactLine(model, algorithm)
                // SLiC on rankings has no policy: "n/a for rankings", verdict "n/a".
                let words = algorithm.inapplicabilityReason(for: model.parameters.responses) == nil
                    ? ["perverse", "aligned", "inclusive", "undecided", "tie"] : ["n/a for rankings"]
                #expect(words.contains { line.hasSuffix($0) || line.contains(" \($0)") }, "\(algorithm): \(line)")
            }
            #expect(screen.contains("P(M1) targets: majority"))
            #expect(!model.layout.fullReadOut)
            // The key line at 80 columns keeps the chart, scenario, explain and algorithm keys.
            for hint in ["Tab chart", "c scenario", "e explain", "a algorithm"] { #expect(model.view().line(23).contains(hint)) }
            model.press(.character("c"))
        }
    }

    @Test func oneSixtyByFortyEightShowsTheFullSentences() {
        for scenario in [ModelParameters(k: 4), ModelParameters(k: 3, queries: .fixed(m1Count: 2)),
                         ModelParameters(k: 4, choiceModel: .logit(rewardGap: 0.5))] {
            let model = makeModel(scenario, width: 160, height: 48)
            #expect(model.layout.fullReadOut)
            let lines = model.view().lines
            for algorithm in Algorithm.allCases {
                let row = lines.firstIndex { $0.hasPrefix(ReadOut.label(algorithm, k: scenario.k) + " ") }
                #expect(row != nil)
                if let row { #expect(lines[row + 1].contains("prefer M1, the policy"), "\(lines[row + 1])") }
            }
            #expect(model.screen.contains("scenario: " + ExplorerScenario.describe(scenario)))
        }
    }

    @Test func monteCarloInTheCompactReadOutKeepsTheVerdicts() {
        var model = ExplorerModel(parameters: ModelParameters(k: 4, queries: .fixed(m1Count: 3)), simulations: 20,
                                  capabilities: DisplayCapabilities(ascii: false, colorMode: .palette256))
        let work = model.update(.resize(width: 80, height: 24)).monteCarloRun
        #expect(work != nil)
        if let work {
            for report in runSynchronously(work) { _ = model.update(.monteCarloProgress(report)) }
        }
        let line = compactLine(model, .rlpo)
        #expect(line.contains("perverse"), "\(line)")
        #expect(line.contains("±"), "\(line)")
        #expect(model.screen.contains("MC 20/20"))
    }

    @Test func theExplanationNamesTheScenario() throws {
        let fixed = Explanation.expected(ModelParameters(p1: 0.6, k: 3, queries: .fixed(m1Count: 2)), algorithm: .rlpo)
        #expect(fixed.lines.contains { $0.contains("Every set offers J = 2 of |Y| = 3 M1 messages, so the share of M1 offers is J/|Y| = 0.667") })
        #expect(abs(try #require(fixed.number("J/|Y|")) - 2.0 / 3) < 1e-12)
        #expect(abs(try #require(fixed.number("u")) - log(4.0 / 3)) < 1e-6)
        #expect(fixed.title.contains("J = 2 fixed"))
        #expect(fixed.lines.last?.hasPrefix("Verdict: perverse") == true)

        let logit = Explanation.expected(ModelParameters(k: 4, choiceModel: .logit(rewardGap: 0.5)), algorithm: .rlpo)
        #expect(logit.lines.contains { $0.contains("The data satisfy IIA") && $0.contains("-R = -0.5") })
        #expect(abs(try #require(logit.number("u")) + 0.5) < 1e-6)
        #expect(logit.lines.last?.hasPrefix("Verdict: aligned") == true)

        let pairwise = Explanation.expected(ModelParameters(k: 4, choiceModel: .logit(rewardGap: -1)), algorithm: .rlpoPairwise)
        #expect(abs(try #require(pairwise.number("u")) - 1) < 1e-6)
        // The default scenario keeps its numbers' names.
        let sampled = Explanation.expected(ModelParameters(k: 4), algorithm: .rlpo)
        #expect(sampled.number("F(zeta)") != nil && sampled.number("J/|Y|") == nil)
    }

    @Test func theExplanationPanelShowsItsVerdictAtEightyByTwentyFourInEveryScenario() {
        for parameters in [ModelParameters(m1: 100, m2: 100, p1: 0.7, k: 4, queries: .fixed(m1Count: 3)),
                           ModelParameters(k: 4, queries: .fixed(m1Count: 3), choiceModel: .logit(rewardGap: -0.2))] {
            for algorithm in Algorithm.allCases {
                var model = ExplorerModel(parameters: parameters, landscapeAlgorithm: algorithm)
                _ = model.update(.resize(width: 80, height: 24))
                model.press(.character("e"))
                #expect(model.screen.contains("Verdict"), "\(algorithm)\n\(model.screen)")
            }
        }
    }

    @Test func theHelpListsTheScenarioKeyAndEveryPresetAndFitsAtEightyColumns() {
        var model = makeModel()
        model.press(.character("?"))
        let screen = model.screen
        #expect(screen.contains("c / C"))
        for preset in Preset.all { #expect(screen.contains(preset.name), "\(preset.number)") }
        for line in ExplorerView.helpLines.map(\.text) { #expect(line.count <= 74, "\(line)") }
    }

    @Test func everyPresetAndScenarioIsCleanAtSliderEnds() {
        for preset in Preset.all where preset.parameters.queries != .sampled {
            var model = makeModel()
            model.press(.character(Character(String(preset.number))))
            for slider in model.visibleSliders where slider != .simulations {
                for end in [Key.home, .end] {
                    var copy = model
                    while copy.selectedSlider != slider { copy.press(.down) }
                    copy.press(end)
                    assertClean(copy, "preset \(preset.number) \(slider.label) \(end)")
                }
            }
        }
    }
}

/// Section 6 in numbers, in the explain panel.
@Suite struct SectionSixExplanationTests {
    @Test(arguments: [(4, 3), (2, 1), (3, 2)])
    func explanationQuotesTheRewardModelsTestAccuracy(k: Int, j: Int) {
        let parameters = ModelParameters(p1: 0.7, k: k, queries: .fixed(m1Count: j))
        let explanation = Explanation.expected(parameters, algorithm: .rlpo)
        let evaluation = RewardModelEvaluation.rlpo(.expected(parameters), parameters: parameters)
        #expect(explanation.number("test accuracy") == evaluation.accuracy)
        #expect(explanation.number("share scoring M1 higher") == evaluation.scoresM1Higher)
        // Figure 4a's direction: pairs right 70% of the time, four responses below chance.
        if k == 2 { #expect(abs(evaluation.accuracy - 0.7) < 1e-12) }
        if k == 4 { #expect(evaluation.accuracy < 0.5) }
    }
}
