import Foundation

/// Newton's method on a derivative, kept inside a bracket that always contains a root.
///
/// The bracket [lower, upper] has a negative derivative at `lower` and a positive one at
/// `upper` (a minimum lies between). A Newton step that leaves the bracket, or a non-positive
/// curvature, is replaced by bisection; long brackets away from zero are bisected
/// geometrically, so a root at -10^12 is reached in a few dozen steps.
enum SafeguardedNewton {
    static let iterationLimit = 200

    struct Root {
        /// The bracket the search started from.
        var bracket: ClosedRange<Double> = 0...0
        var point: Double
        var iterations: Int
        var termination: Termination
        var trace: [SolverStep]
    }

    /// The root of `function`'s derivative in [lower, upper], starting from `start` (the middle
    /// when nil). Generic rather than a closure, so the objective is neither copied nor retained
    /// on every evaluation.
    ///
    /// `startStep` is the Newton step that produced `start` (from an evaluated bracket end), if
    /// it was one: it counts as the previous Newton step for accepting the next one early.
    ///
    /// With `tailScaled`, beyond |x| = 600 the step is Newton's step on e^{±x} times the
    /// derivative (``FarTail``: there the derivative is a constant plus e^∓x times an affine
    /// function, so the scaled one is nearly affine and the search takes a few steps instead of
    /// dozens of unit steps and bisections).
    static func findRoot<Function: SlopeFunction>(
        lower: Double, upper: Double, start: Double? = nil, startStep: Double? = nil, recordTrace: Bool = false,
        tailScaled: Bool = false, of function: Function
    ) -> Root {
        var root = search(
            lower: lower, upper: upper, start: start, startStep: startStep, recordTrace: recordTrace,
            tailScaled: tailScaled, function)
        root.bracket = lower...upper
        return root
    }

    private static func search<Function: SlopeFunction>(
        lower: Double, upper: Double, start: Double?, startStep: Double?, recordTrace: Bool, tailScaled: Bool,
        _ function: Function
    ) -> Root {
        var lower = lower, upper = upper
        var x = start.map { min(max($0, lower), upper) } ?? midpoint(lower, upper)
        if x <= lower || x >= upper { x = midpoint(lower, upper) }
        var trace: [SolverStep] = recordTrace ? [SolverStep(kind: .start, point: x)] : []
        var iterations = 0
        // As in rtsafe: bisect when Newton's step leaves the bracket or would not halve the step
        // before last, so slow Newton progress far from the root (unit steps on e^v (a + b v))
        // cannot stall the search.
        var stepBeforeLast = upper - lower
        var lastStep = stepBeforeLast
        // The last Newton step, while the iterates are Newton steps (nil after a bisection).
        var previousNewtonStep: Double? = x == start ? startStep : nil
        while iterations < iterationLimit {
            let s = function.slope(at: x)
            if s.derivative == 0 { return Root(point: x, iterations: iterations, termination: .exactRoot, trace: trace) }
            if s.derivative < 0 { lower = x } else { upper = x }
            iterations += 1
            // The step's denominator: the curvature, or (scaled, far out) the derivative of e^{±x} g.
            let denominator = tailScaled && abs(x) > FarTail.threshold
                ? s.curvature + (x > 0 ? s.derivative : -s.derivative) : s.curvature
            let newtonStep = s.derivative / denominator
            var next = x - newtonStep
            var kind = SolverStep.Kind.newton
            var rootIsFarther = false
            if denominator > 0 && denominator.isFinite && isNegligible(newtonStep, from: x, to: next) {
                // Newton's step is below rounding. Usually x is then the root to working precision
                // (also when the step would not move it off the bracket end it just became); but
                // far out, where the derivative behaves like e^-v (a + b v), Newton's step stays
                // near 1 at any distance, and 1 is below rounding beyond |v| ≈ 1e15. There a probe
                // one tolerance towards the root decides (a check, not an iterate: it is neither
                // counted nor traced).
                let probe = x + (s.derivative > 0 ? -1 : 1) * 4 * Double.ulpOfOne * max(abs(x), 1)
                let atProbe = abs(x) > 1e12 && probe > lower && probe < upper ? function.slope(at: probe) : nil
                if let atProbe, atProbe.derivative != 0, (atProbe.derivative < 0) == (s.derivative < 0) {
                    if atProbe.derivative < 0 { lower = probe } else { upper = probe }
                    rootIsFarther = true
                } else {
                    let point = min(max(next, lower), upper)
                    if recordTrace { trace.append(SolverStep(kind: .newton, point: point)) }
                    return Root(point: point, iterations: iterations, termination: .converged, trace: trace)
                }
            }
            if rootIsFarther || !(denominator > 0) || !next.isFinite || next <= lower || next >= upper
                || 2 * abs(newtonStep) > abs(stepBeforeLast) {
                next = midpoint(lower, upper)
                kind = .bisection
            }
            stepBeforeLast = lastStep
            lastStep = next - x
            if recordTrace { trace.append(SolverStep(kind: kind, point: next)) }
            if isNegligible(next - x, from: x, to: next) && (kind == .bisection || upper - lower <= 2 * abs(next - x)) {
                return Root(point: next, iterations: iterations, termination: .converged, trace: trace)
            }
            if kind == .newton, let previous = previousNewtonStep,
                isQuadraticallyConverged(step: newtonStep, at: x, previousStep: previous) {
                return Root(point: next, iterations: iterations, termination: .converged, trace: trace)
            }
            previousNewtonStep = kind == .newton ? newtonStep : nil
            if next <= lower || next >= upper || upper.nextDown <= lower {
                return Root(point: next, iterations: iterations, termination: .bracketCollapsed, trace: trace)
            }
            x = next
        }
        return Root(point: x, iterations: iterations, termination: .iterationLimit, trace: trace)
    }

    /// True when a step from x to next is within a few units in the last place, or within
    /// 4 ulp of 1 near zero: the scalars are log-odds, whose derivatives carry rounding of that
    /// absolute size near 0, so a root at 0 is not chased down to 1e-300.
    static func isNegligible(_ step: Double, from x: Double, to next: Double) -> Bool {
        next.isFinite && abs(step) <= 4 * Double.ulpOfOne * max(abs(next), abs(x), 1)
    }

    /// True when Newton's step from x (after a Newton step `previousStep`) can be accepted without
    /// another evaluation. In the quadratic phase the error after a step s is about K s^2; K is
    /// estimated from the observed contraction, K ≈ |s| / previousStep^2, but never below 1/2: a
    /// previous step from outside the quadratic phase can land unusually close and make the
    /// estimate far too small, and for the likelihood 1/2 is a true bound (its third derivative is
    /// at most its second in size, so the error after a step is at most about s^2 / 2). The step
    /// is accepted when that predicted error is below 1e-14 relative, and only when the steps
    /// shrink at least a hundredfold.
    static func isQuadraticallyConverged(step: Double, at x: Double, previousStep: Double) -> Bool {
        let (size, previous) = (abs(step), abs(previousStep))
        guard size <= 1e-2 * previous else { return false }
        let ratio = size / previous
        let predictedError = size * max(ratio * ratio, size / 2)
        return predictedError <= 1e-14 * max(1, abs(x))
    }

    /// The midpoint of a bracket; geometric when both ends have one sign and differ in scale.
    static func midpoint(_ a: Double, _ b: Double) -> Double {
        // Geometric means as products of square roots: a * b itself can overflow.
        if a > 0, b > 4 * a, a > 1 { return a.squareRoot() * b.squareRoot() }
        if b < 0, a < 4 * b, b < -1 { return -((-a).squareRoot() * (-b).squareRoot()) }
        if a < -1, b > 1, b - a > 1e3 {
            // A bracket around zero of a huge width: step towards zero first.
            return abs(a) > b ? -(-a).squareRoot() : b.squareRoot()
        }
        return a + (b - a) / 2
    }
}
