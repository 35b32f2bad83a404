public extension Int {
    /// The whole number nearest to `value`, clamped to ±1e9 (NaN gives 0): chart positions
    /// computed from any finite or infinite input convert without a trap, and stay far from
    /// the bounds of `Int` so that the arithmetic that follows cannot overflow either.
    init(saturating value: Double) {
        guard !value.isNaN else {
            self = 0
            return
        }
        self = Int(Swift.min(1e9, Swift.max(-1e9, value.rounded())))
    }
}
