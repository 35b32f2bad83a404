import Testing
import IIACharts
import IIACore
@testable import IIAApp

@Suite struct MonteCarloTests {
    @Test func mStartsSimulationAndTogglesBack() throws {
        var model = makeModel()
        #expect(model.generation == 0)
        let work = try #require(model.press(.character("m")).monteCarloRun)
        #expect(model.simulations == 100)
        #expect(work.generation == model.generation)
        #expect(model.screen.contains("Monte Carlo 0/100"))
        // Cancelled at once: no report.
        var reports: [MonteCarloProgress] = []
        work.run(isCancelled: { true }, report: { reports.append($0) })
        #expect(reports.isEmpty)
        // Off again: the command cancels the running run, and a new generation ignores its reports.
        let stop = model.press(.character("m"))
        #expect(stop == [.cancelMonteCarlo])
        #expect(model.simulations == 0)
        #expect(model.generation == work.generation + 1)
        // On again: the last count.
        model.press(.character("m"))
        #expect(model.simulations == 100)
    }

    @Test func resultsOfTheCurrentGenerationRefineTheState() throws {
        var model = ExplorerModel(simulations: 10)
        let work = try #require(model.update(.resize(width: 80, height: 24)).monteCarloRun)
        #expect(model.monteCarlo == nil)
        let reports = runSynchronously(work)
        #expect(reports.count == 2)  // chunks of 5, then 10 in all
        let first = try #require(reports.first)
        #expect(first.completed == 5 && first.total == 10)
        _ = model.update(.monteCarloProgress(first))
        #expect(model.monteCarlo?.completed == 5)
        #expect(model.screen.contains("Monte Carlo 5/10"))
        _ = model.update(.monteCarloProgress(reports[1]))
        let progress = try #require(model.monteCarlo)
        #expect(progress.isComplete)
        #expect(progress.dataSweep.simulations == 10 && progress.m2Sweep.simulations == 10)
        #expect(progress.estimates.count == Algorithm.allCases.count)
        #expect(progress.estimates.allSatisfy { $0.mean >= 0 && $0.mean <= 1 && ($0.standardError ?? -1) >= 0 })
        let screen = model.screen
        #expect(screen.contains("Monte Carlo 10/10"))
        #expect(screen.contains("MC 10/10"))
        #expect(screen.contains("±"))
    }

    @Test func staleGenerationsAreIgnored() throws {
        var model = ExplorerModel(simulations: 5)
        let old = try #require(model.update(.resize(width: 80, height: 24)).monteCarloRun)
        let reports = runSynchronously(old)
        let fresh = try #require(model.press(.right).monteCarloRun)  // |M1| changes: new generation
        #expect(fresh.generation == old.generation + 1)
        let before = (model.state, model.derivedComputations)
        for report in reports { _ = model.update(.monteCarloProgress(report)) }
        #expect(model.monteCarlo == nil)
        // Stale reports change nothing: not the state, not the derived value.
        #expect(model.state == before.0 && model.derivedComputations == before.1)
        // A report whose generation is forged to the current one, after the run stopped, is ignored too.
        var stopped = model
        stopped.press(.character("m"))
        for var report in reports {
            report.generation = stopped.generation
            _ = stopped.update(.monteCarloProgress(report))
        }
        #expect(stopped.monteCarlo == nil)
        for report in runSynchronously(fresh) { _ = model.update(.monteCarloProgress(report)) }
        #expect(model.monteCarlo?.completed == 5)
        #expect(model.monteCarlo?.dataSweep.parameters.m1 == model.parameters.m1)
    }

    @Test func unchangedSettingsDoNotRestartTheWork() throws {
        var model = ExplorerModel(simulations: 5)
        let started = model.update(.resize(width: 80, height: 24))
        #expect(started.monteCarloRun != nil)
        let generation = model.generation
        #expect(model.press(.tab, .down, .character("?"), .escape).isEmpty)
        #expect(model.update(.resize(width: 100, height: 30)) == .none)
        #expect(model.generation == generation)
    }

    @Test func runsAreReproducibleFromTheSeed() throws {
        func reports(seed: UInt64) throws -> MonteCarloProgress {
            var model = ExplorerModel(simulations: 5, seed: seed)
            let work = try #require(model.update(.resize(width: 80, height: 24)).monteCarloRun)
            return try #require(runSynchronously(work).last)
        }
        #expect(try reports(seed: 1) == reports(seed: 1))
        #expect(try reports(seed: 1).estimates != reports(seed: 2).estimates)
    }

    @Test func headlessRenderingRunsTheSimulationToTheEnd() {
        let screen = ExplorerModel.renderScreen(
            parameters: ModelParameters(k: 4), simulations: 5, width: 160, height: 48, capabilities: DisplayCapabilities())
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("Monte Carlo 5/5"))
        for kind in ChartKind.allCases { #expect(text.contains(kind.title)) }
        let expected = ExplorerModel.renderScreen(parameters: .paperDefaults, width: 80, height: 24)
        #expect(expected.lines.joined().contains("expected data"))
    }
}
