import Foundation

/// Newton's method on a derivative, kept inside a bracket that always contains a root.
///
/// The bracket [lower, upper] has a negative derivative at `lower` and a positive one at
/// `upper` (a minimum lies between). A Newton step that leaves the bracket, or a non-positive
/// curvature, is replaced by bisection (``Bisection/midpoint(_:_:)``); long brackets away from
/// zero are bisected geometrically, so a root at -10^12 is reached in a few dozen steps.
struct SafeguardedNewton<Function: SlopeFunction>: RootFindingMethod {
    static var iterationLimit: Int { 200 }

    private(set) var lower: Double
    private(set) var upper: Double
    /// The current iterate: where the next step evaluates, or the root once stopped.
    private(set) var point: Double
    let scaling: NewtonStepScaling
    // As in rtsafe: bisect when Newton's step leaves the bracket or would not halve the step
    // before last, so slow Newton progress far from the root (unit steps on e^v (a + b v))
    // cannot stall the search.
    private var stepBeforeLast: Double
    private var lastStep: Double
    /// The iterate before `point`, and how the last step moved from it (nil before the first).
    private var previousPoint = 0.0
    private var lastKind: SolverStep.Kind?
    /// Newton's step computed at `previousPoint`.
    private var lastNewtonStep = 0.0
    /// The Newton step before the last one, while the iterates are Newton steps (nil after a bisection).
    private var newtonStepBefore: Double?
    /// A reason to stop found by the step itself: an exact root, or a Newton step below rounding.
    private var settled: Termination?
    /// Newton's steps that left the bracket past its lower (upper) end so far.
    private var overshoots = (lower: 0, upper: 0)

    /// Starts from `start` (the middle when nil or not strictly inside). `startStep` is the Newton
    /// step that produced `start` (from an evaluated bracket end), if it was one: it counts as the
    /// previous Newton step for accepting the next one early.
    init(lower: Double, upper: Double, start: Double?, startStep: Double?, scaling: NewtonStepScaling) {
        (self.lower, self.upper, self.scaling) = (lower, upper, scaling)
        var x = start.map { min(max($0, lower), upper) } ?? Bisection.midpoint(lower, upper)
        if x <= lower || x >= upper { x = Bisection.midpoint(lower, upper) }
        point = x
        stepBeforeLast = upper - lower
        lastStep = stepBeforeLast
        newtonStepBefore = x == start ? startStep : nil
    }

    @inline(__always)
    mutating func step(on function: Function) -> SolverStep? {
        if lastKind != nil { newtonStepBefore = lastKind == .newton ? lastNewtonStep : nil }
        let x = point
        let s = function.slope(at: x)
        if s.derivative == 0 {
            settled = .exactRoot
            return nil
        }
        if s.derivative < 0 { lower = x } else { upper = x }
        let denominator = scaling.denominator(s, at: x)
        let newtonStep = s.derivative / denominator
        var next = x - newtonStep
        var rootIsFarther = false
        if denominator > 0 && denominator.isFinite && NewtonConvergence.isNegligible(newtonStep, from: x, to: next) {
            // Newton's step is below rounding. Usually x is then the root to working precision
            // (also when the step would not move it off the bracket end it just became); but far
            // out a probe decides (see ``probeTowardFartherRoot(from:_:lower:upper:_:)``).
            if let probe = Self.probeTowardFartherRoot(from: x, s, lower: lower, upper: upper, function) {
                if s.derivative < 0 { lower = probe } else { upper = probe }
                rootIsFarther = true
            } else {
                point = min(max(next, lower), upper)
                settled = .converged
                return SolverStep(kind: .newton, point: point)
            }
        }
        var kind = SolverStep.Kind.newton
        if rootIsFarther || !(denominator > 0) || !next.isFinite || next <= lower || next >= upper
            || 2 * abs(newtonStep) > abs(stepBeforeLast) {
            next = endProbe(after: next, rootIsFarther: rootIsFarther, denominator: denominator)
                ?? Bisection.midpoint(lower, upper)
            kind = .bisection
        }
        stepBeforeLast = lastStep
        lastStep = next - x
        (previousPoint, point, lastKind, lastNewtonStep) = (x, next, kind, newtonStep)
        return SolverStep(kind: kind, point: next)
    }

    /// A point a few ulps inside the bracket's end when Newton's step left the bracket past that
    /// end for the second time: the root then usually sits within rounding of the end (a minimiser
    /// at the KL anchor to working precision), where bisection would take some fifty steps to
    /// arrive. Probed once per end; the bracket keeps its invariant either way.
    private mutating func endProbe(after next: Double, rootIsFarther: Bool, denominator: Double) -> Double? {
        guard !rootIsFarther, denominator > 0, next.isFinite, next <= lower || next >= upper else { return nil }
        let atLower = next <= lower
        if atLower { overshoots.lower += 1 } else { overshoots.upper += 1 }
        guard (atLower ? overshoots.lower : overshoots.upper) == 2 else { return nil }
        let end = atLower ? lower : upper
        let probe = end + (atLower ? 1 : -1) * 4 * Double.ulpOfOne * max(abs(end), 1)
        return probe > lower && probe < upper ? probe : nil
    }

    /// Far out, where the derivative behaves like e^-v (a + b v), Newton's step stays near 1 at
    /// any distance, and 1 is below rounding beyond |v| ≈ 1e15. There a probe one tolerance
    /// towards the root decides: it is returned when the derivative there still has the sign of
    /// `slope` (the root lies farther, the bracket narrows to the probe). The probe is a check,
    /// not an iterate: it is neither counted nor traced. (Static, so the state stays in registers.)
    private static func probeTowardFartherRoot(
        from x: Double, _ slope: Slope, lower: Double, upper: Double, _ function: Function
    ) -> Double? {
        let probe = x + (slope.derivative > 0 ? -1 : 1) * 4 * Double.ulpOfOne * max(abs(x), 1)
        guard abs(x) > 1e12 && probe > lower && probe < upper else { return nil }
        let atProbe = function.slope(at: probe)
        guard atProbe.derivative != 0, (atProbe.derivative < 0) == (slope.derivative < 0) else { return nil }
        return probe
    }

    /// The convergence check after a step: ``Termination/exactRoot`` or ``Termination/converged``
    /// when the step settled it; ``Termination/converged`` when the step moved the iterate by a
    /// negligible amount (a bisection, or a Newton step no shorter than half the bracket) or
    /// Newton's contraction predicts an error below 1e-14; ``Termination/bracketCollapsed`` when
    /// the iterate reached a bracket end or the bracket holds no double between its ends.
    @inline(__always)
    func stopReason() -> Termination? {
        if let settled { return settled }
        guard let kind = lastKind else { return nil }
        let moved = point - previousPoint
        if NewtonConvergence.isNegligible(moved, from: previousPoint, to: point)
            && (kind == .bisection || upper - lower <= 2 * abs(moved)) {
            return .converged
        }
        if kind == .newton, let previous = newtonStepBefore,
            NewtonConvergence.isQuadraticallyConverged(step: lastNewtonStep, at: previousPoint, previousStep: previous) {
            return .converged
        }
        if point <= lower || point >= upper || upper.nextDown <= lower { return .bracketCollapsed }
        return nil
    }
}

/// A root found by ``SafeguardedNewton`` on a bracket.
struct NewtonRoot {
    /// The bracket the search started from.
    var bracket: ClosedRange<Double>
    var point: Double
    var iterations: Int
    var termination: Termination
    /// The iterates, the start first (empty unless recorded).
    var trace: [SolverStep]

    /// The root of `function`'s derivative in [lower, upper], starting from `start` (the middle
    /// when nil), by ``SafeguardedNewton`` under the one driver loop. Generic rather than a
    /// closure, so the objective is neither copied nor retained on every evaluation.
    static func find<Function: SlopeFunction>(
        lower: Double, upper: Double, start: Double? = nil, startStep: Double? = nil, recordTrace: Bool = false,
        scaling: NewtonStepScaling = .plain, of function: Function
    ) -> NewtonRoot {
        var method = SafeguardedNewton<Function>(
            lower: lower, upper: upper, start: start, startStep: startStep, scaling: scaling)
        var trace: [SolverStep] = recordTrace ? [SolverStep(kind: .start, point: method.point)] : []
        let run = RootSearch.run(
            &method, on: function, stepLimit: SafeguardedNewton<Function>.iterationLimit, recordTrace: recordTrace,
            trace: &trace)
        return NewtonRoot(
            bracket: lower...upper, point: method.point, iterations: run.iterations,
            termination: run.stop ?? .iterationLimit, trace: trace)
    }
}
