import Foundation

/// Finds the global minimiser of a ``RegularisedObjective`` (inclusive learning, SLiC).
///
/// The objective is data(v) + beta KL(v) with a convex data part, so it can have several
/// local minima far apart (the KL term is not convex), and with one-sided data a minimiser
/// can sit where the objective is flat to machine precision. The method:
///
/// 1. **Bound.** Every stationary point lies where the data derivative and the KL derivative
///    have opposite signs: between the KL anchor (the base policy) and a point where the
///    data derivative changes sign, or, for one-sided data, within an explicit tail bound
///    (``searchInterval(_:)``).
/// 2. **Split** the bound at the hinge kinks into smooth pieces.
/// 3. **Certify or scan.** On a piece where a lower bound of the curvature is positive the
///    derivative is increasing, so one sign check decides whether it holds a minimum. Other
///    pieces are scanned on a grid that is fine near the anchor and geometric far from it; a
///    cell whose ends agree in sign is searched for an extremum of the derivative, so a pair of
///    roots inside one cell is still found (``minimumBrackets(_:from:to:slopeAtStart:slopeAtEnd:recordTrace:into:)``).
/// 4. **Solve** every bracket with ``SafeguardedNewton`` on the derivative (roots of the
///    derivative, never "stop when the value stops decreasing"), add the kinks where the
///    one-sided derivatives change sign, and keep the lowest value.
public enum GlobalMinimizer {
    /// The global minimiser of `objective`, with the other local minimisers found.
    public static func minimize<Objective: RegularisedObjective>(
        _ objective: Objective, recordTrace: Bool = false
    ) -> Minimization {
        let bound = searchInterval(objective)
        // Far out every evaluation reads the far tails: their row sums are kept from here on (in a
        // copy, made only then: copying the objective costs its arrays' reference counting).
        if max(-bound.lower, bound.upper) > FarTail.threshold {
            var cached = objective
            cached.cacheFarTails()
            return minimize(cached, within: bound, recordTrace: recordTrace)
        }
        return minimize(objective, within: bound, recordTrace: recordTrace)
    }

    /// The global minimiser of `objective` inside its search bound.
    @inline(__always)
    static func minimize<Objective: RegularisedObjective>(
        _ objective: Objective, within bound: SearchBound, recordTrace: Bool
    ) -> Minimization {
        // The one-sided slopes inward at the bound's ends, each computed once.
        let ends = (
            lower: bound.slopeAtLower ?? .value(objective.slope(bound.lower, side: .right)),
            upper: bound.slopeAtUpper ?? .value(objective.slope(bound.upper, side: .left)))
        let found = localMinima(objective, bound, ends: ends, recordTrace: recordTrace)
        let first = found.first ?? (boundEndMinimum(objective, bound, ends: ends), nil)
        let (winner, others) = lowest(objective, first: first, more: found.more)
        return Minimization(
            argmin: winner.point,
            iterations: winner.root?.iterations ?? 0,
            termination: winner.root?.termination ?? (objective.kinks.contains(winner.point) ? .atKink : .atBound),
            otherMinima: others,
            trace: winner.root?.trace ?? (recordTrace ? [SolverStep(kind: .start, point: winner.point)] : []),
            bracket: winner.root?.bracket, searchInterval: bound.lower...bound.upper)
    }

    /// Every local minimum inside the bound: Newton's roots on the smooth pieces between the
    /// bound's ends and the kinks inside, and the kinks where the slope turns from ≤ 0 to ≥ 0.
    @inline(__always)
    static func localMinima<Objective: RegularisedObjective>(
        _ objective: Objective, _ bound: SearchBound, ends: (lower: EndSlope, upper: EndSlope), recordTrace: Bool
    ) -> LocalMinima {
        let (lower, upper) = (bound.lower, bound.upper)
        var found = LocalMinima()
        var (pieceStart, slopeAtStart) = (lower, ends.lower)
        // Kinks on the bound's ends count too: the minimum can sit exactly there.
        for kink in objective.kinks where kink >= lower && kink <= upper {
            let (left, right): (EndSlope, EndSlope)
            if kink == lower || kink == upper {
                // At the bound's ends the outward slope's sign is known: negative left of `lower`,
                // positive right of `upper` (both data and KL derivatives have that sign there).
                left = kink == upper ? ends.upper : .sign(.minus)
                right = kink == lower ? slopeAtStart : .sign(.plus)
            } else {
                let slopes = bound.kinkSlopes(at: kink) ?? objective.slopesAtKink(kink)
                (left, right) = (.value(slopes.left), .value(slopes.right))
            }
            minimumBrackets(
                objective, from: pieceStart, to: kink, slopeAtStart: slopeAtStart, slopeAtEnd: left,
                recordTrace: recordTrace, into: &found)
            if left.isNonPositive && right.isNonNegative { found.add(kink, nil) }
            (pieceStart, slopeAtStart) = (kink, right)
        }
        if pieceStart < upper {
            minimumBrackets(
                objective, from: pieceStart, to: upper, slopeAtStart: slopeAtStart, slopeAtEnd: ends.upper,
                recordTrace: recordTrace, into: &found)
        }
        if lower == upper && found.first == nil { found.add(lower, nil) }
        return found
    }

    /// The minimum reported at an end of the bound when no local minimum was found inside: only
    /// when the bound's ends do not have the outward signs (a minimiser beyond the largest double,
    /// a capped bound, or rounding at the ends). The end the objective still descends through,
    /// else the lower one.
    static func boundEndMinimum<Objective: RegularisedObjective>(
        _ objective: Objective, _ bound: SearchBound, ends: (lower: EndSlope, upper: EndSlope)
    ) -> Double {
        if ends.upper.isNegative && !ends.lower.isPositive { return bound.upper }
        if ends.lower.isPositive && !ends.upper.isNegative { return bound.lower }
        return objective.value(bound.lower) <= objective.value(bound.upper) ? bound.lower : bound.upper
    }

    /// The lowest of the local minima `first` and `more` (the earliest on ties), and the others'
    /// points. Values are compared only when there are several.
    @inline(__always)
    static func lowest<Objective: RegularisedObjective>(
        _ objective: Objective, first: LocalMinima.Candidate, more: [LocalMinima.Candidate]
    ) -> (winner: LocalMinima.Candidate, others: [Double]) {
        var (winner, others) = (first, [Double]())
        guard !more.isEmpty else { return (winner, others) }
        var best = objective.value(winner.point)
        for candidate in more {
            let value = objective.value(candidate.point)
            if value < best {
                others.append(winner.point)
                (winner, best) = (candidate, value)
            } else {
                others.append(candidate.point)
            }
        }
        return (winner, others)
    }

    /// Local minima found; their values are compared only when there are several, and no array
    /// is allocated for the usual single one.
    struct LocalMinima {
        /// A local minimum: Newton's root, or (without one) a kink or an end of the bound.
        typealias Candidate = (point: Double, root: NewtonRoot?)
        var first: Candidate?
        var more: [Candidate] = []

        mutating func add(_ point: Double, _ root: NewtonRoot?) {
            if first == nil { first = (point, root) } else { more.append((point, root)) }
        }
    }

    /// Runs the tail-scaled ``SafeguardedNewton`` on one bracket and records the local minimum
    /// it finds.
    @inline(__always)
    static func solve<Objective: RegularisedObjective>(
        _ objective: Objective, _ bracket: Bracket, recordTrace: Bool, into found: inout LocalMinima
    ) {
        let root = NewtonRoot.find(
            lower: bracket.lower, upper: bracket.upper, start: bracket.start?.point, startStep: bracket.start?.newtonStep,
            recordTrace: recordTrace, scaling: .farTailScaled, of: objective)
        found.add(root.point, root)
    }

    /// A bracket of a local minimum: negative derivative at `lower`, positive at `upper`.
    struct Bracket {
        var lower: Double
        var upper: Double
        /// Where to start Newton's method, if a good guess is known.
        var start: StartingPoint? = nil
    }
}
