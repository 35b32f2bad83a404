/// A scalar function of which Newton's method seeks a stationary point: its derivative and
/// curvature at a point (on a common scale, see ``Slope``).
public protocol SlopeFunction: Sendable {
    func slope(at x: Double) -> Slope
}
