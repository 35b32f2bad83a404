import Foundation
import Testing
@testable import IIACore

@Suite("Scenarios beyond Assumption 1")
struct ScenarioTests {
    static let triple = ModelParameters(p1: 0.6, k: 3, queries: .fixed(m1Count: 2))

    @Test("fixed queries: the Section 5.4 triple gives u = ln(4/3), the pair u = ln(2/3)")
    func fixedQueryRewardGaps() {
        let triple = RLHFSolver.minimizeLikelihood(IIALikelihood(.expected(Self.triple)))
        #expect(abs(triple.argmin - log(4.0 / 3.0)) < 1e-12)
        let pair = ModelParameters(p1: 0.6, k: 2, queries: .fixed(m1Count: 1))
        #expect(abs(RLHFSolver.minimizeLikelihood(IIALikelihood(.expected(pair))).argmin - log(2.0 / 3.0)) < 1e-12)
        // The triple is perverse: 60% prefer M1, RLPO goes to M2; the boundary is J/|Y| = 2/3.
        let verdict = FailureBoundary.verdict(Self.triple)
        #expect(abs(verdict.boundary - 2.0 / 3.0) < 1e-15)
        #expect(verdict.isPerverse)
        #expect(RLHFSolver(Self.triple).solve(.expected(Self.triple), algorithm: .rlpo).pM1 < 1e-100)
    }

    @Test("cell probabilities sum to 1 in every scenario and respect the rows that cannot occur")
    func cellProbabilities() {
        for k in [2, 3, 7] {
            for queries in [QueryFormat.sampled, .fixed(m1Count: k - 1), .fixed(m1Count: 1)] {
                for model in [ChoiceModel.dichotomy, .logit(rewardGap: -0.7)] {
                    let cells = CellProbabilities(ModelParameters(p1: 0.35, zeta: 0.3, k: k, queries: queries, choiceModel: model))
                    let total = cells.choseM1.reduce(0, +) + cells.choseM2.reduce(0, +)
                    #expect(abs(total - 1) < 1e-12)
                    #expect(cells.choseM1[0] == 0 && cells.choseM2[k] == 0)
                    if case .fixed(let count) = queries {
                        for j in 0...k where j != count { #expect(cells.rowProbability(j) == 0) }
                    }
                }
            }
        }
    }

    @Test("the logit control: the fitted reward gap is -R for every |Y| and query format, never perverse")
    func logitControl() {
        for k in 2...16 {
            for queries in [QueryFormat.sampled, .fixed(m1Count: 1), .fixed(m1Count: k - 1)] {
                for gap in [-1.3, 0.4, 2.0] {
                    let parameters = ModelParameters(zeta: 0.8, k: k, dataSize: 1e4, queries: queries, choiceModel: .logit(rewardGap: gap))
                    let u = RLHFSolver.minimizeLikelihood(IIALikelihood(.expected(parameters))).argmin
                    // psi1 - psi2 = R: the IIA model fitted to IIA data recovers the gap exactly.
                    #expect(abs(u + gap) < 1e-10, "k \(k) \(queries) R \(gap): u = \(u)")
                    let verdict = FailureBoundary.verdict(parameters)
                    #expect(!verdict.isPerverse)
                    #expect(verdict.limit == (gap > 0 ? .m1 : .m2))
                    let rlpo = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .rlpo)
                    #expect((rlpo.pM1 > 0.5) == (gap > 0))
                }
            }
        }
    }

    /// The pairwise Bradley–Terry loss of RLPO-pairwise over the raw rewards (psi1, psi2),
    /// built pair by pair from the choice sets the count table stands for.
    func pairwiseLoss(_ counts: PreferenceCounts, _ psi1: Double, _ psi2: Double) -> Double {
        let k = counts.k
        func loss(winner: Double, loser: Double) -> Double { StableMath.softplus(loser - winner) }
        var total = 0.0
        for j in 0...k {
            // A datum that chose M1 in row j: its message beat j - 1 other M1 and k - j M2 messages.
            total += counts.choseM1[j] * (Double(max(0, j - 1)) * loss(winner: psi1, loser: psi1)
                + Double(k - j) * loss(winner: psi1, loser: psi2))
            // A datum that chose M2: it beat k - j - 1 other M2 and j M1 messages.
            total += counts.choseM2[j] * (Double(max(0, k - j - 1)) * loss(winner: psi2, loser: psi2)
                + Double(j) * loss(winner: psi2, loser: psi1))
        }
        return total
    }

    @Test("RLPO-pairwise: the closed form u = ln(B/A) against a brute-force minimiser over (psi1, psi2)")
    func pairwiseClosedFormMatchesBruteForce() {
        var generator = SplitMix64(seed: 31)
        for index in 0..<40 {
            let parameters = ModelParameters(
                p1: 0.1 + 0.8 * generator.nextUniform(), zeta: 0.1 + 0.8 * generator.nextUniform(),
                k: 2 + Int(generator.next() % 9), dataSize: 200)
            let counts = PreferenceSimulator(parameters, seed: 9).dataset(index: index, size: 200)
            let closed = RLHFSolver.pairwiseRewardGap(counts)
            guard closed.termination == .closedForm else { continue }
            // psi1 = 0 without loss of generality (the loss is shift-invariant): search psi2.
            var (lower, upper) = (-20.0, 20.0)
            for _ in 0..<200 {
                let a = lower + (upper - lower) * 0.382, b = lower + (upper - lower) * 0.618
                if pairwiseLoss(counts, 0, a) < pairwiseLoss(counts, 0, b) { upper = b } else { lower = a }
            }
            let brute = (lower + upper) / 2
            #expect(abs(brute - closed.argmin) < 1e-6, "\(counts.commandLineForm): \(brute) vs \(closed.argmin)")
        }
    }

    @Test("RLPO-pairwise does not escape: its population-limit sign flips at the same F(zeta) as RLPO")
    func pairwiseHasTheSameBoundary() {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let zeta = 0.05 + 0.9 * generator.nextUniform()
            let k = 3 + Int(generator.next() % 10)
            let boundary = FailureBoundary.F(zeta: zeta, k: k)
            for (offset, sign) in [(-1e-3, 1.0), (1e-3, -1.0)] where boundary + offset > 0 && boundary + offset < 1 {
                let parameters = ModelParameters(p1: boundary + offset, zeta: zeta, k: k, dataSize: 1)
                let gap = RLHFSolver.pairwiseRewardGap(.expected(parameters)).argmin
                #expect(gap.sign == (sign > 0 ? .plus : .minus), "zeta \(zeta) k \(k)")
            }
        }
        // Fixed queries: a single row, where pairs and k-wise choices give the same gap.
        let counts = PreferenceCounts.expected(Self.triple)
        #expect(abs(RLHFSolver.pairwiseRewardGap(counts).argmin - RLHFSolver.minimizeLikelihood(IIALikelihood(counts)).argmin) < 1e-12)
    }

    @Test("TypeMLE: p^ maximises the dichotomy likelihood; the policy converges to the majority")
    func typeModel() {
        var generator = SplitMix64(seed: 77)
        for index in 0..<30 {
            let parameters = ModelParameters(p1: generator.nextUniform(), zeta: 0.2 + 0.6 * generator.nextUniform(), k: 2 + index % 6)
            let counts = PreferenceSimulator(parameters, seed: 2).dataset(index: index, size: 300)
            let fit = RLHFSolver.typeRewardGap(counts)
            guard fit.termination == .closedForm else { continue }
            let share = (1 - fit.argmin) / 2
            // The dichotomy log-likelihood of every datum, maximised over p on a fine grid.
            func logLikelihood(_ p: Double) -> Double {
                var total = 0.0
                for j in 1..<counts.k {
                    total += counts.choseM1[j] * log(p / Double(j)) + counts.choseM2[j] * log((1 - p) / Double(counts.k - j))
                }
                return total
            }
            let grid = (1..<100_000).map { Double($0) / 100_000 }
            let best = grid.max { logLikelihood($0) < logLikelihood($1) }!
            #expect(abs(best - share) <= 1e-5, "\(best) vs \(share)")
        }
        for (p1, majority) in [(0.6, 1.0), (0.3, 0.0)] {
            for k in [2, 4, 8] {
                for queries in [QueryFormat.sampled, .fixed(m1Count: k - 1)] {
                    let parameters = ModelParameters(p1: p1, k: k, dataSize: 1e4, queries: queries)
                    let result = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .typeMLE)
                    #expect(abs(result.pM1 - majority) < 1e-9, "p \(p1) k \(k) \(queries)")
                }
            }
        }
    }

    @Test("Section 6 (Figure 4a): pairs give about 70% accuracy, four responses below 50%")
    func sectionSix() {
        let pairs = ModelParameters(p1: 0.7, k: 2, dataSize: 2000, queries: .fixed(m1Count: 1))
        let four = ModelParameters(p1: 0.7, k: 4, dataSize: 2000, queries: .fixed(m1Count: 3))
        let pairsExpected = RewardModelEvaluation.rlpo(.expected(pairs), parameters: pairs)
        let fourExpected = RewardModelEvaluation.rlpo(.expected(four), parameters: four)
        #expect(abs(pairsExpected.accuracy - 0.7) < 1e-12 && pairsExpected.scoresM1Higher == 1)
        #expect(fourExpected.accuracy < 0.5 && fourExpected.scoresM1Higher == 0)
        // The same direction on simulated datasets of the study's size.
        for (parameters, above) in [(pairs, true), (four, false)] {
            let simulator = PreferenceSimulator(parameters, seed: 6)
            let accuracies = (0..<50).map {
                RewardModelEvaluation.rlpo(simulator.dataset(index: $0, size: 2000), parameters: parameters).accuracy
            }
            let mean = accuracies.reduce(0, +) / 50
            #expect(above ? mean > 0.65 : mean < 0.5, "mean accuracy \(mean)")
        }
    }

    @Test("validation names the scenario fields")
    func validation() {
        #expect(throws: ParameterError.self) { try ModelParameters(k: 3, queries: .fixed(m1Count: 3)).validate() }
        #expect(throws: ParameterError.self) { try ModelParameters(k: 3, queries: .fixed(m1Count: 0)).validate() }
        #expect(throws: ParameterError.self) { try ModelParameters(choiceModel: .logit(rewardGap: .infinity)).validate() }
        let error = #expect(throws: ParameterError.self) { try ModelParameters(k: 4, queries: .fixed(m1Count: 4)).validate() }
        #expect(error?.field == "fixed-m1")
    }
}
