import Foundation
import IIACore
import Testing

/// Help texts that tell the truth, options refused where they make no sense, and snapshot sizes.
@Suite("Help texts, option scope and snapshot sizes")
struct HelpAndScopeTests {
    @Test("--counts is listed only by the commands that take it (solve, explain)")
    func countsInHelp() throws {
        for command in ["solve", "explain"] {
            let help = try ExplorerBinary.run([command, "--help"])
            #expect(help.standardOutput.contains("--counts"), "\(command) --help lacks --counts")
        }
        for command in ["tui", "snapshot", "sweep"] {
            let help = try ExplorerBinary.run([command, "--help"])
            #expect(help.status == 0)
            #expect(!help.standardOutput.contains("--counts"), "\(command) --help lists --counts")
            let refused = try ExplorerBinary.run([command] + (command == "sweep" ? ["--over", "data"] : []) + ["--counts", "0/1,2/3,4/0"])
            #expect(refused.status != 0 && refused.standardError.contains("--counts"))
        }
        let explain = try ExplorerBinary.run(["explain", "--counts", "0/4,3/2,5/0", "--algorithm", "rlpo"])
        #expect(explain.status == 0, "\(explain.standardError)")
    }

    @Test("the --algorithm error and help list every algorithm")
    func algorithmList() throws {
        for arguments in [["snapshot", "--chart", "landscape", "--algorithm", "PPO"], ["explain", "--algorithm", "best"]] {
            let outcome = try ExplorerBinary.run(arguments)
            #expect(outcome.status != 0)
            for algorithm in Algorithm.allCases {
                #expect(outcome.standardError.contains(algorithm.name), "\(arguments): \(outcome.standardError) lacks \(algorithm.name)")
            }
        }
        for command in ["snapshot", "explain"] {
            // The help wraps its lines: compare without the line breaks and indentation.
            let help = try ExplorerBinary.run([command, "--help"]).standardOutput
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            for algorithm in Algorithm.allCases { #expect(help.contains(algorithm.name), "\(command) --help lacks \(algorithm.name)") }
        }
    }

    @Test("help with an unknown subcommand is an error; help with a known one is not")
    func helpSubcommand() throws {
        for arguments in [["help", "nosuch"], ["help", "solve", "nosuch"]] {
            try OptionValueTests.expectRefused(arguments, ["help", "nosuch"])
        }
        let known = try ExplorerBinary.run(["help", "sweep"])
        #expect(known.status == 0 && known.standardOutput.contains("--over"))
    }

    @Test("sweep refuses the option its axis sets: --data with --over data, --m2 with --over m2")
    func sweepAxisOption() throws {
        try OptionValueTests.expectRefused(["sweep", "--over", "data", "--data", "500"], ["--data", "--over data"])
        try OptionValueTests.expectRefused(["sweep", "--over", "m2", "--m2", "50"], ["--m2", "--over m2"])
        let fine = try ExplorerBinary.run(["sweep", "--over", "m2", "--data", "500", "--points", "3"])
        #expect(fine.status == 0)
    }

    @Test("snapshot sizes: below a chart's minimum or above the maximum is one line naming --size and the limit")
    func snapshotSizes() throws {
        try OptionValueTests.expectRefused(["snapshot", "--size", "20x8", "--chart", "all"], ["--size", "80x24"])
        try OptionValueTests.expectRefused(["snapshot", "--size", "79x40"], ["--size", "80x24"])
        try OptionValueTests.expectRefused(["snapshot", "--size", "120x23"], ["--size", "80x24"])
        for size in ["100000x100000", "1001x40", "120x501", "19x8", "20x7", "99999999999999999999x40"] {
            try OptionValueTests.expectRefused(["snapshot", "--size", size, "--chart", "data"], ["--size", "1000", "500"])
        }
        let smallest = try ExplorerBinary.run(["snapshot", "--size", "80x24", "--chart", "all"])
        #expect(smallest.status == 0 && !smallest.standardOutput.contains("needs at least"))
        for chart in ["data", "m2", "boundary", "landscape"] {
            let outcome = try ExplorerBinary.run(["snapshot", "--size", "20x8", "--chart", chart])
            #expect(outcome.status == 0, "\(chart): \(outcome.standardError)")
            #expect(outcome.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).count == 9)
        }
    }

    @Test("the explorer and its screen snapshot refuse values outside the sliders instead of clamping them")
    func explorerRanges() throws {
        try OptionValueTests.expectRefused(["snapshot", "--beta", "1e-5"], ["--beta", "1e-3", "1e3"])
        try OptionValueTests.expectRefused(["snapshot", "--data", "2e7"], ["--data", "1e7"])
        // |D| may have a fraction on the explorer's screen (preset 7's 18.4), as in the explorer;
        // simulated data for a single chart still needs a whole |D|.
        let fractional = try ExplorerBinary.run(["snapshot", "--data", "18.4", "--size", "80x24"])
        #expect(fractional.status == 0, "\(fractional.standardError)")
        try OptionValueTests.expectRefused(["snapshot", "--chart", "data", "--data", "18.4", "--sims", "2"], ["--data", "whole number"])
        try OptionValueTests.expectRefused(["snapshot", "--chart", "data", "--focus", "m2"], ["--focus", "--chart all"])
        try OptionValueTests.expectRefused(["snapshot", "--select", "fixed-m1"], ["--select", "m1, m2, p1"])
        try OptionValueTests.expectRefused(["tui", "--focus", "everything"], ["--focus", "data, m2, boundary, landscape or phase"])
        try OptionValueTests.expectRefused(["tui", "--sims", "1000"], ["--sims", "500"])
        try OptionValueTests.expectRefused(["tui", "--m2", "1e10"], ["--m2", "1e9"])
        let chart = try ExplorerBinary.run(["snapshot", "--chart", "landscape", "--beta", "1e-5"])
        #expect(chart.status == 0, "\(chart.standardError)")
        let help = try ExplorerBinary.run(["tui", "--help"])
        #expect(help.standardOutput.contains("--beta 1e-3…1e3"))
    }
}
