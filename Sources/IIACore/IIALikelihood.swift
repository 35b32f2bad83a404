import Foundation

/// The IIA (logit) cross-entropy L_D of a count table as a function of one scalar.
///
/// L_D(u) = Σ_j [(N_j1 + N_j2) ln(j + (k-j) e^u) - N_j2 u] over the mixed rows 0 < j < k
/// (rows 0 and k do not depend on u). RLPO's reward gap u = psi2 - psi1 minimises it, DPO's
/// rescaled policy gap minimises it too, and it is the data term of inclusive learning.
/// It is convex, and strictly convex once a mixed row holds data.
public struct IIALikelihood: SlopeFunction {
    let constants: ChoiceSetConstants
    /// The count table's columns, read in place (rows 0 and k are not used).
    let choseM1: [Double]
    let choseM2: [Double]
    /// Mixed data that chose M1, and that chose M2.
    public let mixedChoseM1: Double
    public let mixedChoseM2: Double
    /// The columns for the hot loops, lifted when every count is tiny (see ``CountColumns``).
    let unitColumns: CountColumns
    /// Both far tails, once a search that reaches beyond ±600 asked for them
    /// (``cacheFarTails()``): far out every evaluation would otherwise recompute them.
    private(set) var cachedFarTails: (left: FarTail, right: FarTail)?

    /// L_D of `counts`; pass the constants for its k when they are already built.
    public init(_ counts: PreferenceCounts, constants: ChoiceSetConstants? = nil) {
        let constants = constants ?? ChoiceSetConstants(k: counts.k)
        precondition(constants.k == counts.k, "constants built for another |Y|")
        self.constants = constants
        choseM1 = counts.choseM1
        choseM2 = counts.choseM2
        (mixedChoseM1, mixedChoseM2) = counts.mixedTotals
        unitColumns = CountColumns(choseM1: counts.choseM1, choseM2: counts.choseM2, rows: 1..<counts.k)
    }

    var k: Int { constants.k }

    /// True when L_D has a minimiser: mixed data chose each category at least once.
    public var hasMinimizer: Bool { mixedChoseM1 > 0 && mixedChoseM2 > 0 }

    /// L_D(u), up to a constant.
    ///
    /// Each row is written as N_j1 ln(j + (k-j) e^u) + N_j2 ln(j e^-u + (k-j)): no cancellation
    /// between (N_j1 + N_j2) u and N_j2 u when |u| is huge.
    public func value(_ u: Double) -> Double {
        // e^t = e^u (k-j)/j: one exponential for all rows while it cannot overflow.
        let growth = abs(u) <= SlopeAccumulator.logModeThreshold ? exp(u) : nil
        var sum = 0.0
        for j in 1..<k {
            let row = constants.rows[j]
            let n1 = choseM1[j], n2 = choseM2[j]
            let t = u + row.shift
            if n1 > 0 {
                let up = growth.map { StableMath.softplus(t, exponential: $0 * row.scale) } ?? StableMath.softplus(t)
                sum += n1 * (row.logJ + up)
            }
            if n2 > 0 {
                let down = growth.map { StableMath.softplus(-t, exponential: 1 / ($0 * row.scale)) } ?? StableMath.softplus(-t)
                sum += n2 * (row.logJ + row.shift + down)
            }
        }
        return sum
    }

    /// Adds L_D'(u) and L_D''(u) to the accumulators, without cancellation in either tail.
    func accumulate(_ u: Double, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator) {
        guard derivative.logMode || curvature.logMode else {
            // Plain mode: e^(u + shift) = e^u (k-j)/j, from the accumulator's e^u; each row is
            // (N_j1 E - N_j2)/(1 + E) and (N_j1 + N_j2) E/(1 + E)^2, summed in registers.
            let growth = derivative.growth
            let columns = unitColumns
            var sumDerivative = 0.0, sumCurvature = 0.0
            for j in 1..<k {
                let n1 = columns.choseM1[j], n2 = columns.choseM2[j]
                let n = n1 + n2
                guard n > 0 else { continue }
                let e = growth * constants.rows[j].scale
                let reciprocal = 1 / (1 + e)
                // E/(1 + E) ≤ 1 first, so that no product overflows for counts up to the largest double.
                let share = e * reciprocal
                sumDerivative += n1 * share - n2 * reciprocal
                sumCurvature += n * (share * reciprocal)
            }
            derivative.addConstant(sumDerivative * columns.unit)
            curvature.addConstant(sumCurvature * columns.unit)
            return
        }
        for j in 1..<k {
            let n1 = choseM1[j], n2 = choseM2[j]
            guard n1 + n2 > 0 else { continue }
            let row = constants.rows[j]
            SlopeAccumulator.addLogistic(
                up: n1, down: n2, weight: n1 + n2, direction: 1, shift: row.shift, scale: row.scale,
                derivative: &derivative, curvature: &curvature)
        }
    }

    /// L_D'(u) and L_D''(u) on a common scale (in closed form far out, see ``FarTail``).
    public func slope(_ u: Double) -> Slope {
        slopeOnCommonScale(u)
    }

    /// L_D' far out: row j's N_j1 sigmoid(t) - N_j2 sigmoid(-t), t = u + ln((k-j)/j), is
    /// N_j1 - (N_j1 + N_j2) e^-t on the right and -N_j2 + (N_j1 + N_j2) e^t on the left.
    func farTail(right: Bool) -> FarTail {
        if let cached = cachedFarTails { return right ? cached.right : cached.left }
        return computeFarTail(right: right)
    }

    /// Computes both far tails once, for a search that evaluates far out.
    mutating func cacheFarTails() {
        cachedFarTails = (computeFarTail(right: false), computeFarTail(right: true))
    }

    /// The far tail on one side, from the rows.
    private func computeFarTail(right: Bool) -> FarTail {
        // In the columns' units (no subnormal arithmetic for tiny counts), rescaled at the end.
        let columns = unitColumns
        var weight = ScaledSum()
        for j in 1..<k {
            let scale = constants.rows[j].scale
            weight.add(columns.choseM1[j] + columns.choseM2[j], right ? 1 / scale : scale)
        }
        let logUnit = columns.unit == 1 ? 0 : log(columns.unit)
        return FarTail(constant: right ? mixedChoseM1 : -mixedChoseM2, logWeight: weight.logarithm + logUnit)
    }

    public func slope(at u: Double) -> Slope { slope(u) }

    /// A lower bound of L_D'' on [a, b]: each row's sigmoid slope is unimodal, so its minimum
    /// over an interval sits at an end.
    func curvatureLowerBound(_ a: Double, _ b: Double, exponentials: StableMath.EndExponentials?) -> Double {
        let columns = unitColumns
        var bound = 0.0
        for j in 1..<k {
            let n = columns.choseM1[j] + columns.choseM2[j]
            guard n > 0 else { continue }
            let row = constants.rows[j]
            bound += n * StableMath.smallerSigmoidSlope(
                direction: 1, shift: row.shift, scale: row.scale, a: a, b: b, exponentials: exponentials)
        }
        return bound * columns.unit
    }

    /// a with L_D'(u) ≤ a e^u for every u (used when no mixed datum chose M2).
    var leftTailCoefficient: Double { (1..<k).reduce(0) { $0 + choseM1[$1] * constants.rows[$1].scale } }
    /// b with L_D'(u) ≥ -b e^-u for every u (used when no mixed datum chose M1).
    var rightTailCoefficient: Double { (1..<k).reduce(0) { $0 + choseM2[$1] / constants.rows[$1].scale } }

    /// A first guess of the minimiser: the count-weighted mean of the rows' own minimisers,
    /// finite for any finite counts (a running mean, and a difference of logarithms when the
    /// counts' ratio leaves the normal range).
    func initialGuess() -> Double {
        var mean = 0.0
        var weight = 0.0
        for j in 1..<k where choseM1[j] > 0 && choseM2[j] > 0 {
            let (n1, n2) = (choseM1[j], choseM2[j])
            let ratio = n2 / n1
            let logRatio = ratio.isNormal && ratio.isFinite ? log(ratio) : log(n2) - log(n1)
            weight += n1 + n2
            mean += (n1 + n2) / weight * (logRatio - constants.rows[j].shift - mean)
        }
        if weight > 0 { return mean }
        return log(max(mixedChoseM2, .leastNormalMagnitude)) - log(max(mixedChoseM1, .leastNormalMagnitude))
    }
}
