import IIACore

/// The words of the read-out: what each algorithm's policy does, compared with the population.
public enum ReadOut {
    /// The algorithm's name, with "(extension)" for SLiC when |Y| > 2 (the paper defines SLiC
    /// for pairs only).
    public static func label(_ algorithm: Algorithm, k: Int) -> String {
        algorithm == .slic && k > 2 ? "SLiC (extension)" : algorithm.name
    }

    /// Whether the minimiser exists, and the convention applied when it does not.
    public static func minimizer(_ result: AlgorithmResult) -> String {
        if result.minimizerExists { return result.termination == .iterationLimit ? "yes (iter. limit)" : "yes" }
        switch result.algorithm {
        case .rlpo, .rlpoPairwise, .typeMLE: return "no: base policy"
        case .dpo: return "no: uniform"
        case .il, .slic: return "no"
        }
    }

    /// One sentence comparing the majority with the policy, e.g.
    /// "perverse: 60% prefer M1, the policy produces M1 0.3% of the time".
    public static func verdict(logOdds: Double, p1: Double, ascii: Bool = false) -> String {
        let majority: Category? = p1 > 0.5 ? .m1 : (p1 < 0.5 ? .m2 : nil)
        let policy: Category? = logOdds > 0 ? .m1 : (logOdds < 0 ? .m2 : nil)
        let opening: String
        if let majority {
            let share = NumberFormatting.percent(majority == .m1 ? p1 : 1 - p1, ascii: ascii)
            let preference = "\(share)% prefer \(majority.rawValue)"
            if let policy, policy != majority {
                opening = "perverse: \(preference)"
            } else if policy == nil {
                opening = "undecided: \(preference)"
            } else {
                opening = "aligned: \(preference)"
            }
        } else {
            opening = "no majority: 50% prefer each"
        }
        return opening + ", " + policyPhrase(logOdds: logOdds, ascii: ascii)
    }

    /// "the policy produces M1 0.3% of the time", or in the far tails
    /// "the policy almost never produces M1 (P = 1.3e-129)".
    public static func policyPhrase(logOdds: Double, ascii: Bool = false) -> String {
        let p = NumberFormatting.probability(logOdds: logOdds, ascii: ascii)
        if logOdds.isNaN { return "P(M1) unavailable" }
        if logOdds < -9.21 { return "the policy almost never produces M1 (P = \(p))" }
        if logOdds > 9.21 { return "the policy almost always produces M1 (P = \(p))" }
        let share = NumberFormatting.percent(StableMath.sigmoid(logOdds), ascii: ascii)
        return "the policy produces M1 \(share)% of the time"
    }

    /// F(zeta) and which side of it p*(1) lies, in words (from the core's ``Verdict``).
    public static func boundary(_ parameters: ModelParameters) -> String {
        FailureBoundary.verdict(parameters).summary
    }
}
