import ArgumentParser

/// Checks on the raw arguments that the parser cannot make, done before parsing.
enum ArgumentChecks {
    /// The options that take a number (or a table or size of numbers). They read their value
    /// unconditionally, so `--beta -1` is the value -1 (refused by name), not a missing value.
    static let numericOptions: Set<String> = [
        "--m1", "--m2", "--p1", "--zeta", "--k", "--beta", "--delta", "--data", "--counts", "--fixed-m1",
        "--reward-gap", "--sims", "--seed", "--from", "--to", "--points", "--size", "--width", "--repetitions",
    ]

    /// Refuses `help <unknown>` and a numeric option followed by another option instead of its
    /// value (`--beta --k 4`), each with one line.
    static func check(_ arguments: [String], subcommands: [String]) throws {
        if arguments.first == "help" {
            for name in arguments.dropFirst() where !subcommands.contains(name) {
                throw InputError(option: "help", allowed: "followed by a subcommand: \(subcommands.joined(separator: ", "))", got: name)
            }
            if arguments.count > 2 {
                throw InputError(option: "help", allowed: "followed by one subcommand", got: arguments.dropFirst().joined(separator: " "))
            }
        }
        for (index, argument) in arguments.enumerated().dropLast() where numericOptions.contains(argument) {
            let next = arguments[index + 1]
            if next.hasPrefix("--"), let letter = next.dropFirst(2).first, letter.isLetter {
                throw InputError(option: argument, allowed: "followed by its value, not by another option", got: next)
            }
        }
    }
}
