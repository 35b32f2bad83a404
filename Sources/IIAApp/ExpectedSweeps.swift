import IIACore

/// The explorer's expected curves against |D| and |M2|, and what each depends on.
public struct ExpectedSweeps: Sendable {
    /// P(M1) against |D| and against |M2| on expected data.
    public let data: Sweep
    public let m2: Sweep
    /// How many sweeps were computed to reach this value since the explorer started (to check
    /// the cache).
    public let computations: Int

    /// Both sweeps for `parameters`, reusing those of `previous` whose inputs did not change.
    init(_ parameters: ModelParameters, previous: ExpectedSweeps?) {
        var computations = previous?.computations ?? 0
        func sweep(_ axis: SweepAxis, _ old: Sweep?) -> Sweep {
            if let old, old.parameters == Self.key(axis, parameters) { return old }
            computations += 1
            return Self.compute(axis, parameters)
        }
        data = sweep(.data, previous?.data)
        m2 = sweep(.m2, previous?.m2)
        self.computations = computations
    }

    /// The right end of a sweep: 1e4 for |D| and 1e5 for |M2|, or further when the current
    /// value is larger.
    static func end(_ axis: SweepAxis, _ parameters: ModelParameters) -> Double {
        switch axis {
        case .data: return max(axis.defaultRange.to, parameters.dataSize.rounded(.up))
        case .m2: return max(axis.defaultRange.to, Double(parameters.m2))
        }
    }

    /// The parameters a sweep along `axis` depends on (the swept value set to the range end).
    static func key(_ axis: SweepAxis, _ parameters: ModelParameters) -> ModelParameters {
        var key = parameters
        switch axis {
        case .data: key.dataSize = end(axis, parameters)
        case .m2: key.m2 = Int(end(axis, parameters))
        }
        return key
    }

    /// The expected curve along `axis` (from 1 to ``end(_:_:)``).
    static func compute(_ axis: SweepAxis, _ parameters: ModelParameters) -> Sweep {
        Sweeper.expected(key(axis, parameters), axis: axis, from: 1, to: end(axis, parameters), points: ExplorerState.sweepPoints)
    }
}
