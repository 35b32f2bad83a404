import Foundation
import IIACore

/// The explanation's sentences for rank-order responses (``ResponseFormat/ranking``): the
/// Plackett–Luce likelihood as a sequence of choices, the boundary G that replaces F, the pairs
/// that rank-breaking makes, and SLiC, which does not apply.
extension Explanation.Builder {
    /// The boundary of rankings for the query format: its name and value.
    var rankingBoundary: (name: String, value: Double) {
        (fixedCount == nil ? "G(zeta)" : "G_J", RankingBoundary.G(parameters))
    }

    /// The algorithm's sentences on rankings.
    mutating func rankings(_ result: AlgorithmResult) {
        switch result.algorithm {
        case .rlpo, .dpo: rankingRewardGap(result)
        case .il: rankingInclusiveLearning(result)
        case .slic: notApplicable(result)
        case .rlpoPairwise: rankBreaking(result)
        case .typeMLE:
            lines.append("On rankings TypeMLE reads the category ranked first as the annotator's type, as it reads the choice.")
            typeModel(result)
        }
    }

    /// The sequential-choice view of Plackett–Luce, shared by RLPO, DPO and IL.
    mutating func plackettLuceView(symbol: String) {
        lines.append("Each annotator ranks the whole set: the Plackett-Luce likelihood L_PL reads a ranking as a sequence of logit choices, the first message from the set, the next from the rest, and so on, each weighing an M2 message e^\(symbol) against an M1 message.")
        lines.append("A type-1 annotator (M1 first) thus makes j choices of M1 from shrinking sets, a type-2 annotator k - j choices of M2: every one of them is read under IIA.")
    }

    mutating func rankingRewardGap(_ result: AlgorithmResult) {
        let dpo = result.algorithm == .dpo
        let symbol = dpo ? "s" : "u"
        lines.append(dpo
            ? "DPO on rankings minimises the same Plackett-Luce likelihood L_PL in s = (beta/|D|) ln(rho2/rho1) as RLPO's reward model in u."
            : "RLPO on rankings fits one reward per category with the Plackett-Luce model, then tilts the base policy by e^(r |D|/beta).")
        plackettLuceView(symbol: symbol)
        guard result.minimizerExists else {
            lines.append("The mixed rankings all put one category first, so L_PL keeps falling and has no minimiser.")
            let p = probability("P(M1)", logOdds: result.logOdds)
            lines.append(dpo ? "DPO then keeps theta = 0, the uniform policy: P(M1) = \(p)." : "RLPO then keeps psi = 0, the base policy: P(M1) = zeta = \(p).")
            return
        }
        let boundary = rankingBoundary
        let g = quote(boundary.name, boundary.value)
        let share = quote("p*(1)", parameters.p1)
        lines.append("At equal rewards a type-1 ranking of a set with j M1 messages adds S1_j = (k-j)(H_k - H_(k-j)) to the slope and a type-2 ranking takes S2_j = j(H_k - H_j): the gap is negative (M1 wins) exactly when p*(1) > \(boundary.name) = S2/(S1 + S2) = \(g).")
        let gap = result.minimization.argmin
        let gapText = quote(symbol, gap)
        let side = parameters.p1 > boundary.value ? "above" : (parameters.p1 < boundary.value ? "below" : "on")
        lines.append("Here p*(1) = \(share) is \(side) \(boundary.name), and the fitted gap is \(symbol) = \(gapText). Unlike F, G lies on the over-sampled category's side of 1/2: rankings favour the category the base policy offers more.")
        policyStep(result, gapText: gapText)
    }

    mutating func rankingInclusiveLearning(_ result: AlgorithmResult) {
        lines.append("IL on rankings fits the policy P_theta itself with the Plackett-Luce likelihood: L(v) = L_PL(v) + beta KL, v = theta2 - theta1, and P(M1) = |M1|/(|M1| + |M2| e^v).")
        plackettLuceView(symbol: "v")
        if let rlpo = results.first(where: { $0.algorithm == .rlpo }), rlpo.minimizerExists {
            let u = quote("u", rlpo.minimization.argmin)
            lines.append("The data alone put v at RLPO's reward gap u = \(u); every M2 message then takes its own share of the policy, whatever the majority prefers.")
        } else {
            lines.append("The mixed rankings put one category first only, so the data alone would push v to infinity; only the KL term holds it.")
        }
        klPull(result)
    }

    mutating func rankBreaking(_ result: AlgorithmResult) {
        var wins = 0.0, losses = 0.0
        for j in 1..<k {
            wins += counts.choseM1[j] * Double(j * (k - j))
            losses += counts.choseM2[j] * Double(j * (k - j))
        }
        let a = quote("M1 over M2 pairs", wins), b = quote("M2 over M1 pairs", losses)
        lines.append("RLPO-pairwise breaks every ranking of a set with j M1 messages into its j(k - j) M1-M2 pairs: M1 is above M2 in \(a) pairs and below in \(b).")
        guard result.minimizerExists else {
            lines.append("One side has no pairs, so the pairwise loss has no minimiser and the policy stays at the base policy.")
            return
        }
        let gap = quote("u", result.minimization.argmin)
        lines.append("The Bradley-Terry fit gives u = ln(\(b)/\(a)) = \(gap). Both sums carry the same weights j(k - j), so in the population limit their ratio is p*(1)/(1 - p*(1)): on rankings the pairs follow the majority.")
        policyStep(result, gapText: gap)
    }

    /// SLiC on rankings: no policy, and why.
    mutating func notApplicable(_ result: AlgorithmResult) {
        let name = result.algorithm.name
        lines.append("\(name) gets no policy on rankings, so no P(M1) is shown (the verdict says why); the scenario key c switches to choices.")
    }
}
