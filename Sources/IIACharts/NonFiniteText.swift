/// How every text output writes a number that is not finite: NaN as "n/a", an infinity as the
/// bound it lies beyond (">1.8e308", "<-1.8e308"), so neither "nan" nor "inf" reaches a screen.
public enum NonFiniteText {
    /// The text for `value` when it is not finite; nil for a finite value.
    public static func text(_ value: Double) -> String? {
        if value.isNaN { return "n/a" }
        if value.isInfinite { return value < 0 ? "<-1.8e308" : ">1.8e308" }
        return nil
    }
}
