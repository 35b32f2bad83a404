import Foundation
import IIACore

/// The four combinations of query format and choice model the `c` key cycles through.
///
/// The order changes one thing at a time: the paper's Assumption 1 (sampled queries, the
/// dichotomy model), then fixed queries with the same IIA-violating choices (Sections 5.4 and 6:
/// still perverse, now at J/|Y|), then the control experiment with logit choices (IIA holds:
/// never perverse), with sampled and then fixed queries.
public enum ExplorerScenario: Int, CaseIterable, Sendable, Hashable, Codable {
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
    /// ", J = 2 fixed" for fixed queries, ", logit R = 0.5" for logit choices (nothing for
    /// Assumption 1): the explanation's title note.
    public static func note(_ parameters: ModelParameters, ascii: Bool) -> String {
        var note = ""
        if case .fixed(let count) = parameters.queries { note += ", J = \(count) fixed" }
        if case .logit(let gap) = parameters.choiceModel { note += ", logit R = \(NumberFormatting.compact(gap, significant: 3, ascii: ascii))" }
        return note
    }

    /// The boundary summary's lead, e.g. "Fixed sets, J/|Y| = 2/3: " or "|Y| = 2 (pairs: F = 1/2): "
    /// (nothing under logit choices, whose summary says it all).
    public static func boundaryLead(_ parameters: ModelParameters) -> String {
        switch (parameters.queries, parameters.choiceModel) {
        case (_, .logit): return ""
        case (.fixed(let count), _): return "Fixed sets, J/|Y| = \(count)/\(parameters.k): "
        case (.sampled, _): return "|Y| = \(parameters.k)" + (parameters.k == 2 ? " (pairs: F = 1/2)" : "") + ": "
        }
    }

    /// The boundary chart's title in this scenario (nil: the chart's own title).
    public static func boundaryChartTitle(_ parameters: ModelParameters) -> String? {
        switch (parameters.queries, parameters.choiceModel) {
        case (_, .logit): return "Failure boundary: none"
        case (.fixed, _): return "Failure boundary J/|Y|"
        case (.sampled, _): return nil
        }
    }
}
