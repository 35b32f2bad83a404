import Testing
import IIACharts
import IIACore
@testable import IIAApp

@Suite struct TypingTests {
    @Test func aGoodValueIsApplied() {
        var model = makeModel()
        model.press(.down)  // |M2|
        model.press(.enter)
        #expect(model.inputText == "")
        model.type("2500")
        #expect(model.screen.contains("|M2| = 2500"))
        model.press(.enter)
        #expect(model.inputText == nil)
        #expect(model.parameters.m2 == 2500)
        #expect(model.screen.contains("2500"))
    }

    @Test func equalsAlsoOpensTheInputAndExponentsWork() {
        var model = makeModel()
        while model.selectedSlider != .beta { model.press(.down) }
        model.press(.character("="))
        model.type("2.5e-2")
        model.press(.enter)
        #expect(model.parameters.beta == 0.025)
    }

    @Test func backspaceEdits() {
        var model = makeModel()
        model.press(.enter)
        model.type("123")
        model.press(.backspace)
        model.type("5")
        model.press(.enter)
        #expect(model.parameters.m1 == 125)
    }

    @Test(arguments: [
        ("1.5", "0.01", "0.99"),  // out of range
        ("0", "0.01", "0.99"),  // zeta must stay inside (0, 1)
        ("abc", "not a number", "0.99"),
        ("nan", "not a number", "0.01"),
        ("", "nothing typed", "0.99"),
    ])
    func badValuesAreRejectedWithAMessage(typed: String, expected: String, range: String) {
        var model = makeModel()
        model.press(.down, .down, .down)  // zeta
        model.press(.enter)
        model.type(typed)
        model.press(.enter)
        #expect(model.parameters.zeta == 0.8)
        #expect(model.statusIsError)
        let message = model.statusMessage ?? ""
        #expect(message.contains("zeta"))
        #expect(message.contains(expected))
        #expect(message.contains(range))
        #expect(message.contains("unchanged"))
        #expect(model.screen.contains("zeta"))
        #expect(model.view().line(model.height - 2).contains("zeta"))
    }

    @Test func wholeNumberSlidersRejectFractions() {
        var model = makeModel()
        model.press(.enter)
        model.type("2.5")
        model.press(.enter)
        #expect(model.parameters.m1 == 10)
        #expect(model.statusMessage?.contains("whole number from 1 to 1e4") == true)
    }

    @Test func escapeWhileTypingCancelsInsteadOfQuitting() {
        var model = makeModel()
        model.press(.enter)
        model.type("99")
        let commands = model.press(.escape)
        #expect(!commands.quits)
        #expect(model.inputText == nil)
        #expect(model.parameters.m1 == 10)
        // Keys that would act when browsing only type while typing.
        model.press(.enter)
        #expect(!model.type("q7").quits)
        #expect(model.inputText == "q7")
        #expect(model.parameters == .paperDefaults)
    }
}
