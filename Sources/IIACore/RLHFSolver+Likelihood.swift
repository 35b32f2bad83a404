/// The likelihood's minimiser, shared by RLPO and DPO (and the IL data term's known minimiser).
extension RLHFSolver {
    /// The minimiser of the convex IIA likelihood, or `.noMinimizer` when mixed data did not
    /// choose both categories.
    ///
    /// L_D' increases from -(mixed M2 data) to +(mixed M1 data). ``OneSidedNewton`` runs from
    /// the first guess; when its iterates cross the root they bracket it for
    /// ``SafeguardedNewton``, and when it stalls (or runs out of steps) ``BracketExpansion`` grows
    /// a bracket from its last iterate.
    public static func minimizeLikelihood(_ likelihood: IIALikelihood, recordTrace: Bool = false) -> Minimization {
        minimizeConvexLikelihood(likelihood, recordTrace: recordTrace)
    }

    /// The minimiser of a ``ConvexLikelihood`` (the choices' IIA likelihood or the rankings'
    /// Plackett-Luce likelihood), as ``minimizeLikelihood(_:recordTrace:)`` describes.
    static func minimizeConvexLikelihood<Likelihood: ConvexLikelihood>(
        _ likelihood: Likelihood, recordTrace: Bool
    ) -> Minimization {
        guard likelihood.hasMinimizer else {
            return Minimization(argmin: 0, iterations: 0, termination: .noMinimizer, trace: [])
        }
        let guess = likelihood.initialGuess()
        var path = NewtonPath(start: guess, recordTrace: recordTrace)
        var newton = OneSidedNewton(start: guess, function: likelihood)
        let run = RootSearch.run(
            &newton, on: likelihood, stepLimit: OneSidedNewton<Likelihood>.stepLimit, recordTrace: recordTrace,
            trace: &path.trace)
        path.iterations += run.iterations
        switch run.stop {
        case .root(let termination):
            return path.result(newton.point, termination)
        case .bracketed(let lower, let upper):
            return path.finish(likelihood, lower.point, lower.slope, upper.point, upper.slope)
        case .stalled, nil:
            var expansion = BracketExpansion(from: newton.latest.point, slope: newton.latest.slope, function: likelihood)
            _ = RootSearch.run(&expansion, on: likelihood, stepLimit: BracketExpansion<Likelihood>.stepLimit)
            let (lower, upper) = expansion.bracket
            return path.finish(likelihood, lower.point, lower.slope, upper.point, upper.slope)
        }
    }

    /// The iterates of the likelihood's root search so far.
    struct NewtonPath {
        let start: Double
        let recordTrace: Bool
        var iterations = 0
        var trace: [SolverStep]

        init(start: Double, recordTrace: Bool) {
            self.start = start
            self.recordTrace = recordTrace
            trace = recordTrace ? [SolverStep(kind: .start, point: start)] : []
        }

        /// The minimisation ending at `point`; the search interval is the bracket when one was
        /// needed, else the span from the guess to the root.
        func result(_ point: Double, _ termination: Termination, bracket: ClosedRange<Double>? = nil) -> Minimization {
            Minimization(
                argmin: point, iterations: iterations, termination: termination, trace: trace, bracket: bracket,
                searchInterval: bracket ?? min(start, point)...max(start, point))
        }

        /// The safeguarded search on a bracket, its iterates appended to those so far (its start,
        /// Newton's step from the bracket's nearer end or the middle, counts as one).
        mutating func finish<Likelihood: SlopeFunction>(
            _ likelihood: Likelihood, _ lower: Double, _ atLower: Slope, _ upper: Double, _ atUpper: Slope
        ) -> Minimization {
            let start = GlobalMinimizer.startingPoint(lower, .value(atLower), upper, .value(atUpper))
            let root = NewtonRoot.find(
                lower: lower, upper: upper, start: start?.point, startStep: start?.newtonStep, recordTrace: recordTrace,
                of: likelihood)
            iterations += 1 + root.iterations
            if recordTrace, let first = root.trace.first {
                trace.append(SolverStep(kind: first.point == start?.point ? .newton : .bisection, point: first.point))
                trace.append(contentsOf: root.trace.dropFirst())
            }
            return result(root.point, root.termination, bracket: root.bracket)
        }
    }
}

/// A convex likelihood in the reward gap u whose derivative rises from -(mixed data that chose
/// M2) to +(mixed data that chose M1): RLPO's and DPO's data term, for choices
/// (``IIALikelihood``) and for rankings (``PlackettLuceLikelihood``).
protocol ConvexLikelihood: SlopeFunction {
    /// Whether the mixed data chose both categories (else the infimum is not attained).
    var hasMinimizer: Bool { get }
    /// Where Newton's search starts.
    func initialGuess() -> Double
    /// Adds the derivative's and curvature's terms at u (|u| within the plain range).
    func accumulate(_ u: Double, derivative: inout SlopeAccumulator, curvature: inout SlopeAccumulator)
    /// The derivative's closed form far out on the right (or left).
    func farTail(right: Bool) -> FarTail
}

extension ConvexLikelihood {
    /// The derivative and curvature on a common scale: summed term by term, or in closed form
    /// beyond |u| = 600 (see ``FarTail``).
    @inline(__always)
    func slopeOnCommonScale(_ u: Double) -> Slope {
        let logMode = abs(u) > SlopeAccumulator.logModeThreshold
        var derivative = SlopeAccumulator(logMode: logMode, at: u)
        var curvature = SlopeAccumulator(sameAs: derivative)
        if logMode {
            farTail(right: u > 0).accumulate(u, derivative: &derivative, curvature: &curvature)
        } else {
            accumulate(u, derivative: &derivative, curvature: &curvature)
        }
        return Slope(derivative: derivative, curvature: curvature)
    }
}

extension IIALikelihood: ConvexLikelihood {}
extension PlackettLuceLikelihood: ConvexLikelihood {}
