import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// Esc closes an overlay or cancels typing and otherwise does nothing: only q and Ctrl-C quit.
@Suite struct EscapeNeverQuitsTests {
    @Test func escapeWhileBrowsingDoesNotQuitAndSaysHowToQuit() {
        var model = makeModel()
        let before = model.parameters
        expectRunning(model.press(.escape))
        #expect(model.mode == .browsing)
        #expect(model.parameters == before)
        #expect(model.statusMessage?.contains("q quits") == true)
        #expect(!model.statusIsError)
        expectRunning(model.press(.escape, .escape, .escape))
    }

    @Test func escapeClosesTheHelpAndTheExplanationAndNothingMore() {
        var model = makeModel()
        model.press(.character("?"))
        #expect(model.isShowingHelp)
        model.press(.escape)
        #expect(model.mode == .browsing)
        model.press(.character("e"))
        #expect(model.isExplaining)
        model.press(.escape)
        #expect(model.mode == .browsing)
        expectRunning(model.press(.escape))
    }

    @Test func escapeWhileTypingCancelsAndASecondEscapeIsHarmless() {
        var model = makeModel()
        model.press(.enter)
        model.type("42")
        model.press(.escape)
        #expect(model.inputText == nil)
        #expect(model.parameters.m1 == 10)
        expectRunning(model.press(.escape))
    }

    @Test func anInvalidValueKeepsThePromptOpenWithTheErrorShown() {
        var model = makeModel()
        model.press(.enter)
        model.type("abc")
        model.press(.enter)
        #expect(model.inputText == "abc", "the prompt closed after an invalid value")
        #expect(model.statusIsError)
        let statusRow = model.view().line(model.height - 2)
        #expect(statusRow.contains("|M1| = abc"), "prompt not shown: \(statusRow)")
        #expect(statusRow.contains("not a number"), "error not shown: \(statusRow)")
        // The reflexive Esc cancels the typing, a second one does nothing; the app lives on.
        let commands = model.press(.escape)
        #expect(model.inputText == nil)
        expectRunning(commands)
        expectRunning(model.press(.escape))
        #expect(model.parameters.m1 == 10)
    }

    @Test func fixingTheInvalidValueAppliesItAndClearsTheError() {
        var model = makeModel()
        model.press(.enter)
        model.type("5e9")
        model.press(.enter)
        #expect(model.inputText == "5e9")
        #expect(model.view().line(model.height - 2).contains("must be"))
        model.press(.backspace, .backspace, .backspace)
        #expect(!model.view().line(model.height - 2).contains("must be"), "a stale error stays after editing")
        model.type("250")
        model.press(.enter)
        #expect(model.inputText == nil)
        #expect(model.parameters.m1 == 250)
        #expect(!model.statusIsError)
    }

    @Test func onlyQAndControlCQuit() {
        var quitByQ = makeModel()
        #expect(!isRunning(quitByQ.press(.character("q"))))
        var quitByControlC = makeModel()
        quitByControlC.press(.enter)
        quitByControlC.type("12")
        #expect(!isRunning(quitByControlC.press(.controlC)))
    }

    @Test func theHelpNoLongerSaysEscQuits() {
        let help = ExplorerView.helpLines.map(\.text).joined(separator: "\n")
        #expect(!help.contains("q, Esc"), "help lists Esc among the quit keys")
        #expect(help.contains("Esc never quits"))
        #expect(help.contains("F1"))
    }

    @Test func typingAfterARejectedValueReplacesItAndBackspaceEditsIt() {
        var model = makeModel()
        model.press(.enter)
        model.type("1e")
        model.press(.enter)
        #expect(model.statusIsError)
        model.type("7")
        #expect(model.inputText == "7")
        model.press(.enter)
        #expect(model.parameters.m1 == 7)
        model.press(.enter)
        model.type("30x")
        model.press(.enter)
        model.press(.backspace)
        #expect(model.inputText == "30")
        model.press(.enter)
        #expect(model.parameters.m1 == 30)
    }
}

/// Whether the explorer still runs (a plain Bool, so a failed expectation does not print the whole model).
private func isRunning(_ commands: [ExplorerCommand]) -> Bool { !commands.quits }

private func expectRunning(_ commands: [ExplorerCommand], sourceLocation: SourceLocation = #_sourceLocation) {
    let running = isRunning(commands)
    #expect(running, "the explorer quit", sourceLocation: sourceLocation)
}
