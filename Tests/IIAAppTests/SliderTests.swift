import Testing
import IIACharts
import IIACore
@testable import IIAApp

@Suite struct SliderTests {
    @Test func fineStepOnALogSliderIsMultiplicativeAndChangesTheReadOut() {
        var model = makeModel()
        model.press(.down, .down, .down, .down, .down)  // beta
        #expect(model.selectedSlider == .beta)
        let before = model.screen
        model.press(.right)
        #expect(model.parameters.beta == 1.25)
        #expect(model.screen != before)
        model.press(.left, .left)
        #expect(model.parameters.beta == 0.8)
        model.press(.shiftRight)
        #expect(model.parameters.beta == 8)
        model.press(.pageDown, .pageDown)
        #expect(model.parameters.beta == 0.08)
        #expect(SliderID.beta.spec.stepped(3, .fineUp) == 3.15)
        #expect(SliderID.beta.spec.stepped(3, .fineDown) == 2.5)
        #expect(SliderID.beta.spec.stepped(3, .coarseUp) == 25)
        #expect(SliderID.beta.spec.stepped(1e-3, .fineUp) == 1.25e-3)
    }

    @Test func logStepsKeepTheRatioAcrossDecades() {
        let spec = SliderID.dataSize.spec
        var value = 1000.0
        for _ in 0..<10 {
            let next = spec.stepped(value, .fineUp)
            #expect(next / value > 1.15 && next / value < 1.35)
            value = next
        }
        #expect(value == 10_000)
        #expect(spec.stepped(1000, .coarseUp) == 10_000)
        #expect(spec.stepped(1000, .coarseDown) == 100)
    }

    @Test func integerSlidersStayIntegers() {
        var model = makeModel()
        for slider in [SliderID.m1, .m2, .k, .dataSize, .simulations] {
            while model.selectedSlider != slider { model.press(.down) }
            for key in [Key.right, .right, .shiftRight, .left, .pageDown, .right, .right, .right] {
                model.press(key)
                let value = model.value(of: slider)
                #expect(value == value.rounded(), "\(slider.label) = \(value)")
            }
        }
        #expect(model.parameters.m1 != 10)
    }

    @Test func smallWholeNumbersStillMoveOnLogSliders() {
        let spec = SliderID.m1.spec
        #expect(spec.stepped(1, .fineUp) == 2)
        #expect(spec.stepped(2, .fineUp) == 3)
        #expect(spec.stepped(3, .fineUp) == 4)
        #expect(spec.stepped(3, .fineDown) == 2)
        #expect(spec.stepped(2, .fineDown) == 1)
    }

    @Test func linearSlidersStepEvenlyAndSnapToTheGrid() {
        var model = makeModel()
        model.press(.down, .down)  // p*(1)
        model.press(.right)
        #expect(abs(model.parameters.p1 - 0.61) < 1e-12)
        model.press(.pageUp)
        #expect(abs(model.parameters.p1 - 0.7) < 1e-12)
        #expect(SliderID.p1.spec.stepped(0.6049, .fineUp) == 0.61)
        #expect(SliderID.k.spec.stepped(2, .fineUp) == 3)
    }

    @Test func slidersClampAtBothEnds() {
        var model = makeModel()
        model.press(.down, .down, .down)  // zeta
        #expect(model.selectedSlider == .zeta)
        model.press(.home)
        #expect(model.parameters.zeta == 0.01)
        model.press(.left, .pageDown)
        #expect(model.parameters.zeta == 0.01)
        #expect(model.statusMessage?.contains("minimum") == true)
        model.press(.end)
        #expect(model.parameters.zeta == 0.99)
        model.press(.right, .shiftRight)
        #expect(model.parameters.zeta == 0.99)
        #expect(model.parameters.zeta < 1)
        #expect(model.statusMessage?.contains("maximum") == true)
    }

    @Test func upAndDownSelectWithVimKeysToo() {
        var model = makeModel()
        model.press(.character("j"), .character("j"))
        #expect(model.selectedSlider == .p1)
        model.press(.character("k"))
        #expect(model.selectedSlider == .m2)
        model.press(.up, .up)
        #expect(model.selectedSlider == .simulations)
        model.press(.character("l"))
        #expect(model.simulations == 10)
        model.press(.character("h"))
        #expect(model.simulations == 0)
    }

    @Test func theReadOutFollowsTheChoiceSetSize() {
        var model = makeModel()
        /// RLPO's line in the compact read-out (80 x 24) and its sentence in the full one (160 x 48).
        func rlpoVerdicts(_ model: ExplorerModel) -> (word: String, sentence: String) {
            let lines = model.view().lines
            let compact = lines.first { $0.hasPrefix("RLPO ") }!
            var wide = model
            _ = wide.update(.resize(width: 160, height: 48))
            let wideLines = wide.view().lines
            let row = wideLines.firstIndex { $0.hasPrefix("RLPO ") }!
            return (compact, wideLines[row + 1])
        }
        #expect(rlpoVerdicts(model).word.contains("aligned"))
        #expect(rlpoVerdicts(model).sentence.contains("aligned: 60% prefer M1"))
        #expect(!model.screen.contains("SLiC (extension)"))
        while model.selectedSlider != .k { model.press(.down) }
        model.press(.right, .right)
        #expect(model.parameters.k == 4)
        #expect(rlpoVerdicts(model).word.contains("perverse"))
        #expect(rlpoVerdicts(model).sentence.contains("perverse: 60% prefer M1"))
        #expect(model.screen.contains("SLiC (extension)"))
        #expect(model.screen.contains("|Y| = 4: as |D| grows: perverse"))
    }

    @Test func expectedSweepsAreCachedUntilAnInputChanges() {
        var model = makeModel()
        let start = model.sweepComputations
        // |D| within the |D| axis: only the |M2| curves (which depend on |D|) are recomputed.
        while model.selectedSlider != .dataSize { model.press(.down) }
        model.press(.right, .left, .pageUp)
        #expect(model.parameters.dataSize == 10_000)
        #expect(model.sweepComputations == start + 3)
        #expect(model.dataSweep.xs.last == 10_000)
        // Beyond 1e4 the |D| axis grows with it.
        model.press(.pageUp)
        #expect(model.sweepComputations == start + 5)
        #expect(model.dataSweep.xs.last == 100_000)
        // Keys that change no parameter recompute nothing.
        model.press(.tab, .character("?"), .escape, .end, .right)
        #expect(model.sweepComputations == start + 7)
        model.press(.right)  // already at the maximum
        #expect(model.sweepComputations == start + 7)
        // |M2| within its axis: only the |D| curves.
        model.press(.character("1"))
        let afterPreset = model.sweepComputations
        model.press(.character("k"), .character("k"), .character("k"), .character("k"), .character("k"), .character("k"))
        #expect(model.selectedSlider == .m2)
        model.press(.right)
        #expect(model.sweepComputations == afterPreset + 1)
    }
}
