/// The cells of a smooth piece: each is certified (at most one root, decided by its ends'
/// signs), excluded, split, or scanned, and every bracket found is solved at once.
extension GlobalMinimizer {
    /// Halvings tried before a cell is scanned instead.
    static let certificationDepth = 4
    /// Halvings tried on a cell whose derivative falls through zero before it is scanned: its
    /// halves chase the falling root (a maximum), and once the root is isolated the neighbours
    /// are excluded and the cell around it certified decreasing, for an evaluation per level.
    static let fallingCellDepth = 8

    /// A cell of a smooth piece with the slopes at its ends (one-sided at the piece's ends).
    struct Cell {
        var lower: Double
        var upper: Double
        var atLower: EndSlope
        var atUpper: EndSlope
        /// Halvings so far (splits at a far threshold or a KL inflection point do not count).
        var depth: Int
    }

    /// What became of a cell: settled (solved, excluded or scanned), or split in two.
    enum CellOutcome {
        case settled
        case split(Cell, Cell)
    }

    /// Brackets (negative derivative on the left, positive on the right) of every local
    /// minimum strictly inside the smooth piece (a, b), each solved at once into `found`.
    ///
    /// The piece is cut into cells until a lower bound of the curvature certifies each cell
    /// (up to `certificationDepth` halvings); a certified cell holds at most one root, decided
    /// by the derivative's signs at its ends. Cells that cannot be certified are scanned.
    static func minimumBrackets<Objective: RegularisedObjective>(
        _ objective: Objective, from a: Double, to b: Double, slopeAtStart: EndSlope, slopeAtEnd: EndSlope,
        recordTrace: Bool, into found: inout LocalMinima
    ) {
        guard a < b else { return }
        // The stack is only allocated when a cell has to be split.
        var pending: [Cell] = []
        var next: Cell? = Cell(lower: a, upper: b, atLower: slopeAtStart, atUpper: slopeAtEnd, depth: 0)
        while let cell = next ?? pending.popLast() {
            next = nil
            let outcome = settle(objective, cell, piece: (a, b), recordTrace: recordTrace, into: &found)
            if case .split(let left, let right) = outcome {
                pending.append(right)
                next = left
            }
        }
    }

    /// Decides one cell of the piece (start, end): far cells from the derivative's closed form,
    /// certified cells by their ends' signs, excluded cells not at all; others are split (up to
    /// `certificationDepth` halvings) or scanned.
    @inline(__always)
    static func settle<Objective: RegularisedObjective>(
        _ objective: Objective, _ cell: Cell, piece: (start: Double, end: Double), recordTrace: Bool,
        into found: inout LocalMinima
    ) -> CellOutcome {
        let (lower, upper) = (cell.lower, cell.upper)
        // Far out the derivative's shape is known (``FarTail``): split there and decide at once.
        if let crossing = farThresholdCrossing(lower, upper) {
            return split(objective, cell, at: crossing, depth: cell.depth, recordTrace: recordTrace, into: &found)
        }
        if isFar(lower, upper) {
            if let bracket = farBracket(objective, lower, cell.atLower, upper, cell.atUpper) {
                solve(objective, bracket, recordTrace: recordTrace, into: &found)
            }
            return .settled
        }
        // Ends of opposite signs hold a root, so no exclusion can succeed, and a rising sign change
        // rules out a decreasing derivative; a rising weighted derivative certifies the cell
        // (``weightedDerivativeIncreases(_:_:_:)``), and with ends of one sign excludes a root.
        let rises = cell.atLower.isNegative && cell.atUpper.isPositive
        let falls = cell.atLower.isPositive && cell.atUpper.isNegative
        // An end's curvature bounds what a certificate can show: a negative one rules out a
        // positive lower bound on the cell, a positive one a negative upper bound (such passes
        // over the data are skipped; a test skipped only costs a split, never a root).
        let (curvatureAtLower, curvatureAtUpper) = (cell.atLower.slope?.curvature, cell.atUpper.slope?.curvature)
        let mayIncrease = !falls && !(curvatureAtLower.map { $0 < 0 } ?? false) && !(curvatureAtUpper.map { $0 < 0 } ?? false)
        let mayDecrease = !rises && !(curvatureAtLower.map { $0 > 0 } ?? false) && !(curvatureAtUpper.map { $0 > 0 } ?? false)
        if isCertified(objective, lower, upper, boundMayHelp: mayIncrease)
            || rises && weightedDerivativeIncreases(objective, lower, upper) {
            if cell.atLower.isNegative && cell.atUpper.isPositive {
                let range = objective.dataDerivativeRange(onPieceAt: Bisection.midpoint(lower, upper))
                let start = startingPoint(lower, cell.atLower, upper, cell.atUpper, derivativeRange: range)
                solve(objective, Bracket(lower: lower, upper: upper, start: start), recordTrace: recordTrace, into: &found)
            }
            return .settled
        }
        if !rises && !falls && excludesRootOfOneSign(objective, cell) || mayDecrease && derivativeDecreases(objective, lower, upper) {
            return .settled
        }
        // Split at a KL inflection point first (at most two such splits, not counted as depth).
        let inflection = inflectionInside(objective, lower, upper)
        let middle = inflection ?? Bisection.midpoint(lower, upper)
        let depthLimit = falls ? fallingCellDepth : certificationDepth
        if inflection != nil || cell.depth < depthLimit && middle > lower && middle < upper {
            let depth = cell.depth + (inflection == nil ? 1 : 0)
            return split(objective, cell, at: middle, depth: depth, recordTrace: recordTrace, into: &found)
        }
        for bracket in scannedBrackets(objective, from: lower, to: upper, pieceStart: piece.start, pieceEnd: piece.end) {
            solve(objective, bracket, recordTrace: recordTrace, into: &found)
        }
        return .settled
    }

    /// True when a cell whose ends have one sign provably keeps it: by the KL term's bound alone,
    /// else from the data derivative's parts at both ends (one pass at each, shared by the plain
    /// and weighted exclusions and the rising weighted derivative).
    @inline(__always)
    static func excludesRootOfOneSign<Objective: RegularisedObjective>(_ objective: Objective, _ cell: Cell) -> Bool {
        let (lower, upper) = (cell.lower, cell.upper)
        let (slopeAtLower, slopeAtUpper) = (cell.atLower.finiteDerivative, cell.atUpper.finiteDerivative)
        guard max(abs(lower), abs(upper)) <= SlopeAccumulator.logModeThreshold else { return false }
        if klBoundExcludesRoot(objective, lower, upper, slopeAtLower: slopeAtLower, slopeAtUpper: slopeAtUpper) { return true }
        let ends = endParts(objective, lower, upper)
        return excludesRoot(objective, lower, upper, slopeAtLower: slopeAtLower, slopeAtUpper: slopeAtUpper, ends: ends)
            || weightedBoundExcludesRoot(objective, lower, upper, ends: ends)
            || weightedDerivativeIncreases(objective, lower, upper, ends: ends)
    }

    /// True when the derivative increases on [a, b]: inside the KL term's convex range, or where
    /// a lower bound of the curvature is positive.
    @inline(__always)
    static func isCertified<Objective: RegularisedObjective>(
        _ objective: Objective, _ a: Double, _ b: Double, boundMayHelp: Bool = true
    ) -> Bool {
        let convex = objective.regulariser.convexRange
        return a >= convex.lowerBound && b <= convex.upperBound || boundMayHelp && objective.curvatureLowerBound(a, b) > 0
    }

    /// The two halves of `cell` at `point`, which is evaluated once for both (a root exactly
    /// there is solved at once).
    @inline(__always)
    static func split<Objective: RegularisedObjective>(
        _ objective: Objective, _ cell: Cell, at point: Double, depth: Int, recordTrace: Bool,
        into found: inout LocalMinima
    ) -> CellOutcome {
        let g = objective.slope(point)
        if g.derivative == 0 {
            solve(objective, Bracket(lower: point.nextDown, upper: point.nextUp), recordTrace: recordTrace, into: &found)
        }
        return .split(
            Cell(lower: cell.lower, upper: point, atLower: cell.atLower, atUpper: .value(g), depth: depth),
            Cell(lower: point, upper: cell.upper, atLower: .value(g), atUpper: cell.atUpper, depth: depth))
    }
}
