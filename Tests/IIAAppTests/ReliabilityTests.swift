import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// The reliability issue's reproducers for the app layer, each of which failed before its fix.
@Suite struct ReliabilityTests {
    /// Settings whose P(M1) and log-odds texts are as long as they get.
    static let extremeSettings: [ModelParameters] = [
        ModelParameters(m1: 1, m2: 1_000_000_000, p1: 0.6, zeta: 0.99, k: 64, beta: 0.001, dataSize: 1e7),
        ModelParameters(m1: 10_000, m2: 1, p1: 0.99, zeta: 0.01, k: 64, beta: 0.001, dataSize: 1e7),
        ModelParameters(p1: 0.2, zeta: 0.99, k: 8, beta: 0.001, delta: 10, dataSize: 1e7),
        ModelParameters(m1: 1, m2: 1_000_000_000, p1: 0, zeta: 0.99, k: 64, beta: 0.001, dataSize: 1e7),
    ]

    /// Every number of the read-out stands apart: the P(M1) text is followed by a blank and then
    /// the log-odds text (they used to run together: "1 - 6.4e-17604.05e6").
    @Test(arguments: extremeSettings)
    func readOutColumnsNeverRunTogether(parameters: ModelParameters) {
        for (width, height) in [(80, 24), (160, 48)] {
            let model = makeModel(parameters, width: width, height: height)
            let lines = model.view().lines
            for result in model.results {
                let label = ReadOut.label(result.algorithm, k: parameters.k)
                guard let line = lines.first(where: { $0.hasPrefix(label + " ") }) else {
                    Issue.record("no read-out row for \(label) at \(width)x\(height)")
                    continue
                }
                let probability = NumberFormatting.probability(logOdds: result.logOdds)
                let logOdds = NumberFormatting.logOdds(result.logOdds)
                let fields = line.dropFirst(label.count).split(separator: " ", omittingEmptySubsequences: true)
                    .map(String.init)
                let expectedStart = probability.split(separator: " ").map(String.init) + [logOdds]
                #expect(Array(fields.prefix(expectedStart.count)) == expectedStart, "\(width)x\(height): \(line)")
            }
        }
    }

    /// The explorer's start values outside a slider's range are moved into it and the status
    /// line says so (it used to clamp silently).
    @Test func startValuesOutsideTheSlidersAreReported() {
        let model = makeModel(ModelParameters(beta: 1e-20, dataSize: 1e12), width: 120, height: 40)
        #expect(model.parameters.beta == 0.001 && model.parameters.dataSize == 1e7)
        let status = model.statusMessage ?? ""
        #expect(status.contains("beta 1e-20 → 0.001"), "\(status)")
        #expect(status.contains("|D| 1e12 → 1e7"), "\(status)")
        #expect(model.screen.contains("start values moved into the sliders' ranges"))
        #expect(makeModel(.paperDefaults).statusMessage == nil)
    }

    /// p*(1) = 0: no minimiser at any |D| for RLPO, and the verdict says so instead of claiming
    /// a limit (it said "RLPO/DPO converge to M2" next to a table showing the base policy).
    @Test func oneSidedDataGiveAVerdictThatMatchesTheTable() {
        let parameters = ModelParameters(m2: 1_000_000_000, p1: 0, k: 64, beta: 0.001, dataSize: 1e7)
        let verdict = FailureBoundary.verdict(parameters)
        let rlpo = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .rlpo)
        #expect(!rlpo.minimizerExists)
        #expect(verdict.limit == nil && verdict.oneSided == .m2)
        #expect(!verdict.summary.contains("converge to"))
        #expect(verdict.summary.contains("no minimiser at any |D|"))
    }

    /// Exactly on the boundary (pairs and p*(1) = 1/2 for every zeta) the verdict says so.
    @Test(arguments: [0.01, 0.2, 0.5, 0.8, 0.99, 0.123456789])
    func pairsAtOneHalfAreOnTheBoundary(zeta: Double) {
        let verdict = FailureBoundary.verdict(ModelParameters(p1: 0.5, zeta: zeta, k: 2))
        #expect(verdict.limit == nil)
        #expect(verdict.summary.hasPrefix("on the boundary"), "\(verdict.summary)")
    }

    /// Near the boundary both numbers get the digits that tell the side.
    @Test func nearTheBoundaryTheDigitsTellTheSide() {
        let f = FailureBoundary.F(zeta: 0.8, k: 4)
        for p1 in [f - 1e-5, f + 1e-5, f - 1e-9, f + 1e-9] {
            let verdict = FailureBoundary.verdict(ModelParameters(p1: p1, zeta: 0.8, k: 4))
            let summary = verdict.summary
            // The two numbers quoted, read back, are on the same sides as the true ones.
            let numbers = summary.split(whereSeparator: { " ,:".contains($0) }).compactMap { Double($0) }
            #expect(numbers.count >= 2, "\(summary)")
            guard numbers.count >= 2 else { continue }
            #expect((numbers[0] < numbers[1]) == (p1 < f), "\(summary)")
        }
    }
}

@Suite struct VerdictScopeTests {
    /// Expected counts too small to be told from 0 at this |D|: no minimiser in the table, a
    /// limit as |D| grows, and a note joining the two.
    @Test func aTableWithoutMinimiserGetsANoteUnderALimitVerdict() {
        let parameters = ModelParameters(p1: 1e-300, k: 4, dataSize: 1e-30)
        let rlpo = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .rlpo)
        #expect(!rlpo.minimizerExists)
        #expect(FailureBoundary.verdict(parameters).limit == .m2)
        let text = ReadOut.boundary(parameters, rlpoHasMinimizer: rlpo.minimizerExists)
        #expect(text.hasPrefix("as |D| grows:"), "\(text)")
        #expect(text.contains("still one-sided, so RLPO keeps the base policy"), "\(text)")
        let model = makeModel(ModelParameters(p1: 1e-300, k: 4, dataSize: 1), width: 160, height: 48)
        #expect(!model.screen.contains("still one-sided") || !model.result(.rlpo).minimizerExists)
    }
}

@Suite struct LargestDataSizeTests {
    /// |D| near the largest double made the expected table's total overflow, and RLPO's root
    /// search trapped on it (found by the command-line fuzz); |D| is now at most 1e300.
    @Test func dataSizeIsCappedWhereTheTableStaysFinite() throws {
        var parameters = ModelParameters(
            p1: 0.7844839788780462, zeta: 0.9671839366579386, delta: .greatestFiniteMagnitude,
            dataSize: .greatestFiniteMagnitude, queries: .fixed(m1Count: 1), choiceModel: .logit(rewardGap: -37))
        #expect(throws: ParameterError.self) { try parameters.validate() }
        parameters.dataSize = ModelParameters.largestDataSize
        try parameters.validate()
        let counts = PreferenceCounts.expected(parameters)
        #expect(counts.total.isFinite)
        for result in RLHFSolver(parameters).solve(counts, recordTrace: true) {
            #expect(!result.logOdds.isNaN && (0...1).contains(result.pM1), "\(result.algorithm)")
            var buffer = CellBuffer(width: 120, height: 40)
            ExplorerCharts.renderLandscape(
                ObjectiveLandscape(parameters: parameters, counts: counts, result: result), style: ChartStyle(),
                into: &buffer, rect: buffer.bounds)
            #expect(!BufferExport.text(buffer).lowercased().contains("nan"))
        }
    }
}
