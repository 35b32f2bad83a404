import Foundation

/// The failure boundary of RLPO and DPO on rank-order responses: the counterpart of
/// ``FailureBoundary``'s F(zeta).
///
/// At u = 0 a type-1 ranking of a set with j M1 and k - j M2 messages adds
/// S1_j = Σ_{i=1..j} (k-j)/(i + k-j) to the Plackett–Luce derivative and a type-2 ranking
/// subtracts S2_j = Σ_{i=1..k-j} j/(j + i) (``PlackettLuceLikelihood``). In the population limit
/// the derivative at 0 is therefore |D| Σ_j P(j) [p S1_j - (1-p) S2_j], and since the likelihood
/// is convex the reward gap u is negative (RLPO converges to M1) exactly when
///
///     p*(1) > G = S2 / (S1 + S2),  S1 = Σ_j P(j) S1_j,  S2 = Σ_j P(j) S2_j,
///
/// P(j) the probability that a query holds j messages of M1. In harmonic numbers
/// S1_j = (k-j)(H_k - H_{k-j}) and S2_j = j(H_k - H_j). Swapping the categories swaps S1 and S2,
/// so G(zeta) + G(1 - zeta) = 1, and G = 1/2 for |Y| = 2. Unlike F, G lies on the over-sampled
/// category's side of 1/2: rank-order feedback favours the category the base policy offers more.
///
/// With fixed queries (every set holds J of the |Y| messages in M1) P is a point mass and the
/// counterpart of F = J/|Y| is G_J = S2_J / (S1_J + S2_J) =
/// J(H_k - H_J) / (J(H_k - H_J) + (k-J)(H_k - H_{k-J})): for |Y| = 3, J = 1 it is 5/9 where F = 1/3.
public enum RankingBoundary {
    /// (S1_j, S2_j): what a type-1 ranking adds to the derivative at u = 0, and what a type-2
    /// ranking subtracts, for a set with j M1 messages among k (0 < j < k).
    public static func rowSums(j: Int, k: Int) -> (typeOne: Double, typeTwo: Double) {
        let (a, b) = (Double(j), Double(k - j))
        var typeOne = 0.0, typeTwo = 0.0
        for i in stride(from: j, through: 1, by: -1) { typeOne += b / (Double(i) + b) }
        for i in stride(from: k - j, through: 1, by: -1) { typeTwo += a / (a + Double(i)) }
        return (typeOne, typeTwo)
    }

    /// G(zeta) for sampled queries of size k (zeta strictly between 0 and 1, k ≥ 2).
    public static func G(zeta: Double, k: Int) -> Double {
        if k == 2 { return 0.5 }
        // P(j) relative to the largest mixed row's probability (in logs: no underflow at any zeta).
        let logZeta = log(zeta), logOther = log1p(-zeta)
        let logSetCount: Double = lgamma(Double(k + 1))
        let logWeights: [Double] = (1..<k).map { j in
            let logChoose: Double = logSetCount - lgamma(Double(j + 1)) - lgamma(Double(k - j + 1))
            return logChoose + Double(j) * logZeta + Double(k - j) * logOther
        }
        let largest = logWeights.max() ?? 0
        var typeOne = 0.0, typeTwo = 0.0
        for j in 1..<k {
            let weight = exp(logWeights[j - 1] - largest)
            let sums = rowSums(j: j, k: k)
            typeOne += weight * sums.typeOne
            typeTwo += weight * sums.typeTwo
        }
        return typeTwo / (typeOne + typeTwo)
    }

    /// G_J for fixed queries: every set holds `fixedM1Count` = J of its k messages in M1 (0 < J < k).
    public static func G(fixedM1Count count: Int, k: Int) -> Double {
        let sums = rowSums(j: count, k: k)
        return sums.typeTwo / (sums.typeOne + sums.typeTwo)
    }

    /// G for a setting's query format: G(zeta) for sampled queries, G_J for fixed ones.
    public static func G(_ parameters: ModelParameters) -> Double {
        switch parameters.queries {
        case .sampled: return G(zeta: parameters.zeta, k: parameters.k)
        case .fixed(let count): return G(fixedM1Count: count, k: parameters.k)
        }
    }

    /// Where RLPO and DPO on rankings go as |D| grows, for the dichotomy model (the side of G that
    /// p*(1) lies on). Logit rankings are not a valid setting (``ModelParameters/validate()``); for
    /// them the Plackett–Luce model is well specified and recovers the reward gap's sign, which is
    /// ``FailureBoundary/verdict(_:)``'s logit verdict.
    public static func verdict(_ parameters: ModelParameters) -> Verdict {
        if case .logit = parameters.choiceModel { return FailureBoundary.verdict(parameters) }
        let boundary = G(parameters)
        let p = parameters.p1
        let majority: Category? = p > 0.5 ? .m1 : (p < 0.5 ? .m2 : nil)
        var result = Verdict(p1: p, boundary: boundary, limit: FailureBoundary.side(of: p, from: boundary), majority: majority)
        switch parameters.queries {
        case .sampled: result.boundaryName = "G(zeta)"
        case .fixed: result.boundaryName = "G_J"
        }
        result.oneSided = FailureBoundary.oneSidedCategory(CellProbabilities(parameters))
        if result.oneSided != nil { result.limit = nil }
        return result
    }
}
