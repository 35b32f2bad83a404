import Foundation
import IIACore

/// The combinations of query format, choice model and responses the `c` key cycles through:
/// all six but rankings with logit choices (not a valid setting, see ``ModelParameters/validate()``).
///
/// The order changes one thing at a time where it can: the paper's Assumption 1 (sampled
/// queries, the dichotomy model), then fixed queries with the same IIA-violating choices
/// (Sections 5.4 and 6: still perverse, now at J/|Y|), then the control experiment with logit
/// choices (IIA holds: never perverse), with sampled and then fixed queries; then rank-order
/// responses from the dichotomy model (the boundary becomes G: the bias flips towards the
/// over-sampled category), with fixed and then sampled queries, back to Assumption 1.
public enum ExplorerScenario: Int, CaseIterable, Sendable, Hashable, Codable {
    case assumption1, fixedQueries, logitChoices, fixedLogit, fixedRankings, rankings

    /// The scenario of a setting (rankings with logit choices, which validation refuses, count
    /// as logit choices).
    public init(_ parameters: ModelParameters) {
        let rankings = parameters.responses == .ranking
        switch (parameters.queries, parameters.choiceModel) {
        case (.sampled, .dichotomy): self = rankings ? .rankings : .assumption1
        case (.fixed, .dichotomy): self = rankings ? .fixedRankings : .fixedQueries
        case (.sampled, .logit): self = .logitChoices
        case (.fixed, .logit): self = .fixedLogit
        }
    }

    /// Whether every choice set holds a fixed number J of M1 messages.
    public var fixedQueries: Bool { self == .fixedQueries || self == .fixedLogit || self == .fixedRankings }
    /// Whether choices follow the logit model (IIA holds).
    public var logitChoices: Bool { self == .logitChoices || self == .fixedLogit }
    /// What annotators return: rankings in the last two scenarios.
    public var responses: ResponseFormat { self == .rankings || self == .fixedRankings ? .ranking : .choice }

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
        p.responses = responses
        return p
    }

    /// In words, e.g. "fixed queries J = 2 of |Y| = 3, dichotomy choices" (`long`) or
    /// "fixed J=2 of |Y|=3, dichotomy"; with rankings "…, dichotomy rankings" or "…, dichotomy, rankings".
    public static func describe(_ parameters: ModelParameters, long: Bool = true) -> String {
        let described = describeChoices(parameters, long: long)
        guard parameters.responses == .ranking else { return described }
        return long ? String(described.dropLast(" choices".count)) + " rankings" : described + ", rankings"
    }

    /// The query format and choice model in words (``describe(_:long:)`` without the responses).
    static func describeChoices(_ parameters: ModelParameters, long: Bool) -> String {
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
    /// ", J = 2 fixed" for fixed queries, ", logit R = 0.5" for logit choices (nothing for
    /// Assumption 1): the explanation's title note.
    public static func note(_ parameters: ModelParameters, ascii: Bool) -> String {
        var note = ""
        if case .fixed(let count) = parameters.queries { note += ", J = \(count) fixed" }
        if case .logit(let gap) = parameters.choiceModel { note += ", logit R = \(NumberFormatting.compact(gap, significant: 3, ascii: ascii))" }
        if parameters.responses == .ranking { note += ", rankings" }
        return note
    }

    /// The boundary summary's lead, e.g. "Fixed sets, J/|Y| = 2/3: " or "|Y| = 2 (pairs: F = 1/2): "
    /// (nothing under logit choices, whose summary says it all).
    public static func boundaryLead(_ parameters: ModelParameters) -> String {
        if parameters.responses == .ranking, case .dichotomy = parameters.choiceModel {
            switch parameters.queries {
            case .fixed(let count): return "Rankings, J = \(count) of |Y| = \(parameters.k): "
            case .sampled: return "Rankings, |Y| = \(parameters.k)" + (parameters.k == 2 ? " (pairs: G = 1/2)" : "") + ": "
            }
        }
        switch (parameters.queries, parameters.choiceModel) {
        case (_, .logit): return ""
        case (.fixed(let count), _): return "Fixed sets, J/|Y| = \(count)/\(parameters.k): "
        case (.sampled, _): return "|Y| = \(parameters.k)" + (parameters.k == 2 ? " (pairs: F = 1/2)" : "") + ": "
        }
    }

    /// The boundary chart's title in this scenario (nil: the chart's own title).
    public static func boundaryChartTitle(_ parameters: ModelParameters) -> String? {
        if parameters.responses == .ranking, case .dichotomy = parameters.choiceModel {
            if case .fixed = parameters.queries { return "Failure boundary G_J (rankings)" }
            return "Failure boundary G(zeta) (rankings)"
        }
        switch (parameters.queries, parameters.choiceModel) {
        case (_, .logit): return "Failure boundary: none"
        case (.fixed, _): return "Failure boundary J/|Y|"
        case (.sampled, _): return nil
        }
    }
}
