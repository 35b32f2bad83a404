import Foundation

/// Solves the four algorithms' objectives for one count table.
///
/// RLPO and DPO share the convex IIA likelihood (Lemma 13): one root search serves both, and
/// they differ only when no minimiser exists (RLPO keeps the base policy, psi = 0; DPO the
/// uniform policy, theta = 0). IL and SLiC go through ``GlobalMinimizer``.
public struct RLHFSolver: Sendable {
    public let parameters: ModelParameters

    public init(_ parameters: ModelParameters) {
        self.parameters = parameters
    }

    /// Results for `algorithms` (all four by default), in that order.
    public func solve(
        _ counts: PreferenceCounts, algorithms: [Algorithm] = Algorithm.allCases, recordTrace: Bool = false
    ) -> [AlgorithmResult] {
        let likelihood = IIALikelihood(counts)
        var rewardGap: Minimization?
        var results: [AlgorithmResult] = []
        results.reserveCapacity(algorithms.count)
        for algorithm in algorithms {
            switch algorithm {
            case .rlpo, .dpo:
                let gap = rewardGap ?? Self.minimizeLikelihood(likelihood, recordTrace: recordTrace)
                rewardGap = gap
                results.append(policyFromRewardGap(gap, algorithm: algorithm, dataSize: counts.total))
            case .il:
                // The IL data term is the RLPO likelihood: reuse it and its minimiser when known.
                let known = rewardGap.flatMap { $0.termination == .noMinimizer ? nil : $0.argmin }
                let objective = InclusiveLearningObjective(
                    counts, parameters, likelihood: likelihood, likelihoodMinimizer: known)
                results.append(policyFromParameterGap(GlobalMinimizer.minimize(objective, recordTrace: recordTrace), .il))
            case .slic:
                let objective = SLiCObjective(counts, parameters)
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
            logOdds = parameters.baseLogOdds - gap.argmin * (dataSize / parameters.beta)
        } else {
            logOdds = algorithm == .rlpo ? parameters.baseLogOdds : -parameters.logSizeRatio
        }
        return AlgorithmResult(algorithm: algorithm, logOdds: logOdds, minimizerExists: exists, minimization: gap)
    }

    /// ln(P(M1)/P(M2)) = -(v + ln(|M2|/|M1|)).
    func policyFromParameterGap(_ minimization: Minimization, _ algorithm: Algorithm) -> AlgorithmResult {
        AlgorithmResult(
            algorithm: algorithm, logOdds: -(minimization.argmin + parameters.logSizeRatio),
            minimizerExists: true, minimization: minimization)
    }

    /// The minimiser of the convex IIA likelihood, or `.noMinimizer` when mixed data did not
    /// choose both categories.
    public static func minimizeLikelihood(_ likelihood: IIALikelihood, recordTrace: Bool = false) -> Minimization {
        guard likelihood.hasMinimizer else {
            return Minimization(
                argmin: 0, value: likelihood.value(0), iterations: 0, termination: .noMinimizer,
                localMinima: [], trace: [])
        }
        let guess = likelihood.initialGuess()
        // Expand a bracket around the guess: L_D' is increasing from -(M2 data) to +(M1 data).
        var lower = guess, upper = guess
        var step = 0.5
        while likelihood.slope(lower).derivative >= 0 {
            lower -= step
            step *= 2
        }
        step = 0.5
        while likelihood.slope(upper).derivative <= 0 {
            upper += step
            step *= 2
        }
        let root = SafeguardedNewton.findRoot(
            lower: lower, upper: upper, start: guess, recordTrace: recordTrace, slope: likelihood.slope)
        return Minimization(
            argmin: root.point, value: likelihood.value(root.point), iterations: root.iterations,
            termination: root.termination, localMinima: [root.point], trace: root.trace)
    }
}
