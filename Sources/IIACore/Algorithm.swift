/// The RLHF algorithms: the paper's four, and two that show what a fix could look like.
public enum Algorithm: String, CaseIterable, Sendable, Codable, Hashable {
    /// Reward learning (IIA logit model), then the KL-regularised policy step.
    case rlpo = "RLPO"
    /// Direct preference optimisation.
    case dpo = "DPO"
    /// Inclusive learning.
    case il = "IL"
    /// Sequence likelihood calibration (defined by the paper for |Y| = 2; extended beyond).
    case slic = "SLiC"
    /// The paper's closing heuristic: each k-wise choice becomes pairwise choices of the chosen
    /// message over each other offered message, then RLPO.
    case rlpoPairwise = "RLPO-pairwise"
    /// A model without IIA: fit the dichotomy model's p*(1) by maximum likelihood, reward each
    /// message with the estimated share preferring its category, then RLPO's policy step.
    case typeMLE = "TypeMLE"

    /// The paper's four algorithms.
    public static let paperAlgorithms: [Algorithm] = [.rlpo, .dpo, .il, .slic]

    /// The name used in tables, charts and JSON.
    public var name: String { rawValue }

    /// Parses a name case-insensitively ("rlpo", "SLiC", ...).
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = match
    }

    /// The scalar each objective is minimised in.
    public var scalarName: String {
        switch self {
        case .rlpo, .rlpoPairwise: return "u = psi2 - psi1"
        case .typeMLE: return "u = r(M2) - r(M1) = 1 - 2 p^"
        case .dpo: return "s = (beta/|D|) ln(rho2/rho1)"
        case .il, .slic: return "v = theta2 - theta1"
        }
    }
}

/// What one algorithm learns from one dataset.
public struct AlgorithmResult: Sendable, Hashable {
    public var algorithm: Algorithm
    /// ln(P(M1)/P(M2)) of the fine-tuned policy (±infinity only if the model says so exactly).
    public var logOdds: Double
    /// Whether the objective has a minimiser (false: the paper's convention was applied).
    public var minimizerExists: Bool
    /// The minimisation behind it (argmin in the algorithm's own scalar).
    public var minimization: Minimization

    /// P(M1), derived from the log-odds.
    public var pM1: Double { StableMath.probability(fromLogOdds: logOdds) }
    public var iterations: Int { minimization.iterations }
    public var termination: Termination { minimization.termination }
}
