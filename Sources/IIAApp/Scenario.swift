import Foundation
import IIACore

/// The four combinations of query format and choice model the `c` key cycles through.
///
/// The order changes one thing at a time: the paper's Assumption 1 (sampled queries, the
/// dichotomy model), then fixed queries with the same IIA-violating choices (Sections 5.4 and 6:
/// still perverse, now at J/|Y|), then the control experiment with logit choices (IIA holds:
/// never perverse), with sampled and then fixed queries.
public enum ExplorerScenario: Int, CaseIterable, Sendable, Hashable {
    case assumption1, fixedQueries, logitChoices, fixedLogit

    /// The scenario of a setting.
    public init(_ parameters: ModelParameters) {
        switch (parameters.queries, parameters.choiceModel) {
        case (.sampled, .dichotomy): self = .assumption1
        case (.fixed, .dichotomy): self = .fixedQueries
        case (.sampled, .logit): self = .logitChoices
        case (.fixed, .logit): self = .fixedLogit
        }
    }

    /// A short name for the help overlay.
    public var name: String {
        switch self {
        case .assumption1: return "sampled+dichotomy"
        case .fixedQueries: return "fixed+dichotomy"
        case .logitChoices: return "sampled+logit"
        case .fixedLogit: return "fixed+logit"
        }
    }

    /// Whether every choice set holds a fixed number J of M1 messages.
    public var fixedQueries: Bool { self == .fixedQueries || self == .fixedLogit }
    /// Whether choices follow the logit model (IIA holds).
    public var logitChoices: Bool { self == .logitChoices || self == .fixedLogit }

    /// The scenario `offset` steps along the cycle.
    public func advanced(by offset: Int) -> ExplorerScenario {
        let all = Self.allCases
        return all[((rawValue + offset) % all.count + all.count) % all.count]
    }

    /// `parameters` switched to this scenario: J and R come from `fixedM1` and `rewardGap`
    /// (J clamped to 1…|Y|-1); p*(1) and zeta are kept.
    public func applied(to parameters: ModelParameters, fixedM1: Int, rewardGap: Double) -> ModelParameters {
        var p = parameters
        p.queries = fixedQueries ? .fixed(m1Count: min(max(1, fixedM1), max(1, p.k - 1))) : .sampled
        p.choiceModel = logitChoices ? .logit(rewardGap: rewardGap) : .dichotomy
        return p
    }

    /// In words, e.g. "fixed queries J = 2 of |Y| = 3, dichotomy choices" (`long`) or
    /// "fixed J=2 of |Y|=3, dichotomy".
    public static func describe(_ parameters: ModelParameters, long: Bool = true) -> String {
        let queries: String, choices: String
        switch parameters.queries {
        case .sampled: queries = long ? "sampled queries (Assumption 1)" : "sampled"
        case .fixed(let count): queries = long ? "fixed queries J = \(count) of |Y| = \(parameters.k)" : "fixed J=\(count) of |Y|=\(parameters.k)"
        }
        switch parameters.choiceModel {
        case .dichotomy: choices = long ? "dichotomy choices" : "dichotomy"
        case .logit(let gap):
            let r = NumberFormatting.compact(gap, significant: 3)
            choices = long ? "logit choices R = \(r)" : "logit R=\(r)"
        }
        return queries + ", " + choices
    }
}
