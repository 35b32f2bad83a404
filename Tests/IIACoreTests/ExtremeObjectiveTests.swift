import Foundation
import Testing
@testable import IIACore

// Adversarial tests of the global minimisers of IL and SLiC (data(v) + beta KL(v)) and of the
// whole solver path, on extreme but valid inputs: k 2…64, counts 5e-324…1e300 (and a few near the
// largest total that validates), one-sided data, single cells, the SLiC hinge rows 1 and k-1 huge
// or tiny; zeta from 5e-324 to 1 - 2^-53, beta 1e-12…1e12 (and the largest and smallest doubles),
// delta 0…1e6 (and 1e300), |M1|, |M2| 1…1e9 (and 1e12, Int.max).
//
// Oracles: a dense grid (the search interval, log-spaced out to ±1e15 around the KL anchor and
// around 0, around the kinks and the argmin) with a golden-section refinement of the best cell,
// judged by `objective.value` and by an independent evaluation of the objective (log-add-exp of
// the choice probabilities, written from the formulas, not from the sources); the derivative's
// sign on either side of the argmin, by the objective's slope and by an independent evaluation
// (each term's exponent kept apart from its coefficient, summed exactly), with the argmin at the
// largest double accepted only when the minimiser lies beyond it; and for the whole solver path:
// no NaN, P(M1) in [0, 1], an
// infinite log-odds only where the exact log-odds overflows a double, and the closed forms of
// RLPO-pairwise and TypeMLE recomputed in logarithms.
//
// The solver runs in child processes (exit tests), so a trap fails one test and names the setting
// (from a progress file) instead of ending the test run.

// MARK: - Settings

/// A setting (parameters and a count table) with a label saying how it was drawn.
private struct ExtremeSetting: Sendable {
    var label: String
    var parameters: ModelParameters
    var counts: PreferenceCounts

    /// The setting as `iia-explorer solve` options (the table in `a0/b0,a1/b1,…` form).
    var reproducer: String {
        let p = parameters
        return "[\(label)] --m1 \(p.m1) --m2 \(p.m2) --p1 \(p.p1) --zeta \(p.zeta) --k \(p.k) --beta \(p.beta) "
            + "--delta \(p.delta) --counts \(counts.commandLineForm)"
    }
}

/// Random extreme settings.
private enum ExtremeDrawer {
    static func uniform(_ a: Double, _ b: Double, _ g: inout SplitMix64) -> Double { a + (b - a) * g.nextUniform() }

    /// Log-uniform in [a, b] (a > 0; down to 5e-324).
    static func logUniform(_ a: Double, _ b: Double, _ g: inout SplitMix64) -> Double {
        let value = exp(log(a) + (log(b) - log(a)) * g.nextUniform())
        return min(max(value, a), b)
    }

    static func chance(_ p: Double, _ g: inout SplitMix64) -> Bool { g.nextUniform() < p }

    static func pick<T>(_ options: [T], _ g: inout SplitMix64) -> T { options[Int(g.next() % UInt64(options.count))] }

    /// A count magnitude: anything from the smallest subnormal to 1e300, extremes often.
    static func magnitude(_ g: inout SplitMix64) -> Double {
        switch g.next() % 6 {
        case 0: return pick([Double.leastNonzeroMagnitude, 1e-300, 1e300, 1, 1e-3, 1e12], &g)
        case 1: return Double.leastNonzeroMagnitude * logUniform(1, 1e8, &g)
        case 2: return logUniform(1e280, 1e300, &g)
        default: return logUniform(Double.leastNonzeroMagnitude, 1e300, &g)
        }
    }

    static func parameters(_ g: inout SplitMix64) -> ModelParameters {
        let k = chance(0.35, &g) ? pick([2, 3, 4, 63, 64], &g) : 2 + Int(g.next() % 63)
        func size(_ g: inout SplitMix64) -> Int {
            chance(0.4, &g) ? pick([1, 1_000_000_000], &g) : Int(logUniform(1, 1e9, &g).rounded())
        }
        let m1 = size(&g), m2 = size(&g)
        let zeta: Double
        switch g.next() % 16 {
        case 0, 1: zeta = 1e-12
        case 2, 3: zeta = 1 - 1e-12
        case 4: zeta = Double.leastNonzeroMagnitude  // the extremes validation allows
        case 5: zeta = 1.0.nextDown
        case 6: zeta = 0.5
        default: zeta = 1 / (1 + exp(-uniform(-27.6, 27.6, &g)))
        }
        let beta = chance(0.2, &g) ? pick([1e-12, 1e12], &g) : logUniform(1e-12, 1e12, &g)
        let delta: Double
        switch g.next() % 10 {
        case 0, 1: delta = 0
        case 2: delta = 1e6
        case 3, 4, 5: delta = uniform(0, 3, &g)
        default: delta = logUniform(1e-6, 1e6, &g)
        }
        let p1 = pick([0, 1, g.nextUniform(), g.nextUniform()], &g)
        return ModelParameters(m1: m1, m2: m2, p1: p1, zeta: zeta, k: k, beta: beta, delta: delta)
    }

    /// The number of table kinds (the draw's index modulo this picks the kind).
    static let kinds = 8

    static func draw(_ g: inout SplitMix64, index: Int) -> ExtremeSetting? {
        var parameters = parameters(&g)
        let k = parameters.k
        var a = Array(repeating: 0.0, count: k + 1), b = a
        // Rows 0 and k do not enter the objectives, but sometimes hold huge or tiny data.
        if chance(0.3, &g) { b[0] = magnitude(&g) }
        if chance(0.3, &g) { a[k] = magnitude(&g) }
        let kind: String
        switch index % kinds {
        case 0:
            kind = "generic"
            for j in 1..<k {
                if chance(0.7, &g) { a[j] = logUniform(1e-3, 1e12, &g) }
                if chance(0.7, &g) { b[j] = logUniform(1e-3, 1e12, &g) }
            }
        case 1:
            kind = "extreme 1e±300"
            let e1 = uniform(-300, 297, &g), e2 = uniform(-300, 297, &g)
            for j in 1..<k {
                if chance(0.6, &g) { a[j] = pow(10, uniform(e1, e1 + 3, &g)) }
                if chance(0.6, &g) { b[j] = pow(10, uniform(e2, e2 + 3, &g)) }
            }
        case 2:
            kind = "subnormal vs huge"
            let tinyM1 = chance(0.5, &g)
            for j in 1..<k {
                let tiny = Double.leastNonzeroMagnitude * logUniform(1, 1e8, &g)
                let huge = logUniform(1e280, 1e300, &g)
                if chance(0.6, &g) { a[j] = tinyM1 ? tiny : huge }
                if chance(0.6, &g) { b[j] = tinyM1 ? huge : tiny }
            }
        case 3:
            kind = "hinge rows"
            // SLiC's hinge rows: chose M1 in row 1, chose M2 in row k-1, each huge, tiny or absent.
            a[1] = pick([0, Double.leastNonzeroMagnitude, 1e-300, 1, 1e300, magnitude(&g)], &g)
            b[k - 1] = pick([0, Double.leastNonzeroMagnitude, 1e-300, 1, 1e300, magnitude(&g)], &g)
            // The other cells of those rows, and the smooth rows, sometimes.
            if chance(0.3, &g) { b[1] = magnitude(&g) }
            if chance(0.3, &g) { a[k - 1] = magnitude(&g) }
            if k > 2 && chance(0.5, &g) {
                let scale = magnitude(&g)
                for j in 1..<k where chance(0.4, &g) {
                    if chance(0.5, &g) { a[j] = scale * logUniform(1e-3, 1, &g) } else { b[j] = scale * logUniform(1e-3, 1, &g) }
                }
            }
        case 4:
            kind = "one-sided"
            // Mixed rows chose only one category (at any magnitude).
            let m1Side = chance(0.5, &g)
            let scale = magnitude(&g)
            for j in 1..<k where chance(0.6, &g) {
                let value = scale * logUniform(1e-3, 1, &g)
                if m1Side { a[j] = value } else { b[j] = value }
            }
            if chance(0.5, &g) {
                // Always the hinge row of that side too.
                if m1Side { a[1] = magnitude(&g) } else { b[k - 1] = magnitude(&g) }
            }
        case 5:
            kind = "single cell"
            a = Array(repeating: 0.0, count: k + 1)
            b = a
            let row = Int(g.next() % UInt64(k + 1))
            let m1Cell = row == k || (row != 0 && chance(0.5, &g))
            if m1Cell { a[row] = magnitude(&g) } else { b[row] = magnitude(&g) }
        case 6:
            kind = "expected"
            parameters.dataSize = logUniform(1e-300, 1e300, &g)
            let expected = PreferenceCounts.expected(parameters)
            (a, b) = (expected.choseM1, expected.choseM2)
        default:
            kind = "sparse"
            for _ in 0..<(1 + Int(g.next() % 2)) {
                a[1 + Int(g.next() % UInt64(k - 1))] = magnitude(&g)
                b[1 + Int(g.next() % UInt64(k - 1))] = magnitude(&g)
            }
        }
        guard let counts = try? PreferenceCounts(k: k, choseM1: a, choseM2: b) else { return nil }
        do { try parameters.validate() } catch { return nil }
        return ExtremeSetting(label: "\(kind) #\(index)", parameters: parameters, counts: counts)
    }
}

// MARK: - Independent evaluation

/// ln(e^a + e^b), with -infinity for an empty term.
private func logAddExp(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    let top = max(a, b)
    return top + log1p(exp(-abs(a - b)))
}

/// ln of a positive count, -infinity for 0.
private func logCount(_ n: Int) -> Double { n > 0 ? log(Double(n)) : -.infinity }

/// The IIA likelihood written from its definition: a datum in row j (j messages of M1, k - j of
/// M2, the M2 messages' weight e^v each) that chose M1 costs ln(j + (k-j) e^v) (- ln j), one that
/// chose M2 ln((k-j) + j e^-v) (- ln(k-j)); the constants are kept, as the sources keep them.
private func independentILData(_ counts: PreferenceCounts, _ v: Double) -> Double {
    let k = counts.k
    var sum = 0.0
    for j in 1..<k {
        let (n1, n2) = (counts.choseM1[j], counts.choseM2[j])
        if n1 > 0 { sum += n1 * logAddExp(logCount(j), logCount(k - j) + v) }
        if n2 > 0 { sum += n2 * logAddExp(logCount(k - j), logCount(j) - v) }
    }
    return sum
}

/// SLiC's data term from its definition: (ln(P(Y \ {y}) / P(y)) + delta)_+ per datum, that is
/// (ln((j-1) + (k-j) e^v) + delta)_+ for a chosen M1 and (ln(j e^-v + (k-j-1)) + delta)_+ for a
/// chosen M2. In the two hinge rows the argument is v - kink; the kink, -(delta + ln(k-1)), is
/// formed as the sources form it, so both sides round the same way next to it.
private func independentSLiCData(_ counts: PreferenceCounts, _ delta: Double, _ v: Double) -> Double {
    let k = counts.k
    let kink = -(delta + log(Double(k - 1)))
    var sum = 0.0
    for j in 1..<k {
        let (n1, n2) = (counts.choseM1[j], counts.choseM2[j])
        if n1 > 0 {
            let argument = j == 1 ? v - kink : logAddExp(logCount(j - 1), logCount(k - j) + v) + delta
            sum += n1 * max(0, argument)
        }
        if n2 > 0 {
            let argument = j == k - 1 ? -kink - v : logAddExp(logCount(j) - v, logCount(k - j - 1)) + delta
            sum += n2 * max(0, argument)
        }
    }
    return sum
}

/// beta KL(P_theta || P_base): mass q = sigmoid(v + ln(|M2|/|M1|)) on M2, 1 - zeta in the base.
private func independentKL(_ parameters: ModelParameters, _ v: Double) -> Double {
    let x = v + (log(Double(parameters.m2)) - log(Double(parameters.m1)))
    func softplus(_ t: Double) -> Double { max(t, 0) + log1p(exp(-abs(t))) }
    let logQ = -softplus(-x), logNotQ = -softplus(x)
    let kl = exp(logQ) * (logQ - log1p(-parameters.zeta)) + exp(logNotQ) * (logNotQ - log(parameters.zeta))
    return parameters.beta * kl
}

/// A term coefficient · e^(a v + b) of a derivative, a ∈ {-1, 0, 1} (or their sums): a v kept
/// apart from b so that terms far out (|v| up to 1.8e308) compare exactly through b when their a
/// agree, and the coefficient (a count, signed) kept apart from both so that two counts of 1e300
/// that differ in the 15th digit still cancel to their difference.
private struct ExponentialTerm {
    var coefficient: Double
    var a: Double
    var b: Double
}

/// ln sigmoid(d v + s) as (a, b).
private func logSigmoidTerm(_ d: Double, _ s: Double, at v: Double) -> (a: Double, b: Double) {
    let t = d * v + s
    return t < 0 ? (d, s - log1p(exp(t))) : (0, -log1p(exp(-t)))
}

/// The sign of a sum of exponential terms at v (-1, 0 or 1): each term relative to the largest,
/// summed exactly (Shewchuk's non-overlapping partials), so that two hinge weights of 1e300 that
/// cancel leave the small terms' sign.
private func signOfSum(_ terms: [ExponentialTerm], at v: Double) -> Double {
    let live = terms.filter { $0.coefficient != 0 && $0.b > -.infinity }
    guard var reference = live.first else { return 0 }
    func exponent(_ term: ExponentialTerm) -> Double { (term.a - reference.a) * v + (term.b - reference.b) }
    for term in live.dropFirst()
    where exponent(term) + (log(abs(term.coefficient)) - log(abs(reference.coefficient))) > 0 {
        reference = term
    }
    var partials: [Double] = []
    for term in live {
        // Relative to the reference term: exactly the coefficients' ratio when the exponentials agree.
        let e = exponent(term)
        var x = e == 0
            ? term.coefficient / abs(reference.coefficient)
            : (term.coefficient > 0 ? 1 : -1) * exp(e + (log(abs(term.coefficient)) - log(abs(reference.coefficient))))
        var kept = 0
        for index in partials.indices {
            var y = partials[index]
            if abs(x) < abs(y) { swap(&x, &y) }
            let high = x + y
            let low = y - (high - x)
            if low != 0 {
                partials[kept] = low
                kept += 1
            }
            x = high
        }
        partials.removeSubrange(kept...)
        partials.append(x)
    }
    // Non-overlapping partials in increasing magnitude: the last nonzero one has the sum's sign.
    let top = partials.last { $0 != 0 } ?? 0
    return top > 0 ? 1 : top < 0 ? -1 : 0
}

/// beta KL's derivative, beta sigmoid(x) sigmoid(-x) (x + logit zeta) with x = v + ln(|M2|/|M1|),
/// as one term.
private func independentKLDerivative(_ parameters: ModelParameters, at v: Double) -> ExponentialTerm {
    let shift = log(Double(parameters.m2)) - log(Double(parameters.m1))
    let gap = (v + shift) + (log(parameters.zeta) - log1p(-parameters.zeta))
    let up = logSigmoidTerm(1, shift, at: v), down = logSigmoidTerm(-1, -shift, at: v)
    return ExponentialTerm(coefficient: gap, a: up.a + down.a, b: up.b + down.b + log(parameters.beta))
}

/// The sign of IL's derivative at v from its definition: a datum in row j that chose M1 adds
/// sigmoid(v + ln((k-j)/j)), one that chose M2 subtracts sigmoid(-v - ln((k-j)/j)).
private func independentILSign(_ counts: PreferenceCounts, _ parameters: ModelParameters, at v: Double) -> Double {
    let k = counts.k
    var terms = [independentKLDerivative(parameters, at: v)]
    for j in 1..<k {
        let s = log(Double(k - j)) - log(Double(j))
        if counts.choseM1[j] > 0 {
            let term = logSigmoidTerm(1, s, at: v)
            terms.append(ExponentialTerm(coefficient: counts.choseM1[j], a: term.a, b: term.b))
        }
        if counts.choseM2[j] > 0 {
            let term = logSigmoidTerm(-1, -s, at: v)
            terms.append(ExponentialTerm(coefficient: -counts.choseM2[j], a: term.a, b: term.b))
        }
    }
    return signOfSum(terms, at: v)
}

/// The sign of SLiC's derivative at v (on `side` of a kink) from its definition: d/dv of
/// ln((j-1) + (k-j) e^v) is sigmoid(v + ln((k-j)/(j-1))), of ln(j e^-v + (k-j-1)) it is
/// -sigmoid(-v + ln(j/(k-j-1))); the hinge rows add their weight where active.
private func independentSLiCSign(
    _ counts: PreferenceCounts, _ parameters: ModelParameters, at v: Double, side: PieceSide
) -> Double {
    let k = counts.k
    let lowerKink = -(parameters.delta + log(Double(k - 1))), upperKink = -lowerKink
    var terms = [independentKLDerivative(parameters, at: v)]
    let lowerWeight = counts.choseM1[1], upperWeight = counts.choseM2[k - 1]
    if lowerWeight > 0 && (v > lowerKink || (v == lowerKink && side == .right)) {
        terms.append(ExponentialTerm(coefficient: lowerWeight, a: 0, b: 0))
    }
    if upperWeight > 0 && (v < upperKink || (v == upperKink && side == .left)) {
        terms.append(ExponentialTerm(coefficient: -upperWeight, a: 0, b: 0))
    }
    for j in 1..<k {
        if j >= 2 && counts.choseM1[j] > 0 {
            let term = logSigmoidTerm(1, log(Double(k - j)) - log(Double(j - 1)), at: v)
            terms.append(ExponentialTerm(coefficient: counts.choseM1[j], a: term.a, b: term.b))
        }
        if j <= k - 2 && counts.choseM2[j] > 0 {
            let term = logSigmoidTerm(-1, log(Double(j)) - log(Double(k - j - 1)), at: v)
            terms.append(ExponentialTerm(coefficient: -counts.choseM2[j], a: term.a, b: term.b))
        }
    }
    return signOfSum(terms, at: v)
}

// MARK: - Progress file (child processes)

/// Prints the child's statistics lines after it exited cleanly (progress file: see ``ChildProcessProgress``).
private func finishChild(_ result: ExitTest.Result?, progress path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = ChildProcessProgress.finish(result, path: path, sourceLocation: sourceLocation)
    guard result != nil else { return }
    for line in lines where line.hasPrefix("STATS") { print("ExtremeObjectiveTests \(line)") }
}

// MARK: - Checks

/// What the grids saw, for the report.
private struct GridStatistics {
    var objectives = 0
    var points = 0
    var infiniteValues = 0
    var objectivesWithInfiniteValues = 0
    var nanValues = 0
    var farOut = 0  // |argmin| > 600 (log mode)
    var atKink = 0
    var fallbacks = 0
    var beyondRange = 0
    var severalMinima = 0
    var infiniteLogOdds = 0
    var terminations: [Termination: Int] = [:]

    var line: String {
        let ends = terminations.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        return "STATS objectives \(objectives), grid points \(points), +inf values \(infiniteValues) "
            + "(in \(objectivesWithInfiniteValues) objectives), NaN values \(nanValues), |argmin| > 600: \(farOut), "
            + "at a kink \(atKink), fallback to an end of the bound \(fallbacks), beyond the doubles \(beyondRange), several minima \(severalMinima), overflowing log-odds \(infiniteLogOdds); "
            + ends.joined(separator: ", ")
    }
}

/// Grid points: the anchor, log-spaced offsets 1e-3…1e15 on both sides of the anchor and of 0, the
/// search interval (uniform, and uniform in asinh of the distance to the anchor), the kinks and
/// offsets 1e-12…1e3 around them, and offsets around the argmin and the other local minima.
private func gridPoints(
    anchor: Double, interval: ClosedRange<Double>?, kinks: [Double], argmin: Double, others: [Double]
) -> [Double] {
    var points: [Double] = [anchor, 0]
    for exponent in stride(from: -3.0, through: 15.0, by: 0.1) {
        let r = pow(10, exponent)
        points += [anchor - r, anchor + r]
    }
    for exponent in stride(from: -3.0, through: 15.0, by: 0.5) {
        let r = pow(10, exponent)
        points += [-r, r]
    }
    if let interval, interval.lowerBound.isFinite, interval.upperBound.isFinite, interval.lowerBound < interval.upperBound {
        let (a, b) = (interval.lowerBound, interval.upperBound)
        let cells = 100
        for index in 0...cells { points.append(a + (b - a) * Double(index) / Double(cells)) }
        let c = min(max(anchor, a), b)
        let (t0, t1) = (asinh(a - c), asinh(b - c))
        for index in 0...cells { points.append(c + sinh(t0 + (t1 - t0) * Double(index) / Double(cells))) }
    }
    for kink in kinks {
        points.append(kink)
        for exponent in stride(from: -12.0, through: 3.0, by: 0.5) {
            let r = pow(10, exponent) * max(1, abs(kink))
            points += [kink - r, kink + r]
        }
    }
    for centre in [argmin] + others {
        for exponent in stride(from: -12.0, through: 0.0, by: 0.5) {
            let r = pow(10, exponent) * max(1, abs(centre))
            points += [centre - r, centre + r]
        }
    }
    return points.filter { $0.isFinite }.sorted()
}

/// The slack of a value comparison: 1e-9 of the larger |value|, plus the rounding of beta KL
/// (its terms reach beta (|ln zeta| + |ln(1 - zeta)| + 1) and cancel near the anchor), plus a
/// tiny absolute floor.
private func valueSlack(_ f1: Double, _ f2: Double, parameters: ModelParameters) -> Double {
    let klScale = parameters.beta * (2 + abs(log(parameters.zeta)) + abs(log1p(-parameters.zeta)))
    return 1e-9 * max(abs(f1), abs(f2)) + 1e-14 * klScale + 1e-300
}

/// Minimises one objective and checks the result against the grid, the independent evaluation
/// and the derivative's sign. Returns the result.
@discardableResult
private func checkMinimum<Objective: RegularisedObjective>(
    _ objective: Objective, name: String, setting: ExtremeSetting, kinks: [Double],
    independent: (Double) -> Double, independentSign: (Double, PieceSide) -> Double,
    statistics: inout GridStatistics
) -> Minimization {
    let table = "\(name) \(setting.reproducer)"
    ChildProcessProgress.note(table)
    let parameters = setting.parameters
    let found = GlobalMinimizer.minimize(objective)
    statistics.objectives += 1
    statistics.terminations[found.termination, default: 0] += 1
    let v = found.argmin
    #expect(v.isFinite, "argmin \(v) not finite (\(found.termination)): \(table)")
    #expect(
        found.termination != .iterationLimit && found.termination != .noMinimizer && found.termination != .closedForm,
        "termination \(found.termination) after \(found.iterations) iterations, argmin \(v): \(table)")
    guard v.isFinite else { return found }
    if abs(v) > SlopeAccumulator.logModeThreshold { statistics.farOut += 1 }
    if found.otherMinima.count > 0 { statistics.severalMinima += 1 }
    if let interval = found.searchInterval {
        #expect(interval.contains(v), "argmin \(v) outside the search interval \(interval): \(table)")
    } else {
        Issue.record("no search interval: \(table)")
    }

    // The value at the argmin, and the winner among the local minima found.
    let best = objective.value(v)
    #expect(!best.isNaN && best < .infinity, "value \(best) at argmin \(v): \(table)")
    for other in found.otherMinima {
        #expect(other.isFinite, "another local minimum at \(other): \(table)")
        let value = objective.value(other)
        #expect(
            !(value < best), "the local minimum \(other) (\(value)) is lower than the argmin \(v) (\(best)): \(table)")
    }

    // The grid.
    let anchor = objective.regulariser.anchor
    let grid = gridPoints(anchor: anchor, interval: found.searchInterval, kinks: kinks, argmin: v, others: found.otherMinima)
    var worst: (point: Double, value: Double, excess: Double)?
    var bestGrid = (index: 0, value: Double.infinity)
    var infinite = 0
    var firstNaN: Double?
    var values = [Double](repeating: 0, count: grid.count)
    for (index, point) in grid.enumerated() {
        let value = objective.value(point)
        values[index] = value
        if value.isNaN {
            statistics.nanValues += 1
            if firstNaN == nil { firstNaN = point }
            continue
        }
        if value == .infinity { infinite += 1 }
        if value < bestGrid.value { bestGrid = (index, value) }
        let excess = best - value - valueSlack(best, value, parameters: parameters)
        if excess > 0 && excess > (worst?.excess ?? 0) { worst = (point, value, excess) }
    }
    statistics.points += grid.count
    statistics.infiniteValues += infinite
    if infinite > 0 { statistics.objectivesWithInfiniteValues += 1 }
    #expect(firstNaN == nil, "objective.value is NaN at v = \(firstNaN ?? 0) (a grid point): \(table)")
    if let worst {
        Issue.record(
            "value \(best) at argmin \(v) (\(found.termination), interval \(String(describing: found.searchInterval)), other minima \(found.otherMinima)) exceeds the grid's \(worst.value) at \(worst.point): \(table)")
    }

    // Golden-section refinement in the best grid point's neighbours.
    var refined: Double?
    if bestGrid.value < .infinity {
        var (a, b) = (grid[max(0, bestGrid.index - 1)], grid[min(grid.count - 1, bestGrid.index + 1)])
        for _ in 0..<60 {
            let c = b - (b - a) * 0.618_033_988_75, d = a + (b - a) * 0.618_033_988_75
            if objective.value(c) < objective.value(d) { b = d } else { a = c }
        }
        let point = a + (b - a) / 2
        let value = objective.value(point)
        refined = point
        #expect(
            !(value < best - valueSlack(best, value, parameters: parameters)),
            "value \(best) at argmin \(v) exceeds \(value) at \(point) (refined from the grid): \(table)")
    }

    // The independent evaluation: it agrees with objective.value at the argmin, and judges the
    // argmin against the best grid point and the refined point.
    let independentBest = independent(v)
    if best.isFinite {
        #expect(
            abs(independentBest - best) <= 1e-12 * max(abs(best), abs(independentBest)) + valueSlack(0, 0, parameters: parameters),
            "objective.value \(best) vs independent \(independentBest) at argmin \(v): \(table)")
    }
    for point in [grid[bestGrid.index], refined].compactMap({ $0 }) {
        let value = independent(point)
        #expect(
            !(value < independentBest - valueSlack(independentBest, value, parameters: parameters)),
            "independent value \(independentBest) at argmin \(v) exceeds \(value) at \(point): \(table)")
    }

    // The derivative changes sign across the argmin (one-sided pieces at the kinks), by the
    // objective's slope and by the independent sign. When the argmin is the largest double, the
    // minimiser must lie beyond it: the independent derivative still points outwards there.
    if abs(v) == .greatestFiniteMagnitude {
        statistics.beyondRange += 1
        let sign = independentSign(v, v > 0 ? .left : .right)
        #expect(
            v > 0 ? sign < 0 : sign > 0,
            "argmin \(v) (the largest double), but the independent derivative there has sign \(sign): \(table)")
    } else {
        let d = 1e-9 * max(1, abs(v))
        let left = objective.slope(v - d, side: .left).derivative
        let right = objective.slope(v + d, side: .right).derivative
        #expect(left <= 0 && right >= 0, "slope around argmin \(v) ± \(d): \(left), \(right) (\(found.termination)): \(table)")
        let independentLeft = independentSign(v - d, .left), independentRight = independentSign(v + d, .right)
        #expect(
            independentLeft <= 0 && independentRight >= 0,
            "independent derivative sign around argmin \(v) ± \(d): \(independentLeft), \(independentRight) (\(found.termination)): \(table)")
    }
    if found.termination == .atKink {
        #expect(kinks.contains(v), "termination .atKink away from a kink (\(v)): \(table)")
        if kinks.contains(v) {
            statistics.atKink += 1
            let left = objective.slope(v, side: .left).derivative, right = objective.slope(v, side: .right).derivative
            #expect(left <= 0 && right >= 0, "one-sided slopes at the kink \(v): \(left), \(right): \(table)")
            let independentLeft = independentSign(v, .left), independentRight = independentSign(v, .right)
            #expect(
                independentLeft <= 0 && independentRight >= 0,
                "independent one-sided signs at the kink \(v): \(independentLeft), \(independentRight): \(table)")
        }
    } else if found.termination == .atBound {
        // No sign change inside the bound (rounding at an end, or a minimiser beyond the largest
        // double): not an error by itself (the checks above judge the point), but counted.
        #expect(found.searchInterval.map { v == $0.lowerBound || v == $0.upperBound } ?? false, "\(v) is not an end of the bound: \(table)")
        statistics.fallbacks += 1
    }
    return found
}

/// The whole solver path: all six algorithms, no NaN, P(M1) in [0, 1], no iteration limit, an
/// infinite log-odds only where the exact log-odds overflows, the closed forms recomputed in
/// logarithms, and IL and SLiC no worse than the direct minimisers.
private func checkSolverPath(
    _ setting: ExtremeSetting, algorithms: [Algorithm], il: (InclusiveLearningObjective, Minimization)?,
    slic: (SLiCObjective, Minimization)?, statistics: inout GridStatistics
) {
    let table = "RLHFSolver \(algorithms.map(\.name)) \(setting.reproducer)"
    ChildProcessProgress.note(table)
    let parameters = setting.parameters, counts = setting.counts
    let results = algorithms == Algorithm.allCases
        ? RLHFSolver(parameters).solve(counts) : RLHFSolver(parameters).solve(counts, algorithms: algorithms)
    #expect(results.map(\.algorithm) == algorithms, "algorithms \(results.map(\.algorithm)): \(table)")
    let baseLogOdds = parameters.baseLogOdds, dataSize = counts.total
    for result in results {
        let name = "\(result.algorithm.name): logOdds \(result.logOdds), \(result.termination), argmin \(result.minimization.argmin)"
        #expect(!result.logOdds.isNaN, "\(name): NaN log-odds: \(table)")
        #expect(!result.pM1.isNaN && result.pM1 >= 0 && result.pM1 <= 1, "\(name): P(M1) = \(result.pM1): \(table)")
        #expect(result.termination != .iterationLimit, "\(name): iteration limit: \(table)")
        switch result.algorithm {
        case .il, .slic:
            #expect(result.logOdds.isFinite, "\(name): not finite: \(table)")
        case .rlpo, .dpo, .rlpoPairwise, .typeMLE:
            guard result.logOdds.isInfinite else { break }
            statistics.infiniteLogOdds += 1
            // Exact log-odds: logit(zeta) - u |D| / beta; infinite only when it overflows.
            let u = result.minimization.argmin
            let logMagnitude = log(abs(u)) + log(dataSize) - log(parameters.beta)
            #expect(
                result.minimizerExists && u.isFinite && u != 0 && logMagnitude > log(Double.greatestFiniteMagnitude) - 1e-9
                    && (result.logOdds > 0) == (u < 0),
                "\(name): infinite, but the exact log-odds \(baseLogOdds) - \(u) · \(dataSize) / \(parameters.beta) does not overflow: \(table)")
        }
    }
    // RLPO-pairwise: u = ln(B / A), A = Σ N_j1 (k - j), B = Σ N_j2 j over the mixed rows, in logs.
    let k = counts.k
    var logA = -Double.infinity, logB = -Double.infinity
    for j in 1..<k {
        if counts.choseM1[j] > 0 { logA = logAddExp(logA, log(counts.choseM1[j]) + log(Double(k - j))) }
        if counts.choseM2[j] > 0 { logB = logAddExp(logB, log(counts.choseM2[j]) + log(Double(j))) }
    }
    if let pairwise = results.first(where: { $0.algorithm == .rlpoPairwise }) {
        if logA > -.infinity && logB > -.infinity {
            let exact = logB - logA
            #expect(
                pairwise.minimizerExists && abs(pairwise.minimization.argmin - exact) <= 1e-12 * max(1, abs(exact)),
                "RLPO-pairwise: u \(pairwise.minimization.argmin) vs ln(B/A) = \(exact): \(table)")
        } else {
            #expect(!pairwise.minimizerExists, "RLPO-pairwise: a minimiser without data on both sides: \(table)")
        }
    }
    // TypeMLE: u = 1 - 2 p^ = (M2 - M1) / (M1 + M2) over the mixed rows.
    if let type = results.first(where: { $0.algorithm == .typeMLE }) {
        let (m1, m2) = (counts.mixedChoseM1, counts.mixedChoseM2)
        if m1 + m2 > 0 {
            let exact = m2 / (m1 + m2) - m1 / (m1 + m2)
            #expect(
                type.minimizerExists && abs(type.minimization.argmin - exact) <= 1e-12,
                "TypeMLE: u \(type.minimization.argmin) vs \(exact): \(table)")
        }
    }
    // IL and SLiC through the solver (IL reuses RLPO's root): no worse than the direct search.
    for (algorithm, direct) in [(Algorithm.il, il.map { ($0.0.value, $0.1) }), (.slic, slic.map { ($0.0.value, $0.1) })] {
        guard let (value, minimization) = direct, minimization.argmin.isFinite,
              let result = results.first(where: { $0.algorithm == algorithm }) else { continue }
        let viaSolver = -result.logOdds - parameters.logSizeRatio
        let (a, b) = (value(result.minimization.argmin), value(minimization.argmin))
        #expect(
            !(a > b + valueSlack(a, b, parameters: parameters)),
            "\(algorithm.name) via RLHFSolver: argmin \(result.minimization.argmin) (\(a)) vs direct \(minimization.argmin) (\(b)): \(table)")
        #expect(
            abs(viaSolver - result.minimization.argmin) <= 1e-12 * max(1, abs(viaSolver)),
            "\(algorithm.name): log-odds \(result.logOdds) do not map back to argmin \(result.minimization.argmin): \(table)")
    }
}

/// Which objectives of a setting get the grid oracle.
private struct ObjectiveChoice: OptionSet, Sendable {
    let rawValue: Int
    static let il = ObjectiveChoice(rawValue: 1)
    static let slic = ObjectiveChoice(rawValue: 2)
}

/// Every check for one setting. The solver path runs RLPO, DPO, RLPO-pairwise and TypeMLE always,
/// IL too when `solverIL` (the solver's IL search starts from RLPO's root, unlike the direct one),
/// and all six algorithms when `allAlgorithms` (SLiC through the solver is the same search as the
/// direct one). The subsets keep a debug build's run short.
private func checkSetting(
    _ setting: ExtremeSetting, objectives: ObjectiveChoice, solverIL: Bool = true, allAlgorithms: Bool,
    statistics: inout GridStatistics
) {
    let (parameters, counts) = (setting.parameters, setting.counts)
    var il: (InclusiveLearningObjective, Minimization)?
    var slic: (SLiCObjective, Minimization)?
    if objectives.contains(.il) {
        let objective = InclusiveLearningObjective(counts, parameters)
        let found = checkMinimum(
            objective, name: "IL", setting: setting, kinks: [],
            independent: { independentILData(counts, $0) + independentKL(parameters, $0) },
            independentSign: { v, _ in independentILSign(counts, parameters, at: v) }, statistics: &statistics)
        il = (objective, found)
    }
    if objectives.contains(.slic) {
        let objective = SLiCObjective(counts, parameters)
        let found = checkMinimum(
            objective, name: "SLiC", setting: setting, kinks: [objective.lowerKink, objective.upperKink],
            independent: { independentSLiCData(counts, parameters.delta, $0) + independentKL(parameters, $0) },
            independentSign: { independentSLiCSign(counts, parameters, at: $0, side: $1) }, statistics: &statistics)
        slic = (objective, found)
    }
    let algorithms: [Algorithm] = allAlgorithms || objectives.contains(.il) && objectives.contains(.slic)
        ? Algorithm.allCases
        : Algorithm.allCases.filter { $0 != .slic && ($0 != .il || solverIL) }
    checkSolverPath(setting, algorithms: algorithms, il: il, slic: slic, statistics: &statistics)
}

// MARK: - The settings

/// Random settings: `randomChunks` chunks of `randomChunkSize`, each chunk its own stream and its
/// own child process. Each setting's IL or SLiC objective (alternately) gets the grid oracle; the
/// whole solver path runs on every setting.
private let randomChunks = 8
private let randomChunkSize = 230

private func drawSettings(chunk: Int) -> [ExtremeSetting] {
    var generator = SplitMix64(seed: 0xE7_7E3E, stream: UInt64(chunk))
    var settings: [ExtremeSetting] = []
    for draw in 0..<randomChunkSize {
        let index = chunk * randomChunkSize + draw
        if var setting = ExtremeDrawer.draw(&generator, index: index) {
            setting.label = "chunk \(chunk) \(setting.label)"
            settings.append(setting)
        }
    }
    return settings
}

private func objectiveChoice(_ index: Int) -> ObjectiveChoice {
    // Alternate within each table kind (the kind is index % kinds).
    (index / ExtremeDrawer.kinds) % 2 == 0 ? .il : .slic
}

/// The checks of random setting number `index`: IL or SLiC (alternately within each kind) against
/// the grid; the solver's IL on half the IL settings, all six algorithms on one setting in eight.
private func checkSetting(setting: ExtremeSetting, index: Int, statistics: inout GridStatistics) {
    let objectives = objectiveChoice(index)
    checkSetting(
        setting, objectives: objectives, solverIL: objectives == .il && (index / 16) % 2 == 0,
        allAlgorithms: (index / 16) % 8 == 0, statistics: &statistics)
}

/// Builds a sparse table.
private func table(_ k: Int, _ m1: [Int: Double], _ m2: [Int: Double]) throws -> PreferenceCounts {
    var a = Array(repeating: 0.0, count: k + 1), b = a
    for (j, value) in m1 { a[j] = value }
    for (j, value) in m2 { b[j] = value }
    return try PreferenceCounts(k: k, choseM1: a, choseM2: b)
}

/// Expected data, validated as a table (nil when every cell underflowed).
private func expectedTable(_ parameters: ModelParameters, size: Double) throws -> PreferenceCounts {
    let expected = PreferenceCounts.expected(parameters, dataSize: size)
    return try PreferenceCounts(k: parameters.k, choseM1: expected.choseM1, choseM2: expected.choseM2)
}

private let tiny = Double.leastNonzeroMagnitude
private let largest = Double.greatestFiniteMagnitude

/// The number of hand-made settings.
private let handMadeCount = 38

/// Hand-made extreme settings: the extremes validation allows for each field, the hinge rows, one
/// cell, only the unmixed rows, totals near the largest double, coinciding kinks, and overflowing
/// |D| / beta with a reward gap of exactly 0.
private func handMadeSettings() throws -> [ExtremeSetting] {
    func p(m1: Int = 10, m2: Int = 100, p1: Double = 0.6, zeta: Double = 0.8, k: Int, beta: Double = 1, delta: Double = 1) -> ModelParameters {
        ModelParameters(m1: m1, m2: m2, p1: p1, zeta: zeta, k: k, beta: beta, delta: delta)
    }
    func s(_ label: String, _ parameters: ModelParameters, _ counts: PreferenceCounts) -> ExtremeSetting {
        ExtremeSetting(label: label, parameters: parameters, counts: counts)
    }
    let hinge64 = try table(64, [1: 1e300], [63: 1e300])
    return [
        s("1e-300 vs 1e300, beta 1e-12, zeta 1e-12, |M2| 1e9",
          p(m1: 1, m2: 1_000_000_000, zeta: 1e-12, k: 2, beta: 1e-12), try table(2, [1: 1e-300], [1: 1e300])),
        s("1e300 vs 1e-300, beta 1e12, zeta 1-1e-12, |M1| 1e9",
          p(m1: 1_000_000_000, m2: 1, zeta: 1 - 1e-12, k: 2, beta: 1e12), try table(2, [1: 1e300], [1: 1e-300])),
        s("hinge rows 1e300, k 64, beta 1e12, delta 0", p(k: 64, beta: 1e12, delta: 0), hinge64),
        s("hinge rows 1e300, k 64, beta 1e-12, delta 1e6", p(k: 64, beta: 1e-12, delta: 1e6), hinge64),
        s("hinge rows subnormal, smooth rows 1e300, k 4", p(k: 4, beta: 1e-12),
          try table(4, [1: tiny, 2: 1e300], [3: tiny, 2: 1e300])),
        s("hinge rows 1e300, smooth rows subnormal, k 4, delta 1e6", p(k: 4, beta: 1e12, delta: 1e6),
          try table(4, [1: 1e300, 2: tiny], [3: 1e300, 2: tiny])),
        s("one subnormal cell (chose M1, row 1), beta 1e-12, zeta 1-1e-12", p(zeta: 1 - 1e-12, k: 2, beta: 1e-12),
          try table(2, [1: tiny], [:])),
        s("one cell 1e300 (chose M2, row 1), beta 1e-12, |M1| 1e9", p(m1: 1_000_000_000, m2: 1, zeta: 1e-12, k: 2, beta: 1e-12),
          try table(2, [:], [1: 1e300])),
        s("one cell 1e300 in row 32 of 64, beta 1e12, zeta 1e-12, delta 1e6", p(zeta: 1e-12, k: 64, beta: 1e12, delta: 1e6),
          try table(64, [32: 1e300], [:])),
        s("only the unmixed rows (1e300, subnormal)", p(k: 5, beta: 1e-12), try table(5, [5: tiny], [0: 1e300])),
        s("one-sided M1 1e300 with beta 1e-12 (the minimiser beyond ±1e300?)", p(zeta: 1e-12, k: 3, beta: 1e-12),
          try table(3, [1: 1e300, 2: 1e300], [0: 5])),
        s("one-sided M2 1e300 with beta 1e-12, |M1| 1e9", p(m1: 1_000_000_000, m2: 1, zeta: 1 - 1e-12, k: 3, beta: 1e-12),
          try table(3, [3: 5], [1: 1e300, 2: 1e300])),
        s("one datum chose M1, beta 1e-12, zeta 1e-12 (flat minimum far out)", p(zeta: 1e-12, k: 2, beta: 1e-12),
          try table(2, [1: 1], [:])),
        s("zeta 5e-324 (anchor in log mode), |M1| 1e9", p(m1: 1_000_000_000, m2: 1, zeta: tiny, k: 3, beta: 1e-12),
          try table(3, [1: 1e-3, 2: 2], [1: 3, 2: 1e-3])),
        s("zeta 1 - 2^-53, |M2| 1e9", p(m1: 1, m2: 1_000_000_000, zeta: 1.0.nextDown, k: 3, beta: 1e12),
          try table(3, [1: 1e300, 2: 2], [1: 3, 2: 1e300])),
        s("zeta 5e-324, one-sided M2 data", p(zeta: tiny, k: 2, beta: 1), try table(2, [:], [1: 1e12])),
        s("beta = largest double", p(k: 3, beta: largest), try table(3, [1: 2, 2: 3], [1: 5, 2: 7])),
        s("beta = largest double, one-sided", p(zeta: 1e-12, k: 3, beta: largest), try table(3, [1: 1e300], [:])),
        s("beta = 5e-324", p(k: 3, beta: tiny), try table(3, [1: 2, 2: 3], [1: 5, 2: 7])),
        s("beta = 5e-324, one-sided (the minimiser beyond the doubles)", p(k: 3, beta: tiny), try table(3, [1: 2, 2: 3], [:])),
        s("delta 1e300, tiny counts", p(k: 3, beta: 1, delta: 1e300), try table(3, [1: 1e-3, 2: 2], [1: 3, 2: 1e-3])),
        s("delta 0, k 2: both kinks at 0", p(m1: 1, m2: 1, zeta: 0.5, k: 2, beta: 1, delta: 0), try table(2, [1: 3], [1: 5])),
        s("delta 0, k 2, balanced: the minimum at the double kink", p(m1: 1, m2: 1, zeta: 0.5, k: 2, beta: 1e-12, delta: 0),
          try table(2, [1: 1e300], [1: 1e300])),
        s("|M1| = |M2| = 1e9, zeta 0.5, balanced 1e300, beta 1e-12: u = 0 with |D|/beta = inf",
          p(m1: 1_000_000_000, m2: 1_000_000_000, zeta: 0.5, k: 2, beta: 1e-12), try table(2, [1: 1e300], [1: 1e300])),
        s("mixed totals balanced, beta 1e-12, |D| 1e300: TypeMLE u = 0 with |D|/beta = inf", p(k: 3, beta: 1e-12),
          try table(3, [1: 1e300], [2: 1e300])),
        s("nearly balanced 1e300, beta 1e-12: u ≈ 2e-15, u |D| / beta ≈ 4e297 is finite but |D| / beta overflows",
          p(m1: 1, m2: 1, zeta: 0.5, k: 2, beta: 1e-12), try table(2, [1: 1e300], [1: 1.000000000000002e300])),
        s("pairwise wins and losses overflow (1e307 in rows 1 and 63)", p(k: 64, beta: 1), try table(64, [1: 1e307], [63: 1e307])),
        s("hinge row M1 1e307, smooth row 2 of 64 1e307 (tail coefficient overflows)", p(zeta: 1e-12, k: 64, beta: 1e-12),
          try table(64, [1: 1e307, 2: 1e307], [:])),
        s("every mixed cell 1e300, k 64", p(m1: 1, m2: 1_000_000_000, zeta: 1e-12, k: 64, beta: 1e12, delta: 1e6),
          try table(64, Dictionary(uniqueKeysWithValues: (1..<64).map { ($0, 1e300) }),
                    Dictionary(uniqueKeysWithValues: (1..<64).map { ($0, 1e300) }))),
        s("|M1| 1e12 (the command line's limit), |M2| Int.max", p(m1: 1_000_000_000_000, m2: Int.max, zeta: 1e-12, k: 3, beta: 1e-12),
          try table(3, [1: 1, 2: 2], [1: 3, 2: 4])),
        s("expected data: p1 0, zeta 1e-12, k 64, |D| 1e300", p(p1: 0, zeta: 1e-12, k: 64, beta: 1e-12, delta: 0),
          try expectedTable(p(p1: 0, zeta: 1e-12, k: 64), size: 1e300)),
        s("expected data: p1 1, zeta 1-1e-12, k 64, |D| 1e-300", p(p1: 1, zeta: 1 - 1e-12, k: 64, beta: 1e12, delta: 1e6),
          try expectedTable(p(p1: 1, zeta: 1 - 1e-12, k: 64), size: 1e-300)),
        s("expected data: p1 0.5, zeta 1e-12, |M2| 1e9, k 64, |D| 1e12", p(m1: 1, m2: 1_000_000_000, p1: 0.5, zeta: 1e-12, k: 64, beta: 1e12),
          try expectedTable(p(m1: 1, m2: 1_000_000_000, p1: 0.5, zeta: 1e-12, k: 64), size: 1e12)),
        s("anchor at the log-mode threshold (zeta = sigmoid(-600)), tiny one-sided data", p(m1: 1, m2: 1, zeta: 1 / (1 + exp(600)), k: 2, beta: 1),
          try table(2, [1: 1e-300], [:])),
        s("hinge rows only (SLiC), delta 0, k 2, beta 1e12", p(m1: 1, m2: 1_000_000_000, zeta: 1e-12, k: 2, beta: 1e12, delta: 0),
          try table(2, [1: 3], [1: 5])),
        s("tiny one-sided data, delta 1e6: the minimum next to the KL anchor, the kink a million away",
          p(m1: 34944, m2: 3176, zeta: 2.7544317498247288e-12, k: 3, beta: 397816.9381217976, delta: 1e6),
          try table(3, [1: 1e-225, 2: 1e-225], [:])),
        s("one-sided 1e300, |M1| 1e9, beta 3.4e9: the minimiser near -1e300, where beta |x + logit zeta| overflows",
          p(m1: 1_000_000_000, m2: 1, zeta: 1.5054965806355438e-08, k: 3, beta: 3369402590.331893),
          try table(3, [1: 1e300, 2: 1e-156], [:])),
        s("one-sided 1e298…1e299, k 9, |M1| 1e9: the minimiser near -1e305",
          p(m1: 1_000_000_000, m2: 1, zeta: 0.9999768344666852, k: 9, beta: 1141.8283842999435, delta: 0),
          try table(9, [1: 4e298, 2: 5e298, 4: 1.7e299, 5: 1e298, 6: 5e297, 7: 6.5e296, 8: 2.4e298], [:])),
    ]
}

// MARK: - Tests

@Suite("Extreme inputs to the IL and SLiC global minimisers and the solver")
struct ExtremeObjectiveTests {
    @Test(
        "Random extreme settings (k 2…64, counts 5e-324…1e300, zeta/beta/delta/|M| at their extremes): the global minimum against a dense grid, an independent evaluation and the derivative's sign; all six algorithms never NaN",
        arguments: 0..<randomChunks)
    func randomSettings(chunk: Int) async {
        let path = ChildProcessProgress.path("ExtremeObjectiveTests", "random-\(chunk)")
        let result = await #expect(processExitsWith: .success) { [path = path as String, chunk = chunk as Int] in
            ChildProcessProgress.start(at: path)
            var statistics = GridStatistics()
            for setting in drawSettings(chunk: chunk) {
                let index = Int(setting.label.split(separator: "#").last ?? "0") ?? 0
                checkSetting(setting: setting, index: index, statistics: &statistics)
            }
            ChildProcessProgress.note(statistics.line)
        }
        finishChild(result, progress: path)
    }

    @Test("Hand-made extreme settings: both objectives against the grid, all six algorithms", arguments: 0..<handMadeCount)
    func handMade(index: Int) async throws {
        let settings = try handMadeSettings()
        #expect(settings.count == handMadeCount)
        let setting = try #require(settings.indices.contains(index) ? settings[index] : nil)
        try setting.parameters.validate()
        let path = ChildProcessProgress.path("ExtremeObjectiveTests", "hand-made-\(index)")
        let result = await #expect(processExitsWith: .success) { [path = path as String, index = index as Int] in
            ChildProcessProgress.start(at: path)
            var statistics = GridStatistics()
            // Rebuilt in the child, bit for bit (the setting itself is not Codable).
            guard let setting = try? handMadeSettings()[index] else { return }
            checkSetting(setting, objectives: [.il, .slic], allAlgorithms: true, statistics: &statistics)
            ChildProcessProgress.note(statistics.line)
        }
        finishChild(result, progress: path)
    }

    @Test("The random settings reach every extreme (no solver involved)")
    func coverage() {
        var settings: [ExtremeSetting] = []
        for chunk in 0..<randomChunks { settings += drawSettings(chunk: chunk) }
        #expect(settings.count >= 1800, "only \(settings.count) valid settings")
        let parameters = settings.map(\.parameters)
        #expect(Set(parameters.map(\.k)).isSuperset(of: [2, 3, 64]))
        #expect(parameters.contains { $0.zeta == tiny } && parameters.contains { $0.zeta == 1.0.nextDown })
        #expect(parameters.contains { $0.zeta == 1e-12 } && parameters.contains { $0.zeta == 1 - 1e-12 })
        #expect(parameters.contains { $0.beta == 1e-12 } && parameters.contains { $0.beta == 1e12 })
        #expect(parameters.contains { $0.delta == 0 } && parameters.contains { $0.delta == 1e6 })
        #expect(parameters.contains { $0.m1 == 1_000_000_000 } && parameters.contains { $0.m2 == 1_000_000_000 })
        let cells = settings.flatMap { $0.counts.choseM1 + $0.counts.choseM2 }.filter { $0 > 0 }
        #expect(cells.contains(tiny) && cells.contains { $0 >= 1e299 })
        let oneSided = settings.filter { ($0.counts.mixedChoseM1 == 0) != ($0.counts.mixedChoseM2 == 0) }
        let noMixed = settings.filter { $0.counts.mixedChoseM1 == 0 && $0.counts.mixedChoseM2 == 0 }
        #expect(oneSided.count >= 200, "\(oneSided.count) one-sided")
        #expect(noMixed.count >= 20, "\(noMixed.count) without mixed data")
        let hugeHinge = settings.filter { $0.counts.choseM1[1] >= 1e280 || $0.counts.choseM2[$0.counts.k - 1] >= 1e280 }
        #expect(hugeHinge.count >= 100, "\(hugeHinge.count) with a huge hinge row")
    }
}
