/// The exact text of a number, for command lines and data files: reading it back gives the
/// same double.
public enum RoundTripNumber {
    /// Whole numbers below 1e15 without a decimal point or exponent ("1000"), every other value
    /// as Swift's shortest round-trip form ("0.6", "1e+300").
    public static func text(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
