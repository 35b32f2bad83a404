import Foundation

/// Inclusive learning on rankings: the Plackett–Luce likelihood over P_theta plus beta KL,
/// L(v) = PL(v) + beta KL(q(v)), v = theta2 - theta1.
///
/// P_theta gives every message of category z the weight e^{theta_z} (the normaliser cancels in
/// each Plackett–Luce factor), so the data term is ``PlackettLuceLikelihood`` in v. It is convex;
/// the KL term is not, so the objective can have two local minima and goes through
/// ``GlobalMinimizer`` like the choice objective.
public struct RankingInclusiveLearningObjective: RegularisedObjective {
    public let likelihood: PlackettLuceLikelihood
    public let regulariser: KLRegulariser
    public let dataMinimizer: Double?

    /// The objective for `counts` read as rankings. Pass the likelihood's minimiser when it is
    /// known (RLPO's reward gap on the same table, or a multiple of it), so it is not sought again.
    public init(
        _ counts: PreferenceCounts, _ parameters: ModelParameters,
        likelihoodMinimizer: Double? = nil, regulariser: KLRegulariser? = nil
    ) {
        likelihood = PlackettLuceLikelihood(counts)
        self.regulariser = regulariser ?? KLRegulariser(parameters)
        dataMinimizer = likelihood.hasMinimizer ? likelihoodMinimizer : nil
    }

    public var kinks: Kinks { Kinks() }
    public var mixedChoseM1: Double { likelihood.mixedChoseM1 }
    public var mixedChoseM2: Double { likelihood.mixedChoseM2 }
    public func dataValue(_ v: Double) -> Double { likelihood.value(v) }

    public func accumulateData(
        _ v: Double, side: PieceSide, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator
    ) {
        likelihood.accumulate(v, derivative: &derivative, curvature: &curvature)
    }

    public func dataCurvatureLowerBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials?) -> Double {
        likelihood.curvatureLowerBound(a, b, exponentials: exponentials)
    }

    public var leftTail: (coefficient: Double, start: Double) { (likelihood.leftTailCoefficient, .infinity) }
    public var rightTail: (coefficient: Double, start: Double) { (likelihood.rightTailCoefficient, -.infinity) }
    public func farTail(at v: Double, side: PieceSide) -> FarTail { likelihood.farTail(right: v > 0) }

    public func dataDerivativeParts(_ v: Double, side: PieceSide) -> (rising: Double, falling: Double)? {
        guard abs(v) <= SlopeAccumulator.logModeThreshold else { return nil }
        let parts = likelihood.derivativeParts(v)
        return (parts.up, parts.down)
    }
}
