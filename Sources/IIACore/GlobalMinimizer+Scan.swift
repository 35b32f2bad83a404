import Foundation

/// The scan of a cell that could be neither certified nor excluded: a grid fine near the KL
/// anchor and geometric far from it, with a search for the derivative's extremum in every grid
/// cell whose ends agree in sign (so a pair of roots inside one grid cell is still found).
extension GlobalMinimizer {
    /// Cells of the scan of a piece whose monotonicity could not be certified (at least).
    static let scanCells = 64

    /// Grid points per coarse cell of the scan: the grid is evaluated at every `coarseStride`-th
    /// point first, and a coarse cell that provably holds no root is not evaluated inside.
    static let coarseStride = 8

    /// Brackets found by scanning (a, b) on a grid, inside the smooth piece (pieceStart, pieceEnd).
    ///
    /// The grid is evaluated coarsely first; a coarse cell whose ends agree in sign and where the
    /// derivative provably cannot vanish (``excludesRoot(_:_:_:slopeAtLower:slopeAtUpper:)``,
    /// ``weightedBoundExcludesRoot(_:_:_:)``) yields no bracket on the fine grid either (every
    /// fine point and extremum there has the same sign), so its inner points are skipped.
    static func scannedBrackets<Objective: RegularisedObjective>(
        _ objective: Objective, from a: Double, to b: Double, pieceStart: Double, pieceEnd: Double
    ) -> [Bracket] {
        let grid = scanGrid(from: a, to: b, around: objective.regulariser.anchor)
        let values = scanSlopes(objective, grid, pieceEnd: pieceEnd)
        var brackets: [Bracket] = []
        for index in 0..<(grid.count - 1) {
            guard let s0 = values[index], let s1 = values[index + 1] else { continue }
            let (x0, x1) = (grid[index], grid[index + 1])
            let (g0, g1) = (s0.derivative, s1.derivative)
            if g0 < 0 && g1 > 0 {
                brackets.append(Bracket(lower: x0, upper: x1))
                continue
            }
            if g0 < 0 && g1 == 0 {
                // A root exactly on a grid point: bracket it with its neighbours.
                if x1 > pieceStart && x1 < pieceEnd { brackets.append(Bracket(lower: x1.nextDown, upper: x1.nextUp)) }
                continue
            }
            // Same sign at both ends: look for an extremum of the derivative in between, unless it
            // is one that cannot reach zero (a minimum between negative ends, a maximum between
            // positive ones: the derivative then stays between its ends' values).
            let (c0, c1) = (s0.curvature, s1.curvature)
            guard (c0 < 0) != (c1 < 0), !extremumKeepsSign(g0, g1, c0, c1),
                let extremum = derivativeExtremum(objective, x0, x1, increasingAtStart: c0 > 0)
            else { continue }
            let ge = objective.slope(extremum).derivative
            if g0 > 0 && ge < 0 {
                brackets.append(Bracket(lower: extremum, upper: x1))
            } else if g0 < 0 && ge > 0 {
                brackets.append(Bracket(lower: x0, upper: extremum))
            }
        }
        return brackets
    }

    /// True when a grid cell's ends have the same strict sign and its one turning point is a
    /// minimum of the derivative between negative ends, or a maximum between positive ones.
    @inline(__always)
    static func extremumKeepsSign(_ g0: Double, _ g1: Double, _ c0: Double, _ c1: Double) -> Bool {
        (g0 < 0 && g1 < 0 && c0 < 0 && c1 > 0) || (g0 > 0 && g1 > 0 && c0 > 0 && c1 < 0)
    }

    /// The slopes at the grid points (one-sided inward at the piece's end), nil inside coarse
    /// cells where the derivative provably keeps its sign.
    static func scanSlopes<Objective: RegularisedObjective>(
        _ objective: Objective, _ grid: [Double], pieceEnd: Double
    ) -> [Slope?] {
        func slope(_ point: Double) -> Slope { objective.slope(point, side: point == pieceEnd ? .left : .right) }
        var values = [Slope?](repeating: nil, count: grid.count)
        var coarseStart = 0
        values[0] = slope(grid[0])
        // The data's parts at the last coarse end, kept for the next coarse cell (an inner grid
        // point is no kink, so both sides agree there).
        var partsAtStart: EndParts?
        while coarseStart < grid.count - 1 {
            let coarseEnd = min(coarseStart + coarseStride, grid.count - 1)
            let (a, b) = (grid[coarseStart], grid[coarseEnd])
            let knownAtStart = partsAtStart
            partsAtStart = nil
            let atEnd = slope(b)
            values[coarseEnd] = atEnd
            let atStart = values[coarseStart]?.derivative ?? .nan
            var excluded = false
            if coarseEnd - coarseStart > 1 && (atStart < 0 && atEnd.derivative < 0 || atStart > 0 && atEnd.derivative > 0)
                && max(abs(a), abs(b)) <= SlopeAccumulator.logModeThreshold {
                if klBoundExcludesRoot(objective, a, b, slopeAtLower: atStart, slopeAtUpper: atEnd.derivative) {
                    excluded = true
                } else {
                    let lower = knownAtStart ?? objective.dataEndParts(a, side: .right)
                    let upper = objective.dataEndParts(b, side: .left)
                    partsAtStart = objective.kinks.contains(b) ? nil : upper
                    let ends = lower.flatMap { lower in upper.map { (lower: lower, upper: $0) } }
                    excluded = excludesRoot(objective, a, b, slopeAtLower: atStart, slopeAtUpper: atEnd.derivative, ends: ends)
                        || weightedBoundExcludesRoot(objective, a, b, ends: ends)
                }
            }
            if !excluded {
                for index in (coarseStart + 1)..<coarseEnd { values[index] = slope(grid[index]) }
            }
            coarseStart = coarseEnd
        }
        return values
    }

    /// The point in (a, b) where the curvature changes sign (``CurvatureSignBisection``).
    static func derivativeExtremum<Objective: RegularisedObjective>(
        _ objective: Objective, _ a: Double, _ b: Double, increasingAtStart: Bool
    ) -> Double? {
        var bisection = CurvatureSignBisection<Objective>(from: a, to: b, increasingAtStart: increasingAtStart)
        _ = RootSearch.run(&bisection, on: objective, stepLimit: CurvatureSignBisection<Objective>.stepLimit)
        return bisection.turningPoint
    }

    /// Grid points from a to b (both included): uniform in asinh(v - centre), so cells are
    /// about 0.1 wide near the centre and grow geometrically away from it.
    static func scanGrid(from a: Double, to b: Double, around centre: Double) -> [Double] {
        let c = min(max(centre, a), b)
        let t0 = asinh(a - c), t1 = asinh(b - c)
        let span = (t1 - t0) / 0.1
        let cells = span.isFinite ? min(max(scanCells, Int(span.rounded(.up))), 100_000) : scanCells
        var points = [a]
        for index in 1..<cells {
            let point = c + sinh(t0 + (t1 - t0) * Double(index) / Double(cells))
            if point > points[points.count - 1] && point < b { points.append(point) }
        }
        points.append(b)
        return points
    }
}
