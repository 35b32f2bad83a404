/// The failure boundary of the setting's own responses: F (``FailureBoundary``) for choices,
/// G (``RankingBoundary``) for rankings. Readers that show "the boundary" use these, so that the
/// verdict, the chart and the JSON never mix the two.
extension FailureBoundary {
    /// Where RLPO and DPO go as |D| grows for the setting's responses: ``verdict(_:)`` for
    /// choices, ``RankingBoundary/verdict(_:)`` for rankings (its ``Verdict/boundaryName`` is
    /// "G(zeta)" or "G_J").
    public static func verdictForResponses(_ parameters: ModelParameters) -> Verdict {
        switch parameters.responses {
        case .choice: return verdict(parameters)
        case .ranking: return RankingBoundary.verdict(parameters)
        }
    }

    /// The boundary of sampled queries of size `k` for `responses`: F(zeta) or G(zeta).
    public static func boundary(zeta: Double, k: Int, responses: ResponseFormat) -> Double {
        switch responses {
        case .choice: return F(zeta: zeta, k: k)
        case .ranking: return RankingBoundary.G(zeta: zeta, k: k)
        }
    }

    /// The boundary of fixed queries (J of the k messages in M1) for `responses`: J/|Y| or G_J.
    public static func boundary(fixedM1Count count: Int, k: Int, responses: ResponseFormat) -> Double {
        switch responses {
        case .choice: return Double(count) / Double(k)
        case .ranking: return RankingBoundary.G(fixedM1Count: count, k: k)
        }
    }
}
