import IIACore

/// How one algorithm's policy compares with the population: the verdict of the read-out and
/// the explanation, with its numbers. Its words are written here and nowhere else.
public struct PolicyVerdict: Hashable, Sendable {
    /// The verdict in one word.
    public enum Kind: String, Hashable, Sendable {
        /// The policy favours the category the majority does not prefer.
        case perverse
        /// It favours the majority's category.
        case aligned
        /// It produces M1 as often as people prefer M1 (within half a percentage point).
        case inclusive
        /// P(M1) = 1/2 while a majority exists.
        case undecided
        /// No majority, and the policy is not inclusive.
        case tie
        /// P(M1) is not available (NaN log-odds).
        case unavailable
        /// The algorithm does not apply to the responses (SLiC on rankings): there is no policy.
        case notApplicable
    }

    /// How a verdict is coloured: a warning (red), good (green) or neutral.
    public enum Tone: Hashable, Sendable {
        case warning, good, neutral
    }

    /// The policy's log-odds of M1.
    public var logOdds: Double
    /// The share preferring M1 one-versus-one: p*(1), or sigmoid(R) under logit choices.
    public var majorityShare: Double
    /// The category a majority prefers (nil at a tie) and the one the policy favours (nil at 1/2).
    public var majority: Category?
    public var policy: Category?
    public var kind: Kind
    /// Why the algorithm does not apply (``Kind/notApplicable``), nil otherwise.
    public var inapplicabilityReason: String?

    /// The verdict on one solver result for `parameters`: ``Kind/notApplicable`` (with the
    /// reason) when the algorithm does not apply to the responses, else as
    /// ``init(logOdds:majorityShare:)`` with the one-versus-one share of the choice model.
    public init(_ result: AlgorithmResult, parameters: ModelParameters) {
        self.init(logOdds: result.logOdds, majorityShare: parameters.choiceModel.pairwiseShareM1(p1: parameters.p1))
        guard !result.isApplicable || result.algorithm.inapplicabilityReason(for: parameters.responses) != nil else { return }
        kind = .notApplicable
        policy = nil
        inapplicabilityReason = result.algorithm.inapplicabilityReason(for: parameters.responses) ?? Termination.notApplicable.summary
    }

    /// The verdict on a policy with `logOdds` when a share `majorityShare` prefers M1.
    public init(logOdds: Double, majorityShare: Double) {
        self.logOdds = logOdds
        self.majorityShare = majorityShare
        majority = majorityShare > 0.5 ? .m1 : (majorityShare < 0.5 ? .m2 : nil)
        policy = logOdds > 0 ? .m1 : (logOdds < 0 ? .m2 : nil)
        let pM1 = StableMath.probability(fromLogOdds: logOdds)
        if logOdds.isNaN {
            kind = .unavailable
        } else if let majority {
            if let policy {
                kind = policy != majority ? .perverse : (abs(pM1 - majorityShare) <= 0.005 ? .inclusive : .aligned)
            } else {
                kind = .undecided
            }
        } else {
            kind = abs(pM1 - 0.5) <= 0.005 ? .inclusive : .tie
        }
    }

    /// The compact read-out's word: "perverse", "aligned", "inclusive", "undecided", "tie", "n/a".
    public var word: String { kind == .unavailable || kind == .notApplicable ? "n/a" : kind.rawValue }

    /// What the read-out shows instead of numbers when the algorithm does not apply.
    public static let notApplicableText = "n/a for rankings"

    /// The word's colour.
    public var tone: Tone {
        switch kind {
        case .perverse: return .warning
        case .aligned, .inclusive: return .good
        case .undecided, .tie, .unavailable, .notApplicable: return .neutral
        }
    }

    /// The sentence's colour: as the word's, but neutral without a majority.
    public var sentenceTone: Tone { majority == nil ? .neutral : tone }

    /// One sentence comparing the majority with the policy, e.g.
    /// "perverse: 60% prefer M1, the policy produces M1 0.3% of the time".
    public func sentence(ascii: Bool = false) -> String {
        if kind == .notApplicable { return Self.notApplicableText + ": " + (inapplicabilityReason ?? "") }
        let opening: String
        if let majority {
            let share = NumberFormatting.percent(majority == .m1 ? majorityShare : 1 - majorityShare, ascii: ascii)
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
        return opening + ", " + Self.policyPhrase(logOdds: logOdds, ascii: ascii)
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
}
