/// Bisection: the fallback step of ``SafeguardedNewton``, and on its own the search for the
/// point where a derivative turns (``CurvatureSignBisection``).
enum Bisection {
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

/// Bisection on the sign of the curvature: the point in (a, b) where a derivative stops
/// increasing (or decreasing), for a scan cell whose ends agree in sign.
struct CurvatureSignBisection<Function: SlopeFunction>: RootFindingMethod {
    /// Halvings at most.
    static var stepLimit: Int { 60 }

    let start: Double, end: Double
    private(set) var lower: Double
    private(set) var upper: Double
    /// True when the derivative increases at `start` (positive curvature there).
    let increasingAtStart: Bool
    /// Set when the bracket holds no double strictly inside.
    private var collapsed = false

    init(from a: Double, to b: Double, increasingAtStart: Bool) {
        (start, end, lower, upper, self.increasingAtStart) = (a, b, a, b, increasingAtStart)
    }

    mutating func step(on function: Function) -> SolverStep? {
        let middle = Bisection.midpoint(lower, upper)
        guard middle > lower && middle < upper else {
            collapsed = true
            return nil
        }
        let curvature = function.slope(at: middle).curvature
        if (curvature > 0) == increasingAtStart { lower = middle } else { upper = middle }
        return SolverStep(kind: .bisection, point: middle)
    }

    /// Stops only when the bracket collapsed (else at the step limit).
    func stopReason() -> Termination? { collapsed ? .bracketCollapsed : nil }

    /// The turning point: the middle of the final bracket, when strictly inside (a, b).
    var turningPoint: Double? {
        let point = Bisection.midpoint(lower, upper)
        return point > start && point < end ? point : nil
    }
}
