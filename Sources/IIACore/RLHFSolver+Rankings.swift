import Foundation

/// The six algorithms on rank-order responses (``ResponseFormat/ranking``).
///
/// RLPO and DPO minimise the Plackett–Luce likelihood (``PlackettLuceLikelihood``, convex in
/// u = psi2 - psi1); DPO's loss is that likelihood in s = (beta/|D|) ln(rho2/rho1), as in the
/// paper's Lemma 13, so both share one minimiser and differ only without one (RLPO keeps the base
/// policy, DPO the uniform one). IL adds beta KL to the likelihood in v = theta2 - theta1 and goes
/// through ``GlobalMinimizer``. RLPO-pairwise breaks every ranking into its M1-M2 pairs. TypeMLE
/// reads the category ranked first as the annotator's type, as it reads the choice. SLiC is
/// defined for choices only: its result is ``Termination/notApplicable``.
extension RLHFSolver {
    /// Results for `algorithms` on `counts` read as rankings, in that order.
    func solveRankings(_ counts: PreferenceCounts, algorithms: [Algorithm], recordTrace: Bool) -> [AlgorithmResult] {
        let scaling = RankingScaling(counts, beta: parameters.beta)
        let dataSize = counts.total
        var rewardGap: Minimization?
        var results: [AlgorithmResult] = []
        results.reserveCapacity(algorithms.count)
        for algorithm in algorithms {
            switch algorithm {
            case .rlpo, .dpo:
                let gap = rewardGap ?? Self.minimizeRankingLikelihood(
                    PlackettLuceLikelihood(counts.mixedRowsScaled(byPowerOfTwo: scaling.likelihoodExponent)),
                    recordTrace: recordTrace)
                rewardGap = gap
                results.append(policyFromRewardGap(gap, algorithm: algorithm, dataSize: dataSize))
            case .il:
                // The data term is the RLPO likelihood, and scaling keeps its minimiser: reuse it when known.
                let known = rewardGap.flatMap { $0.termination == .noMinimizer ? nil : $0.argmin }
                let objective = RankingInclusiveLearningObjective(
                    counts.mixedRowsScaled(byPowerOfTwo: scaling.objectiveExponent), parameters,
                    likelihoodMinimizer: known, regulariser: regulariser.scaled(byPowerOfTwo: scaling.objectiveExponent))
                results.append(policyFromParameterGap(GlobalMinimizer.minimize(objective, recordTrace: recordTrace), .il))
            case .rlpoPairwise:
                results.append(policyFromRewardGap(
                    Self.rankBreakingRewardGap(counts), algorithm: .rlpoPairwise, dataSize: dataSize))
            case .typeMLE:
                results.append(policyFromRewardGap(Self.typeRewardGap(counts), algorithm: .typeMLE, dataSize: dataSize))
            case .slic:
                results.append(Self.notApplicable(.slic))
            }
        }
        return results
    }

    /// A result that says the algorithm does not apply: no minimiser, no policy (NaN log-odds,
    /// which ``AlgorithmResult/isApplicable`` flags so that no reader shows them).
    static func notApplicable(_ algorithm: Algorithm) -> AlgorithmResult {
        AlgorithmResult(
            algorithm: algorithm, logOdds: .nan, minimizerExists: false,
            minimization: Minimization(argmin: .nan, iterations: 0, termination: .notApplicable))
    }

    /// The minimiser of the convex Plackett–Luce likelihood, or `.noMinimizer` when the mixed
    /// rows do not hold rankings of both types (then the paper's conventions apply).
    ///
    /// The derivative rises from -(virtual M2 choices) to +(virtual M1 choices), as the choices'
    /// likelihood's does, so the same search finds it (see ``minimizeLikelihood(_:recordTrace:)``).
    public static func minimizeRankingLikelihood(_ likelihood: PlackettLuceLikelihood, recordTrace: Bool = false) -> Minimization {
        minimizeConvexLikelihood(likelihood, recordTrace: recordTrace)
    }

    /// RLPO on the pairs implied by rankings (rank-breaking): a type-1 ranking in row j puts each
    /// of its j M1 messages above each of its k - j M2 messages, j(k - j) M1-over-M2 pairs; a
    /// type-2 ranking gives j(k - j) M2-over-M1 pairs. The Bradley–Terry loss
    /// A ln(1 + e^u) + B ln(1 + e^-u) is minimised at u = ln(B / A), with A = Σ N_j1 j(k - j) and
    /// B = Σ N_j2 j(k - j). Both sums carry the same row weights, so in the population limit
    /// A / B = p / (1 - p) for any query distribution: the policy follows the majority.
    public static func rankBreakingRewardGap(_ counts: PreferenceCounts) -> Minimization {
        guard let gap = PairwiseTotals.rankBroken(counts).logRatio else {
            return Minimization(argmin: 0, iterations: 0, termination: .noMinimizer)
        }
        return Minimization(
            argmin: gap, iterations: 0, termination: .closedForm, trace: [SolverStep(kind: .start, point: gap)])
    }
}

/// Exact power-of-two rescaling of a ranking table before solving: ``ProblemScaling`` for tiny
/// counts, and a step down for counts near the largest double, whose virtual choices (a ranking
/// in row j is up to k - 1 of them) would otherwise overflow the likelihood's sums.
struct RankingScaling {
    let likelihoodExponent: Int
    let objectiveExponent: Int

    /// At or above 2^ceiling (the largest mixed count) the table is scaled down by 2^-headroom.
    static let ceiling = 1000
    static let headroom = 12

    init(_ counts: PreferenceCounts, beta: Double) {
        var largest = 0.0
        for j in 1..<counts.k { largest = max(largest, counts.choseM1[j], counts.choseM2[j]) }
        if largest >= scalbn(1.0, Self.ceiling) {
            (likelihoodExponent, objectiveExponent) = (-Self.headroom, -Self.headroom)
        } else {
            let scaling = ProblemScaling(counts: counts, beta: beta)
            (likelihoodExponent, objectiveExponent) = (scaling.likelihoodExponent, scaling.objectiveExponent)
        }
    }
}
