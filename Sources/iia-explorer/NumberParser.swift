import Foundation

/// Strict number parsing for options: plain decimal notation only, finite values only.
///
/// The one rule for whole-number options (--m1, --m2, --k, --fixed-m1, --sims, --seed, --points,
/// --repetitions, --width and the parts of --size): ASCII digits, optionally followed by `e` and
/// a digit exponent when the value is whole (`1000`, `1e3`, `25e2`). No sign, no decimal point,
/// no spaces inside: `2.0`, `+3`, `-0` and `1.5e3` are refused, so every accepted text is exactly
/// the number it reads as (no rounding of `0.99999999999999999` to 1).
enum NumberParser {
    /// How whole numbers are written, for error messages and help.
    static let wholeNumberForm = "digits, optionally with an exponent such as 1e3"

    /// A finite decimal number such as 12, -0.5, 1e-3 or .25 (no hex, no nan, no inf).
    static func real(_ text: String, option: String, allowed: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.unicodeScalars.allSatisfy(\.isASCII),
              trimmed.range(of: #"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil,
              let value = Double(trimmed), value.isFinite
        else { throw InputError(option: option, allowed: allowed, got: text) }
        return value
    }

    /// A whole number within `range`, written as ``wholeNumberForm`` (see the type's summary).
    static func whole(_ text: String, option: String, range: ClosedRange<Int>, condition: String? = nil) throws -> Int {
        let allowed = "a whole number from \(bound(range.lowerBound)) to \(bound(range.upperBound))"
            + (condition.map { " \($0)" } ?? "") + " (\(wholeNumberForm))"
        guard let value = wholeValue(text), value <= UInt64(Int.max), range.contains(Int(value)) else {
            throw InputError(option: option, allowed: allowed, got: text)
        }
        return Int(value)
    }

    /// A range end as written in messages: powers of ten from 1e6 up as "1e6", others in digits.
    static func bound(_ value: Int) -> String {
        var power = 0, rest = value
        while rest >= 10 && rest % 10 == 0 { rest /= 10; power += 1 }
        return rest == 1 && power >= 6 ? "1e\(power)" : String(value)
    }

    /// A whole number from 0 to UInt64.max, written as ``wholeNumberForm``.
    static func unsigned(_ text: String, option: String) throws -> UInt64 {
        guard let value = wholeValue(text) else {
            throw InputError(option: option, allowed: "a whole number from 0 to \(UInt64.max) (\(wholeNumberForm))", got: text)
        }
        return value
    }

    /// The exact value of `digits[e exponent]`, or nil when the text has another form or the
    /// value exceeds UInt64.max.
    static func wholeValue(_ text: String) -> UInt64? {
        let trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
        let parts = trimmed.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } })
        else { return nil }
        let mantissa = parts[0].drop { $0 == "0" }
        if mantissa.isEmpty { return 0 }
        var exponent = 0
        if parts.count == 2 {
            let digits = parts[1].drop { $0 == "0" }
            guard digits.count <= 2, let value = Int(digits.isEmpty ? "0" : digits) else { return nil }
            exponent = value
        }
        guard mantissa.count + exponent <= 20 else { return nil }
        return UInt64(mantissa + String(repeating: "0", count: exponent))
    }
}
