import Foundation

/// A message category.
public enum Category: String, Sendable, Codable, Hashable {
    case m1 = "M1"
    case m2 = "M2"
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
        // Pairs: exactly 1/2 (the general formula rounds to a neighbour of it for most zeta).
        if k == 2 { return 0.5 }
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
        let limit = side(of: p1, from: boundary)
        let majority: Category? = p1 > 0.5 ? .m1 : (p1 < 0.5 ? .m2 : nil)
        return Verdict(p1: p1, boundary: boundary, limit: limit, majority: majority)
    }

    /// The verdict for a setting, with its query format and choice model.
    ///
    /// In the population limit the reward gap has the sign of F - s, where F = E[j/k | mixed]
    /// is the share of M1 among the offered messages of mixed choice sets (F(zeta) for sampled
    /// queries, J/k for fixed ones) and s = E[P(M1 chosen | j) | mixed] the share of mixed
    /// choices that go to M1 (p*(1) for the dichotomy model). Under logit choices s > F exactly
    /// when the reward gap R > 0: an IIA model fitted to IIA data recovers the right category.
    public static func verdict(_ parameters: ModelParameters) -> Verdict {
        let k = parameters.k
        let boundary: Double, name: String
        switch parameters.queries {
        case .sampled: (boundary, name) = (F(zeta: parameters.zeta, k: k), "F(zeta)")
        case .fixed(let count): (boundary, name) = (Double(count) / Double(k), "J/|Y|")
        }
        var result: Verdict
        switch parameters.choiceModel {
        case .dichotomy:
            result = verdict(p1: parameters.p1, zeta: parameters.zeta, k: k)
            result.boundary = boundary
            result.limit = side(of: parameters.p1, from: boundary)
        case .logit(let gap):
            let cells = CellProbabilities(parameters)
            var mixed = 0.0, toM1 = 0.0
            for j in 1..<k {
                mixed += cells.rowProbability(j)
                toM1 += cells.choseM1[j]
            }
            let share = mixed > 0 ? toM1 / mixed : parameters.choiceModel.pairwiseShareM1(p1: parameters.p1)
            let side: Category? = gap > 0 ? .m1 : (gap < 0 ? .m2 : nil)
            result = Verdict(
                p1: share, boundary: boundary, limit: side, majority: side,
                majorityShare: StableMath.sigmoid(gap), choiceModel: parameters.choiceModel)
        }
        result.boundaryName = name
        result.oneSided = oneSidedCategory(CellProbabilities(parameters))
        if result.oneSided != nil { result.limit = nil }
        return result
    }

    /// Where `share` lies from `boundary`: M1 above, M2 below, nil on it. Within four units in
    /// the last place counts as on it: F(zeta) is computed to a few ulps, so a p*(1) that
    /// equals the boundary exactly (|Y| = 3, zeta = 0.8, p*(1) = 0.6) is never put on one side
    /// by rounding.
    static func side(of share: Double, from boundary: Double) -> Category? {
        if abs(share - boundary) <= 4 * boundary.ulp { return nil }
        return share > boundary ? .m1 : .m2
    }

    /// The category every mixed choice goes to, when the model gives the other one no chance
    /// (p*(1) = 0 or 1, or a logit reward gap beyond the double range); nil otherwise.
    static func oneSidedCategory(_ cells: CellProbabilities) -> Category? {
        var toM1 = 0.0, toM2 = 0.0
        for j in 1..<(cells.choseM1.count - 1) {
            toM1 += cells.choseM1[j]
            toM2 += cells.choseM2[j]
        }
        if toM1 > 0 && toM2 == 0 { return .m1 }
        if toM2 > 0 && toM1 == 0 { return .m2 }
        return nil
    }
}

/// Where RLPO and DPO go as |D| grows, and whether that goes against the majority.
public struct Verdict: Sendable, Hashable {
    /// The share of mixed choices that go to M1: p*(1) for the dichotomy model.
    public var p1: Double
    /// F: F(zeta) for sampled queries, J/|Y| for fixed ones.
    public var boundary: Double
    /// The category RLPO/DPO converge to (nil exactly on the boundary).
    public var limit: Category?
    /// The category a majority prefers (nil at a tie).
    public var majority: Category?
    /// The share preferring M1 one-versus-one: p*(1), or sigmoid(R) for logit choices.
    public var majorityShare: Double
    /// The choice model behind the data.
    public var choiceModel: ChoiceModel
    /// How the boundary is named in words: "F(zeta)", or "J/|Y|" for fixed queries.
    public var boundaryName = "F(zeta)"
    /// The category every mixed choice goes to when the data are one-sided at every |D|
    /// (p*(1) = 0 or 1): the IIA likelihood then has no minimiser at any |D|, RLPO keeps the
    /// base policy and DPO the uniform one (``limit`` is nil). Nil otherwise.
    public var oneSided: Category?

    public init(
        p1: Double, boundary: Double, limit: Category?, majority: Category?,
        majorityShare: Double? = nil, choiceModel: ChoiceModel = .dichotomy
    ) {
        self.p1 = p1
        self.boundary = boundary
        self.limit = limit
        self.majority = majority
        self.majorityShare = majorityShare ?? p1
        self.choiceModel = choiceModel
    }

    /// True when the policy converges to the category the majority does not prefer.
    public var isPerverse: Bool {
        guard oneSided == nil, let limit, let majority else { return false }
        return limit != majority
    }

    /// One sentence for read-outs, about the limit of large |D| (it says so: "as |D| grows").
    public var summary: String {
        if let oneSided {
            return "one-sided data: every mixed choice goes to \(oneSided.rawValue), so RLPO/DPO have no minimiser"
                + " at any |D| (RLPO keeps the base policy, DPO the uniform one)"
        }
        if case .logit(let gap) = choiceModel {
            let r = String(format: "%.3g", gap)
            guard let limit else { return "logit choices with R = 0: no category is preferred, the reward gap tends to 0" }
            return "as |D| grows: logit choices (IIA holds), R = \(r): RLPO/DPO recover the reward gap and converge to \(limit.rawValue)"
        }
        let (p, f) = Self.distinguishing(p1, boundary)
        guard let limit else {
            return "on the boundary: p*(1) = \(boundaryName) = \(String(format: "%.4f", boundary)), the reward gap tends to 0"
        }
        let side = limit == .m1 ? "p*(1) = \(p) > \(boundaryName) = \(f)" : "p*(1) = \(p) < \(boundaryName) = \(f)"
        if isPerverse { return "as |D| grows: perverse: \(side), RLPO/DPO converge to \(limit.rawValue) against the majority" }
        return "as |D| grows: \(side): RLPO/DPO converge to \(limit.rawValue)"
    }

    /// `a` and `b` with as many significant digits as it takes to tell them apart (at least 3
    /// and 4): "0.64126" and "0.641266", not "0.641" and "0.6413".
    static func distinguishing(_ a: Double, _ b: Double) -> (String, String) {
        var digits = 3
        while digits < 17 {
            let (x, y) = (String(format: "%.\(digits)g", a), String(format: "%.\(digits + 1)g", b))
            if a == b || (Double(x) != Double(y) && Double(x).map { ($0 < b) == (a < b) } == true) { return (x, y) }
            digits += 1
        }
        return (String(format: "%.17g", a), String(format: "%.17g", b))
    }
}
