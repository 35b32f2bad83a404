import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

@Suite struct ExtremeSettingsTests {
    func assertClean(_ model: ExplorerModel, _ context: String) {
        let screen = model.screen.lowercased()
        #expect(!screen.contains("nan"), "\(context)\n\(model.screen)")
        #expect(!screen.contains("inf"), "\(context)\n\(model.screen)")
    }

    /// Every visible slider at both ends, in every scenario (c cycles them), at both sizes.
    @Test(arguments: [false, true])
    func everyEndOfEverySliderGivesReadableText(ascii: Bool) {
        let capabilities = DisplayCapabilities(ascii: ascii, colorMode: .none)
        for scenario in 0..<ExplorerScenario.allCases.count {
            let start = makeModel(ModelParameters(k: 4), width: 160, height: 48, capabilities: capabilities)
            var cycled = start
            for _ in 0..<scenario { cycled.press(.character("c")) }
            #expect(cycled.scenario.rawValue == scenario)
            for slider in cycled.visibleSliders where slider != .simulations {
                for end in [Key.home, .end] {
                    var model = cycled
                    while model.selectedSlider != slider { model.press(.down) }
                    model.press(end)
                    assertClean(model, "\(model.scenario) \(slider.label) \(end)")
                    _ = model.update(.resize(width: 80, height: 24))
                    assertClean(model, "80x24 \(model.scenario) \(slider.label) \(end)")
                }
            }
        }
    }

    @Test func cornersOfTheParameterSpaceGiveReadableText() {
        // All at minimum, all at maximum, and a fixed pseudo-random set of other corners
        // (built directly: solving at every intermediate key press would be slow in debug builds).
        var patterns: [[Bool]] = [Array(repeating: false, count: 8), Array(repeating: true, count: 8)]
        var state: UInt64 = 12345
        for _ in 0..<10 {
            patterns.append((0..<8).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return state >> 63 == 1
            })
        }
        for pattern in patterns {
            var parameters = ModelParameters()
            for (index, atMaximum) in pattern.enumerated() {
                let slider = SliderID(rawValue: index)!
                let range = slider.spec.range
                slider.set(atMaximum ? range.upperBound : range.lowerBound, in: &parameters)
            }
            var model = ExplorerModel(parameters: parameters)
            _ = model.update(.resize(width: 160, height: 48))
            assertClean(model, "\(pattern)")
            #expect(model.results.allSatisfy { !$0.logOdds.isNaN })
        }
    }
}

@Suite struct NumberFormattingTests {
    @Test func probabilitiesKeepTheirTails() {
        #expect(NumberFormatting.probability(logOdds: log(0.6 / 0.4)) == "0.6000")
        #expect(NumberFormatting.probability(logOdds: -295.88) == "3.2e-129")
        #expect(NumberFormatting.probability(logOdds: -1e6) == "3.3e-434295")
        #expect(NumberFormatting.probability(logOdds: 15) == "1 - 3.1e-7")
        #expect(NumberFormatting.probability(logOdds: -.infinity) == "0")
        #expect(NumberFormatting.probability(logOdds: .nan) == "n/a")
        #expect(NumberFormatting.probability(0.003) == "0.0030")
        #expect(NumberFormatting.probability(2e-9) == "2e-9")
    }

    @Test func logOddsAndValues() {
        #expect(NumberFormatting.logOdds(-295.876) == "-295.88")
        #expect(NumberFormatting.logOdds(4e11) == "4e11")
        #expect(NumberFormatting.logOdds(-.infinity, ascii: true) == "<-1.8e308")
        #expect(NumberFormatting.compact(1e9) == "1e9")
        #expect(NumberFormatting.compact(10_000) == "1e4")
        #expect(NumberFormatting.compact(12_000) == "12000")
        #expect(NumberFormatting.compact(18.4) == "18.4")
        #expect(NumberFormatting.compact(0.001) == "0.001")
        #expect(SliderID.beta.spec.rangeLabel(ascii: true) == "1e-3..1e3")
        #expect(SliderID.m2.spec.rangeLabel(ascii: false) == "1…1e9")
    }

    @Test func verdictWords() {
        #expect(ReadOut.verdict(logOdds: log(0.003 / 0.997), p1: 0.6) == "perverse: 60% prefer M1, the policy produces M1 0.3% of the time")
        #expect(ReadOut.verdict(logOdds: 2, p1: 0.6).hasPrefix("aligned: 60% prefer M1"))
        #expect(ReadOut.verdict(logOdds: 2, p1: 0.3).hasPrefix("perverse: 70% prefer M2"))
        #expect(ReadOut.verdict(logOdds: -1, p1: 0.5).hasPrefix("no majority"))
        #expect(ReadOut.label(.slic, k: 2) == "SLiC")
        #expect(ReadOut.label(.slic, k: 3) == "SLiC (extension)")
    }
}
