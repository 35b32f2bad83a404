import IIACore

/// The words of the read-out: what each algorithm's policy does, compared with the population.
public enum ReadOut {
    /// The algorithm's name, with "(extension)" for SLiC when |Y| > 2 (the paper defines SLiC
    /// for pairs only) and it applies to the `responses` (not for rankings, where it is n/a).
    public static func label(_ algorithm: Algorithm, k: Int, responses: ResponseFormat = .choice) -> String {
        algorithm == .slic && k > 2 && algorithm.inapplicabilityReason(for: responses) == nil ? "SLiC (extension)" : algorithm.name
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

    /// One sentence comparing the majority with the policy (see ``PolicyVerdict/sentence(ascii:)``).
    public static func verdict(logOdds: Double, p1: Double, ascii: Bool = false) -> String {
        PolicyVerdict(logOdds: logOdds, majorityShare: p1).sentence(ascii: ascii)
    }

    /// One word for the compact read-out (see ``PolicyVerdict/word``).
    public static func verdictWord(logOdds: Double, p1: Double) -> String {
        PolicyVerdict(logOdds: logOdds, majorityShare: p1).word
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

    /// The boundary of the current responses (F(zeta), J/|Y|, or G(zeta), G_J for rankings) and which side of it p*(1) lies, in words (from the core's ``Verdict``), about
    /// large |D|. When RLPO has no minimiser in the table shown (`rlpoHasMinimizer` false: the
    /// expected counts at this |D| too small to be told from 0, or given one-sided data) although
    /// one appears as |D| grows, a note says so, so that the verdict and the table never
    /// contradict each other.
    public static func boundary(_ parameters: ModelParameters, rlpoHasMinimizer: Bool = true) -> String {
        let verdict = FailureBoundary.verdictForResponses(parameters)
        guard verdict.oneSided == nil, verdict.limit != nil, !rlpoHasMinimizer else { return verdict.summary }
        return verdict.summary + "; at |D| = \(NumberFormatting.compact(parameters.dataSize)) the mixed data are"
            + " still one-sided, so RLPO keeps the base policy"
    }
}
