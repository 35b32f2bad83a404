import Foundation

/// A message category.
public enum Category: String, Sendable, Codable, Hashable {
    case m1 = "M1"
    case m2 = "M2"

    public var other: Category { self == .m1 ? .m2 : .m1 }
}

/// The failure boundary of RLPO and DPO (Propositions 4 and 5) and what it implies.
///
/// F(zeta) = (zeta - zeta^k) / (1 - zeta^k - (1 - zeta)^k) is the share of choices that an IIA
/// model expects M1 to win in mixed choice sets when both categories are equally rewarded. In
/// the population limit the learned reward gap has the sign of F(zeta) - p*(1), so RLPO and DPO
/// converge to M2 when p*(1) < F(zeta) and to M1 when p*(1) > F(zeta). For k = 2, F = 1/2.
public enum FailureBoundary {
    /// F(zeta) for choice sets of size k (zeta strictly between 0 and 1, k ≥ 2).
    public static func F(zeta: Double, k: Int) -> Double {
        let kk = Double(k)
        let zetaPower = exp(kk * log(zeta))
        let denominator = -expm1(kk * log1p(-zeta)) - zetaPower
        let numerator = zeta - zetaPower
        guard denominator > 0 else { return 1 / kk }
        return numerator / denominator
    }

    /// The verdict for (p*(1), zeta, k).
    public static func verdict(p1: Double, zeta: Double, k: Int) -> Verdict {
        let boundary = F(zeta: zeta, k: k)
        let limit: Category? = p1 > boundary ? .m1 : (p1 < boundary ? .m2 : nil)
        let majority: Category? = p1 > 0.5 ? .m1 : (p1 < 0.5 ? .m2 : nil)
        return Verdict(p1: p1, boundary: boundary, limit: limit, majority: majority)
    }

    public static func verdict(_ parameters: ModelParameters) -> Verdict {
        verdict(p1: parameters.p1, zeta: parameters.zeta, k: parameters.k)
    }
}

/// Where RLPO and DPO go as |D| grows, and whether that goes against the majority.
public struct Verdict: Sendable, Hashable {
    public var p1: Double
    /// F(zeta) for the current |Y|.
    public var boundary: Double
    /// The category RLPO/DPO converge to (nil exactly on the boundary).
    public var limit: Category?
    /// The category a majority prefers (nil at p*(1) = 1/2).
    public var majority: Category?

    /// True when the policy converges to the category the majority does not prefer.
    public var isPerverse: Bool {
        guard let limit, let majority else { return false }
        return limit != majority
    }

    /// One sentence for read-outs.
    public var summary: String {
        let p = String(format: "%.3g", p1), f = String(format: "%.4f", boundary)
        guard let limit else { return "on the boundary: p*(1) = F(zeta) = \(f), the reward gap tends to 0" }
        let side = limit == .m1 ? "p*(1) = \(p) > F(zeta) = \(f)" : "p*(1) = \(p) < F(zeta) = \(f)"
        if isPerverse { return "perverse: \(side), RLPO/DPO converge to \(limit.rawValue) against the majority" }
        return "\(side): RLPO/DPO converge to \(limit.rawValue)"
    }
}
