/// The charts of the explorer.
public enum ChartKind: String, CaseIterable, Sendable, Hashable {
    /// P(M1) against |D| (the paper's Figure 2).
    case data
    /// P(M1) against |M2| (the paper's Figure 3).
    case m2
    /// The failure boundary F(zeta) in the (zeta, p*(1)) square.
    case boundary
    /// One algorithm's objective against its scalar, with the solver's path on it.
    case landscape
    /// P(M1) of one algorithm over the (zeta, p*(1)) square at the current |D|: a finite-data
    /// phase diagram, with the boundary F(zeta) (G with rankings) over it.
    case phase

    public var title: String {
        switch self {
        case .data: return "P(M1) against |D|"
        case .m2: return "P(M1) against |M2|"
        case .boundary: return "Failure boundary F(zeta)"
        case .landscape: return "Objective landscape"
        case .phase: return "Phase diagram P(M1)"
        }
    }
}
