/// The kinks of a piecewise-smooth objective: at most two, ascending.
public struct Kinks: Sequence, Sendable {
    public let lower: Double?
    public let upper: Double?

    public init(lower: Double? = nil, upper: Double? = nil) {
        self.lower = lower
        self.upper = upper
    }

    public var isEmpty: Bool { lower == nil && upper == nil }
    /// The leftmost kink.
    public var first: Double? { lower ?? upper }
    /// The rightmost kink.
    public var last: Double? { upper ?? lower }

    public struct Iterator: IteratorProtocol {
        var remaining: (Double?, Double?)
        public mutating func next() -> Double? {
            if let value = remaining.0 { remaining.0 = nil; return value }
            if let value = remaining.1 { remaining.1 = nil; return value }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(remaining: (lower, upper)) }
}
