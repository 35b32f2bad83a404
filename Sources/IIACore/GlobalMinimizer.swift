import Foundation

/// Finds the global minimiser of a ``RegularisedObjective`` (inclusive learning, SLiC).
///
/// The objective is data(v) + beta KL(v) with a convex data part, so it can have several
/// local minima far apart (the KL term is not convex), and with one-sided data a minimiser
/// can sit where the objective is flat to machine precision. The method:
///
/// 1. **Bound.** Every stationary point lies where the data derivative and the KL derivative
///    have opposite signs: between the KL anchor (the base policy) and a point where the
///    data derivative changes sign, or, for one-sided data, within an explicit tail bound.
/// 2. **Split** the bound at the hinge kinks into smooth pieces.
/// 3. **Certify or scan.** On a piece where a lower bound of the curvature is positive the
///    derivative is increasing, so one sign check decides whether it holds a minimum. Other
///    pieces are scanned on a grid that is fine near the anchor and geometric far from it; a
///    cell whose ends agree in sign is searched for an extremum of the derivative, so a pair of
///    roots inside one cell is still found.
/// 4. **Solve** every bracket with ``SafeguardedNewton`` on the derivative (roots of the
///    derivative, never "stop when the value stops decreasing"), add the kinks where the
///    one-sided derivatives change sign, and keep the lowest value.
public enum GlobalMinimizer {
    /// Cells of the scan of a piece whose monotonicity could not be certified.
    static let scanCells = 64

    public static func minimize<Objective: RegularisedObjective>(
        _ objective: Objective, recordTrace: Bool = false
    ) -> Minimization {
        let bound = searchInterval(objective)
        let (lower, upper) = (bound.lower, bound.upper)
        var found = LocalMinima()
        // Smooth pieces between the bound's ends and the kinks inside, each end's one-sided slope
        // computed once; a kink is a local minimum where the slope turns from ≤ 0 to ≥ 0.
        var pieceStart = lower
        var slopeAtStart = bound.slopeAtLower ?? objective.slope(lower, side: .right)
        let slopeAtUpper = bound.slopeAtUpper ?? objective.slope(upper, side: .left)
        // Kinks on the bound's ends count too: the minimum can sit exactly there.
        for kink in objective.kinks where kink >= lower && kink <= upper {
            // At the bound's ends the outward slope's sign is known: negative left of `lower`,
            // positive right of `upper` (both data and KL derivatives have that sign there).
            let left: Slope, right: Slope
            if kink == lower || kink == upper {
                left = kink == upper ? slopeAtUpper : Slope(derivative: -1, curvature: 0)
                right = kink == lower ? slopeAtStart : Slope(derivative: 1, curvature: 0)
            } else if let known = bound.kinkSlopes(at: kink) {
                (left, right) = (known.left, known.right)
            } else {
                let slopes = objective.slopesAtKink(kink)
                (left, right) = (slopes.left, slopes.right)
            }
            minimumBrackets(
                objective, from: pieceStart, to: kink, slopeAtStart: slopeAtStart, slopeAtEnd: left,
                recordTrace: recordTrace, into: &found)
            if left.derivative <= 0 && right.derivative >= 0 { found.add(kink, nil) }
            (pieceStart, slopeAtStart) = (kink, right)
        }
        if pieceStart < upper {
            minimumBrackets(
                objective, from: pieceStart, to: upper, slopeAtStart: slopeAtStart, slopeAtEnd: slopeAtUpper,
                recordTrace: recordTrace, into: &found)
        }
        if lower == upper && found.first == nil { found.add(lower, nil) }
        if found.first == nil {
            // Only when the bound's ends do not have the outward signs: a minimiser beyond the
            // largest double (capped bound), or rounding at the ends. Keep the end the objective
            // still descends through, else the lower one.
            let start = bound.slopeAtLower ?? objective.slope(lower, side: .right)
            let end = slopeAtUpper
            if end.derivative < 0 && !(start.derivative > 0) {
                found.add(upper, nil)
            } else if start.derivative > 0 && !(end.derivative < 0) {
                found.add(lower, nil)
            } else {
                found.add(objective.value(lower) <= objective.value(upper) ? lower : upper, nil)
            }
        }
        var winner = found.first!
        var others: [Double] = []
        if !found.more.isEmpty {
            var best = objective.value(winner.point)
            for candidate in found.more {
                let value = objective.value(candidate.point)
                if value < best {
                    others.append(winner.point)
                    (winner, best) = (candidate, value)
                } else {
                    others.append(candidate.point)
                }
            }
        }
        return Minimization(
            argmin: winner.point,
            iterations: winner.root?.iterations ?? 0,
            termination: winner.root?.termination ?? (objective.kinks.contains(winner.point) ? .atKink : .atBound),
            otherMinima: others,
            trace: winner.root?.trace ?? (recordTrace ? [SolverStep(kind: .start, point: winner.point)] : []),
            bracket: winner.root?.bracket, searchInterval: lower...upper)
    }

    /// Local minima found; their values are compared only when there are several, and no array
    /// is allocated for the usual single one.
    struct LocalMinima {
        /// A local minimum: Newton's root, or (without one) a kink or an end of the bound.
        typealias Candidate = (point: Double, root: SafeguardedNewton.Root?)
        var first: Candidate?
        var more: [Candidate] = []

        mutating func add(_ point: Double, _ root: SafeguardedNewton.Root?) {
            if first == nil { first = (point, root) } else { more.append((point, root)) }
        }
    }

    /// Runs Newton's method on one bracket and records the local minimum it finds.
    static func solve<Objective: RegularisedObjective>(
        _ objective: Objective, _ bracket: Bracket, recordTrace: Bool, into found: inout LocalMinima
    ) {
        let root = SafeguardedNewton.findRoot(
            lower: bracket.lower, upper: bracket.upper, start: bracket.start?.point, startStep: bracket.start?.newtonStep,
            recordTrace: recordTrace, tailScaled: true, of: objective)
        found.add(root.point, root)
    }

    /// An interval that holds every local minimiser, with the objective's one-sided slopes at its
    /// ends (inward: right of `lower`, left of `upper`) when the search computed them anyway.
    struct SearchBound {
        var lower: Double
        var upper: Double
        var slopeAtLower: Slope?
        var slopeAtUpper: Slope?
        /// Slopes at kinks the search evaluated (at most the two kinks).
        var firstKink: (point: Double, slopes: KinkSlopes)?
        var lastKink: (point: Double, slopes: KinkSlopes)?

        func kinkSlopes(at kink: Double) -> KinkSlopes? {
            if let known = firstKink, known.point == kink { return known.slopes }
            if let known = lastKink, known.point == kink { return known.slopes }
            return nil
        }
    }

    /// An interval that holds every local minimiser: the derivative is negative left of it and
    /// positive right of it.
    ///
    /// Left of a point where the data derivative is ≤ 0 (it is non-decreasing) and of the KL
    /// anchor (where the KL derivative turns positive) the whole derivative is negative;
    /// symmetrically on the right. The walk evaluates the whole slope and subtracts the KL part,
    /// so the slopes at the final ends serve the minimiser too.
    static func searchInterval<Objective: RegularisedObjective>(_ objective: Objective) -> SearchBound {
        let kl = objective.regulariser
        let anchor = kl.anchor
        let kinks = objective.kinks
        if let root = objective.dataMinimizer, kinks.isEmpty {
            // The data derivative is negative left of its unique root and positive right of it.
            // At the anchor the KL derivative vanishes, so the whole derivative there has the data
            // derivative's sign: no evaluation is needed for it (Newton starts from the root's end).
            if anchor < root {
                return SearchBound(lower: anchor, upper: root, slopeAtLower: .signOnly(-1))
            }
            if anchor > root {
                return SearchBound(lower: root, upper: anchor, slopeAtUpper: .signOnly(1))
            }
            return SearchBound(lower: root, upper: root)
        }
        var firstKink: (point: Double, slopes: KinkSlopes)?, lastKink: (point: Double, slopes: KinkSlopes)?
        /// The data derivative at v on `side`, and the whole slope when it was computed too.
        func dataDerivative(_ v: Double, _ side: PieceSide) -> (Double, Slope?) {
            let known = firstKink?.point == v ? firstKink?.slopes : lastKink?.point == v ? lastKink?.slopes : nil
            if let known, let data = side == .left ? known.dataLeft : known.dataRight {
                return (data, side == .left ? known.left : known.right)
            }
            guard abs(v) <= SlopeAccumulator.logModeThreshold else {
                return (objective.dataSlope(v, side: side).derivative, nil)
            }
            let (total, data) = objective.slopeWithDataDerivative(v, side: side)
            return (data ?? total.derivative, total)
        }
        var lower = min(anchor, kinks.first ?? anchor)
        var upper = max(anchor, kinks.last ?? anchor)
        var slopeAtLower: Slope?, slopeAtUpper: Slope?

        // A kink between the anchor and where the walk would end saves the walk: if the data
        // derivative is negative just left of a kink right of the anchor, it is negative on all of
        // (-inf, kink) (it is non-decreasing), so the bound starts at the anchor, where the whole
        // derivative has the data derivative's sign (symmetrically on the right). The kink's
        // slopes are needed anyway.
        var lowerSettled = false, upperSettled = false
        if objective.mixedChoseM2 > 0, let kink = kinks.first, anchor < kink {
            let slopes = objective.slopesAtKink(kink)
            firstKink = (kink, slopes)
            // Only when the piece (anchor, kink) then holds no sign change either: otherwise the
            // anchor's slope is worth evaluating for Newton's start.
            if let data = slopes.dataLeft, data < 0, slopes.left.derivative < 0 {
                (lower, slopeAtLower, lowerSettled) = (anchor, .signOnly(-1), true)
            }
        }
        if objective.mixedChoseM1 > 0, let kink = kinks.last, anchor > kink {
            let slopes: KinkSlopes
            if let first = firstKink, first.point == kink { slopes = first.slopes } else { slopes = objective.slopesAtKink(kink) }
            lastKink = (kink, slopes)
            if let data = slopes.dataRight, data > 0, slopes.right.derivative > 0 {
                (upper, slopeAtUpper, upperSettled) = (anchor, .signOnly(1), true)
            }
        }

        if !lowerSettled && objective.mixedChoseM2 > 0 {
            // The data derivative tends to -(mixed M2 data) < 0 on the left: walk until it is ≤ 0.
            var step = 1.0
            while true {
                let (data, total) = dataDerivative(lower, .right)
                slopeAtLower = total
                // The whole slope must agree: at the anchor it is the data derivative plus the KL
                // derivative's rounding, which can outweigh a tiny data derivative.
                if data <= 0 && (total.map { $0.derivative < 0 } ?? true) || lower <= -farthest { break }
                let jump = farWalkTarget(objective, from: lower, leftward: true) ?? .infinity
                lower = max(min(lower - step, jump), -farthest)
                step *= 2
            }
        } else if !lowerSettled {
            // Data derivative ≤ a e^v left of `start`; beta q(1-q)|x + L| beats it beyond this.
            let tail = objective.leftTail
            let m = exp(kl.shift)
            let x = min(0, -kl.baseLogOdds) - capped(4 * (tail.coefficient / kl.beta) / m) - 1
            lower = max(min(lower, x - kl.shift, tail.start, anchor - 1), -farthest)
        }
        if !upperSettled && objective.mixedChoseM1 > 0 {
            var step = 1.0
            while true {
                let (data, total) = dataDerivative(upper, .left)
                slopeAtUpper = total
                if data >= 0 && (total.map { $0.derivative > 0 } ?? true) || upper >= farthest { break }
                let jump = farWalkTarget(objective, from: upper, leftward: false) ?? -.infinity
                upper = min(max(upper + step, jump), farthest)
                step *= 2
            }
        } else if !upperSettled {
            let tail = objective.rightTail
            let m = exp(kl.shift)
            let x = max(0, -kl.baseLogOdds) + capped(4 * (tail.coefficient / kl.beta) * m) + 1
            upper = min(max(upper, x - kl.shift, tail.start, anchor + 1), farthest)
        }
        return SearchBound(
            lower: lower, upper: upper, slopeAtLower: slopeAtLower, slopeAtUpper: slopeAtUpper,
            firstKink: firstKink, lastKink: lastKink)
    }

    /// The farthest a bound reaches: a minimiser beyond it (possible only for absurd parameters,
    /// such as beta near the smallest double) is reported at the bound.
    static let farthest = Double.greatestFiniteMagnitude

    /// x, or `farthest` when it overflowed (or is NaN from inf - inf).
    static func capped(_ x: Double) -> Double { x.isFinite ? min(x, farthest) : farthest }

    struct Bracket {
        var lower: Double
        var upper: Double
        /// Where to start Newton's method, if a good guess is known.
        var start: StartingPoint? = nil
    }

    /// Brackets (negative derivative on the left, positive on the right) of every local
    /// minimum strictly inside the smooth piece (a, b), each solved at once into `found`.
    ///
    /// The piece is cut into cells until a lower bound of the curvature certifies each cell
    /// (up to `certificationDepth` halvings); a certified cell holds at most one root, decided
    /// by the derivative's signs at its ends. Cells that cannot be certified are scanned.
    static func minimumBrackets<Objective: RegularisedObjective>(
        _ objective: Objective, from a: Double, to b: Double, slopeAtStart: Slope, slopeAtEnd: Slope,
        recordTrace: Bool, into found: inout LocalMinima
    ) {
        guard a < b else { return }
        // Cells with the derivative at their ends (one-sided at the piece's ends); the stack is
        // only allocated when a cell has to be split.
        typealias Cell = (lower: Double, upper: Double, gLower: Slope, gUpper: Slope, depth: Int)
        var pending: [Cell] = []
        var next: Cell? = (a, b, slopeAtStart, slopeAtEnd, 0)
        while let cell = next ?? pending.popLast() {
            next = nil
            let (lower, upper, left, right) = (cell.lower, cell.upper, cell.gLower.derivative, cell.gUpper.derivative)
            // Far out the derivative's shape is known (``FarTail``): split there and decide at once.
            if let crossing = farThresholdCrossing(lower, upper) {
                let g = objective.slope(crossing)
                if g.derivative == 0 {
                    solve(objective, Bracket(lower: crossing.nextDown, upper: crossing.nextUp), recordTrace: recordTrace, into: &found)
                }
                pending.append((crossing, upper, g, cell.gUpper, cell.depth))
                next = (lower, crossing, cell.gLower, g, cell.depth)
                continue
            }
            if isFar(lower, upper) {
                if let bracket = farBracket(objective, lower, cell.gLower, upper, cell.gUpper) {
                    solve(objective, bracket, recordTrace: recordTrace, into: &found)
                }
                continue
            }
            let convex = objective.regulariser.convexRange
            if lower >= convex.lowerBound && upper <= convex.upperBound || objective.curvatureLowerBound(lower, upper) > 0 {
                if left < 0 && right > 0 {
                    let range = objective.dataDerivativeRange(onPieceAt: SafeguardedNewton.midpoint(lower, upper))
                    let start = startingPoint(lower, cell.gLower, upper, cell.gUpper, derivativeRange: range)
                    let bracket = Bracket(lower: lower, upper: upper, start: start)
                    solve(objective, bracket, recordTrace: recordTrace, into: &found)
                }
                continue
            }
            if excludesRoot(objective, lower, upper, slopeAtLower: left, slopeAtUpper: right)
                || weightedBoundExcludesRoot(objective, lower, upper) || derivativeDecreases(objective, lower, upper) {
                continue
            }
            // Split at a KL inflection point first (at most two such splits, not counted as depth).
            let inflection = inflectionInside(objective, lower, upper)
            let middle = inflection ?? SafeguardedNewton.midpoint(lower, upper)
            if inflection != nil || cell.depth < certificationDepth && middle > lower && middle < upper {
                let depth = cell.depth + (inflection == nil ? 1 : 0)
                let g = objective.slope(middle)
                if g.derivative == 0 {
                    solve(objective, Bracket(lower: middle.nextDown, upper: middle.nextUp), recordTrace: recordTrace, into: &found)
                }
                pending.append((middle, upper, g, cell.gUpper, depth))
                next = (lower, middle, cell.gLower, g, depth)
                continue
            }
            for bracket in scannedBrackets(objective, from: lower, to: upper, pieceStart: a, pieceEnd: b) {
                solve(objective, bracket, recordTrace: recordTrace, into: &found)
            }
        }
    }

    /// A first Newton iterate for a root bracketed by (a, b) with the given end slopes (negative
    /// derivative at a, positive at b), which share one scale in plain mode: Newton's step from the
    /// end nearer the root (the smaller |derivative|) when it is at most `newtonTrustedShare` of the
    /// bracket; else the zero of the chord in logits when the derivative's range is known, else
    /// the plain chord's zero, else the long Newton step. (Tried and dropped: the root of the cubic
    /// Hermite interpolant, which cost more iterations on simulated data.) A sign-only end
    /// (``Slope/signOnly(_:)``: infinite derivative, NaN curvature) is never the nearer end, and
    /// the chords through it are not finite, so they are skipped. Nil in log mode (the caller then
    /// starts in the middle).
    static func startingPoint(
        _ a: Double, _ slopeA: Slope, _ b: Double, _ slopeB: Slope, derivativeRange: ClosedRange<Double>? = nil
    ) -> StartingPoint? {
        guard max(abs(a), abs(b)) <= SlopeAccumulator.logModeThreshold else { return nil }
        let (end, slope) = abs(slopeA.derivative) <= abs(slopeB.derivative) ? (a, slopeA) : (b, slopeB)
        let newton = end - slope.derivative / slope.curvature
        let newtonInside = slope.curvature > 0 && newton > a && newton < b
        // A short Newton step is trusted; a long one (a sigmoid-shaped derivative across a wide
        // piece) lands far from the root, where a chord does better: in logits when the
        // derivative's range is known (a sum of sigmoids is close to one sigmoid), else plain.
        if newtonInside && abs(newton - end) <= newtonTrustedShare * (b - a) {
            return StartingPoint(point: newton, newtonStep: newton - end)
        }
        if let range = derivativeRange, let point = logitChordZero(a, slopeA.derivative, b, slopeB.derivative, range) {
            return StartingPoint(point: point)
        }
        if slopeA.derivative.isFinite && slopeB.derivative.isFinite {
            let secant = a - slopeA.derivative * (b - a) / (slopeB.derivative - slopeA.derivative)
            if secant > a && secant < b { return StartingPoint(point: secant) }
        }
        return newtonInside ? StartingPoint(point: newton, newtonStep: newton - end) : nil
    }

    /// The zero of the chord through the ends' derivatives after mapping each through
    /// logit((g - low) / (high - low)): a sigmoid rising from `low` to `high` becomes a straight
    /// line, so for a sum of sigmoids the chord lands near the root. Nil when a mapped value is
    /// out of (0, 1) or the point leaves (a, b).
    static func logitChordZero(
        _ a: Double, _ derivativeA: Double, _ b: Double, _ derivativeB: Double, _ range: ClosedRange<Double>
    ) -> Double? {
        let (low, high) = (range.lowerBound, range.upperBound)
        guard low < 0, high > 0, derivativeA > low, derivativeA < high, derivativeB > low, derivativeB < high else {
            return nil
        }
        // logit((g - low) / (high - low)) = ln((g - low) / (high - g)): two logarithms of odds ratios.
        let oddsA = (derivativeA - low) / (high - derivativeA)
        let towardRoot = log((-low / high) / oddsA), across = log((derivativeB - low) / (high - derivativeB) / oddsA)
        let point = a + towardRoot * (b - a) / across
        return point > a && point < b ? point : nil
    }

    /// Where Newton's method starts in a bracket, and the Newton step from an evaluated end that
    /// led there (nil for the chord's zero).
    struct StartingPoint {
        var point: Double
        var newtonStep: Double? = nil
    }

    /// The longest Newton step, as a share of the bracket, that
    /// ``startingPoint(_:_:_:_:derivativeRange:)`` prefers to the chords.
    static let newtonTrustedShare = 0.1

    /// Halvings tried before a cell is scanned instead.
    static let certificationDepth = 4

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

    /// The point in (a, b) where the curvature changes sign, by bisection on its sign.
    static func derivativeExtremum<Objective: RegularisedObjective>(
        _ objective: Objective, _ a: Double, _ b: Double, increasingAtStart: Bool
    ) -> Double? {
        var lower = a, upper = b
        for _ in 0..<60 {
            let middle = SafeguardedNewton.midpoint(lower, upper)
            guard middle > lower && middle < upper else { break }
            let curvature = objective.slope(middle).curvature
            if (curvature > 0) == increasingAtStart { lower = middle } else { upper = middle }
        }
        let point = SafeguardedNewton.midpoint(lower, upper)
        return point > a && point < b ? point : nil
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
