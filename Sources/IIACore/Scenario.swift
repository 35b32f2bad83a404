import Foundation

/// How the choice sets of the preference data are formed.
public enum QueryFormat: Hashable, Sendable, Codable {
    /// Each of the k messages is drawn from the base policy (Assumption 1): the number of M1
    /// messages in a set is Binomial(k, zeta).
    case sampled
    /// Every choice set holds exactly `m1Count` messages of M1 and k - m1Count of M2 (the
    /// paper's Section 5.4 thought experiment and Section 6 study).
    case fixed(m1Count: Int)

    /// The command-line name.
    public var name: String {
        switch self {
        case .sampled: return "sampled"
        case .fixed: return "fixed"
        }
    }
}

/// How an individual chooses from a choice set.
public enum ChoiceModel: Hashable, Sendable, Codable {
    /// Section 3.6: a share p*(1) prefers M1 and picks uniformly among the offered M1 messages
    /// (uniformly among all when none is offered); the rest likewise for M2. Violates IIA.
    case dichotomy
    /// Section 3.4: logit choices with base rewards r(M1) - r(M2) = `rewardGap`. Satisfies IIA.
    case logit(rewardGap: Double)

    /// The command-line name.
    public var name: String {
        switch self {
        case .dichotomy: return "dichotomy"
        case .logit: return "logit"
        }
    }

    /// P(the chosen message is an M1 message | j of the k offered are M1), 0 < j < k.
    public func choiceShareM1(offeredM1 j: Int, of k: Int, p1: Double) -> Double {
        choiceShares(offeredM1: j, of: k, p1: p1).m1
    }

    /// P(the choice is an M1 message) and P(it is an M2 message) given j of the k offered are
    /// M1 (0 < j < k), each computed on its own: the smaller share is never formed as 1 minus
    /// the larger, so under logit choices with a reward gap R of hundreds the M2 share keeps its
    /// e^-R size to full relative precision.
    public func choiceShares(offeredM1 j: Int, of k: Int, p1: Double) -> (m1: Double, m2: Double) {
        switch self {
        case .dichotomy:
            return (p1, 1 - p1)
        case .logit(let gap):
            // j e^R / (j e^R + (k - j)) and (k - j) / (j e^R + (k - j)), with e^-|R| ≤ 1 formed
            // once from the exact |R| (no rounding of R + ln(j / (k - j)) enters the exponent).
            let (a, b) = (Double(j), Double(k - j))
            let small = exp(-abs(gap))
            if gap >= 0 {
                let denominator = a + b * small
                return (a / denominator, b * small / denominator)
            }
            let denominator = a * small + b
            return (a * small / denominator, b / denominator)
        }
    }

    /// The share of the population that prefers M1 in a one-versus-one comparison: p*(1) for
    /// the dichotomy model, sigmoid(R) for logit choices.
    public func pairwiseShareM1(p1: Double) -> Double {
        switch self {
        case .dichotomy: return p1
        case .logit(let gap): return StableMath.sigmoid(gap)
        }
    }
}
