import Testing
import IIACharts
import IIACore
@testable import IIAApp

@Suite struct PresetTests {
    @Test func presetTwoIsThePerverseFailure() {
        var model = makeModel()
        model.press(.character("2"))
        #expect(model.parameters.k == 4)
        #expect(model.result(.rlpo).pM1 < 0.5)
        #expect(model.screen.contains("perverse"))
        #expect(model.screen.contains("60% prefer M1"))
        #expect(model.statusMessage?.contains("preset 2") == true)
    }

    @Test func presetOneIsThePaperDefaults() {
        var model = makeModel(ModelParameters(k: 5))
        model.press(.character("1"))
        #expect(model.parameters == .paperDefaults)
        #expect(model.result(.rlpo).pM1 > 0.5)
        #expect(model.view().lines.first { $0.hasPrefix("RLPO ") }?.contains("aligned") == true)
        #expect(model.screen.contains("60% prefer M1"))
    }

    @Test func presetsTwoAndThreeAverageAHundredDatasetsAsThePaperWithExpectedDataOneKeyAway() throws {
        for digit in ["2", "3"] {
            var model = makeModel()
            let run = try #require(model.press(.character(Character(digit))).monteCarloRun)
            #expect(run.key.simulations == 100 && model.simulations == Preset.paperSimulations)
            #expect(model.view().lines[0].contains("Monte Carlo 0/100"))
            #expect(model.statusMessage?.contains("100 datasets as the paper averages") == true)
            #expect(model.press(.character("m")) == [.cancelMonteCarlo])
            #expect(model.simulations == 0 && model.view().lines[0].contains("expected data"))
        }
        // The other presets use expected data, whatever was on before.
        var model = makeModel(simulations: 50)
        model.press(.character("5"))
        #expect(model.simulations == 0)
    }

    @Test func presetThreeLooksAtIncludingLearningAgainstM2() {
        var model = makeModel()
        model.press(.character("3"))
        #expect(model.parameters.m1 == 10 && model.parameters.m2 == 1000 && model.parameters.k == 2)
        #expect(model.parameters.dataSize == 1000)
        #expect(model.focusedChart == .m2)
        #expect(model.screen.contains(ChartKind.m2.title))
    }

    @Test func presetFourSitsOnTheBoundary() {
        var model = makeModel()
        model.press(.character("4"))
        #expect(model.parameters.k == 3 && model.parameters.zeta == 0.8 && model.parameters.p1 == 0.6)
        #expect(abs(FailureBoundary.F(zeta: 0.8, k: 3) - 0.6) < 1e-12)
        #expect(model.screen.contains("on the boundary: p*(1) = F(zeta)"))
        #expect(FailureBoundary.verdict(model.parameters).summary.contains("F(zeta) = 0.6000"))
        #expect(model.focusedChart == .boundary)
    }

    @Test func everyPresetRendersAndUnknownDigitsSaySo() {
        var model = makeModel()
        for preset in Preset.all {
            model.press(.character(Character(String(preset.number))))
            if preset.simulations > 0 {
                // Figures 2 and 3 average simulated datasets, and the status line says so.
                #expect(model.statusMessage == "preset \(preset.number), Monte Carlo over \(preset.simulations) datasets as the paper averages (m: expected data): \(preset.name)")
            } else {
                #expect(model.statusMessage == "preset \(preset.number): \(preset.name)")
            }
            #expect(model.simulations == preset.simulations)
            #expect(!model.screen.lowercased().contains("nan"))
        }
        // Every digit is a preset (1-9, then 0); a digit-like character that is no digit says so.
        #expect(Set(Preset.all.map(\.number)) == Set(0...9))
        model.press(.character("½"))
        #expect(model.statusIsError)
        #expect(model.statusMessage?.contains("no preset ½: presets are 0-9") == true)
    }

    @Test func resetReturnsToTheStartingState() {
        var model = makeModel(ModelParameters(m2: 500, k: 3), simulations: 0)
        model.press(.character("2"), .down, .right, .tab)
        #expect(model.parameters != ModelParameters(m2: 500, k: 3))
        #expect(model.simulations == 100)
        model.press(.character("r"))
        #expect(model.parameters == ModelParameters(m2: 500, k: 3))
        #expect(model.simulations == 0)
        #expect(model.focusedChart == .data)
        #expect(model.selectedSlider == .m1)
    }
}
