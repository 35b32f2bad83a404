import Foundation

/// Solves the four algorithms' objectives for one count table.
///
/// RLPO and DPO share the convex IIA likelihood (Lemma 13): one root search serves both, and
/// they differ only when no minimiser exists (RLPO keeps the base policy, psi = 0; DPO the
/// uniform policy, theta = 0). IL and SLiC go through ``GlobalMinimizer``.
public struct RLHFSolver: Sendable {
    public let parameters: ModelParameters
    /// The KL term of IL and SLiC, and the logarithms the policies need, computed once.
    let regulariser: KLRegulariser

    public init(_ parameters: ModelParameters) {
        self.parameters = parameters
        regulariser = KLRegulariser(parameters)
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
                    counts, parameters, likelihood: likelihood, likelihoodMinimizer: known, regulariser: regulariser)
                results.append(policyFromParameterGap(GlobalMinimizer.minimize(objective, recordTrace: recordTrace), .il))
            case .slic:
                let objective = SLiCObjective(counts, parameters, regulariser: regulariser)
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
            logOdds = regulariser.baseLogOdds - gap.argmin * (dataSize / parameters.beta)
        } else {
            logOdds = algorithm == .rlpo ? regulariser.baseLogOdds : -regulariser.shift
        }
        return AlgorithmResult(algorithm: algorithm, logOdds: logOdds, minimizerExists: exists, minimization: gap)
    }

    /// ln(P(M1)/P(M2)) = -(v + ln(|M2|/|M1|)).
    func policyFromParameterGap(_ minimization: Minimization, _ algorithm: Algorithm) -> AlgorithmResult {
        AlgorithmResult(
            algorithm: algorithm, logOdds: -(minimization.argmin + regulariser.shift),
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
        // Bracket the root, L_D' increasing from -(M2 data) to +(M1 data): the guess is one end;
        // the other is sought beyond twice Newton's step from it, doubling the distance.
        let atGuess = likelihood.slope(guess)
        if atGuess.derivative == 0 {
            return Minimization(
                argmin: guess, value: likelihood.value(guess), iterations: 0, termination: .exactRoot,
                localMinima: [guess], trace: recordTrace ? [SolverStep(kind: .start, point: guess)] : [])
        }
        let direction: Double = atGuess.derivative < 0 ? 1 : -1
        let newtonDistance = abs(atGuess.derivative / atGuess.curvature)
        var step = newtonDistance.isFinite && newtonDistance > 0 ? 2 * newtonDistance : 0.5
        var near = (point: guess, derivative: atGuess.derivative)
        var far = guess + direction * step
        var farDerivative = likelihood.slope(far).derivative
        while farDerivative * direction <= 0 {
            near = (far, farDerivative)
            step *= 2
            far = guess + direction * step
            farDerivative = likelihood.slope(far).derivative
        }
        let (lower, upper) = direction > 0 ? (near.point, far) : (far, near.point)
        let (gLower, gUpper) = direction > 0 ? (near.derivative, farDerivative) : (farDerivative, near.derivative)
        // Start where the chord through the bracket's end slopes crosses zero (plain mode only:
        // there both slopes share one scale).
        let plain = max(abs(lower), abs(upper)) <= SlopeAccumulator.logModeThreshold
        let secant = lower - gLower * (upper - lower) / (gUpper - gLower)
        let root = SafeguardedNewton.findRoot(
            lower: lower, upper: upper, start: plain && secant.isFinite ? secant : nil, recordTrace: recordTrace,
            slope: likelihood.slope)
        return Minimization(
            argmin: root.point, value: likelihood.value(root.point), iterations: root.iterations,
            termination: root.termination, localMinima: [root.point], trace: root.trace,
            bracket: root.bracket, searchInterval: root.bracket)
    }
}
