import Foundation
import IIACharts
import IIACore

/// Text for numbers on screen. Every function returns short readable text for every input: NaN
/// becomes "n/a" and an infinity the bound it lies beyond (">1.8e308"), so neither "nan" nor
/// "inf" ever reaches the screen.
public enum NumberFormatting {
    /// `value` with up to `significant` significant digits, exponents written compactly
    /// ("1e4", "1.26e-5"); whole numbers below 1e6 are written in full.
    public static func compact(_ value: Double, significant: Int = 4, ascii: Bool = false) -> String {
        if let special = special(value, ascii: ascii) { return special }
        if value == 0 { return "0" }
        let isWhole = value == value.rounded()
        if isWhole && abs(value) < 1e4 { return String(Int64(value)) }
        let general = cleanExponent(String(format: "%.\(min(max(significant, 1), 17))g", value))
        if isWhole && abs(value) < 1e6 {
            let full = String(Int64(value))
            return general.count < full.count ? general : full
        }
        return general
    }

    /// A probability computed from log-odds, so that tails keep their digits:
    /// "0.6000", "1.3e-129", "1 - 2.1e-7", "0" and "1" only for infinite log-odds.
    public static func probability(logOdds: Double, ascii: Bool = false) -> String {
        if logOdds.isNaN { return "n/a" }
        if logOdds == -.infinity { return "0" }
        if logOdds == .infinity { return "1" }
        let tail = log(1e-4 / (1 - 1e-4))
        if logOdds < tail {
            // log10 P = ln(sigmoid(L)) / ln 10 = -softplus(-L) / ln 10.
            return scientific(log10Value: -StableMath.softplus(-logOdds) / M_LN10)
        }
        if logOdds > -tail {
            let complement = -StableMath.softplus(logOdds) / M_LN10
            if complement.rounded(.down) <= -largestExponent { return ">1 - 1e-\(Int(largestExponent) - 1)" }
            return "1 - " + scientific(log10Value: complement)
        }
        return String(format: "%.4f", StableMath.sigmoid(logOdds))
    }

    /// A plain probability (or a small positive quantity such as a standard error); a value
    /// outside [0, 1] is written as ``compact(_:significant:ascii:)`` writes it.
    public static func probability(_ p: Double, ascii: Bool = false) -> String {
        if let special = special(p, ascii: ascii) { return special }
        if p == 0 { return "0" }
        if p == 1 { return "1" }
        if !(0...1).contains(p) { return compact(p, significant: 4, ascii: ascii) }
        if p > 0 && p < 1e-4 { return scientific(log10Value: log10(p)) }
        if p < 1 && 1 - p < 1e-4 { return "1 - " + scientific(log10Value: log10(1 - p)) }
        return String(format: "%.4f", p)
    }

    /// Log-odds: two decimals below 1e5 in size ("-295.88"), otherwise three significant
    /// digits ("4.06e11").
    public static func logOdds(_ value: Double, ascii: Bool = false) -> String {
        if let special = special(value, ascii: ascii) { return special }
        if abs(value) < 1e5 { return String(format: "%.2f", value) }
        return cleanExponent(String(format: "%.3g", value))
    }

    /// A percentage with up to three significant digits ("60", "0.3", "99.9").
    public static func percent(_ fraction: Double, ascii: Bool = false) -> String {
        if let special = special(fraction, ascii: ascii) { return special }
        guard (fraction * 100).isFinite else {
            return (fraction < 0 ? "-" : "") + scientific(log10Value: log10(abs(fraction)) + 2, significant: 3)
        }
        return cleanExponent(String(format: "%.3g", fraction * 100))
    }

    /// "m.me-x" from a base-10 logarithm, so values far below the smallest double still print.
    /// Exponents beyond six digits (a log-odds past about 2.3e6 in size) give a bound instead:
    /// "<1e-999999" (or ">1e999999"), so the text stays short and never traps.
    public static func scientific(log10Value: Double, significant: Int = 2) -> String {
        guard log10Value.isFinite else { return log10Value < 0 ? "0" : "n/a" }
        let digits = min(max(significant, 1), 17)
        var exponent = log10Value.rounded(.down)
        guard abs(exponent) < largestExponent else {
            return exponent < 0 ? "<1e-\(Int(largestExponent) - 1)" : ">1e\(Int(largestExponent) - 1)"
        }
        var mantissa = pow(10, log10Value - exponent)
        let scale = pow(10, Double(digits - 1))
        mantissa = (mantissa * scale).rounded() / scale
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        let mantissaText = cleanExponent(String(format: "%.\(digits)g", mantissa))
        return "\(mantissaText)e\(Int(exponent))"
    }

    /// Decimal exponents from here on are written as a bound (see ``scientific(log10Value:significant:)``).
    static let largestExponent = 1e6

    /// NaN as "n/a"; an infinity as a bound beyond the largest double (">1.8e308", "<-1.8e308"):
    /// a value too large to represent, never the words "nan" or "inf".
    static func special(_ value: Double, ascii: Bool) -> String? { NonFiniteText.text(value) }

    /// "1e+06" → "1e6", "1.3e-05" → "1.3e-5".
    static func cleanExponent(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let mantissa = text[..<e]
        var exponent = String(text[text.index(after: e)...])
        var sign = ""
        if exponent.hasPrefix("+") { exponent.removeFirst() }
        if exponent.hasPrefix("-") {
            sign = "-"
            exponent.removeFirst()
        }
        while exponent.count > 1 && exponent.hasPrefix("0") { exponent.removeFirst() }
        return "\(mantissa)e\(sign)\(exponent)"
    }
}

extension NumberFormatting {
    /// P(M1) for tables with aligned digits: 6 decimals between 1e-4 and 0.9999, four
    /// significant digits closer to 0, "1 - x" closer to 1; exact 0 and 1 as such; "n/a" for NaN.
    public static func tableProbability(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        if value == 0 || value == 1 { return String(Int(value)) }
        if value > 0.9999 { return "1 - " + String(format: "%.4g", 1 - value) }
        if value >= 1e-4 { return String(format: "%.6f", value) }
        return String(format: "%.4g", value)
    }

    /// Log-odds for tables: 6 significant digits; beyond the largest double the bound, as on
    /// screen (">1.8e308").
    public static func tableLogOdds(_ value: Double) -> String {
        if let text = NonFiniteText.text(value) { return text }
        return String(format: "%.6g", value)
    }
}
