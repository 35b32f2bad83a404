/// What each annotator returns for a query: one chosen message (the paper's setting) or a
/// ranking of the whole set.
///
/// A type-z annotator who ranks puts the offered messages of category z first, in uniform random
/// order, then the rest in uniform random order. Under Assumptions 2–3 the (k+1) x 2 table of
/// ``PreferenceCounts`` stays sufficient for rankings: row j holds the queries with j messages of
/// M1, the column is the category ranked first. RLPO, DPO and IL then use the Plackett–Luce
/// likelihood (``PlackettLuceLikelihood``), RLPO-pairwise breaks each ranking into its M1-M2 pairs,
/// TypeMLE is unchanged and SLiC does not apply.
public enum ResponseFormat: String, Codable, CaseIterable, Sendable, Hashable {
    /// Each annotator chooses one message of the query.
    case choice
    /// Each annotator ranks every message of the query.
    case ranking

    /// The command-line name.
    public var name: String { rawValue }

    /// Why `--responses ranking` cannot go with logit choices (the text of the validation error).
    static let logitRankingRestriction =
        "choice with --choice-model logit: a logit annotator's ranking is a Plackett-Luce draw whose order"
        + " after the first category carries information, so the row x first-category table no longer"
        + " summarises it (rankings need --choice-model dichotomy)"
}

extension Algorithm {
    /// Nil when the algorithm applies to `responses`; otherwise why it does not.
    public func inapplicabilityReason(for responses: ResponseFormat) -> String? {
        guard responses == .ranking, self == .slic else { return nil }
        return "SLiC is defined for choices only: its hinge compares the chosen message with the rest of"
            + " the choice set, and a ranking has no single chosen message"
    }
}

extension AlgorithmResult {
    /// False when the algorithm does not apply to the responses (``Termination/notApplicable``):
    /// then ``logOdds`` and ``pM1`` are NaN (there is no policy to report) and must not be shown.
    public var isApplicable: Bool { termination != .notApplicable }
}
