import Foundation

/// Inclusive learning: L_IL(v) = L_D(v) + beta KL(q(v)).
public struct InclusiveLearningObjective: RegularisedObjective {
    public private(set) var likelihood: IIALikelihood
    public let regulariser: KLRegulariser

    public let dataMinimizer: Double?

    /// The objective for `counts`. Pass the likelihood and its minimiser when already computed
    /// (RLPO's reward gap), so neither is computed twice.
    public init(
        _ counts: PreferenceCounts, _ parameters: ModelParameters,
        likelihood: IIALikelihood? = nil, likelihoodMinimizer: Double? = nil, regulariser: KLRegulariser? = nil
    ) {
        let likelihood = likelihood ?? IIALikelihood(counts)
        precondition(likelihood.k == counts.k, "likelihood built for another table")
        self.likelihood = likelihood
        self.regulariser = regulariser ?? KLRegulariser(parameters)
        dataMinimizer = likelihood.hasMinimizer ? likelihoodMinimizer : nil
    }

    public var kinks: Kinks { Kinks() }
    public var mixedChoseM1: Double { likelihood.mixedChoseM1 }
    public var mixedChoseM2: Double { likelihood.mixedChoseM2 }
    public func dataValue(_ v: Double) -> Double { likelihood.value(v) }
    public func accumulateData(_ v: Double, side: PieceSide, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator) {
        likelihood.accumulate(v, derivative: &derivative, curvature: &curvature)
    }
    public func dataCurvatureLowerBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials?) -> Double {
        likelihood.curvatureLowerBound(a, b, exponentials: exponentials)
    }
    public var leftTail: (coefficient: Double, start: Double) { (likelihood.leftTailCoefficient, .infinity) }
    public var rightTail: (coefficient: Double, start: Double) { (likelihood.rightTailCoefficient, -.infinity) }
    public func farTail(at v: Double, side: PieceSide) -> FarTail { likelihood.farTail(right: v > 0) }
    public mutating func cacheFarTails() { likelihood.cacheFarTails() }
}
