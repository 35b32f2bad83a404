/// Why the solver stopped.
public enum Termination: String, Sendable, Codable, CaseIterable {
    /// A Newton or bisection step changed the root by less than a few units in the last place, or
    /// Newton's contraction predicts an error below 1e-14 relative after the last step.
    case converged
    /// The derivative was exactly zero at an iterate.
    case exactRoot
    /// The bracket around the root shrank to adjacent floating-point numbers.
    case bracketCollapsed
    /// The minimum sits at a kink of the hinge, where the derivative changes sign.
    case atKink
    /// The minimum sits at an end of the search bound: the derivative does not change sign
    /// inside it (rounding at the end, or a minimiser beyond the largest double, reported there).
    case atBound
    /// The objective has no minimiser; the paper's convention was applied.
    case noMinimizer
    /// The iteration limit was reached (the last iterate is reported).
    case iterationLimit
    /// The minimiser has a closed form (no iteration).
    case closedForm
    /// The algorithm does not apply to these responses (SLiC on rankings): there is no minimiser
    /// and no policy (see ``Algorithm/inapplicabilityReason(for:)``).
    case notApplicable

    /// A short description for read-outs.
    public var summary: String {
        switch self {
        case .converged: return "converged"
        case .exactRoot: return "exact root"
        case .bracketCollapsed: return "bracket collapsed"
        case .atKink: return "minimum at a hinge kink"
        case .atBound: return "minimum at an end of the search bound"
        case .noMinimizer: return "no minimiser (convention applied)"
        case .iterationLimit: return "iteration limit"
        case .closedForm: return "closed form"
        case .notApplicable: return "not applicable to these responses"
        }
    }
}

/// One iterate of the root search on the derivative.
public struct SolverStep: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Where the search started.
        case start
        /// A Newton step inside the bracket.
        case newton
        /// A bisection step: Newton's step left the bracket or the curvature was not positive.
        case bisection
    }

    public var kind: Kind
    /// The scalar (u or v) at this iterate.
    public var point: Double
}

/// The result of minimising one scalar objective.
public struct Minimization: Sendable, Hashable {
    /// The global minimiser (u for RLPO/DPO, v for IL/SLiC).
    public var argmin: Double
    /// Newton/bisection iterations of the search that found the minimiser.
    public var iterations: Int
    public var termination: Termination
    /// The other local minimisers found (usually none; IL and SLiC can have one more).
    public var otherMinima: [Double]
    /// The iterates of the search that found the minimiser, the start first.
    public var trace: [SolverStep]
    /// The bracket the globalisation handed to Newton's method for the minimiser (nil when the
    /// minimum sits at a kink, when there is none, or when RLPO's Newton iterates converged from
    /// one side of the root without needing one).
    public var bracket: ClosedRange<Double>?
    /// Where the globalisation looked: an interval holding every local minimiser (IL, SLiC), or
    /// for RLPO and DPO the bracket around the root, or the span from the first guess to the
    /// root when Newton's method converged from one side.
    public var searchInterval: ClosedRange<Double>?

    public init(
        argmin: Double, iterations: Int, termination: Termination, otherMinima: [Double] = [],
        trace: [SolverStep] = [], bracket: ClosedRange<Double>? = nil, searchInterval: ClosedRange<Double>? = nil
    ) {
        self.argmin = argmin
        self.iterations = iterations
        self.termination = termination
        self.otherMinima = otherMinima
        self.trace = trace
        self.bracket = bracket
        self.searchInterval = searchInterval
    }

    /// Every local minimiser found, ascending (the global one among them); none without a minimiser
    /// (or when the algorithm does not apply).
    public var localMinima: [Double] {
        termination == .noMinimizer || termination == .notApplicable ? [] : (otherMinima + [argmin]).sorted()
    }
}
