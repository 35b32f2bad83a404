import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// Every output path over random settings from the whole allowed input space: the solver, the
/// formatters, the verdict, the explanation, each chart at several sizes (tiny ones included),
/// the explorer's screen and the text, ANSI and SVG exports. Asserts no trap (a trap ends the
/// test process), no NaN or infinity in any text, P(M1) in [0, 1], the verdict consistent with
/// the table, and bounded work per setting.
@Suite struct OutputFuzzTests {
    /// Words that would mean a non-finite number reached the text.
    static func nonFiniteWord(in text: String) -> String? {
        let lowered = text.lowercased()
        for word in ["nan", "inf", "∞"] {
            var searchStart = lowered.startIndex
            while let range = lowered.range(of: word, range: searchStart..<lowered.endIndex) {
                // "inf" inside a word such as "informative" is not a number.
                let before = range.lowerBound == lowered.startIndex ? " " : lowered[lowered.index(before: range.lowerBound)]
                let after = range.upperBound == lowered.endIndex ? " " : lowered[range.upperBound]
                let isWordLike = word.first!.isLetter
                if !isWordLike || (!before.isLetter && (!after.isLetter || word == "inf" && lowered[range.upperBound...].hasPrefix("inite"))) {
                    return String(lowered[max(lowered.startIndex, lowered.index(range.lowerBound, offsetBy: -20, limitedBy: lowered.startIndex) ?? lowered.startIndex)..<(lowered.index(range.upperBound, offsetBy: 20, limitedBy: lowered.endIndex) ?? lowered.endIndex)])
                }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    static func expectFinite(_ text: String, _ context: @autoclosure () -> String) {
        if let word = nonFiniteWord(in: text) {
            Issue.record("non-finite number in output: …\(word)… (\(context()))")
        }
    }

    /// The largest number of iterations any algorithm may report.
    static let iterationBudget = 200

    /// 10,000 settings in 20 chunks (run in parallel): solve, formatters, verdict and explanation
    /// for every setting; the landscape of one algorithm for every fifth, the boundary chart for
    /// every tenth, and the ANSI and SVG exports of those for every twentieth (in a debug build
    /// these cost milliseconds each).
    @Test(arguments: 0..<20)
    func tenThousandSettingsThroughEveryCheapOutputPath(chunk: Int) {
        var random = RandomSetting(seed: 0x5EED_F022 &+ UInt64(chunk) &* 0x9E37_79B9_7F4A_7C15)
        for index in 0..<500 {
            let parameters = random.parameters()
            let counts = random.counts(parameters)
            if ProcessInfo.processInfo.environment["IIA_FUZZ_TRACE"] != nil { print("fuzz setting", chunk, index, parameters, counts.commandLineForm) }
            let context = "chunk \(chunk) setting \(index): \(parameters) counts \(counts.commandLineForm.prefix(300))"
            check(parameters, counts: counts, random: &random, charts: index % 5 == 0, context: context)
        }
    }

    func check(
        _ parameters: ModelParameters, counts: PreferenceCounts, random: inout RandomSetting, charts: Bool, context: String
    ) {
        let clock = ContinuousClock()
        let start = clock.now
        let results = RLHFSolver(parameters).solve(counts, recordTrace: true)
        for result in results {
            // An algorithm that does not apply (SLiC on rankings) has no numbers: its read-out words
            // must still be clean, and it must be exactly the inapplicable one.
            let verdict = PolicyVerdict(result, parameters: parameters)
            for ascii in [false, true] { Self.expectFinite(verdict.sentence(ascii: ascii) + verdict.word, "\(result.algorithm) \(context)") }
            let reason = result.algorithm.inapplicabilityReason(for: parameters.responses)
            #expect(result.isApplicable == (reason == nil), "\(result.algorithm) applicability, \(context)")
            guard result.isApplicable else {
                #expect(verdict.kind == .notApplicable && verdict.word == "n/a", "\(result.algorithm) \(context)")
                continue
            }
            #expect(!result.logOdds.isNaN, "\(result.algorithm) log-odds NaN, \(context)")
            #expect((0...1).contains(result.pM1), "\(result.algorithm) P(M1) = \(result.pM1), \(context)")
            #expect(result.iterations <= Self.iterationBudget, "\(result.algorithm) \(result.iterations) iterations, \(context)")
            for ascii in [false, true] {
                for text in [
                    NumberFormatting.probability(logOdds: result.logOdds, ascii: ascii),
                    NumberFormatting.logOdds(result.logOdds, ascii: ascii),
                    NumberFormatting.compact(result.minimization.argmin, ascii: ascii),
                    NumberFormatting.probability(result.pM1, ascii: ascii),
                    ReadOut.verdict(logOdds: result.logOdds, p1: parameters.p1, ascii: ascii),
                    ReadOut.verdictWord(logOdds: result.logOdds, p1: parameters.p1),
                ] {
                    Self.expectFinite(text, "\(result.algorithm) \(context)")
                }
            }
        }
        let verdict = FailureBoundary.verdictForResponses(parameters)
        Self.expectFinite(verdict.summary + ReadOut.majorityLine(parameters), context)
        if counts == .expected(parameters), let rlpo = results.first(where: { $0.algorithm == .rlpo }) {
            expectVerdict(verdict, consistentWith: rlpo, parameters, context)
        }
        let algorithm = random.pick(Algorithm.allCases)
        let explanation = Explanation.make(
            parameters: parameters, counts: counts, results: results, algorithm: algorithm,
            expectedData: counts == .expected(parameters), ascii: random.chance(0.5))
        Self.expectFinite(explanation.title + explanation.text(width: random.pick([0, 20, 60, 100])), "explain \(algorithm) \(context)")
        for number in explanation.numbers {
            #expect(number.value.isFinite || number.value.isInfinite, "explain number \(number.name) NaN, \(context)")
        }

        if charts {
            let style = ChartStyle(ascii: random.chance(0.5), color: random.chance(0.5))
            let size = randomChartSize(&random)
            let exports = random.chance(0.25)
            var buffer = CellBuffer(width: size.width, height: size.height)
            if let result = results.first(where: { $0.algorithm == algorithm }) {
                let landscape = ObjectiveLandscape(parameters: parameters, counts: counts, result: result)
                ExplorerCharts.renderLandscape(landscape, style: style, into: &buffer, rect: buffer.bounds)
                expectClean(buffer, exports: exports, "landscape \(algorithm) \(size) \(context)")
                if exports { Self.expectFinite(ChartData.landscape(landscape), "landscape CSV \(algorithm) \(context)") }
            }
            if random.chance(0.5) {
                var boundary = CellBuffer(width: size.width, height: size.height)
                ExplorerCharts.renderBoundary(parameters, style: style, into: &boundary, rect: boundary.bounds)
                expectClean(boundary, exports: exports, "boundary \(size) \(context)")
            }
        }
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(2), "setting took \(elapsed), \(context)")
    }

    /// The verdict (about large |D|) and RLPO's row on expected data never contradict each other:
    /// one-sided data have no minimiser; a limit verdict with no minimiser in the table carries a
    /// note; with a minimiser, the reward gap u = psi2 - psi1 has the verdict's sign (u < 0 for M1),
    /// except within rounding of the boundary, where u itself is a rounding error.
    func expectVerdict(_ verdict: Verdict, consistentWith rlpo: AlgorithmResult, _ parameters: ModelParameters, _ context: String) {
        let text = ReadOut.boundary(parameters, rlpoHasMinimizer: rlpo.minimizerExists)
        if verdict.oneSided != nil {
            #expect(!rlpo.minimizerExists, "one-sided verdict but RLPO has a minimiser, \(context)")
            return
        }
        guard let limit = verdict.limit else { return }
        guard rlpo.minimizerExists else {
            #expect(text.contains("still one-sided"), "\(text), \(context)")
            return
        }
        let u = rlpo.minimization.argmin
        let agrees = limit == .m1 ? u < 0 : u > 0
        let nearBoundary = abs(verdict.p1 - verdict.boundary) <= 1e-9 || abs(u) <= 1e-9
        #expect(agrees || nearBoundary, "verdict \(limit) but u = \(u), \(text), \(context)")
    }

    func randomChartSize(_ random: inout RandomSetting) -> (width: Int, height: Int) {
        if random.chance(0.3) { return (Int(random.generator.next() % 6), Int(random.generator.next() % 6)) }
        return (random.pick([8, 20, 30, 44, 60, 80, 120]), random.pick([3, 8, 12, 20, 40]))
    }

    /// The buffer's text has no non-finite number; with `exports` the ANSI and SVG too.
    func expectClean(_ buffer: CellBuffer, exports: Bool, _ context: @autoclosure () -> String) {
        Self.expectFinite(BufferExport.text(buffer), context())
        guard exports else { return }
        let svg = BufferExport.svg(buffer)
        #expect(svg.contains("<svg"), "\(context())")
        #expect(!svg.lowercased().contains("nan"), "\(context())")
        Self.expectFinite(BufferExport.ansi(buffer).replacingOccurrences(of: "\u{1B}", with: " "), context())
    }

    /// The whole explorer screen (sweeps, read-out, every chart) for fewer settings: each
    /// solves a few hundred datasets.
    @Test func explorerScreensAtRandomSettingsAndSizes() {
        var random = RandomSetting(seed: 0xA11_5C4E)
        for index in 0..<150 {
            let parameters = random.parameters()
            let size = random.pick([(80, 24), (100, 30), (120, 40), (160, 48), (79, 23), (0, 0), (200, 60)])
            let capabilities = DisplayCapabilities(
                ascii: random.chance(0.5), colorMode: random.pick([.none, .basic8, .palette256]))
            let clock = ContinuousClock()
            let start = clock.now
            let screen = ExplorerModel.renderScreen(
                parameters: parameters, simulations: random.chance(0.1) ? 3 : 0, seed: random.generator.next(),
                chart: random.pick(ChartKind.allCases), width: size.0, height: size.1, capabilities: capabilities,
                landscapeAlgorithm: random.pick(Algorithm.allCases))
            let context = "screen \(index) \(size): \(parameters)"
            expectClean(screen, exports: true, context)
            #expect(clock.now - start < .seconds(10), "\(context) took \(clock.now - start)")
        }
    }

    /// Formatters over doubles from every binade, both signs, the specials and the ends.
    @Test func formattersTakeEveryDouble() {
        var generator = SplitMix64(seed: 0xF0_4A77)
        var values: [Double] = [0, -0.0, 1, -1, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                .infinity, -.infinity, .nan, 9.3e18, -9.3e18, 1e19, 0.5, 1 - 0x1p-53]
        for _ in 0..<10_000 { values.append(Double(bitPattern: generator.next())) }
        for value in values {
            for ascii in [false, true] {
                let texts = [
                    NumberFormatting.compact(value, ascii: ascii),
                    NumberFormatting.compact(value, significant: 1, ascii: ascii),
                    NumberFormatting.probability(logOdds: value, ascii: ascii),
                    NumberFormatting.probability(value, ascii: ascii),
                    NumberFormatting.logOdds(value, ascii: ascii),
                    NumberFormatting.percent(value, ascii: ascii),
                    NumberFormatting.scientific(log10Value: value),
                ]
                for text in texts where value.isFinite {
                    Self.expectFinite(text, "formatting \(value)")
                    #expect(text.count <= 24, "\(text) for \(value)")
                }
            }
        }
    }
}
