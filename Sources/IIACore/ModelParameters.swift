/// The settings of the paper's model (Assumptions 1–3) and of the algorithms.
///
/// Defaults are the paper's simulation setup (Section 5.3): |M1| = 10, |M2| = 100,
/// p*(1) = 0.6, P_base(M1) = 0.8, |Y| = 2, beta = 1, SLiC margin 1, |D| = 1000.
public struct ModelParameters: Hashable, Sendable, Codable {
    /// |M1|, the number of messages in the first category (integer ≥ 1).
    public var m1: Int
    /// |M2|, the number of messages in the second category (integer ≥ 1).
    public var m2: Int
    /// p*(1), the share of the population that prefers M1 (in [0, 1]).
    public var p1: Double
    /// zeta = P_base(M1), the base policy's mass on M1 (strictly between 0 and 1).
    public var zeta: Double
    /// k = |Y|, the number of messages in each choice set (2…64).
    public var k: Int
    /// beta, the KL weight (> 0).
    public var beta: Double
    /// delta, the SLiC margin (≥ 0).
    public var delta: Double
    /// |D|, the dataset size (> 0; real-valued for expected data).
    public var dataSize: Double
    /// How choice sets are formed (Assumption 1 by default).
    public var queries: QueryFormat
    /// How individuals choose (the dichotomy model by default).
    public var choiceModel: ChoiceModel
    /// What each annotator returns: one choice (the default) or a ranking of the whole set.
    public var responses: ResponseFormat

    public init(
        m1: Int = 10, m2: Int = 100, p1: Double = 0.6, zeta: Double = 0.8, k: Int = 2,
        beta: Double = 1, delta: Double = 1, dataSize: Double = 1000,
        queries: QueryFormat = .sampled, choiceModel: ChoiceModel = .dichotomy, responses: ResponseFormat = .choice
    ) {
        self.queries = queries
        self.responses = responses
        self.choiceModel = choiceModel
        self.m1 = m1
        self.m2 = m2
        self.p1 = p1
        self.zeta = zeta
        self.k = k
        self.beta = beta
        self.delta = delta
        self.dataSize = dataSize
    }

    /// The paper's defaults.
    public static let paperDefaults = ModelParameters()

    /// The allowed range of |Y|.
    public static let choiceSetSizes: ClosedRange<Int> = 2...64

    /// The largest |D|: beyond it the expected count table's cells can add up to more than the
    /// largest double (its total would be infinite).
    public static let largestDataSize = 1e300

    /// ln(|M2| / |M1|): the shift between the policy's category log-odds and its parameter gap.
    public var logSizeRatio: Double { log(Double(m2)) - log(Double(m1)) }

    /// logit(zeta): the base policy's log-odds of M1 against M2.
    public var baseLogOdds: Double { StableMath.logit(zeta) }

    /// Checks every field; the error names the field (as a command-line option) and what is allowed.
    public func validate() throws(ParameterError) {
        if m1 < 1 { throw ParameterError(field: "m1", allowed: "a whole number ≥ 1") }
        if m2 < 1 { throw ParameterError(field: "m2", allowed: "a whole number ≥ 1") }
        if !(p1.isFinite && p1 >= 0 && p1 <= 1) { throw ParameterError(field: "p1", allowed: "a number in [0, 1]") }
        if !(zeta.isFinite && zeta > 0 && zeta < 1) {
            throw ParameterError(field: "zeta", allowed: "a number strictly between 0 and 1")
        }
        if !Self.choiceSetSizes.contains(k) { throw ParameterError(field: "k", allowed: "a whole number from 2 to 64") }
        if !(beta.isFinite && beta > 0) {
            throw ParameterError(field: "beta", allowed: "a finite number > 0 (at 0 the DPO loss is constant)")
        }
        if !(delta.isFinite && delta >= 0) { throw ParameterError(field: "delta", allowed: "a finite number ≥ 0") }
        if !(dataSize > 0 && dataSize <= Self.largestDataSize) {
            throw ParameterError(field: "data", allowed: "a number > 0 and at most 1e300")
        }
        if case .fixed(let count) = queries, !(1...(k - 1)).contains(count) {
            throw ParameterError(field: "fixed-m1", allowed: "a whole number from 1 to |Y| - 1 = \(k - 1)")
        }
        if case .logit(let gap) = choiceModel, !gap.isFinite {
            throw ParameterError(field: "reward-gap", allowed: "a finite number")
        }
        if responses == .ranking, case .logit = choiceModel {
            throw ParameterError(field: "responses", allowed: ResponseFormat.logitRankingRestriction)
        }
    }
}

import Foundation

extension ModelParameters {
    /// Decodes every field; `responses` may be absent (JSON written before it existed) and is then
    /// `.choice`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        m1 = try container.decode(Int.self, forKey: .m1)
        m2 = try container.decode(Int.self, forKey: .m2)
        p1 = try container.decode(Double.self, forKey: .p1)
        zeta = try container.decode(Double.self, forKey: .zeta)
        k = try container.decode(Int.self, forKey: .k)
        beta = try container.decode(Double.self, forKey: .beta)
        delta = try container.decode(Double.self, forKey: .delta)
        dataSize = try container.decode(Double.self, forKey: .dataSize)
        queries = try container.decode(QueryFormat.self, forKey: .queries)
        choiceModel = try container.decode(ChoiceModel.self, forKey: .choiceModel)
        responses = try container.decodeIfPresent(ResponseFormat.self, forKey: .responses) ?? .choice
    }
}

/// A setting outside its allowed range: names the field and what is allowed.
public struct ParameterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field, spelled as its command-line option without dashes (`m1`, `p1`, `data`, ...).
    public var field: String
    /// What the field accepts, in words.
    public var allowed: String

    public init(field: String, allowed: String) {
        self.field = field
        self.allowed = allowed
    }

    public var description: String { "--\(field) must be \(allowed)" }
}
