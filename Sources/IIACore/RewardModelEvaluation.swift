/// How a learned reward model does on one-versus-one test queries drawn from the same population
/// (the paper's Figure 4): each test query offers one M1 and one M2 message.
///
/// A per-category reward model with gap u = psi2 - psi1 scores the M1 message higher when u < 0
/// and predicts that M1 is chosen; the population chooses M1 one-versus-one with probability
/// s (p*(1) for the dichotomy model, sigmoid(R) for logit choices). Its accuracy is s when it
/// prefers M1, 1 - s when it prefers M2, and 1/2 when it cannot tell (u = 0, or no reward model).
public struct RewardModelEvaluation: Sendable, Hashable {
    /// The expected share of test queries whose choice the reward model predicts.
    public var accuracy: Double
    /// The share of test queries in which it scores the M1 message higher (ties count half).
    public var scoresM1Higher: Double

    public init(accuracy: Double, scoresM1Higher: Double) {
        self.accuracy = accuracy
        self.scoresM1Higher = scoresM1Higher
    }

    /// The evaluation of a reward model with gap `rewardGap` (nil: no reward model was learned,
    /// the rewards stay equal) for the population of `parameters`.
    public init(rewardGap: Double?, parameters: ModelParameters) {
        let share = parameters.choiceModel.pairwiseShareM1(p1: parameters.p1)
        guard let gap = rewardGap, gap != 0 else {
            self.init(accuracy: 0.5, scoresM1Higher: 0.5)
            return
        }
        self.init(accuracy: gap < 0 ? share : 1 - share, scoresM1Higher: gap < 0 ? 1 : 0)
    }

    /// RLPO's reward model learned from `counts` (choices, or rankings by the Plackett–Luce likelihood).
    public static func rlpo(_ counts: PreferenceCounts, parameters: ModelParameters) -> RewardModelEvaluation {
        let gap = parameters.responses == .ranking
            ? RLHFSolver(parameters).solve(counts, algorithm: .rlpo).minimization
            : RLHFSolver.minimizeLikelihood(IIALikelihood(counts))
        return RewardModelEvaluation(rewardGap: gap.termination == .noMinimizer ? nil : gap.argmin, parameters: parameters)
    }
}
