import Foundation

/// An objective of the form data(v) + beta KL(v) in the policy's parameter gap v = theta2 - theta1,
/// where the data part is convex (possibly with kinks) and the KL part is ``KLRegulariser``.
///
/// Inclusive learning and SLiC have this form. The data part's derivative is non-decreasing,
/// which bounds where stationary points can lie (see ``GlobalMinimizer``).
public protocol RegularisedObjective: SlopeFunction {
    /// The KL term.
    var regulariser: KLRegulariser { get }
    /// Points where the derivative jumps, ascending.
    var kinks: Kinks { get }
    /// Mixed data that chose M1, and that chose M2.
    var mixedChoseM1: Double { get }
    var mixedChoseM2: Double { get }
    /// The data part's value at v.
    func dataValue(_ v: Double) -> Double
    /// Adds the data part's derivative and curvature on the smooth piece on `side` of v.
    func accumulateData(_ v: Double, side: PieceSide, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator)
    /// A lower bound of the data part's curvature on [a, b] (no kink inside), given e^±a and e^±b
    /// when |a|, |b| ≤ 600 (see ``StableMath/EndExponentials``).
    func dataCurvatureLowerBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials?) -> Double
    /// The objective's one-sided slopes at a kink, and the data part's one-sided derivatives
    /// there when they are known exactly (|v| ≤ 600).
    func slopesAtKink(_ v: Double) -> KinkSlopes
    /// (a, s): the data derivative is ≤ a e^v for every v ≤ s. Used when no mixed datum chose M2.
    var leftTail: (coefficient: Double, start: Double) { get }
    /// (b, s): the data derivative is ≥ -b e^-v for every v ≥ s. Used when no mixed datum chose M1.
    var rightTail: (coefficient: Double, start: Double) { get }
    /// The data part's unique minimiser, when it is known and unique (saves the search for it).
    var dataMinimizer: Double? { get }
    /// The range of the data derivative on the smooth piece holding v, when the data part is a
    /// sum of sigmoids there (a hint for Newton's start; nil when unknown).
    func dataDerivativeRange(onPieceAt v: Double) -> ClosedRange<Double>?
    /// The data derivative's closed form on the smooth piece on `side` of v, |v| > 600.
    func farTail(at v: Double, side: PieceSide) -> FarTail
    /// Keeps the far tails' row sums, so that later ``farTail(at:side:)`` calls skip the rows
    /// (called once when a search reaches beyond ±600; a no-op by default).
    mutating func cacheFarTails()
    /// (R, F) with data derivative R - F on `side` of v (|v| ≤ 600): R sums the terms
    /// w sigmoid(v + s) and a positive hinge constant, F the terms w sigmoid(-v + s) and a negative
    /// hinge constant's magnitude (see ``GlobalMinimizer/weightedBoundExcludesRoot(_:_:_:)``);
    /// nil when unknown.
    func dataDerivativeParts(_ v: Double, side: PieceSide) -> (rising: Double, falling: Double)?
    /// The parts (R, F) with the sums of their terms' squared sigmoids (S⁺, S⁻) and a bound of the
    /// derivative's rounding, on `side` of v, from one pass (|v| ≤ 600; see ``EndParts``); nil when unknown.
    func dataEndParts(_ v: Double, side: PieceSide) -> EndParts?
    /// An upper bound of the data part's curvature on [a, b] (no kink inside, |a|, |b| ≤ 600);
    /// nil when unknown.
    func dataCurvatureUpperBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials) -> Double?
}

extension RegularisedObjective {
    public var dataMinimizer: Double? { nil }

    public mutating func cacheFarTails() {}

    public func dataDerivativeRange(onPieceAt v: Double) -> ClosedRange<Double>? { nil }

    /// By default from the one-pass parts (``dataEndParts(_:side:)``), nil when unknown.
    public func dataDerivativeParts(_ v: Double, side: PieceSide) -> (rising: Double, falling: Double)? {
        dataEndParts(v, side: side).map { (rising: $0.rising, falling: $0.falling) }
    }

    public func dataCurvatureUpperBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials) -> Double? { nil }

    public func slopesAtKink(_ v: Double) -> KinkSlopes {
        let (left, dataLeft) = slopeWithDataDerivative(v, side: .left)
        let (right, dataRight) = slopeWithDataDerivative(v, side: .right)
        return KinkSlopes(left: left, right: right, dataLeft: dataLeft, dataRight: dataRight)
    }

    /// The objective's value at v.
    public func value(_ v: Double) -> Double { dataValue(v) + regulariser.value(v) }

    /// The objective's derivative and curvature on the smooth piece on `side` of v.
    public func slope(_ v: Double, side: PieceSide = .right) -> Slope {
        let logMode = abs(v) > SlopeAccumulator.logModeThreshold
        var derivative = SlopeAccumulator(logMode: logMode, at: v)
        var curvature = SlopeAccumulator(sameAs: derivative)
        accumulateDataOrFarTail(v, side: side, derivative: &derivative, curvature: &curvature)
        regulariser.accumulate(v, derivative: &derivative, curvature: &curvature)
        return Slope(derivative: derivative, curvature: curvature)
    }

    /// The data part's terms: row by row, or in closed form far out (log mode).
    func accumulateDataOrFarTail(
        _ v: Double, side: PieceSide, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator
    ) {
        if derivative.logMode {
            farTail(at: v, side: side).accumulate(v, derivative: &derivative, curvature: &curvature)
        } else {
            accumulateData(v, side: side, derivative: &derivative, curvature: &curvature)
        }
    }

    /// The objective's slope, and the data part's derivative alone when it is known exactly
    /// (plain mode, |v| ≤ 600: the data terms are summed first).
    func slopeWithDataDerivative(_ v: Double, side: PieceSide) -> (slope: Slope, dataDerivative: Double?) {
        let logMode = abs(v) > SlopeAccumulator.logModeThreshold
        var derivative = SlopeAccumulator(logMode: logMode, at: v)
        var curvature = SlopeAccumulator(sameAs: derivative)
        accumulateDataOrFarTail(v, side: side, derivative: &derivative, curvature: &curvature)
        let data = logMode ? nil : derivative.plainSum
        regulariser.accumulate(v, derivative: &derivative, curvature: &curvature)
        return (Slope(derivative: derivative, curvature: curvature), data)
    }

    /// The objective's derivative and curvature at v (right of a kink).
    public func slope(at v: Double) -> Slope { slope(v, side: .right) }

    /// The data part's derivative and curvature alone.
    public func dataSlope(_ v: Double, side: PieceSide = .right) -> Slope {
        let logMode = abs(v) > SlopeAccumulator.logModeThreshold
        var derivative = SlopeAccumulator(logMode: logMode, at: v)
        var curvature = SlopeAccumulator(sameAs: derivative)
        accumulateDataOrFarTail(v, side: side, derivative: &derivative, curvature: &curvature)
        return Slope(derivative: derivative, curvature: curvature)
    }

    /// A lower bound of the whole curvature on [a, b] (no kink inside).
    func curvatureLowerBound(_ a: Double, _ b: Double) -> Double {
        let exponentials = StableMath.endExponentials(a, b)
        return dataCurvatureLowerBound(a, b, exponentials: exponentials)
            + regulariser.curvatureLowerBound(a, b, exponentials: exponentials)
    }
}
