import Foundation
import IIACore
import Testing

/// Option values at and beyond their limits: each refused with one line that names the option
/// and says what is allowed, or accepted when the rule allows it.
@Suite("Option values: the whole-number rule, negative values, work limits")
struct OptionValueTests {
    /// Runs the binary and checks for a refusal: non-zero exit, nothing on stdout, one line on
    /// stderr containing every one of `phrases`.
    static func expectRefused(_ arguments: [String], _ phrases: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outcome = try ExplorerBinary.run(arguments)
        #expect(outcome.status != 0, "\(arguments) exited 0", sourceLocation: sourceLocation)
        #expect(outcome.standardOutput.isEmpty, "\(arguments) printed \(outcome.standardOutput.prefix(200))", sourceLocation: sourceLocation)
        let lines = outcome.standardError.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1, "\(arguments): \(outcome.standardError)", sourceLocation: sourceLocation)
        for phrase in phrases {
            #expect(outcome.standardError.contains(phrase), "\(arguments): \(outcome.standardError) lacks \(phrase)", sourceLocation: sourceLocation)
        }
    }

    /// A negative value for every numeric option: read as a value and refused by name.
    static let negativeValues: [([String], String)] = [
        (["solve", "--beta", "-1"], "--beta"), (["solve", "--data", "-5"], "--data"), (["solve", "--m1", "-1"], "--m1"),
        (["solve", "--m2", "-3"], "--m2"), (["solve", "--p1", "-0.5"], "--p1"), (["solve", "--zeta", "-0.2"], "--zeta"),
        (["solve", "--k", "-2"], "--k"), (["solve", "--delta", "-1"], "--delta"), (["solve", "--sims", "-4"], "--sims"),
        (["solve", "--seed", "-1"], "--seed"), (["solve", "--queries", "fixed", "--fixed-m1", "-1", "--k", "3"], "--fixed-m1"),
        (["solve", "--counts", "-1/2,3/4,5/0"], "--counts"), (["sweep", "--over", "data", "--from", "-1"], "--from"),
        (["sweep", "--over", "data", "--to", "-10"], "--to"), (["sweep", "--over", "data", "--points", "-40"], "--points"),
        (["snapshot", "--size", "-100x30"], "--size"), (["explain", "--width", "-1"], "--width"),
        (["bench", "--repetitions", "-5"], "--repetitions"), (["tui", "--beta", "-1"], "--beta"),
        (["snapshot", "--beta", "-1"], "--beta"), (["explain", "--beta", "-1"], "--beta"),
        (["sweep", "--over", "m2", "--beta", "-1"], "--beta"),
    ]

    @Test("a negative value is read as the option's value and refused by name", arguments: negativeValues)
    func negativeValue(arguments: [String], option: String) throws {
        try Self.expectRefused(arguments, [option, "must be", "'-"])
    }

    @Test("a negative value that is allowed is taken: --reward-gap -1, --delta -0")
    func negativeAllowed() throws {
        let logit = try ExplorerBinary.run(["solve", "--choice-model", "logit", "--reward-gap", "-1", "--format", "json"])
        #expect(logit.status == 0, "\(logit.standardError)")
        #expect(logit.standardOutput.contains("\"rewardGap\": -1"))
        let zero = try ExplorerBinary.run(["solve", "--delta", "-0"])
        #expect(zero.status == 0, "\(zero.standardError)")
    }

    @Test("an option followed by another option instead of its value is named, not taken as the value")
    func optionInsteadOfValue() throws {
        try Self.expectRefused(["solve", "--beta", "--k", "4"], ["--beta", "--k", "value"])
        try Self.expectRefused(["solve", "--k", "--beta", "2"], ["--k", "--beta", "value"])
        try Self.expectRefused(["sweep", "--over", "data", "--points", "--sims", "3"], ["--points", "--sims"])
    }

    /// Every whole-number option with texts the rule refuses.
    static let wholeOptions: [([String], String)] = [
        (["solve", "--m1"], "--m1"), (["solve", "--m2"], "--m2"), (["solve", "--k"], "--k"),
        (["solve", "--queries", "fixed", "--k", "4", "--fixed-m1"], "--fixed-m1"), (["solve", "--sims"], "--sims"),
        (["solve", "--sims", "2", "--seed"], "--seed"), (["sweep", "--over", "data", "--points"], "--points"),
        (["bench", "--repetitions"], "--repetitions"), (["explain", "--width"], "--width"),
    ]

    @Test("whole numbers: no decimal point, sign, fraction or non-ASCII digits; the message says the form", arguments: wholeOptions)
    func wholeNumberRule(prefix: [String], option: String) throws {
        for text in ["2.0", "3.", "1.5e1", "+3", "0.99999999999999999", "3.00000000000000001", "٣", "1e", "e3", "1e-3", "0x10", "", " "] {
            try Self.expectRefused(prefix + [text], [option, "whole number", "1e3"])
        }
    }

    @Test("whole numbers in e-notation are taken exactly: --k 4e0, --m1 1e3, --seed 1e3, --points 1e1, --width 1e2, --size 1e2x3e1")
    func wholeNumberExponent() throws {
        let solve = try ExplorerBinary.run(["solve", "--k", "4e0", "--m1", "1e3", "--sims", "2", "--seed", "1e3", "--data", "1E2", "--format", "json"])
        #expect(solve.status == 0, "\(solve.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(solve.standardOutput.utf8)) as? [String: Any])
        let parameters = try #require(object["parameters"] as? [String: Any])
        #expect(parameters["k"] as? Int == 4 && parameters["m1"] as? Int == 1000 && parameters["data"] as? Int == 100)
        #expect(object["seed"] as? String == "1000")
        let sweep = try ExplorerBinary.run(["sweep", "--over", "data", "--points", "1e1"])
        #expect(sweep.status == 0 && sweep.standardOutput.split(separator: "\n").count == 11)
        let explain = try ExplorerBinary.run(["explain", "--width", "1e2", "--algorithm", "rlpo"])
        #expect(explain.status == 0)
        let snapshot = try ExplorerBinary.run(["snapshot", "--size", "1e2x3e1", "--chart", "boundary"])
        #expect(snapshot.status == 0 && snapshot.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).count == 31)
        for text in ["10.5", "2.0", "1.5e1", "+3"] {
            try Self.expectRefused(["solve", "--sims", "2", "--data", text], ["--data", "whole number", "with --sims"])
        }
        try Self.expectRefused(["solve", "--seed", "18446744073709551616"], ["--seed", "18446744073709551615"])
        try Self.expectRefused(["solve", "--m1", "99999999999999999999"], ["--m1", "1e12"])
    }

    @Test("work limits: sweep points × sims and bench repetitions are capped with one line naming the limit")
    func workLimits() throws {
        try Self.expectRefused(["sweep", "--over", "data", "--points", "10000", "--sims", "100000"], ["--sims", "1e6"])
        try Self.expectRefused(["sweep", "--over", "data", "--points", "1000", "--sims", "1001"], ["--sims", "at most 1000"])
        try Self.expectRefused(["snapshot", "--chart", "data", "--sims", "25001"], ["--sims", "at most 25000"])
        try Self.expectRefused(["bench", "--repetitions", "9223372036854775807"], ["--repetitions", "1000"])
        try Self.expectRefused(["bench", "--repetitions", "1001"], ["--repetitions", "1000"])
        try Self.expectRefused(["solve", "--sims", "100001"], ["--sims", "100000"])
        let help = try ExplorerBinary.run(["--help"])
        #expect(help.standardOutput.contains("1e6"), "the limit is not in --help")
        let benchHelp = try ExplorerBinary.run(["bench", "--help"])
        #expect(benchHelp.standardOutput.contains("3…1000"))
        let sweepHelp = try ExplorerBinary.run(["sweep", "--help"])
        #expect(sweepHelp.standardOutput.contains("1e6"))
    }
}
