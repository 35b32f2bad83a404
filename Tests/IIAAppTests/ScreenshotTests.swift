import Testing
import IIACharts
import IIACore
@testable import IIAApp

@Suite struct ScreenshotTests {
    @Test func sRecordsARequestTheCallerAnswers() throws {
        var model = ExplorerModel(capabilities: DisplayCapabilities(), screenshotDirectory: "shots")
        _ = model.update(.resize(width: 90, height: 30))
        let before = model.view()
        let commands = model.press(.character("s"))
        guard case .saveScreenshot(let request)? = commands.first else {
            Issue.record("s gave \(commands), not a screenshot request")
            return
        }
        #expect(commands.count == 1)
        #expect(request.screen == before)
        #expect(request.directory == "shots" && request.baseName == "iia-explorer")
        #expect(model.screen.contains("saving screenshot"))
        // The request lives in the command only: nothing is left pending in the state.
        #expect(model.press(.tab).isEmpty)
        _ = model.update(.screenshotFinished(.saved(paths: ["shots/iia-explorer-001.txt", "shots/iia-explorer-001.svg"])))
        #expect(model.view().line(28).hasPrefix("saved shots/iia-explorer-001.txt and .svg"))
        #expect(!model.statusIsError)
    }

    @Test func failuresAreShown() {
        var model = makeModel()
        model.press(.character("s"))
        _ = model.update(.screenshotFinished(.failed(reason: "screenshots: permission denied")))
        #expect(model.statusIsError)
        #expect(model.view().line(22).contains("screenshot failed: screenshots: permission denied"))
    }

    @Test func outcomeMessages() {
        #expect(ScreenshotOutcome.saved(paths: ["a/x-1.txt"]).message == "saved a/x-1.txt")
        #expect(ScreenshotOutcome.saved(paths: ["a/x-1.txt", "b/y.svg"]).message == "saved a/x-1.txt and b/y.svg")
        #expect(ScreenshotOutcome.saved(paths: []).message == "screenshot: nothing saved")
    }
}
