/// A root-finding method in the shape of one driver loop: a state that ``step(on:)`` advances,
/// and a separate convergence check, ``stopReason()``, that says why the search ends.
///
/// Each method (``SafeguardedNewton`` on a bracket, ``OneSidedNewton`` for the likelihood,
/// ``BracketExpansion``, ``CurvatureSignBisection``) keeps its own state; ``RootSearch/run(_:on:stepLimit:recordTrace:trace:)``
/// is the only loop that drives them.
protocol RootFindingMethod {
    /// What the method evaluates (passed to every step, so it is neither copied nor retained).
    associatedtype Function
    /// Why the method stopped.
    associatedtype Stop

    /// Evaluates `function` where the method needs it and moves to the next iterate. Returns
    /// that iterate when the step took one (it is counted, and traced when asked), nil when it
    /// took none (its state then holds the reason to stop, also when the state it started from
    /// already did).
    mutating func step(on function: Function) -> SolverStep?

    /// The convergence check: why the search stops in the current state, or nil to go on.
    func stopReason() -> Stop?
}

/// The one driver loop of the root searches.
enum RootSearch {
    /// How a run ended: the method's reason to stop (nil when the step limit came first) and
    /// the iterates it took.
    struct Run<Stop> {
        var stop: Stop?
        var iterations: Int
    }

    /// Steps `method` on `function` until its convergence check (asked after every step) gives a
    /// reason to stop, or `stepLimit` steps were taken. The iterates are appended to `trace`
    /// when `recordTrace`.
    @inline(__always)
    static func run<Method: RootFindingMethod>(
        _ method: inout Method, on function: Method.Function, stepLimit: Int, recordTrace: Bool,
        trace: inout [SolverStep]
    ) -> Run<Method.Stop> {
        var iterations = 0
        for _ in 0..<stepLimit {
            if let iterate = method.step(on: function) {
                iterations += 1
                if recordTrace { trace.append(iterate) }
            }
            if let stop = method.stopReason() { return Run(stop: stop, iterations: iterations) }
        }
        return Run(stop: nil, iterations: iterations)
    }

    /// ``run(_:on:stepLimit:recordTrace:trace:)`` without a trace.
    @inline(__always)
    static func run<Method: RootFindingMethod>(
        _ method: inout Method, on function: Method.Function, stepLimit: Int
    ) -> Run<Method.Stop> {
        var none: [SolverStep] = []
        return run(&method, on: function, stepLimit: stepLimit, recordTrace: false, trace: &none)
    }
}
