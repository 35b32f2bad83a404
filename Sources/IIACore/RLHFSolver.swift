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

    /// The minimiser of the convex IIA likelihood, or `.noMinimizer` when mixed data did not
    /// choose both categories.
    public static func minimizeLikelihood(_ likelihood: IIALikelihood, recordTrace: Bool = false) -> Minimization {
        guard likelihood.hasMinimizer else {
            return Minimization(
                argmin: 0, iterations: 0, termination: .noMinimizer,
                trace: [])
        }
        let guess = likelihood.initialGuess()
        var path = NewtonPath(start: guess, recordTrace: recordTrace)
        // L_D' increases from -(mixed M2 data) to +(mixed M1 data). Newton's method from the guess:
        // while its iterates keep the derivative's sign they approach the root from one side (the
        // usual case: the guess is close and Newton converges quadratically, with no bracket
        // needed); the first sign change brackets the root for the safeguarded search. A step that
        // does not halve, or a curvature that is not positive, falls back to growing a bracket.
        var x = guess
        var atX = likelihood.slope(x)
        var previousStep = Double.infinity
        while path.iterations < oneSidedNewtonLimit {
            if atX.derivative == 0 { return path.result(x, .exactRoot) }
            let step = atX.derivative / atX.curvature
            guard atX.curvature > 0, step.isFinite, abs(step) <= abs(previousStep) / 2 else { break }
            let next = x - step
            path.add(.newton, next)
            if SafeguardedNewton.isNegligible(next - x, from: x, to: next)
                || previousStep.isFinite
                    && SafeguardedNewton.isQuadraticallyConverged(step: step, at: x, previousStep: previousStep) {
                return path.result(next, .converged)
            }
            let atNext = likelihood.slope(next)
            if atNext.derivative == 0 { return path.result(next, .exactRoot) }
            if (atNext.derivative < 0) != (atX.derivative < 0) {
                let (lower, upper) = x < next ? (x, next) : (next, x)
                let (atLower, atUpper) = x < next ? (atX, atNext) : (atNext, atX)
                return path.finish(likelihood, lower, atLower, upper, atUpper)
            }
            (x, atX, previousStep) = (next, atNext, step)
        }
        // Grow a bracket from x: the other end is sought beyond twice Newton's step, doubling the distance.
        let direction: Double = atX.derivative < 0 ? 1 : -1
        let newtonDistance = abs(atX.derivative / atX.curvature)
        var distance = newtonDistance.isFinite && newtonDistance > 0 ? 2 * newtonDistance : 0.5
        var near = (point: x, slope: atX)
        var far = x + direction * distance
        var farSlope = likelihood.slope(far)
        while farSlope.derivative * direction <= 0 {
            near = (far, farSlope)
            distance *= 2
            far = x + direction * distance
            farSlope = likelihood.slope(far)
        }
        let (lower, upper) = direction > 0 ? (near.point, far) : (far, near.point)
        let (atLower, atUpper) = direction > 0 ? (near.slope, farSlope) : (farSlope, near.slope)
        return path.finish(likelihood, lower, atLower, upper, atUpper)
    }

    /// The iterates of the likelihood's root search so far.
    struct NewtonPath {
        let start: Double
        let recordTrace: Bool
        var iterations = 0
        var trace: [SolverStep]

        init(start: Double, recordTrace: Bool) {
            self.start = start
            self.recordTrace = recordTrace
            trace = recordTrace ? [SolverStep(kind: .start, point: start)] : []
        }

        mutating func add(_ kind: SolverStep.Kind, _ point: Double) {
            iterations += 1
            if recordTrace { trace.append(SolverStep(kind: kind, point: point)) }
        }

        /// The minimisation ending at `point`; the search interval is the bracket when one was
        /// needed, else the span from the guess to the root.
        func result(_ point: Double, _ termination: Termination, bracket: ClosedRange<Double>? = nil) -> Minimization {
            Minimization(
                argmin: point, iterations: iterations, termination: termination, trace: trace, bracket: bracket,
                searchInterval: bracket ?? min(start, point)...max(start, point))
        }

        /// The safeguarded search on a bracket, its iterates appended to those so far (its start,
        /// Newton's step from the bracket's nearer end or the middle, counts as one).
        mutating func finish(
            _ likelihood: IIALikelihood, _ lower: Double, _ atLower: Slope, _ upper: Double, _ atUpper: Slope
        ) -> Minimization {
            let start = GlobalMinimizer.startingPoint(lower, atLower, upper, atUpper)
            let root = SafeguardedNewton.findRoot(
                lower: lower, upper: upper, start: start?.point, startStep: start?.newtonStep, recordTrace: recordTrace,
                of: likelihood)
            iterations += 1 + root.iterations
            if recordTrace, let first = root.trace.first {
                trace.append(SolverStep(kind: first.point == start?.point ? .newton : .bisection, point: first.point))
                trace.append(contentsOf: root.trace.dropFirst())
            }
            return result(root.point, root.termination, bracket: root.bracket)
        }
    }

    /// Newton steps tried from the first guess before a bracket is grown instead.
    static let oneSidedNewtonLimit = 8

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
