import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// The explorer as data: the state round-trips through JSON, update is pure, each effect is a
/// command, and the derived value is computed once per state change.
@Suite struct ExplorerStateTests {
    /// A state with every part away from its default.
    static func busyState() -> ExplorerState {
        var model = ExplorerModel(
            parameters: ModelParameters(k: 4, queries: .fixed(m1Count: 2)), simulations: 30, seed: 7,
            capabilities: DisplayCapabilities(ascii: true, colorMode: .basic8), screenshotDirectory: "shots")
        _ = model.update(.resize(width: 120, height: 40))
        model.press(.character("c"), .character("c"), .down, .down, .tab, .character("a"), .character("e"))
        model.press(.escape, .enter)
        model.type("0.5")
        return model.state
    }

    @Test func theStateRoundTripsThroughJSONUnchanged() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for state in [ExplorerState(), Self.busyState()] {
            let data = try encoder.encode(state)
            let decoded = try JSONDecoder().decode(ExplorerState.self, from: data)
            #expect(decoded == state)
            #expect(try encoder.encode(decoded) == data)
        }
        let busy = Self.busyState()
        #expect(busy.sliders.typedText == "0.5" && busy.monteCarlo.running != nil && busy.focusedChart == .m2)
    }

    @Test func updateIsPure() {
        let events: [AppEvent] = [
            .key(.right), .key(.character("m")), .key(.character("s")), .key(.character("c")), .key(.enter),
            .key(.character("q")), .resize(width: 200, height: 60), .key(.character("3")), .key(.character("?")),
        ]
        var state = Self.busyState()
        state.sliders.typedText = nil
        for event in events {
            let first = ExplorerState.update(state, event)
            let second = ExplorerState.update(state, event)
            #expect(first.0 == second.0 && first.1 == second.1, "\(event)")
            state = first.0
        }
    }

    @Test func eachEffectIsACommandFromItsKey() throws {
        var model = makeModel()
        guard case .saveScreenshot(let request)? = model.press(.character("s")).first else {
            Issue.record("s gave no screenshot request")
            return
        }
        #expect(request.directory == "screenshots")
        #expect(model.press(.character("q")) == [.quit])
        #expect(model.press(.controlC) == [.quit])
        let run = try #require(model.press(.character("m")).monteCarloRun)
        #expect(run.generation == model.generation && run.key.simulations == 100 && run.key.parameters == model.parameters)
        #expect(run.dataGrid == Sweeper.logGrid(from: 1, to: 1e4, points: ExplorerState.sweepPoints, wholeNumbers: true))
        #expect(run.m2Grid == Sweeper.logGrid(from: 1, to: 1e5, points: ExplorerState.sweepPoints, wholeNumbers: true))
        #expect(model.press(.character("m")) == [.cancelMonteCarlo])
        #expect(model.press(.right, .tab, .character("?"), .escape).isEmpty)
    }

    @Test func theDerivedValueIsComputedOncePerStateChangeAndNeverByTheView() {
        var model = makeModel()
        let start = model.derivedComputations
        _ = model.view()
        _ = model.view()
        #expect(model.derivedComputations == start)
        model.press(.right)
        #expect(model.derivedComputations == start + 1)
        _ = model.view()
        #expect(model.derivedComputations == start + 1)
        // Events that leave the state as it is compute nothing.
        _ = model.update(.resize(width: 80, height: 24))
        #expect(model.derivedComputations == start + 1)
        model.press(.up, .down)
        #expect(model.derivedComputations == start + 3)
    }

    @Test func changingSimulationsDoesNotReSolve() throws {
        var model = makeModel()
        let solves = model.derived.solveCount
        let sweeps = model.sweepComputations
        while model.selectedSlider != .simulations { model.press(.down) }
        model.press(.right, .right)
        #expect(model.simulations == 20)
        model.press(.pageUp)
        #expect(model.simulations == 100)
        model.press(.character("m"), .character("m"))
        #expect(model.derived.solveCount == solves)
        #expect(model.sweepComputations == sweeps)
        model.press(.up, .right)  // |D| changes: one solve
        #expect(model.derived.solveCount == solves + 1)
    }

    @Test func staleMonteCarloGenerationsLeaveStateAndDerivedAlone() throws {
        var model = makeModel(simulations: 5)
        var state = model.state
        let old = try #require(ExplorerState.update(state, .key(.character("r"))).1.monteCarloRun ?? {
            state.monteCarlo = MonteCarloStatus()
            return state.apply(.resize(width: 80, height: 24)).monteCarloRun
        }())
        let reports = runSynchronously(MonteCarloRun(
            generation: model.generation - 1, key: old.key, dataGrid: old.dataGrid, m2Grid: old.m2Grid))
        let before = (model.state, model.derivedComputations)
        for report in reports {
            let (next, command) = ExplorerState.update(model.state, .monteCarloProgress(report))
            #expect(next == model.state && command == .none)
            _ = model.update(.monteCarloProgress(report))
        }
        #expect(model.state == before.0 && model.derivedComputations == before.1 && model.monteCarlo == nil)
    }

    @Test func verdictTextAndToneComeFromOnePlace() {
        let perverse = PolicyVerdict(logOdds: log(0.003 / 0.997), majorityShare: 0.6)
        #expect(perverse.kind == .perverse && perverse.tone == .warning && perverse.sentenceTone == .warning)
        #expect(perverse.sentence() == ReadOut.verdict(logOdds: log(0.003 / 0.997), p1: 0.6))
        let inclusiveTie = PolicyVerdict(logOdds: 0.001, majorityShare: 0.5)
        #expect(inclusiveTie.word == "inclusive" && inclusiveTie.tone == .good && inclusiveTie.sentenceTone == .neutral)
        #expect(PolicyVerdict(logOdds: .nan, majorityShare: 0.7).word == "n/a")
        let model = makeModel(ModelParameters(k: 4))
        #expect(model.derived.verdict(for: .rlpo).kind == .perverse)
    }
}
