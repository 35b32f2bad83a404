/// Bad input from the command line: one line naming the option and what it allows.
struct InputError: Error, CustomStringConvertible {
    var option: String
    var allowed: String
    var got: String?

    var description: String {
        if let got { return "\(option) must be \(allowed) (got '\(got)')" }
        return "\(option) must be \(allowed)"
    }
}

/// Strict number parsing for options: plain decimal notation only, finite values only.
enum NumberParser {
    /// A finite decimal number such as 12, -0.5, 1e-3 or .25 (no hex, no nan, no inf).
    static func real(_ text: String, option: String, allowed: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"#, options: .regularExpression) != nil,
              let value = Double(trimmed), value.isFinite
        else { throw InputError(option: option, allowed: allowed, got: text) }
        return value
    }

    /// A whole number (digits, optionally in e-notation such as 1e6) within `range`.
    static func whole(_ text: String, option: String, range: ClosedRange<Int>) throws -> Int {
        let allowed = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        let value = try real(text, option: option, allowed: allowed)
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw InputError(option: option, allowed: allowed, got: text)
        }
        return Int(value)
    }
}

import Foundation
