import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// The command lines that reproduce a state, and the screenshot that carries one.
@Suite struct CommandLineShareTests {
    @Test func theTuiCommandNamesEverySettingWithRoundTripNumbers() {
        var state = ExplorerState(
            parameters: ModelParameters(m1: 7, p1: 0.1 + 0.2, k: 5, beta: 1.0 / 3, delta: 0, dataSize: 18.4,
                                        queries: .fixed(m1Count: 3), choiceModel: .logit(rewardGap: -0.7)),
            simulations: 40, seed: 18_446_744_073_709_551_615, capabilities: DisplayCapabilities(ascii: true, colorMode: .none),
            screenshotDirectory: "my shots/it's", chart: .landscape, landscapeAlgorithm: .slic)
        state.sliders.selected = .fixedM1
        let arguments = ExplorerCommandLine.tui(state)
        #expect(arguments == [
            "iia-explorer", "tui", "--m1", "7", "--m2", "100", "--p1", "0.30000000000000004", "--zeta", "0.8", "--k", "5",
            "--beta", "0.3333333333333333", "--delta", "0", "--data", "18.4", "--queries", "fixed", "--fixed-m1", "3",
            "--choice-model", "logit", "--reward-gap", "-0.7", "--sims", "40", "--seed", "18446744073709551615",
            "--focus", "landscape", "--algorithm", "SLiC", "--select", "fixed-m1", "--ascii", "--no-color",
            "--screenshot-dir", "my shots/it's",
        ])
        for text in arguments.dropFirst(2) where Double(text) != nil {
            #expect(RoundTripNumber.text(Double(text)!) == text || text == "18446744073709551615", "\(text)")
        }
        #expect(ExplorerCommandLine.line(arguments).hasSuffix("--screenshot-dir 'my shots/it'\\''s'"))
    }

    @Test func theSnapshotCommandEndsWithTheScreenAndFormat() {
        var model = makeModel(width: 120, height: 40)
        model.press(.character("9"))
        let line = ExplorerCommandLine.line(ExplorerCommandLine.snapshot(model.state))
        #expect(line.hasPrefix("iia-explorer snapshot --m1 100 --m2 100 --p1 0.7 "))
        #expect(line.contains("--queries fixed --fixed-m1 3"))
        #expect(line.hasSuffix("--chart all --size 120x40 --format txt"))
        #expect(!line.contains("--screenshot-dir"))
    }

    @Test func sliderOptionNamesRoundTrip() {
        for slider in SliderID.allCases { #expect(SliderID(optionName: slider.optionName) == slider) }
        #expect(SliderID(optionName: "dataSize") == nil)
    }

    @Test func yShowsTheTuiCommandAndAsksToAppendIt() {
        var model = makeModel()
        model.press(.character("4"))
        let commands = model.press(.character("y"))
        let line = ExplorerCommandLine.line(ExplorerCommandLine.tui(model.state))
        #expect(commands == [.saveCommandLine(CommandLineRequest(line: line, directory: "screenshots"))])
        #expect(model.statusMessage == line)
        _ = model.update(.commandLineSaved(.saved(line: line, path: "screenshots/commands.txt")))
        #expect(model.statusMessage == "added to screenshots/commands.txt: " + line && !model.statusIsError)
        _ = model.update(.commandLineSaved(.failed(line: line, reason: "cannot append to x: permission denied")))
        #expect(model.statusIsError && model.statusMessage?.hasPrefix("command not saved: cannot append to x") == true)
        #expect(model.state.history.undoEntries.count == 1)  // y changes nothing
    }

    @Test func aScreenshotCarriesItsSnapshotCommand() throws {
        var model = makeModel()
        model.press(.character("c"))
        guard case .saveScreenshot(let request)? = model.press(.character("s")).first else {
            Issue.record("s gave no screenshot request")
            return
        }
        #expect(request.commandLine == ExplorerCommandLine.line(ExplorerCommandLine.snapshot(model.state)))
        #expect(BufferExport.svg(try #require(request.screen), description: "a < b").contains("<desc>a &lt; b</desc>"))
    }

    @Test func aScreenshotWaitsForMonteCarloToFinish() throws {
        var model = makeModel()
        let run = try #require(model.press(.character("2")).monteCarloRun)
        #expect(model.press(.character("s")).isEmpty)
        #expect(model.state.pendingScreenshot && model.statusMessage?.contains("waits for Monte Carlo") == true)
        var commands: [ExplorerCommand] = []
        for report in runSynchronously(run) { commands.append(model.update(.monteCarloProgress(report))) }
        guard case .saveScreenshot(let request)? = commands.last else {
            Issue.record("no screenshot after the run: \(commands)")
            return
        }
        // The screen shows the finished run, as its command line would.
        let screen = try #require(request.screen)
        #expect(screen.lines[0].contains("Monte Carlo 100/100"))
        #expect(!model.state.pendingScreenshot)
        // Switching Monte Carlo off cancels a waiting screenshot.
        model.press(.character("u"), .character("U"), .character("s"), .character("m"))
        #expect(!model.state.pendingScreenshot && model.statusMessage?.contains("screenshot cancelled") == true)
    }
}
