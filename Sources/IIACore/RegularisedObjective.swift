import Foundation

/// An objective of the form data(v) + beta KL(v) in the policy's parameter gap v = theta2 - theta1,
/// where the data part is convex (possibly with kinks) and the KL part is ``KLRegulariser``.
///
/// Inclusive learning and SLiC have this form. The data part's derivative is non-decreasing,
/// which bounds where stationary points can lie (see ``GlobalMinimizer``).
public protocol RegularisedObjective: Sendable {
    /// The KL term.
    var regulariser: KLRegulariser { get }
    /// Points where the derivative jumps, ascending.
    var kinks: [Double] { get }
    /// Mixed data that chose M1, and that chose M2.
    var mixedChoseM1: Double { get }
    var mixedChoseM2: Double { get }
    /// The data part's value at v.
    func dataValue(_ v: Double) -> Double
    /// Adds the data part's derivative and curvature on the smooth piece on `side` of v.
    func accumulateData(_ v: Double, side: PieceSide, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator)
    /// A lower bound of the data part's curvature on [a, b] (no kink inside).
    func dataCurvatureLowerBound(_ a: Double, _ b: Double) -> Double
    /// (a, s): the data derivative is ≤ a e^v for every v ≤ s. Used when no mixed datum chose M2.
    var leftTail: (coefficient: Double, start: Double) { get }
    /// (b, s): the data derivative is ≥ -b e^-v for every v ≥ s. Used when no mixed datum chose M1.
    var rightTail: (coefficient: Double, start: Double) { get }
    /// The data part's unique minimiser, when it is known and unique (saves the search for it).
    var dataMinimizer: Double? { get }
}

extension RegularisedObjective {
    public var dataMinimizer: Double? { nil }

    /// The objective's value at v.
    public func value(_ v: Double) -> Double { dataValue(v) + regulariser.value(v) }

    /// The objective's derivative and curvature on the smooth piece on `side` of v.
    public func slope(_ v: Double, side: PieceSide = .right) -> Slope {
        let logMode = abs(v) > SlopeAccumulator.logModeThreshold
        var derivative = SlopeAccumulator(logMode: logMode, at: v)
        var curvature = SlopeAccumulator(sameAs: derivative)
        accumulateData(v, side: side, derivative: &derivative, curvature: &curvature)
        regulariser.accumulate(v, derivative: &derivative, curvature: &curvature)
        return Slope(derivative: derivative, curvature: curvature)
    }

    /// The data part's derivative and curvature alone.
    public func dataSlope(_ v: Double, side: PieceSide = .right) -> Slope {
        let logMode = abs(v) > SlopeAccumulator.logModeThreshold
        var derivative = SlopeAccumulator(logMode: logMode, at: v)
        var curvature = SlopeAccumulator(sameAs: derivative)
        accumulateData(v, side: side, derivative: &derivative, curvature: &curvature)
        return Slope(derivative: derivative, curvature: curvature)
    }

    /// A lower bound of the whole curvature on [a, b] (no kink inside).
    func curvatureLowerBound(_ a: Double, _ b: Double) -> Double {
        dataCurvatureLowerBound(a, b) + regulariser.curvatureLowerBound(a, b)
    }
}

/// Inclusive learning: L_IL(v) = L_D(v) + beta KL(q(v)).
public struct InclusiveLearningObjective: RegularisedObjective {
    public let likelihood: IIALikelihood
    public let regulariser: KLRegulariser

    public let dataMinimizer: Double?

    /// The objective for `counts`. Pass the likelihood and its minimiser when already computed
    /// (RLPO's reward gap), so neither is computed twice.
    public init(
        _ counts: PreferenceCounts, _ parameters: ModelParameters,
        likelihood: IIALikelihood? = nil, likelihoodMinimizer: Double? = nil, regulariser: KLRegulariser? = nil
    ) {
        let likelihood = likelihood ?? IIALikelihood(counts)
        self.likelihood = likelihood
        self.regulariser = regulariser ?? KLRegulariser(parameters)
        dataMinimizer = likelihood.hasMinimizer ? likelihoodMinimizer : nil
    }

    public var kinks: [Double] { [] }
    public var mixedChoseM1: Double { likelihood.mixedChoseM1 }
    public var mixedChoseM2: Double { likelihood.mixedChoseM2 }
    public func dataValue(_ v: Double) -> Double { likelihood.value(v) }
    public func accumulateData(_ v: Double, side: PieceSide, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator) {
        likelihood.accumulate(v, derivative: &derivative, curvature: &curvature)
    }
    public func dataCurvatureLowerBound(_ a: Double, _ b: Double) -> Double { likelihood.curvatureLowerBound(a, b) }
    public var leftTail: (coefficient: Double, start: Double) { (likelihood.leftTailCoefficient, .infinity) }
    public var rightTail: (coefficient: Double, start: Double) { (likelihood.rightTailCoefficient, -.infinity) }
}

/// SLiC: Σ (ln(P(Y \ {y}) / P(y)) + delta)_+ + beta KL.
///
/// The paper defines SLiC for |Y| = 2; for larger |Y| this uses the literal formula with
/// P(Y \ {y}) the summed probability of the other offered messages (an extension). A
/// chosen-M1 datum in row j contributes (ln((j-1) + (k-j) e^v) + delta)_+, a chosen-M2 datum
/// (ln(j e^-v + (k-j-1)) + delta)_+. Only rows j = 1 (M1 chosen) and j = k-1 (M2 chosen) can
/// switch off, so the hinge has exactly two kinks, at -delta - ln(k-1) and delta + ln(k-1).
public struct SLiCObjective: RegularisedObjective {
    struct SmoothTerm: Sendable {
        /// +1 for a chosen-M1 term (argument v + shift), -1 for chosen-M2 (argument -v + shift).
        let direction: Double
        let shift: Double
        /// e^shift.
        let scale: Double
        let constant: Double
        let weight: Double
    }

    public let regulariser: KLRegulariser
    let smoothTerms: [SmoothTerm]
    /// Weight of the row-1 chosen-M1 hinge (active right of ``lowerKink``).
    let lowerHingeWeight: Double
    /// Weight of the row-(k-1) chosen-M2 hinge (active left of ``upperKink``).
    let upperHingeWeight: Double
    public let lowerKink: Double
    public let upperKink: Double
    public let kinks: [Double]
    let logChoices: Double
    let delta: Double
    public let mixedChoseM1: Double
    public let mixedChoseM2: Double

    /// The objective for `counts`; pass the KL term when it is already built for `parameters`.
    public init(_ counts: PreferenceCounts, _ parameters: ModelParameters, regulariser: KLRegulariser? = nil) {
        let k = counts.k
        self.regulariser = regulariser ?? KLRegulariser(parameters)
        delta = parameters.delta
        logChoices = SmallLogarithms.of(k - 1)
        lowerKink = -parameters.delta - logChoices
        upperKink = parameters.delta + logChoices
        var terms: [SmoothTerm] = []
        terms.reserveCapacity(2 * (k - 1))
        var lower = 0.0, upper = 0.0
        for j in 1..<k {
            let n1 = counts.choseM1[j], n2 = counts.choseM2[j]
            if n1 > 0 {
                if j == 1 {
                    lower += n1
                } else {
                    terms.append(SmoothTerm(
                        direction: 1, shift: SmallLogarithms.of(k - j) - SmallLogarithms.of(j - 1),
                        scale: Double(k - j) / Double(j - 1),
                        constant: SmallLogarithms.of(j - 1) + parameters.delta, weight: n1))
                }
            }
            if n2 > 0 {
                if j == k - 1 {
                    upper += n2
                } else {
                    terms.append(SmoothTerm(
                        direction: -1, shift: SmallLogarithms.of(j) - SmallLogarithms.of(k - j - 1),
                        scale: Double(j) / Double(k - j - 1),
                        constant: SmallLogarithms.of(k - j - 1) + parameters.delta, weight: n2))
                }
            }
        }
        smoothTerms = terms
        lowerHingeWeight = lower
        upperHingeWeight = upper
        // Ascending: lowerKink ≤ upperKink since delta ≥ 0 and k ≥ 2.
        var kinks: [Double] = []
        if lower > 0 { kinks.append(lowerKink) }
        if upper > 0 { kinks.append(upperKink) }
        self.kinks = kinks
        mixedChoseM1 = counts.mixedChoseM1
        mixedChoseM2 = counts.mixedChoseM2
    }


    public func dataValue(_ v: Double) -> Double {
        var sum = lowerHingeWeight * max(0, v - lowerKink) + upperHingeWeight * max(0, upperKink - v)
        let growth = abs(v) <= SlopeAccumulator.logModeThreshold ? exp(v) : nil
        for term in smoothTerms {
            let t = term.direction * v + term.shift
            let softplus = growth.map {
                StableMath.softplus(t, exponential: (term.direction > 0 ? $0 : 1 / $0) * term.scale)
            } ?? StableMath.softplus(t)
            sum += term.weight * (term.constant + softplus)
        }
        return sum
    }

    /// The hinge part alone (for charts that draw the parts).
    public func hingeValue(_ v: Double) -> Double { dataValue(v) }

    public func accumulateData(_ v: Double, side: PieceSide, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator) {
        if v > lowerKink || (v == lowerKink && side == .right) { derivative.addConstant(lowerHingeWeight) }
        if v < upperKink || (v == upperKink && side == .left) { derivative.addConstant(-upperHingeWeight) }
        for term in smoothTerms {
            SlopeAccumulator.addLogistic(
                up: term.direction * term.weight, down: 0, weight: term.weight, direction: term.direction,
                shift: term.shift, scale: term.scale, derivative: &derivative, curvature: &curvature)
        }
    }

    public func dataCurvatureLowerBound(_ a: Double, _ b: Double) -> Double {
        let exponentials = StableMath.endExponentials(a, b)
        var bound = 0.0
        for term in smoothTerms {
            bound += term.weight * StableMath.smallerSigmoidSlope(
                direction: term.direction, shift: term.shift, scale: term.scale, a: a, b: b, exponentials: exponentials)
        }
        return bound
    }

    public var leftTail: (coefficient: Double, start: Double) {
        let a = smoothTerms.filter { $0.direction > 0 }.reduce(0) { $0 + $1.weight * exp($1.shift) }
        return (a, lowerHingeWeight > 0 ? lowerKink : .infinity)
    }

    public var rightTail: (coefficient: Double, start: Double) {
        let b = smoothTerms.filter { $0.direction < 0 }.reduce(0) { $0 + $1.weight * exp($1.shift) }
        return (b, upperHingeWeight > 0 ? upperKink : -.infinity)
    }
}
