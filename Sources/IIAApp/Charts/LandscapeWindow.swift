import IIACore

/// The stretch of an algorithm's scalar the landscape chart shows.
enum LandscapeWindow {
    /// The points the window must show: every local minimum, the kinks, the minimiser, zero
    /// (RLPO, DPO: equal rewards) or the KL anchor (IL, SLiC: the base policy).
    static func essentialPoints(_ landscape: ObjectiveLandscape) -> [Double] {
        var points = landscape.localMinima + landscape.kinks
        if let argmin = landscape.argmin { points.append(argmin) }
        if let anchor = landscape.anchor { points.append(anchor) } else { points.append(0) }
        return points.filter(\.isFinite)
    }

    /// The horizontal window: every essential point, and the iterates that are not far outside
    /// them (within twice their span), with a margin of a tenth of the span (at least 0.25).
    static func window(_ landscape: ObjectiveLandscape) -> ClosedRange<Double> {
        let essential = essentialPoints(landscape)
        var lower = essential.min() ?? -1, upper = essential.max() ?? 1
        let reach = 2 * max(upper - lower, 1)
        for step in landscape.trace where step.point.isFinite && step.point >= lower - reach && step.point <= upper + reach {
            lower = min(lower, step.point)
            upper = max(upper, step.point)
        }
        let margin = max(0.1 * (upper - lower), 0.25)
        return (lower - margin)...(upper + margin)
    }
}
