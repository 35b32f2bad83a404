/// Newton's method without a bracket, for a derivative that increases (the likelihood's):
/// while the iterates keep the derivative's sign they approach the root from one side (the
/// usual case: the first guess is close and Newton converges quadratically, with no bracket
/// needed); the first sign change brackets the root for ``SafeguardedNewton``. A step that
/// does not halve, or a curvature that is not positive, stops it as stalled (the caller then
/// grows a bracket, ``BracketExpansion``).
struct OneSidedNewton<Function: SlopeFunction>: RootFindingMethod {
    /// Why the one-sided search stopped.
    enum Stop {
        /// The root: ``Termination/converged`` or ``Termination/exactRoot`` at ``OneSidedNewton/point``.
        case root(Termination)
        /// The last step crossed the root: a bracket, ends ascending with their slopes.
        case bracketed(lower: (point: Double, slope: Slope), upper: (point: Double, slope: Slope))
        /// Newton's step did not halve, or the curvature was not positive.
        case stalled
    }

    /// Newton steps tried before a bracket is grown instead.
    static var stepLimit: Int { 8 }

    /// The latest iterate.
    private(set) var point: Double
    /// The latest iterate whose slope was evaluated (``point`` itself unless the last step was
    /// accepted without evaluating where it landed), with that slope.
    private(set) var latest: (point: Double, slope: Slope)
    /// The evaluated iterate the last step started from (nil before the first step).
    private var before: (point: Double, slope: Slope)?
    /// Newton's last step, and the one before it (infinity while there is none).
    private var lastStep = Double.infinity
    private var stepBefore = Double.infinity
    private var stalled = false
    /// Set when the last step was accepted (see ``acceptsStep(to:from:)``).
    private var accepted = false

    init(start: Double, function: Function) {
        point = start
        latest = (start, function.slope(at: start))
    }

    @inline(__always)
    mutating func step(on function: Function) -> SolverStep? {
        let slope = latest.slope
        guard slope.derivative != 0 else { return nil }  // an exact root (at the first guess)
        let newtonStep = slope.derivative / slope.curvature
        guard slope.curvature > 0, newtonStep.isFinite, abs(newtonStep) <= abs(lastStep) / 2 else {
            stalled = true
            return nil
        }
        before = latest
        (stepBefore, lastStep) = (lastStep, newtonStep)
        point = latest.point - newtonStep
        // An accepted step needs no evaluation where it lands.
        accepted = acceptsStep(to: point, from: latest.point)
        if !accepted { latest = (point, function.slope(at: point)) }
        return SolverStep(kind: .newton, point: point)
    }

    /// True when the last step, from `from` to `point`, is negligible or Newton's contraction
    /// predicts an error below 1e-14 after it (``NewtonConvergence``).
    private func acceptsStep(to point: Double, from: Double) -> Bool {
        NewtonConvergence.isNegligible(point - from, from: from, to: point)
            || stepBefore.isFinite
                && NewtonConvergence.isQuadraticallyConverged(step: lastStep, at: from, previousStep: stepBefore)
    }

    /// The convergence check: converged when the last step was accepted, an exact root when the
    /// derivative vanished, stalled, or bracketed when the last step crossed the root.
    @inline(__always)
    func stopReason() -> Stop? {
        if accepted { return .root(.converged) }
        if latest.slope.derivative == 0 { return .root(.exactRoot) }
        if stalled { return .stalled }
        if let before, (latest.slope.derivative < 0) != (before.slope.derivative < 0) {
            return before.point < latest.point
                ? .bracketed(lower: before, upper: latest) : .bracketed(lower: latest, upper: before)
        }
        return nil
    }
}
