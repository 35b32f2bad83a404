import ArgumentParser
import Foundation
import IIAApp
import IIACore

/// `iia-explorer explain`: why each algorithm's policy ends where it does, with the numbers.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain, in a few lines with the live numbers, why an algorithm ends where it does (the explorer's e panel).")

    @OptionGroup var model: ModelOptions
    @OptionGroup var countsOption: CountsOption
    @Option(help: ArgumentHelp("The algorithm to explain: \(SnapshotCommand.algorithmNames) (all \(Algorithm.allCases.count) when omitted)."))
    var algorithm: String?
    @Option(parsing: .unconditional, help: "Wrap lines to this many columns (whole number 20…1000, or 0: no wrapping; default 100).")
    var width: String?

    func run() throws {
        print(try render(), terminator: "")
    }

    /// The text for every requested algorithm, or an input error.
    func render() throws -> String {
        let algorithms: [Algorithm]
        if let algorithm {
            algorithms = [try SnapshotCommand.parseAlgorithm(algorithm)]
        } else {
            algorithms = Algorithm.allCases
        }
        var wrap = 100
        if let width {
            wrap = try NumberParser.whole(width, option: "--width", range: 0...1000)
            if wrap > 0 && wrap < 20 {
                throw InputError(option: "--width", allowed: "0 or a whole number from 20 to 1000 (\(NumberParser.wholeNumberForm))", got: width)
            }
        }
        let parameters = try model.parameters(counts: countsOption.counts)
        let given = try ModelOptions.countTable(countsOption.counts, parameters)
        let counts = given ?? .expected(parameters)
        // One solve of all six, as the read-out and `solve` do (IL reuses RLPO's minimiser).
        let results = RLHFSolver(parameters).solve(counts, recordTrace: true)
        return algorithms.map {
            Explanation.make(parameters: parameters, counts: counts, results: results, algorithm: $0,
                             expectedData: given == nil).text(width: wrap)
        }.joined(separator: "\n")
    }
}
