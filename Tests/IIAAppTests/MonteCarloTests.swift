import Testing
import IIACharts
import IIACore
@testable import IIAApp

@Suite struct MonteCarloTests {
    @Test func mStartsSimulationAndTogglesBack() throws {
        var model = makeModel()
        #expect(model.generation == 0)
        let workOptional = model.press(.character("m"))
        let work = try #require(workOptional)
        #expect(model.simulations == 100)
        #expect(work.generation == model.generation)
        #expect(model.screen.contains("Monte Carlo 0/100"))
        // Cancelled at once: no report.
        let collector = ReportCollector()
        work.run({ true }, { collector.add($0) })
        #expect(collector.reports.isEmpty)
        // Off again: work that does nothing, so the adapter cancels the running one.
        let stopOptional = model.press(.character("m"))
        let stop = try #require(stopOptional)
        #expect(model.simulations == 0)
        #expect(stop.generation == model.generation && stop.generation == work.generation + 1)
        #expect(runSynchronously(stop).isEmpty)
        // On again: the last count.
        model.press(.character("m"))
        #expect(model.simulations == 100)
    }

    @Test func resultsOfTheCurrentGenerationRefineTheState() throws {
        var model = ExplorerModel(simulations: 10)
        let workOptional = model.update(.resize(width: 80, height: 24))
        let work = try #require(workOptional)
        #expect(model.monteCarlo == nil)
        let reports = runSynchronously(work)
        #expect(reports.count == 2)  // chunks of 5, then 10 in all
        let first = try #require(reports.first as? MonteCarloProgress)
        #expect(first.completed == 5 && first.total == 10)
        _ = model.update(.workResult(generation: work.generation, payload: first))
        #expect(model.monteCarlo?.completed == 5)
        #expect(model.screen.contains("Monte Carlo 5/10"))
        _ = model.update(.workResult(generation: work.generation, payload: reports[1]))
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
        let oldOptional = model.update(.resize(width: 80, height: 24))
        let old = try #require(oldOptional)
        let reports = runSynchronously(old)
        let freshOptional = model.press(.right)  // |M1| changes: new generation
        let fresh = try #require(freshOptional)
        #expect(fresh.generation == old.generation + 1)
        for report in reports { _ = model.update(.workResult(generation: old.generation, payload: report)) }
        #expect(model.monteCarlo == nil)
        // A payload whose own generation is stale is ignored too.
        for report in reports { _ = model.update(.workResult(generation: fresh.generation, payload: report)) }
        #expect(model.monteCarlo == nil)
        for report in runSynchronously(fresh) { _ = model.update(.workResult(generation: fresh.generation, payload: report)) }
        #expect(model.monteCarlo?.completed == 5)
        #expect(model.monteCarlo?.dataSweep.parameters.m1 == model.parameters.m1)
    }

    @Test func unchangedSettingsDoNotRestartTheWork() throws {
        var model = ExplorerModel(simulations: 5)
        let started = model.update(.resize(width: 80, height: 24))
        #expect(started != nil)
        let generation = model.generation
        #expect(model.press(.tab, .down, .character("?"), .escape) == nil)
        #expect(model.update(.resize(width: 100, height: 30)) == nil)
        #expect(model.generation == generation)
    }

    @Test func runsAreReproducibleFromTheSeed() throws {
        func reports(seed: UInt64) throws -> MonteCarloProgress {
            var model = ExplorerModel(simulations: 5, seed: seed)
            let workOptional = model.update(.resize(width: 80, height: 24))
            let work = try #require(workOptional)
            return try #require(runSynchronously(work).last as? MonteCarloProgress)
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
