import Foundation

/// SLiC: Σ (ln(P(Y \ {y}) / P(y)) + delta)_+ + beta KL.
///
/// The paper defines SLiC for |Y| = 2; for larger |Y| this uses the literal formula with
/// P(Y \ {y}) the summed probability of the other offered messages (an extension). A
/// chosen-M1 datum in row j contributes (ln((j-1) + (k-j) e^v) + delta)_+, a chosen-M2 datum
/// (ln(j e^-v + (k-j-1)) + delta)_+. Only rows j = 1 (M1 chosen) and j = k-1 (M2 chosen) can
/// switch off, so the hinge has exactly two kinks, at -delta - ln(k-1) and delta + ln(k-1).
public struct SLiCObjective: RegularisedObjective {
    public let regulariser: KLRegulariser
    let constants: ChoiceSetConstants
    /// The count table's columns, read in place.
    let choseM1: [Double]
    let choseM2: [Double]
    /// Weight of the row-1 chosen-M1 hinge (active right of ``lowerKink``).
    let lowerHingeWeight: Double
    /// Weight of the row-(k-1) chosen-M2 hinge (active left of ``upperKink``).
    let upperHingeWeight: Double
    public let lowerKink: Double
    public let upperKink: Double
    let delta: Double
    public let mixedChoseM1: Double
    public let mixedChoseM2: Double
    /// The columns for the smooth terms' loop, lifted when every count is tiny (``CountColumns``).
    let unitColumns: CountColumns
    /// The smooth terms' far tails on both sides, once a search reaching beyond ±600 asked for
    /// them (``cacheFarTails()``).
    private var cachedFarTails: (left: FarTail, right: FarTail)?

    /// The objective for `counts`; pass the KL term and the constants for its k when they are
    /// already built for `parameters`.
    public init(
        _ counts: PreferenceCounts, _ parameters: ModelParameters,
        regulariser: KLRegulariser? = nil, constants: ChoiceSetConstants? = nil
    ) {
        self.init(counts, parameters, regulariser: regulariser, constants: constants, mixedTotals: nil)
    }

    /// As above, reusing the mixed rows' totals when they are known.
    init(
        _ counts: PreferenceCounts, _ parameters: ModelParameters,
        regulariser: KLRegulariser?, constants: ChoiceSetConstants?, mixedTotals: (choseM1: Double, choseM2: Double)?
    ) {
        let k = counts.k
        let constants = constants ?? ChoiceSetConstants(k: k)
        precondition(constants.k == k, "constants built for another |Y|")
        self.constants = constants
        self.regulariser = regulariser ?? KLRegulariser(parameters)
        delta = parameters.delta
        let logChoices = constants.rows[1].shift  // ln(k - 1)
        lowerKink = -parameters.delta - logChoices
        upperKink = parameters.delta + logChoices
        choseM1 = counts.choseM1
        choseM2 = counts.choseM2
        lowerHingeWeight = counts.choseM1[1]
        upperHingeWeight = counts.choseM2[k - 1]
        (mixedChoseM1, mixedChoseM2) = mixedTotals ?? counts.mixedTotals
        unitColumns = CountColumns(choseM1: counts.choseM1, choseM2: counts.choseM2, rows: 1..<k)
    }

    var k: Int { constants.k }

    /// The kinks whose hinge holds data (lowerKink ≤ upperKink since delta ≥ 0 and k ≥ 2).
    public var kinks: Kinks {
        Kinks(lower: lowerHingeWeight > 0 ? lowerKink : nil, upper: upperHingeWeight > 0 ? upperKink : nil)
    }

    /// Calls `body(direction, shift, scale, constant, weight)` for every smooth term with data: a
    /// chosen-M1 datum in row j ≥ 2 (direction +1, argument v + shift) and a chosen-M2 datum in
    /// row j ≤ k - 2 (direction -1, argument -v + shift).
    @inline(__always)
    func forEachSmoothTerm(_ body: (Double, Double, Double, Double, Double) -> Void) {
        for j in 1..<k {
            let n1 = j >= 2 ? choseM1[j] : 0
            let n2 = j <= k - 2 ? choseM2[j] : 0
            guard n1 > 0 || n2 > 0 else { continue }
            let row = constants.rows[j]
            if n1 > 0 { body(1, row.upShift, row.upScale, row.upConstant + delta, n1) }
            if n2 > 0 { body(-1, row.downShift, row.downScale, row.downConstant + delta, n2) }
        }
    }

    public func dataValue(_ v: Double) -> Double {
        var sum = lowerHingeWeight * max(0, v - lowerKink) + upperHingeWeight * max(0, upperKink - v)
        let growth = abs(v) <= SlopeAccumulator.logModeThreshold ? exp(v) : nil
        forEachSmoothTerm { direction, shift, scale, constant, weight in
            let t = direction * v + shift
            let softplus = growth.map {
                StableMath.softplus(t, exponential: (direction > 0 ? $0 : 1 / $0) * scale)
            } ?? StableMath.softplus(t)
            sum += weight * (constant + softplus)
        }
        return sum
    }

    /// Between its kinks the data derivative is the hinges' constant plus sigmoids rising from
    /// -(chosen-M2 smooth weight) to +(chosen-M1 smooth weight).
    public func dataDerivativeRange(onPieceAt v: Double) -> ClosedRange<Double>? {
        let hinge = hingeDerivative(v, side: .right)
        let up = mixedChoseM1 - lowerHingeWeight, down = mixedChoseM2 - upperHingeWeight
        return up + down > 0 ? (hinge - down)...(hinge + up) : nil
    }

    /// The hinges' derivative on `side` of v.
    func hingeDerivative(_ v: Double, side: PieceSide) -> Double {
        var sum = 0.0
        if v > lowerKink || (v == lowerKink && side == .right) { sum += lowerHingeWeight }
        if v < upperKink || (v == upperKink && side == .left) { sum -= upperHingeWeight }
        return sum
    }

    /// The smooth terms' derivative and curvature.
    func accumulateSmooth(_ v: Double, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator) {
        guard derivative.logMode || curvature.logMode else {
            // Plain mode: E = e^(±v + shift) from the accumulator's e^±v; a term adds
            // ±w E/(1 + E) and w E/(1 + E)^2, summed in registers.
            let (growth, decay) = (derivative.growth, derivative.decay)
            let columns = unitColumns
            var sumDerivative = 0.0, sumCurvature = 0.0
            for j in 1..<k {
                let row = constants.rows[j]
                let (up, down) = (j >= 2 ? columns.choseM1[j] : 0, j <= k - 2 ? columns.choseM2[j] : 0)
                if up > 0 {
                    let e = growth * row.upScale
                    let reciprocal = 1 / (1 + e)
                    let share = e * reciprocal  // ≤ 1: no product overflows
                    sumDerivative += up * share
                    sumCurvature += up * (share * reciprocal)
                }
                if down > 0 {
                    let e = decay * row.downScale
                    let reciprocal = 1 / (1 + e)
                    let share = e * reciprocal
                    sumDerivative -= down * share
                    sumCurvature += down * (share * reciprocal)
                }
            }
            derivative.addConstant(sumDerivative * columns.unit)
            curvature.addConstant(sumCurvature * columns.unit)
            return
        }
        forEachSmoothTerm { direction, shift, scale, _, weight in
            SlopeAccumulator.addLogistic(
                up: direction * weight, down: 0, weight: weight, direction: direction,
                shift: shift, scale: scale, derivative: &derivative, curvature: &curvature)
        }
    }

    public func accumulateData(_ v: Double, side: PieceSide, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator) {
        derivative.addConstant(hingeDerivative(v, side: side))
        accumulateSmooth(v, derivative: &derivative, curvature: &curvature)
    }

    /// Both one-sided slopes from one evaluation: only the hinges differ between the sides.
    public func slopesAtKink(_ v: Double) -> KinkSlopes {
        guard abs(v) <= SlopeAccumulator.logModeThreshold else {
            return KinkSlopes(left: slope(v, side: .left), right: slope(v, side: .right))
        }
        var derivative = SlopeAccumulator(logMode: false, at: v)
        var curvature = SlopeAccumulator(sameAs: derivative)
        accumulateSmooth(v, derivative: &derivative, curvature: &curvature)
        let smoothData = derivative.plainSum
        regulariser.accumulate(v, derivative: &derivative, curvature: &curvature)
        let smooth = Slope(derivative: derivative, curvature: curvature)
        let (hingeLeft, hingeRight) = (hingeDerivative(v, side: .left), hingeDerivative(v, side: .right))
        return KinkSlopes(
            left: Slope(derivative: smooth.derivative + hingeLeft, curvature: smooth.curvature),
            right: Slope(derivative: smooth.derivative + hingeRight, curvature: smooth.curvature),
            dataLeft: smoothData + hingeLeft, dataRight: smoothData + hingeRight)
    }

    /// Far out a chosen-M1 term w sigmoid(v + s) is w - (w / e^s) e^-v on the right and
    /// w e^s e^v on the left; a chosen-M2 term -w sigmoid(-v + s) is -w e^s e^-v on the right
    /// and -w + (w / e^s) e^v on the left; the hinges add their constant.
    public func farTail(at v: Double, side: PieceSide) -> FarTail {
        var tail = cachedFarTails.map { v > 0 ? $0.right : $0.left } ?? smoothFarTail(right: v > 0)
        tail.constant += hingeDerivative(v, side: side)
        return tail
    }

    public mutating func cacheFarTails() {
        cachedFarTails = (smoothFarTail(right: false), smoothFarTail(right: true))
    }

    /// The smooth terms' far tail on one side, from the rows.
    private func smoothFarTail(right: Bool) -> FarTail {
        // In the columns' units (no subnormal arithmetic for tiny counts), rescaled at the end.
        let columns = unitColumns
        var constant = 0.0
        var weight = ScaledSum()
        for j in 1..<k {
            let (n1, n2) = (j >= 2 ? columns.choseM1[j] : 0, j <= k - 2 ? columns.choseM2[j] : 0)
            let row = constants.rows[j]
            // A chosen-M1 term tends to +1 on the right, a chosen-M2 term to -1 on the left.
            if n1 > 0 {
                if right { constant += n1 }
                weight.add(n1, right ? 1 / row.upScale : row.upScale)
            }
            if n2 > 0 {
                if !right { constant -= n2 }
                weight.add(n2, right ? row.downScale : 1 / row.downScale)
            }
        }
        let logUnit = columns.unit == 1 ? 0 : log(columns.unit)
        return FarTail(constant: constant * columns.unit, logWeight: weight.logarithm + logUnit)
    }

    public func dataCurvatureLowerBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials?) -> Double {
        let columns = unitColumns
        var bound = 0.0
        for j in 1..<k {
            let (n1, n2) = (j >= 2 ? columns.choseM1[j] : 0, j <= k - 2 ? columns.choseM2[j] : 0)
            guard n1 > 0 || n2 > 0 else { continue }
            let row = constants.rows[j]
            if n1 > 0 {
                bound += n1 * StableMath.smallerSigmoidSlope(
                    direction: 1, shift: row.upShift, scale: row.upScale, a: a, b: b, exponentials: exponentials)
            }
            if n2 > 0 {
                bound += n2 * StableMath.smallerSigmoidSlope(
                    direction: -1, shift: row.downShift, scale: row.downScale, a: a, b: b, exponentials: exponentials)
            }
        }
        return bound * columns.unit
    }

    public var leftTail: (coefficient: Double, start: Double) {
        var a = 0.0
        forEachSmoothTerm { direction, _, scale, _, weight in if direction > 0 { a += weight * scale } }
        return (a, lowerHingeWeight > 0 ? lowerKink : .infinity)
    }

    public var rightTail: (coefficient: Double, start: Double) {
        var b = 0.0
        forEachSmoothTerm { direction, _, scale, _, weight in if direction < 0 { b += weight * scale } }
        return (b, upperHingeWeight > 0 ? upperKink : -.infinity)
    }
}
