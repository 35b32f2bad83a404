import Foundation
import Testing
@testable import IIACore

@Suite("Rankings: the solver")
struct RankingSolverTests {
    static let sizes: [Double] = [10, 1e2, 1e3, 1e4, 1e6]

    /// P(M1) of `algorithm` on expected ranking data of each size.
    func limitPath(_ parameters: ModelParameters, _ algorithm: Algorithm) -> [Double] {
        let solver = RLHFSolver(parameters)
        return Self.sizes.map { solver.solve(.expected(parameters, dataSize: $0), algorithm: algorithm).pM1 }
    }

    @Test("RLPO and DPO on expected rankings go to the side of G as |D| grows: zeta 0.8, p 0.45 → M1; zeta 0.2, p 0.55 → M2")
    func convergesToTheSideOfG() {
        for algorithm in [Algorithm.rlpo, .dpo] {
            let towardsM1 = limitPath(ModelParameters(p1: 0.45, zeta: 0.8, k: 4, responses: .ranking), algorithm)
            #expect(towardsM1.last! > 1 - 1e-9, "\(algorithm): \(towardsM1)")
            #expect(zip(towardsM1, towardsM1.dropFirst()).allSatisfy { $0 <= $1 }, "\(algorithm): \(towardsM1)")
            let towardsM2 = limitPath(ModelParameters(p1: 0.55, zeta: 0.2, k: 4, responses: .ranking), algorithm)
            #expect(towardsM2.last! < 1e-9, "\(algorithm): \(towardsM2)")
            #expect(zip(towardsM2, towardsM2.dropFirst()).allSatisfy { $0 >= $1 }, "\(algorithm): \(towardsM2)")
        }
        // The same settings with choices go the other way (F(0.8) = 0.663 at |Y| = 4): the feature matters.
        let choices = limitPath(ModelParameters(p1: 0.45, zeta: 0.8, k: 4), .rlpo)
        #expect(choices.last! < 1e-9)
    }

    @Test("fixed queries (J = 1 of 3, G_J = 5/9): p*(1) = 0.52 → M2, 0.6 → M1")
    func fixedQueriesFollowG() {
        let below = limitPath(ModelParameters(p1: 0.52, k: 3, queries: .fixed(m1Count: 1), responses: .ranking), .rlpo)
        let above = limitPath(ModelParameters(p1: 0.6, k: 3, queries: .fixed(m1Count: 1), responses: .ranking), .rlpo)
        #expect(below.last! < 1e-9 && above.last! > 1 - 1e-9, "\(below) \(above)")
    }

    @Test("simulated ranking data: RLPO's reward gap takes G's sign at large |D|")
    func simulatedData() {
        for (p1, zeta, side) in [(0.45, 0.8, Category.m1), (0.55, 0.2, .m2)] {
            let parameters = ModelParameters(p1: p1, zeta: zeta, k: 4, dataSize: 1e6, responses: .ranking)
            let counts = PreferenceSimulator(parameters, seed: 11).dataset(index: 0, size: 1e6)
            let result = RLHFSolver(parameters).solve(counts, algorithm: .rlpo)
            #expect(result.minimizerExists && (result.pM1 > 0.5) == (side == .m1), "\(result.logOdds)")
        }
    }

    @Test("rank-breaking RLPO-pairwise follows the majority for every zeta and |Y| tried: u = ln((1-p)/p)")
    func rankBreakingFollowsMajority() {
        for zeta in [0.05, 0.2, 0.5, 0.8, 0.95] {
            for k in [2, 3, 4, 5, 8, 16, 64] {
                for p1 in [0.3, 0.45, 0.55, 0.7] {
                    let parameters = ModelParameters(p1: p1, zeta: zeta, k: k, dataSize: 1e6, responses: .ranking)
                    let result = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .rlpoPairwise)
                    #expect(abs(result.minimization.argmin - log((1 - p1) / p1)) < 1e-12, "zeta \(zeta) k \(k) p \(p1)")
                    #expect((result.pM1 > 0.5) == (p1 > 0.5))
                }
            }
        }
    }

    @Test("rank-breaking counts the M1-M2 pairs of the explicit rankings")
    func rankBreakingCountsPairs() throws {
        var generator = SplitMix64(seed: 0xB7)
        for k in 2...5 {
            let counts = try rankingTable(k: k, &generator)
            var m1OverM2 = 0.0, m2OverM1 = 0.0
            for j in 1..<k {
                for (typeOne, count) in [(true, counts.choseM1[j]), (false, counts.choseM2[j])] {
                    let ranking = RankingBruteForce.rankings(k: k, j: j, typeOne: typeOne)[0]
                    for (position, message) in ranking.enumerated() {
                        for later in ranking[(position + 1)...] where (message < j) != (later < j) {
                            if message < j { m1OverM2 += count } else { m2OverM1 += count }
                        }
                    }
                }
            }
            let gap = RLHFSolver.rankBreakingRewardGap(counts).argmin
            #expect(abs(gap - log(m2OverM1 / m1OverM2)) < 1e-13, "k \(k)")
        }
    }

    @Test("without a minimiser RLPO keeps the base policy and DPO the uniform one; IL still solves")
    func conventions() throws {
        let parameters = ModelParameters(k: 4, responses: .ranking)
        let oneSided = try PreferenceCounts(k: 4, choseM1: [0, 3, 2, 1, 9], choseM2: [7, 0, 0, 0, 0])
        let results = RLHFSolver(parameters).solve(oneSided)
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.algorithm, $0) })
        #expect(byName[.rlpo]?.logOdds == parameters.baseLogOdds && byName[.rlpo]?.termination == .noMinimizer)
        #expect(byName[.dpo]?.logOdds == -parameters.logSizeRatio && byName[.dpo]?.minimizerExists == false)
        #expect(byName[.rlpoPairwise]?.termination == .noMinimizer)
        #expect(byName[.il].map { $0.logOdds.isFinite && $0.logOdds > parameters.baseLogOdds } == true)
    }

    @Test("SLiC on rankings is not applicable, with a reason and no number; every other algorithm applies")
    func slicNotApplicable() {
        let parameters = ModelParameters(k: 3, responses: .ranking)
        let results = RLHFSolver(parameters).solve(.expected(parameters))
        for result in results {
            let reason = result.algorithm.inapplicabilityReason(for: .ranking)
            #expect(result.isApplicable == (reason == nil))
            if result.algorithm == .slic {
                #expect(result.termination == .notApplicable && !result.minimizerExists && result.logOdds.isNaN)
                #expect(result.minimization.localMinima.isEmpty)
                #expect(reason?.contains("choices only") == true)
                #expect(result.termination.summary.contains("not applicable"))
            } else {
                #expect(result.logOdds.isFinite)
            }
        }
        #expect(Algorithm.slic.inapplicabilityReason(for: .choice) == nil)
        let choice = RLHFSolver(ModelParameters(k: 3)).solve(.expected(ModelParameters(k: 3)), algorithm: .slic)
        #expect(choice.isApplicable && choice.logOdds.isFinite)
    }

    @Test("TypeMLE reads the first category as the type: the same answer as for choices")
    func typeMLEUnchanged() {
        for k in [2, 4, 9] {
            let choices = ModelParameters(p1: 0.3, k: k)
            var rankings = choices
            rankings.responses = .ranking
            let counts = PreferenceCounts.expected(choices)
            #expect(RLHFSolver(choices).solve(counts, algorithm: .typeMLE) == RLHFSolver(rankings).solve(counts, algorithm: .typeMLE))
        }
    }

    @Test("|Y| = 2: a ranking is a choice, so RLPO, DPO and IL agree with the choice solver")
    func pairsMatchChoices() {
        var generator = SplitMix64(seed: 0x22)
        for index in 0..<40 {
            var problem = RandomProblem.draw(&generator, index: index)
            problem.parameters.k = 2
            let counts = index % 2 == 0
                ? PreferenceCounts.expected(problem.parameters)
                : PreferenceSimulator(problem.parameters, seed: UInt64(index)).dataset(index: 0, size: 50)
            var rankings = problem.parameters
            rankings.responses = .ranking
            for algorithm in [Algorithm.rlpo, .dpo, .il] {
                let choice = RLHFSolver(problem.parameters).solve(counts, algorithm: algorithm)
                let ranking = RLHFSolver(rankings).solve(counts, algorithm: algorithm)
                #expect(agree(choice.logOdds, ranking.logOdds, 1e-9), "#\(index) \(algorithm): \(choice.logOdds) vs \(ranking.logOdds)")
            }
        }
    }

    @Test("validation: rankings with logit choices are an error naming --responses; JSON without the key decodes as choice")
    func validationAndDecoding() throws {
        let logit = ModelParameters(choiceModel: .logit(rewardGap: 1), responses: .ranking)
        #expect(throws: ParameterError.self) { try logit.validate() }
        do {
            try logit.validate()
        } catch {
            #expect(error.field == "responses")
            #expect(error.description.contains("--responses must be choice with --choice-model logit"))
        }
        try ModelParameters(k: 5, responses: .ranking).validate()
        try ModelParameters(choiceModel: .logit(rewardGap: 1)).validate()

        let encoded = try JSONEncoder().encode(ModelParameters(k: 5, responses: .ranking))
        #expect(try JSONDecoder().decode(ModelParameters.self, from: encoded) == ModelParameters(k: 5, responses: .ranking))
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["responses"] as? String == "ranking")
        object["responses"] = nil
        let legacy = try JSONDecoder().decode(ModelParameters.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(legacy == ModelParameters(k: 5))
        #expect(ResponseFormat.allCases.map(\.name) == ["choice", "ranking"])
    }
}

@Suite("Rankings: the reward model's one-versus-one accuracy")
struct RankingRewardModelTests {
    @Test("RLPO's reward model on rankings comes from the Plackett–Luce fit: at zeta 0.8, |Y| 4, p 0.45 it scores M1 higher")
    func rewardModelFromRankings() {
        let rankings = ModelParameters(p1: 0.45, zeta: 0.8, k: 4, dataSize: 1e4, responses: .ranking)
        let evaluation = RewardModelEvaluation.rlpo(.expected(rankings), parameters: rankings)
        #expect(evaluation.scoresM1Higher == 1 && abs(evaluation.accuracy - 0.45) < 1e-15)
        // Choices at the same setting: u > 0 (p < F = 0.663), M2 scored higher.
        var choices = rankings
        choices.responses = .choice
        #expect(RewardModelEvaluation.rlpo(.expected(choices), parameters: choices).scoresM1Higher == 0)
    }
}
