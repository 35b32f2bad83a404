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
