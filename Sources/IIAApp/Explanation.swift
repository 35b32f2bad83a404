import Foundation
import IIACore

/// Why an algorithm's policy ends where it does, in a few short sentences with the live numbers.
///
/// Pure: built from the solver's results for one dataset, so the `explain` command and the
/// explorer's explain panel print the same text. Every number in ``lines`` is computed (from
/// the results, the counts or the paper's closed forms) and also listed in ``numbers`` with
/// its exact value, so tests can compare it with the solver.
public struct Explanation: Sendable, Hashable {
    /// A number quoted in the text: its exact value and the text it was printed as.
    public struct Number: Sendable, Hashable {
        /// What it is, e.g. "u", "P(M1)", "F(zeta)".
        public var name: String
        public var value: Double
        public var text: String
    }

    public var algorithm: Algorithm
    /// A heading, e.g. "Why RLPO ends at P(M1) = 3.2e-129 (|Y| = 4, |D| = 1000)".
    public var title: String
    /// The sentences, one per line (callers wrap them to their width).
    public var lines: [String]
    /// Every number quoted in ``lines``, in order of appearance.
    public var numbers: [Number]
    /// The verdict on the policy, and the index in ``lines`` of the sentence giving it.
    public var verdict: PolicyVerdict?
    public var verdictLine: Int?

    /// The value of the first number called `name`, if quoted.
    public func number(_ name: String) -> Double? { numbers.first { $0.name == name }?.value }

    /// The explanation for `algorithm` on the expected data of `parameters`, from the same
    /// solve as the explorer's read-out (every algorithm, with traces).
    public static func expected(_ parameters: ModelParameters, algorithm: Algorithm, ascii: Bool = false) -> Explanation {
        make(parameters: parameters, counts: .expected(parameters),
             results: RLHFSolver(parameters).solve(.expected(parameters), recordTrace: true),
             algorithm: algorithm, expectedData: true, ascii: ascii)
    }

    /// The explanation for `algorithm` given every algorithm's `results` on `counts` (RLPO's
    /// reward gap is quoted by IL). `expectedData` says whether the counts are the expected data
    /// (then the share of M1 offers is F(zeta) itself).
    public static func make(
        parameters: ModelParameters, counts: PreferenceCounts, results: [AlgorithmResult], algorithm: Algorithm,
        expectedData: Bool, ascii: Bool = false
    ) -> Explanation {
        guard let result = results.first(where: { $0.algorithm == algorithm }) else {
            return Explanation(algorithm: algorithm, title: "No result for \(algorithm.name)", lines: [], numbers: [])
        }
        var builder = Builder(parameters: parameters, counts: counts, results: results, expectedData: expectedData, ascii: ascii)
        switch algorithm {
        case _ where parameters.responses == .ranking: builder.rankings(result)
        case .rlpo, .dpo: builder.rewardGap(result)
        case .il: builder.inclusiveLearning(result)
        case .slic: builder.slic(result)
        case .rlpoPairwise: builder.pairwise(result)
        case .typeMLE: builder.typeModel(result)
        }
        let verdictLine = builder.lines.count
        let verdict = builder.verdict(result)
        let outcome = result.isApplicable
            ? "Why \(algorithm.name) ends at P(M1) = \(NumberFormatting.probability(logOdds: result.logOdds, ascii: ascii))"
            : "\(algorithm.name): \(PolicyVerdict.notApplicableText)"
        let title = outcome + " (|Y| = \(parameters.k)\(ExplorerScenario.note(parameters, ascii: ascii)), |D| = \(NumberFormatting.compact(counts.total, ascii: ascii)))"
        return Explanation(
            algorithm: algorithm, title: title, lines: builder.lines, numbers: builder.numbers, verdict: verdict, verdictLine: verdictLine)
    }

    /// Collects sentences and the numbers quoted in them.
    struct Builder {
        let parameters: ModelParameters
        let counts: PreferenceCounts
        let results: [AlgorithmResult]
        let expectedData: Bool
        let ascii: Bool
        var lines: [String] = []
        var numbers: [Number] = []

        var k: Int { parameters.k }
        var fixedCount: Int? {
            if case .fixed(let count) = parameters.queries { return count }
            return nil
        }
        var rewardGapR: Double? {
            if case .logit(let gap) = parameters.choiceModel { return gap }
            return nil
        }

        /// Fixed queries: every set offers J of |Y| M1 messages (J/|Y| replaces F(zeta)).
        mutating func fixedOffers() {
            guard let fixedCount else { return }
            let share = quote("J/|Y|", Double(fixedCount) / Double(k))
            lines.append("Every set offers J = \(fixedCount) of |Y| = \(k) M1 messages, so the share of M1 offers is J/|Y| = \(share), whatever zeta.")
        }

        /// Logit choices on expected data: the IIA model is right, so the fitted gap is -R.
        mutating func logitRecovery(_ gap: Double, symbol: String) {
            guard let rewardGapR, expectedData else { return }
            let r = quote("R", rewardGapR)
            let minusR = quote("-R", -rewardGapR)
            let fitted = quote(symbol, gap)
            lines.append("The data satisfy IIA (logit choices with R = \(r)), so the fitted gap is -R = \(minusR) (\(symbol) = \(fitted)): the higher-reward category wins, never the perverse one.")
        }
        var arrow: String { ascii ? "->" : "→" }
        var dataSize: Double { counts.total }

        /// Records `value` under `name` and returns its text (three significant digits by default).
        mutating func quote(_ name: String, _ value: Double, significant: Int = 3) -> String {
            let text = NumberFormatting.compact(value, significant: significant, ascii: ascii)
            numbers.append(Number(name: name, value: value, text: text))
            return text
        }

        /// Records P(M1) from log-odds (tails keep their digits).
        mutating func probability(_ name: String, logOdds: Double) -> String {
            let text = NumberFormatting.probability(logOdds: logOdds, ascii: ascii)
            numbers.append(Number(name: name, value: StableMath.probability(fromLogOdds: logOdds), text: text))
            return text
        }

        /// The mixed rows' share of M1 offers (sum of j/k) and of M1 choices.
        var mixedShares: (offers: Double, choices: Double, total: Double) {
            var offers = 0.0, total = 0.0
            for j in 1..<k {
                let n = counts.choseM1[j] + counts.choseM2[j]
                offers += n * Double(j) / Double(k)
                total += n
            }
            guard total > 0 else { return (.nan, .nan, 0) }
            return (offers / total, counts.mixedChoseM1 / total, total)
        }

        // MARK: RLPO and DPO

        mutating func rewardGap(_ result: AlgorithmResult) {
            let dpo = result.algorithm == .dpo
            let symbol = dpo ? "s" : "u"
            if dpo {
                lines.append("DPO tunes the policy directly, but its loss is the IIA likelihood L_D in s = (beta/|D|) ln(rho2/rho1): the same loss as RLPO's reward model (Lemma 13).")
            } else {
                lines.append("RLPO fits one reward per category with the IIA (logit) model, then tilts the base policy by e^(r |D|/beta).")
            }
            guard result.minimizerExists else {
                let m1 = quote("mixed M1 choices", counts.mixedChoseM1), m2 = quote("mixed M2 choices", counts.mixedChoseM2)
                lines.append("In sets offering both categories \(m1) data chose M1 and \(m2) chose M2: one side only, so L_D keeps falling and has no minimiser.")
                if dpo {
                    let p = probability("P(M1)", logOdds: result.logOdds)
                    lines.append("DPO then keeps theta = 0, the uniform policy: P(M1) = |M1|/(|M1| + |M2|) = \(p).")
                } else {
                    let p = probability("P(M1)", logOdds: result.logOdds)
                    lines.append("RLPO then keeps psi = 0, the base policy: P(M1) = zeta = \(p).")
                }
                return
            }
            let shares = mixedShares
            fixedOffers()
            let boundaryName = fixedCount == nil ? "F(zeta)" : "J/|Y|"
            let offersName = expectedData ? boundaryName : "share of M1 offers"
            let offers = quote(offersName, shares.offers)
            let choices = quote("share of M1 choices", shares.choices)
            let gap = result.minimization.argmin
            let gapText = quote(symbol, gap)
            let offersPhrase = expectedData ? "(\(boundaryName) = \(offers))" : "(\(offers))"
            let choicesPhrase = expectedData && rewardGapR == nil ? "(p*(1) = \(choices))" : "(\(choices))"
            if shares.offers > shares.choices {
                lines.append("In mixed choice sets the share of M1 messages \(offersPhrase) exceeds the share of choices that go to M1 \(choicesPhrase).")
                lines.append("Under IIA a category wins in proportion to its offers times e^reward, so the model credits M2 with the surplus: the gap is positive (\(symbol) = \(gapText)).")
            } else if shares.offers < shares.choices {
                lines.append("In mixed choice sets the share of M1 messages \(offersPhrase) is below the share of choices that go to M1 \(choicesPhrase).")
                lines.append("Under IIA a category wins in proportion to its offers times e^reward, so the model credits M1 with the surplus: the gap is negative (\(symbol) = \(gapText)).")
            } else {
                lines.append("In mixed choice sets the share of M1 messages \(offersPhrase) equals the share of choices that go to M1 \(choicesPhrase), so the gap is zero (\(symbol) = \(gapText)).")
            }
            logitRecovery(gap, symbol: symbol)
            let scale = quote("|D|/beta", dataSize / parameters.beta, significant: 4)
            let base = quote("logit(zeta)", parameters.baseLogOdds)
            let logOdds = quote("log-odds", result.logOdds, significant: 4)
            let p = probability("P(M1)", logOdds: result.logOdds)
            lines.append("The policy step multiplies the gap by |D|/beta = \(scale): log-odds = logit(zeta) - \(symbol) |D|/beta = \(base) - \(gapText) x \(scale) = \(logOdds), so P(M1) = \(p).")
            if !dpo, case .fixed = parameters.queries {
                // Section 6 in numbers: the reward model on one-versus-one test pairs (Figure 4).
                let evaluation = RewardModelEvaluation(rewardGap: gap, parameters: parameters)
                _ = quote("test accuracy", evaluation.accuracy)
                _ = quote("share scoring M1 higher", evaluation.scoresM1Higher)
                let accuracy = NumberFormatting.percent(evaluation.accuracy, ascii: ascii)
                let higher = NumberFormatting.percent(evaluation.scoresM1Higher, ascii: ascii)
                lines.append("On one-versus-one test pairs from the same population this reward model is right \(accuracy)% of the time (the paper's Figure 4a) and scores the M1 message higher in \(higher)% of them (Figure 4b).")
            }
        }

        /// The policy step shared by RLPO's variants: log-odds = logit(zeta) - u |D|/beta.
        mutating func policyStep(_ result: AlgorithmResult, gapText: String) {
            let scale = quote("|D|/beta", dataSize / parameters.beta, significant: 4)
            let base = quote("logit(zeta)", parameters.baseLogOdds)
            let logOdds = quote("log-odds", result.logOdds, significant: 4)
            let p = probability("P(M1)", logOdds: result.logOdds)
            lines.append("The policy step multiplies the gap by |D|/beta = \(scale): log-odds = \(base) - \(gapText) x \(scale) = \(logOdds), so P(M1) = \(p).")
        }

        // MARK: RLPO-pairwise

        mutating func pairwise(_ result: AlgorithmResult) {
            let totals = PairwiseTotals(counts)
            let a = quote("M1 over M2 pairs", totals.m1OverM2), b = quote("M2 over M1 pairs", totals.m2OverM1)
            lines.append("RLPO-pairwise splits every choice into pairs of the chosen message over each other offered one: M1 beat M2 in \(a) pairs and M2 beat M1 in \(b).")
            guard result.minimizerExists else {
                lines.append("One side has no pairs, so the pairwise loss has no minimiser and the policy stays at the base policy.")
                return
            }
            let gap = quote("u", result.minimization.argmin)
            if rewardGapR != nil {
                lines.append("The Bradley-Terry fit gives u = ln(\(b)/\(a)) = \(gap).")
                logitRecovery(result.minimization.argmin, symbol: "u")
            } else {
                lines.append("The Bradley-Terry fit gives u = ln(\(b)/\(a)) = \(gap): an M1 message chosen from a set with many M1 offers beats few M2 messages, so the pairs inherit the offers' imbalance.")
                if let fixedCount {
                    lines.append("With fixed sets its sign flips at the same J/|Y| = \(fixedCount)/\(k) as RLPO's: splitting into pairs does not remove the IIA distortion.")
                } else {
                    lines.append("In the population limit of sampled sets its sign flips at the same F(zeta) as RLPO's: splitting into pairs does not remove the IIA distortion.")
                }
            }
            policyStep(result, gapText: gap)
        }

        // MARK: TypeMLE

        mutating func typeModel(_ result: AlgorithmResult) {
            lines.append("TypeMLE fits the dichotomy model itself (no IIA): a share p of people choose M1 whenever it is offered, so the mixed sets' choices estimate p directly.")
            guard result.minimizerExists else {
                lines.append("No mixed set was offered, so p cannot be estimated; the rewards stay 0 and the policy stays at the base policy.")
                return
            }
            let share = (1 - result.minimization.argmin) / 2
            let p = quote("p^", share)
            let gap = quote("u", result.minimization.argmin)
            lines.append("p^ = \(p): each message is rewarded with the share preferring its category, r(M1) = p^ and r(M2) = 1 - p^, a gap u = 1 - 2 p^ = \(gap).")
            if rewardGapR != nil {
                lines.append("Under logit choices the dichotomy model is misspecified: p^ is the share of mixed choices going to M1, which also counts how many M1 messages were offered, so it can disagree with the one-versus-one majority.")
            } else {
                lines.append("The sign follows the majority whatever |Y|, |M2| or the query format: more data push the policy to the category most people prefer.")
            }
            policyStep(result, gapText: gap)
        }

        // MARK: IL

        mutating func inclusiveLearning(_ result: AlgorithmResult) {
            lines.append("IL fits the policy itself as the IIA choice model: each M2 message weighs e^v against an M1 message (v = theta2 - theta1), so P(M1) = |M1|/(|M1| + |M2| e^v).")
            if let rlpo = results.first(where: { $0.algorithm == .rlpo }), rlpo.minimizerExists {
                let u = rlpo.minimization.argmin
                let uText = quote("u", u)
                let c = quote("c", Double(parameters.m1) * exp(-u))
                let m2 = quote("|M2|", Double(parameters.m2))
                let limit = probability("P(M1) data alone", logOdds: -(u + parameters.logSizeRatio))
                lines.append("The data alone give v = u = \(uText) (RLPO's reward gap): P(M1) = c/(c + |M2|) with c = |M1| e^-u = \(c), here \(c)/(\(c) + \(m2)) = \(limit).")
                lines.append("Every M2 message takes its own share: the more M2 messages, the less M1, whatever the majority prefers.")
            } else {
                lines.append("Mixed data chose one category only, so the data alone would push v to infinity; only the KL term holds it.")
            }
            klPull(result)
        }

        // MARK: SLiC

        mutating func slic(_ result: AlgorithmResult) {
            let delta = quote("delta", parameters.delta)
            lines.append("SLiC charges each datum (ln(P(Y \\ {y})/P(y)) + delta)_+: nothing once the chosen message is ahead of the others by the margin delta = \(delta).")
            let objective = SLiCObjective(counts, parameters)
            let lower = quote("lower kink", objective.lowerKink), upper = quote("upper kink", objective.upperKink)
            lines.append("The hinge has two kinks, at v = -delta - ln(|Y|-1) = \(lower) and v = delta + ln(|Y|-1) = \(upper).")
            if k == 2 {
                let a = counts.choseM1[1], b = counts.choseM2[1]
                let aText = quote("pairs chose M1", a), bText = quote("pairs chose M2", b)
                let between = quote("slope between kinks", a - b)
                let place = a > b ? "at the lower kink" : (a < b ? "at the upper kink" : "anywhere between the kinks")
                lines.append("Of the mixed pairs \(aText) chose M1 and \(bText) M2: the hinge slopes -\(bText) left of the lower kink, \(between) between the kinks and +\(aText) right of them, so the data alone put v \(place).")
            } else {
                lines.append("(|Y| > 2 is an extension: the paper defines SLiC for pairs; P(Y \\ {y}) sums the other offered messages.)")
            }
            klPull(result)
        }

        // MARK: The KL pull, several minima, the verdict

        /// IL and SLiC: the anchor, the minimiser, P(M1), and the other local minima if any.
        mutating func klPull(_ result: AlgorithmResult) {
            let kl = KLRegulariser(parameters)
            let anchor = quote("v0", kl.anchor)
            let betaText = quote("beta", parameters.beta)
            let size = quote("|D|", dataSize, significant: 4)
            let v = result.minimization.argmin
            let vText = quote("v", v)
            let where_ = result.termination == .atKink ? " (at a kink)" : ""
            let p = probability("P(M1)", logOdds: result.logOdds)
            lines.append("beta KL (beta = \(betaText)) pulls v towards the base policy's v0 = -logit(zeta) - ln(|M2|/|M1|) = \(anchor); with |D| = \(size) the minimiser is v = \(vText)\(where_), so P(M1) = \(p).")
            let minima = result.minimization.localMinima
            if minima.count > 1 {
                let (counts, parameters) = (self.counts, self.parameters)
                let slic = SLiCObjective(counts, parameters), il = InclusiveLearningObjective(counts, parameters)
                let value = { (x: Double) -> Double in result.algorithm == .slic ? slic.value(x) : il.value(x) }
                let list = minima.map { quote("local minimum", $0) }.joined(separator: " and v = ")
                let others = minima.filter { $0 != v }.map { value($0) - value(v) }.filter(\.isFinite)
                // Objective values beyond the double range leave no finite gap to quote.
                let lower = others.min().map { "lower by " + quote("gap to the next minimum", $0) } ?? "the lower one"
                lines.append("The objective is not convex here: local minima at v = \(list); the solver compared them and kept v = \(vText), \(lower).")
            }
        }

        /// Appends the verdict sentence and returns the verdict.
        mutating func verdict(_ result: AlgorithmResult) -> PolicyVerdict {
            let verdict = PolicyVerdict(result, parameters: parameters)
            var line = "Verdict: " + verdict.sentence(ascii: ascii) + "."
            if verdict.kind == .perverse && (result.algorithm == .rlpo || result.algorithm == .dpo) && result.minimizerExists {
                line += " More data only make it worse: the gap is multiplied by |D|."
            }
            lines.append(line)
            return verdict
        }
    }

    /// The explanation as text: the title, then the lines wrapped to `width` (0: no wrapping).
    public func text(width: Int = 0) -> String {
        var output = title + "\n"
        for line in lines {
            for wrapped in Self.wrap(line, width: width) { output += "  " + wrapped + "\n" }
        }
        return output
    }

    /// Greedy word wrap (a word longer than the width gets a line of its own).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
