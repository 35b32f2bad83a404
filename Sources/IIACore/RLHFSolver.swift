import Foundation

/// Solves the six algorithms' objectives (the paper's four and two contrasts) for one count table.
///
/// RLPO and DPO share the convex IIA likelihood (Lemma 13): one root search serves both, and
/// they differ only when no minimiser exists (RLPO keeps the base policy, psi = 0; DPO the
/// uniform policy, theta = 0). IL and SLiC go through ``GlobalMinimizer``.
public struct RLHFSolver: Sendable {
    public let parameters: ModelParameters
    /// The KL term of IL and SLiC, and the logarithms the policies need, computed once.
    let regulariser: KLRegulariser
    /// The objectives' per-row constants for |Y|, shared by every dataset this solver sees.
    let constants: ChoiceSetConstants

    /// A solver for `parameters`. Build it once and reuse it for many datasets: it holds the
    /// constants every dataset's objectives share.
    public init(_ parameters: ModelParameters) {
        self.init(parameters, constants: ChoiceSetConstants(k: parameters.k))
    }

    /// A solver for `parameters` that shares `constants` (built for the same |Y|) with others:
    /// a grid over zeta needs a new KL term per column but the same per-row constants.
    init(_ parameters: ModelParameters, constants: ChoiceSetConstants) {
        precondition(constants.k == parameters.k, "constants for |Y| = \(constants.k), parameters for \(parameters.k)")
        self.parameters = parameters
        regulariser = KLRegulariser(parameters)
        self.constants = constants
    }

    /// Results for `algorithms` (all six by default), in that order.
    public func solve(
        _ counts: PreferenceCounts, algorithms: [Algorithm] = Algorithm.allCases, recordTrace: Bool = false
    ) -> [AlgorithmResult] {
        precondition(counts.k == parameters.k, "a count table for |Y| = \(counts.k), a solver for \(parameters.k)")
        if parameters.responses == .ranking {
            return solveRankings(counts, algorithms: algorithms, recordTrace: recordTrace)
        }
        let scaled = ScaledProblem(counts, beta: parameters.beta, regulariser: regulariser, constants: constants)
        let dataSize = counts.total
        var rewardGap: Minimization?
        var results: [AlgorithmResult] = []
        results.reserveCapacity(algorithms.count)
        for algorithm in algorithms {
            switch algorithm {
            case .rlpo, .dpo:
                let gap = rewardGap ?? Self.minimizeLikelihood(scaled.likelihood, recordTrace: recordTrace)
                rewardGap = gap
                results.append(policyFromRewardGap(gap, algorithm: algorithm, dataSize: dataSize))
            case .il:
                // The IL data term is the RLPO likelihood: reuse its minimiser when known (the
                // scaling keeps it).
                let known = rewardGap.flatMap { $0.termination == .noMinimizer ? nil : $0.argmin }
                let objective = InclusiveLearningObjective(
                    scaled.objectiveCounts, parameters, likelihood: scaled.objectiveLikelihood,
                    likelihoodMinimizer: known, regulariser: scaled.regulariser)
                results.append(policyFromParameterGap(GlobalMinimizer.minimize(objective, recordTrace: recordTrace), .il))
            case .rlpoPairwise:
                results.append(policyFromRewardGap(
                    Self.pairwiseRewardGap(counts), algorithm: .rlpoPairwise, dataSize: dataSize))
            case .typeMLE:
                results.append(policyFromRewardGap(
                    Self.typeRewardGap(counts), algorithm: .typeMLE, dataSize: dataSize))
            case .slic:
                let likelihood = scaled.objectiveLikelihood
                let objective = SLiCObjective(
                    scaled.objectiveCounts, parameters, regulariser: scaled.regulariser, constants: constants,
                    mixedTotals: (likelihood.mixedChoseM1, likelihood.mixedChoseM2))
                results.append(policyFromParameterGap(GlobalMinimizer.minimize(objective, recordTrace: recordTrace), .slic))
            }
        }
        return results
    }

    /// The result of one algorithm.
    public func solve(_ counts: PreferenceCounts, algorithm: Algorithm, recordTrace: Bool = false) -> AlgorithmResult {
        solve(counts, algorithms: [algorithm], recordTrace: recordTrace)[0]
    }

    /// ln(P(M1)/P(M2)) = logit(zeta) - u |D| / beta, or the convention without a minimiser.
    func policyFromRewardGap(_ gap: Minimization, algorithm: Algorithm, dataSize: Double) -> AlgorithmResult {
        let exists = gap.termination != .noMinimizer
        let logOdds: Double
        if exists {
            // u |D| / beta, multiplied in the order that overflows only when the product does
            // (and u = 0 gives exactly the base policy, even when |D| / beta overflows).
            let u = gap.argmin
            let scaled = u == 0 ? 0 : abs(u) < 1 ? u * dataSize / parameters.beta : u * (dataSize / parameters.beta)
            logOdds = regulariser.baseLogOdds - scaled
        } else {
            // RLPO and its variants keep the base policy (rewards 0); DPO the uniform one (theta = 0).
            logOdds = algorithm == .dpo ? -regulariser.shift : regulariser.baseLogOdds
        }
        return AlgorithmResult(algorithm: algorithm, logOdds: logOdds, minimizerExists: exists, minimization: gap)
    }

    /// ln(P(M1)/P(M2)) = -(v + ln(|M2|/|M1|)).
    func policyFromParameterGap(_ minimization: Minimization, _ algorithm: Algorithm) -> AlgorithmResult {
        AlgorithmResult(
            algorithm: algorithm, logOdds: -(minimization.argmin + regulariser.shift),
            minimizerExists: true, minimization: minimization)
    }

    /// RLPO on pairwise choices: a datum in row j that chose M1 becomes k - j choices of an M1
    /// message over an M2 message (and j - 1 uninformative M1-M1 pairs); one that chose M2 becomes
    /// j choices of M2 over M1. The Bradley–Terry loss A ln(1 + e^u) + B ln(1 + e^-u), with
    /// A = Σ N_j1 (k - j) and B = Σ N_j2 j over mixed rows, is minimised at u = ln(B / A).
    ///
    /// In the population limit of sampled queries A/B = p (1 - zeta - (1-zeta)^k) /
    /// ((1 - p)(zeta - zeta^k)), so u < 0 exactly when p > F(zeta): the same boundary as RLPO.
    public static func pairwiseRewardGap(_ counts: PreferenceCounts) -> Minimization {
        guard let gap = PairwiseTotals(counts).logRatio else {
            return Minimization(argmin: 0, iterations: 0, termination: .noMinimizer)
        }
        return Minimization(
            argmin: gap, iterations: 0, termination: .closedForm,
            trace: [SolverStep(kind: .start, point: gap)])
    }

    /// The type model's reward gap r(M2) - r(M1) = 1 - 2 p^, where p^ = (mixed data that chose
    /// M1) / (mixed data) maximises the dichotomy model's likelihood (rows 0 and k say nothing
    /// about p*(1)).
    public static func typeRewardGap(_ counts: PreferenceCounts) -> Minimization {
        let (m1, m2) = (counts.mixedChoseM1, counts.mixedChoseM2)
        guard m1 + m2 > 0 else {
            return Minimization(argmin: 0, iterations: 0, termination: .noMinimizer)
        }
        let share = m1 / (m1 + m2)
        let gap = 1 - 2 * share
        return Minimization(
            argmin: gap, iterations: 0, termination: .closedForm,
            trace: [SolverStep(kind: .start, point: gap)])
    }
}
