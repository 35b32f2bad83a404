/// How ``SafeguardedNewton`` turns a slope into Newton's step: the plain step, or the
/// tail-scaled variant.
///
/// Tail-scaled: beyond |x| = 600 the step is Newton's step on e^{±x} times the derivative
/// (``FarTail``: there the derivative is a constant plus e^∓x times an affine function, so the
/// scaled one is nearly affine and the search takes a few steps instead of dozens of unit steps
/// and bisections).
enum NewtonStepScaling: Sendable {
    /// Newton's step on the derivative: derivative / curvature.
    case plain
    /// Far out (|x| > ``FarTail/threshold``), Newton's step on e^{±x} times the derivative.
    case farTailScaled

    /// The step's denominator at x: the curvature, or (scaled, far out) the derivative of e^{±x} g.
    @inline(__always)
    func denominator(_ slope: Slope, at x: Double) -> Double {
        guard self == .farTailScaled && abs(x) > FarTail.threshold else { return slope.curvature }
        return slope.curvature + (x > 0 ? slope.derivative : -slope.derivative)
    }
}
