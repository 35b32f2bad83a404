import IIACore

/// The words of the read-out: what each algorithm's policy does, compared with the population.
public enum ReadOut {
    /// The algorithm's name, with "(extension)" for SLiC when |Y| > 2 (the paper defines SLiC
    /// for pairs only).
    public static func label(_ algorithm: Algorithm, k: Int) -> String {
        algorithm == .slic && k > 2 ? "SLiC (extension)" : algorithm.name
    }

    /// Whether the minimiser exists, and the convention applied when it does not.
    /// `short` for the compact read-out ("yes (limit)").
    public static func minimizer(_ result: AlgorithmResult, short: Bool = false) -> String {
        if result.minimizerExists {
            return result.termination == .iterationLimit ? (short ? "yes (limit)" : "yes (iter. limit)") : "yes"
        }
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

    /// One word for the compact read-out: "perverse" (the policy favours the category the
    /// majority does not prefer), "inclusive" (it produces M1 as often as people prefer M1,
    /// within half a percentage point), "aligned" (it favours the majority's category),
    /// "undecided" (P(M1) = 1/2 while a majority exists), "tie" (no majority).
    public static func verdictWord(logOdds: Double, p1: Double) -> String {
        guard !logOdds.isNaN else { return "n/a" }
        let majority: Category? = p1 > 0.5 ? .m1 : (p1 < 0.5 ? .m2 : nil)
        let policy: Category? = logOdds > 0 ? .m1 : (logOdds < 0 ? .m2 : nil)
        let pM1 = StableMath.probability(fromLogOdds: logOdds)
        guard let majority else { return abs(pM1 - 0.5) <= 0.005 ? "inclusive" : "tie" }
        guard let policy else { return "undecided" }
        if policy != majority { return "perverse" }
        return abs(pM1 - p1) <= 0.005 ? "inclusive" : "aligned"
    }

    /// The compact read-out's footer: who the majority is and the two targets, e.g.
    /// "60% prefer M1; P(M1) targets: majority 1, inclusive 0.6 (= p*(1))".
    public static func majorityLine(_ parameters: ModelParameters, ascii: Bool = false) -> String {
        let share = parameters.choiceModel.pairwiseShareM1(p1: parameters.p1)
        let inclusive = NumberFormatting.compact(share, significant: 3, ascii: ascii)
        let source: String
        if case .logit = parameters.choiceModel { source = "sigmoid(R)" } else { source = "p*(1)" }
        guard share != 0.5 else { return "no majority: 50% prefer each; P(M1) target: inclusive 0.5 (= \(source))" }
        let majority: Category = share > 0.5 ? .m1 : .m2
        let percent = NumberFormatting.percent(majority == .m1 ? share : 1 - share, ascii: ascii)
        return "\(percent)% prefer \(majority.rawValue); P(M1) targets: majority \(majority == .m1 ? 1 : 0), inclusive \(inclusive) (= \(source))"
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

    /// F(zeta) and which side of it p*(1) lies, in words (from the core's ``Verdict``), about
    /// large |D|. When RLPO has no minimiser in the table shown (`rlpoHasMinimizer` false: the
    /// expected counts at this |D| too small to be told from 0, or given one-sided data) although
    /// one appears as |D| grows, a note says so, so that the verdict and the table never
    /// contradict each other.
    public static func boundary(_ parameters: ModelParameters, rlpoHasMinimizer: Bool = true) -> String {
        let verdict = FailureBoundary.verdict(parameters)
        guard verdict.oneSided == nil, verdict.limit != nil, !rlpoHasMinimizer else { return verdict.summary }
        return verdict.summary + "; at |D| = \(NumberFormatting.compact(parameters.dataSize)) the mixed data are"
            + " still one-sided, so RLPO keeps the base policy"
    }
}
