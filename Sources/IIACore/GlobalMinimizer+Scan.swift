import Foundation

/// The scan of a cell that could be neither certified nor excluded: a grid fine near the KL
/// anchor and geometric far from it, with a search for the derivative's extremum in every grid
/// cell whose ends agree in sign (so a pair of roots inside one grid cell is still found).
extension GlobalMinimizer {
    /// Cells of the scan of a piece whose monotonicity could not be certified (at least).
    static let scanCells = 64

    /// Brackets found by scanning (a, b) on a grid, inside the smooth piece (pieceStart, pieceEnd).
    static func scannedBrackets<Objective: RegularisedObjective>(
        _ objective: Objective, from a: Double, to b: Double, pieceStart: Double, pieceEnd: Double
    ) -> [Bracket] {
        let grid = scanGrid(from: a, to: b, around: objective.regulariser.anchor)
        let values = grid.map { objective.slope($0, side: $0 == pieceEnd ? .left : .right) }
        var brackets: [Bracket] = []
        for index in 0..<(grid.count - 1) {
            let (x0, x1) = (grid[index], grid[index + 1])
            let (g0, g1) = (values[index].derivative, values[index + 1].derivative)
            if g0 < 0 && g1 > 0 {
                brackets.append(Bracket(lower: x0, upper: x1))
                continue
            }
            if g0 < 0 && g1 == 0 {
                // A root exactly on a grid point: bracket it with its neighbours.
                if x1 > pieceStart && x1 < pieceEnd { brackets.append(Bracket(lower: x1.nextDown, upper: x1.nextUp)) }
                continue
            }
            // Same sign at both ends: look for an extremum of the derivative in between.
            let (c0, c1) = (values[index].curvature, values[index + 1].curvature)
            guard (c0 < 0) != (c1 < 0), let extremum = derivativeExtremum(objective, x0, x1, increasingAtStart: c0 > 0) else {
                continue
            }
            let ge = objective.slope(extremum).derivative
            if g0 > 0 && ge < 0 {
                brackets.append(Bracket(lower: extremum, upper: x1))
            } else if g0 < 0 && ge > 0 {
                brackets.append(Bracket(lower: x0, upper: extremum))
            }
        }
        return brackets
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
