/// Grows a bracket around a root of a derivative from one point: the other end is sought in the
/// direction the derivative points to, beyond twice Newton's step (or 0.5), doubling the
/// distance until the derivative's sign changes. Its steps are not iterates of the solver (they
/// are neither counted nor traced).
struct BracketExpansion<Function: SlopeFunction>: RootFindingMethod {
    /// Doublings at most: the distance overflows to infinity after about 1100, where every
    /// derivative the solver sees has its limit's sign, so the limit is never reached.
    static var stepLimit: Int { 4096 }

    let origin: Double
    /// +1 when the root lies right of `origin`, -1 when left.
    let direction: Double
    private var distance: Double
    /// The farthest point whose derivative still has the origin's sign, and its slope.
    private(set) var near: (point: Double, slope: Slope)
    /// The point beyond it, and its slope.
    private(set) var far: (point: Double, slope: Slope)

    /// Starts from `point`, where the slope is `slope` (a non-zero derivative).
    init(from point: Double, slope: Slope, function: Function) {
        origin = point
        direction = slope.derivative < 0 ? 1 : -1
        let newtonDistance = abs(slope.derivative / slope.curvature)
        distance = newtonDistance.isFinite && newtonDistance > 0 ? 2 * newtonDistance : 0.5
        near = (point, slope)
        let end = point + direction * distance
        far = (end, function.slope(at: end))
    }

    mutating func step(on function: Function) -> SolverStep? {
        guard stopReason() == nil else { return nil }  // the first far end can bracket already
        near = far
        distance *= 2
        let end = origin + direction * distance
        far = (end, function.slope(at: end))
        return nil
    }

    /// Stops once the far end's derivative no longer has the origin's sign.
    func stopReason() -> Termination? { far.slope.derivative * direction <= 0 ? nil : .converged }

    /// The bracket: ascending ends with their slopes.
    var bracket: (lower: (point: Double, slope: Slope), upper: (point: Double, slope: Slope)) {
        direction > 0 ? (near, far) : (far, near)
    }
}
