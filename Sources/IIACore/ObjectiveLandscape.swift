import Foundation

/// One algorithm's objective as a function of its one scalar, split into its parts, with the
/// solver's path on it: what the landscape chart draws.
///
/// The scalar is u = psi2 - psi1 for RLPO, s = (beta/|D|) ln(rho2/rho1) for DPO (the same loss
/// L_D, Lemma 13) and v = theta2 - theta1 for IL and SLiC. The parts are
/// - RLPO, DPO: the IIA likelihood L_D alone (the KL weight enters only the closed-form policy step);
/// - IL: L_D(v) and beta KL(v), and their sum;
/// - SLiC: the hinge (with its two kinks) and beta KL(v), and their sum.
///
/// On rankings (``ResponseFormat/ranking``) the data term is the Plackett–Luce likelihood
/// (``PlackettLuceLikelihood``) for RLPO, DPO and IL, RLPO-pairwise's loss counts the pairs the
/// rankings break into (j(k - j) per ranking), and SLiC has no curve at all: it is not defined
/// for rankings (``parts`` is empty, ``isApplicable`` false).
///
/// Pure: the result (with its trace) is the solver's own, passed in or computed by
/// ``expected(_:algorithm:)`` exactly as the read-outs compute it.
public struct ObjectiveLandscape: Sendable {
    /// A curve of the landscape.
    public enum Part: String, Sendable, CaseIterable, Hashable {
        /// The IIA likelihood L_D (RLPO, DPO, IL).
        case likelihood
        /// SLiC's hinge sum.
        case hinge
        /// beta times KL(P_theta || P_base) (IL, SLiC).
        case regulariser
        /// The whole objective (IL, SLiC: the sum of the other parts; RLPO, DPO: L_D).
        case total
    }

    public let algorithm: Algorithm
    public let parameters: ModelParameters
    /// The solver's result for this algorithm, with its trace.
    public let result: AlgorithmResult
    /// |D| of the data.
    public let dataSize: Double
    /// The data likelihood: IIA (logit) for choices, Plackett–Luce for rankings.
    let likelihood: DataLikelihood
    let regulariser: KLRegulariser
    let slic: SLiCObjective?
    /// RLPO-pairwise's pair counts: M1 over M2, and M2 over M1.
    let pairwise: (wins: Double, losses: Double)
    /// Mixed data that chose M1 and M2 (TypeMLE's likelihood).
    let mixed: (m1: Double, m2: Double)

    /// The landscape of `result` (solved on `counts` with `parameters`, ideally with
    /// `recordTrace: true`: without a trace no path is drawn).
    public init(parameters: ModelParameters, counts: PreferenceCounts, result: AlgorithmResult) {
        self.algorithm = result.algorithm
        self.parameters = parameters
        self.result = result
        self.dataSize = counts.total
        let rankings = parameters.responses == .ranking
        self.likelihood = rankings ? .plackettLuce(PlackettLuceLikelihood(counts)) : .iia(IIALikelihood(counts))
        let regulariser = KLRegulariser(parameters)
        self.regulariser = regulariser
        self.slic = result.algorithm == .slic && !rankings ? SLiCObjective(counts, parameters, regulariser: regulariser) : nil
        pairwise = rankings ? Self.rankBreakingPairs(counts) : {
            let totals = PairwiseTotals(counts)
            return (totals.m1OverM2, totals.m2OverM1)
        }()
        mixed = (counts.mixedChoseM1, counts.mixedChoseM2)
    }

    /// The landscape of `algorithm` on the expected data of `parameters`, with the result the
    /// explorer and `solve` compute (solved after RLPO, so IL and DPO reuse its minimiser as they
    /// do when every algorithm is solved together).
    public static func expected(_ parameters: ModelParameters, algorithm: Algorithm) -> ObjectiveLandscape {
        let counts = PreferenceCounts.expected(parameters)
        let result = RLHFSolver(parameters).solve(counts, algorithms: [.rlpo, algorithm], recordTrace: true)[1]
        return ObjectiveLandscape(parameters: parameters, counts: counts, result: result)
    }

    // MARK: The curves

    /// The scalar's symbol: "u" (RLPO), "s" (DPO) or "v" (IL, SLiC).
    public var scalarSymbol: String {
        switch algorithm {
        case .rlpo, .rlpoPairwise, .typeMLE: return "u"
        case .dpo: return "s"
        case .il, .slic: return "v"
        }
    }

    /// False when the algorithm does not apply to the responses (SLiC on rankings): nothing is drawn.
    public var isApplicable: Bool { result.isApplicable && algorithm.inapplicabilityReason(for: parameters.responses) == nil }

    /// The parts drawn, the whole objective last (none when the algorithm does not apply).
    public var parts: [Part] {
        guard isApplicable else { return [] }
        switch algorithm {
        case .rlpo, .dpo, .rlpoPairwise, .typeMLE: return [.total]
        case .il: return [.likelihood, .regulariser, .total]
        case .slic: return [.hinge, .regulariser, .total]
        }
    }

    /// The value of `part` at `x` (data parts up to a constant; beta KL is ≥ 0 with minimum 0).
    public func value(_ part: Part, at x: Double) -> Double {
        switch part {
        case .likelihood: return likelihood.value(x)
        case .hinge: return slic?.dataValue(x) ?? .nan
        case .regulariser: return algorithm == .il || algorithm == .slic ? regulariser.value(x) : .nan
        case .total:
            switch algorithm {
            case .rlpo, .dpo: return likelihood.value(x)
            case .rlpoPairwise: return pairwise.wins * StableMath.softplus(x) + pairwise.losses * StableMath.softplus(-x)
            case .typeMLE:
                // The dichotomy likelihood in p^ = (1 - x)/2, defined for -1 ≤ x ≤ 1.
                guard x >= -1, x <= 1 else { return .infinity }
                let share = (1 - x) / 2
                return -(mixed.m1 > 0 ? mixed.m1 * log(share) : 0) - (mixed.m2 > 0 ? mixed.m2 * log1p(-share) : 0)
            case .il: return likelihood.value(x) + regulariser.value(x)
            case .slic: return slic?.value(x) ?? .nan
            }
        }
    }

    /// The data part (L_D, or SLiC's hinge): the one defined only up to a constant.
    public var dataPart: Part { algorithm == .slic ? .hinge : (algorithm == .il ? .likelihood : .total) }

    /// SLiC's kinks (-delta - ln(k-1), delta + ln(k-1)); empty for the others.
    public var kinks: [Double] { slic.map { Array($0.kinks) } ?? [] }

    /// The minimiser of the KL term alone, v0 = -logit(zeta) - ln(|M2|/|M1|) (IL, SLiC), else nil.
    public var anchor: Double? { algorithm == .il || algorithm == .slic ? regulariser.anchor : nil }

    /// RLPO-pairwise's pairs on rankings: a type-1 ranking in row j puts its j M1 messages
    /// above its k - j M2 messages, j(k - j) M1-over-M2 pairs; a type-2 ranking the reverse.
    static func rankBreakingPairs(_ counts: PreferenceCounts) -> (wins: Double, losses: Double) {
        var wins = 0.0, losses = 0.0
        for j in 1..<counts.k {
            let pairs = Double(j * (counts.k - j))
            wins += counts.choseM1[j] * pairs
            losses += counts.choseM2[j] * pairs
        }
        return (wins, losses)
    }

    // MARK: The solver's path

    /// The global minimiser, nil when the objective has none (RLPO/DPO without mixed data of both kinds).
    public var argmin: Double? { result.minimizerExists ? result.minimization.argmin : nil }
    /// Every local minimiser found, ascending.
    public var localMinima: [Double] { result.minimization.localMinima }
    /// The iterates: the start, then one per iteration (``AlgorithmResult/iterations`` of them).
    public var trace: [SolverStep] { result.minimization.trace }
    /// The bracket handed to Newton's method, if any.
    public var bracket: ClosedRange<Double>? { result.minimization.bracket }

    /// The log-odds as a line in the scalar: `logOdds(at: x) == intercept + slope * x` exactly
    /// (for labelling the scalar's axis in probabilities).
    public var logOddsLine: (intercept: Double, slope: Double) {
        switch algorithm {
        case .rlpo, .dpo, .rlpoPairwise, .typeMLE: return (regulariser.baseLogOdds, -(dataSize / parameters.beta))
        case .il, .slic: return (-regulariser.shift, -1)
        }
    }

    /// ln(P(M1)/P(M2)) of the policy the scalar `x` gives: logit(zeta) - x |D| / beta for
    /// RLPO and DPO, -(x + ln(|M2|/|M1|)) for IL and SLiC.
    public func logOdds(at x: Double) -> Double {
        switch algorithm {
        case .rlpo, .dpo, .rlpoPairwise, .typeMLE: return regulariser.baseLogOdds - x * (dataSize / parameters.beta)
        case .il, .slic: return -(x + regulariser.shift)
        }
    }

    /// P(M1) at `x` (from the log-odds).
    public func pM1(at x: Double) -> Double { StableMath.probability(fromLogOdds: logOdds(at: x)) }
}

/// The data likelihood a landscape draws: the IIA (logit) likelihood of choices, or the
/// Plackett–Luce likelihood of rankings.
enum DataLikelihood: Sendable {
    case iia(IIALikelihood)
    case plackettLuce(PlackettLuceLikelihood)

    /// The negative log-likelihood at `x` (up to a constant).
    func value(_ x: Double) -> Double {
        switch self {
        case .iia(let likelihood): return likelihood.value(x)
        case .plackettLuce(let likelihood): return likelihood.value(x)
        }
    }
}
