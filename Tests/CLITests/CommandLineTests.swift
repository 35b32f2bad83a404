import Foundation
import IIACore
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("The command line, run as a user would")
struct CommandLineTests {
    @Test("solve prints a table of the four algorithms that matches the library")
    func solveText() throws {
        let outcome = try ExplorerBinary.run(["solve", "--k", "4"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.isEmpty)
        for name in ["RLPO", "DPO", "IL", "SLiC (extension)", "perverse", "F(zeta) = 0.663043"] {
            #expect(outcome.standardOutput.contains(name), "missing \(name)")
        }
        let parameters = ModelParameters(k: 4)
        let il = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .il)
        #expect(outcome.standardOutput.contains(String(format: "%.6g", il.logOdds)))
    }

    @Test("solve --format json holds parameters, F and one result per algorithm")
    func solveJSON() throws {
        let outcome = try ExplorerBinary.run(["solve", "--format", "json", "--k", "3", "--data", "100"])
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let parameters = ModelParameters(k: 3, dataSize: 100)
        #expect(abs((object["F"] as? Double ?? 0) - FailureBoundary.F(zeta: 0.8, k: 3)) < 1e-15)
        let results = try #require(object["results"] as? [[String: Any]])
        let expected = RLHFSolver(parameters).solve(.expected(parameters))
        #expect(results.map { $0["algorithm"] as? String } == expected.map(\.algorithm.name))
        for (row, result) in zip(results, expected) {
            // JSON text round-trips to within an ulp or two through Foundation's parser.
            #expect(abs((row["logOdds"] as? Double ?? .nan) - result.logOdds) <= 1e-14 * max(1, abs(result.logOdds)))
            #expect(abs((row["pM1"] as? Double ?? .nan) - result.pM1) <= 1e-14)
            #expect(row["minimizerExists"] as? Bool == true)
            #expect(row["iterations"] as? Int == result.iterations)
        }
    }

    @Test("solve with --counts and --sims; logOdds is null only when infinite")
    func solveCountsAndSimulations() throws {
        let counts = try ExplorerBinary.run(["solve", "--k", "2", "--counts", "0/4,0/0,64/0", "--format", "json"])
        #expect(counts.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(counts.standardOutput.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results[0]["minimizerExists"] as? Bool == false)
        #expect(abs((results[1]["logOdds"] as? Double ?? 0) - log(0.1)) < 1e-12)

        let simulated = try ExplorerBinary.run(["solve", "--sims", "20", "--seed", "5", "--data", "50", "--format", "json"])
        #expect(simulated.status == 0)
        let again = try ExplorerBinary.run(["solve", "--sims", "20", "--seed", "5", "--data", "50", "--format", "json"])
        #expect(simulated.standardOutput == again.standardOutput)
        let simulatedObject = try #require(try JSONSerialization.jsonObject(with: Data(simulated.standardOutput.utf8)) as? [String: Any])
        for row in try #require(simulatedObject["results"] as? [[String: Any]]) {
            #expect((row["stdErr"] as? Double).map { $0 >= 0 } == true)
        }
    }

    @Test("scenarios: fixed queries and logit choices reach solve's table and JSON")
    func scenarios() throws {
        let triple = try ExplorerBinary.run(["solve", "--queries", "fixed", "--fixed-m1", "2", "--k", "3", "--format", "json"])
        #expect(triple.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(triple.standardOutput.utf8)) as? [String: Any])
        let parameters = try #require(object["parameters"] as? [String: Any])
        #expect(parameters["queries"] as? String == "fixed" && parameters["fixedM1"] as? Int == 2)
        #expect(abs((object["F"] as? Double ?? 0) - 2.0 / 3.0) < 1e-15)
        #expect(object["perverse"] as? Bool == true)
        let names = try #require(object["results"] as? [[String: Any]]).compactMap { $0["algorithm"] as? String }
        #expect(names == ["RLPO", "DPO", "IL", "SLiC", "RLPO-pairwise", "TypeMLE"])
        let expected = ModelParameters(k: 3, queries: .fixed(m1Count: 2))
        let rlpo = RLHFSolver(expected).solve(.expected(expected), algorithm: .rlpo)
        let rows = try #require(object["results"] as? [[String: Any]])
        #expect(abs((rows[0]["logOdds"] as? Double ?? 0) - rlpo.logOdds) <= 1e-12 * abs(rlpo.logOdds))

        let study = try ExplorerBinary.run(["solve", "--queries", "fixed", "--fixed-m1", "3", "--k", "4", "--p1", "0.7"])
        #expect(study.status == 0)
        #expect(study.standardOutput.contains("accuracy 30.0%"))
        let logit = try ExplorerBinary.run(["solve", "--choice-model", "logit", "--reward-gap", "0.5", "--k", "4"])
        #expect(logit.status == 0)
        #expect(logit.standardOutput.contains("logit choices"))
        #expect(!logit.standardOutput.contains("perverse: p*(1)"))
    }

    @Test("sweep writes CSV and JSON with one row per grid point")
    func sweep() throws {
        let csv = try ExplorerBinary.run(["sweep", "--over", "data", "--points", "12", "--k", "4"])
        #expect(csv.status == 0)
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.first == "x,RLPO,DPO,IL,SLiC,RLPO-pairwise,TypeMLE")
        #expect(lines.count == 13)
        let last = lines.last!.split(separator: ",").compactMap { Double($0) }
        #expect(last[0] == 10_000)
        #expect(last[1] < 0.01)  // |Y| = 4: RLPO has gone to M2.

        let banded = try ExplorerBinary.run(["sweep", "--over", "m2", "--points", "5", "--sims", "10", "--format", "csv"])
        #expect(banded.status == 0)
        #expect(banded.standardOutput.hasPrefix("x,RLPO,DPO,IL,SLiC,RLPO-pairwise,TypeMLE,RLPO_q10,RLPO_q90"))

        let json = try ExplorerBinary.run(["sweep", "--over", "m2", "--points", "6", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect((object["x"] as? [Double])?.count == 6)
    }

    /// Invalid inputs: (arguments, the option the error must name).
    static let invalidInputs: [([String], String)] = [
        (["solve", "--m1", "0"], "--m1"),
        (["solve", "--m2", "abc"], "--m2"),
        (["solve", "--p1", "1.5"], "--p1"),
        (["solve", "--p1", "nan"], "--p1"),
        (["solve", "--zeta", "1"], "--zeta"),
        (["solve", "--zeta", "inf"], "--zeta"),
        (["solve", "--k", "1"], "--k"),
        (["solve", "--k", "65"], "--k"),
        (["solve", "--k", "2.5"], "--k"),
        (["solve", "--beta", "0"], "--beta"),
        (["solve", "--beta", "-1"], "--beta"),
        (["solve", "--delta", "-0.1"], "--delta"),
        (["solve", "--data", "0"], "--data"),
        (["solve", "--data", "1e999"], "--data"),
        (["solve", "--data", "12abc"], "--data"),
        (["solve", "--data", "0x10"], "--data"),
        (["solve", "--counts", "0/1,2/3"], "--counts"),
        (["solve", "--counts", "1/1,2/3,4/0"], "--counts"),
        (["solve", "--counts", "0/1,2/3,4/5"], "--counts"),
        (["solve", "--counts", "0/1,2/-3,4/0"], "--counts"),
        (["solve", "--counts", "0/1,2/x,4/0"], "--counts"),
        (["solve", "--counts", "0/1,2/3,4/0", "--data", "11"], "--data"),
        (["solve", "--sims", "0"], "--sims"),
        (["solve", "--sims", "5", "--data", "10.5"], "--data"),
        (["solve", "--seed", "-1"], "--seed"),
        (["solve", "--format", "xml"], "--format"),
        (["sweep", "--over", "beta"], "--over"),
        (["sweep", "--over", "data", "--from", "10", "--to", "5"], "--to"),
        (["sweep", "--over", "data", "--points", "1"], "--points"),
        (["sweep", "--over", "data", "--format", "text"], "--format"),
        (["snapshot", "--size", "10x5"], "--size"),
        (["snapshot", "--size", "wide"], "--size"),
        (["snapshot", "--chart", "pie"], "--chart"),
        (["snapshot", "--format", "png"], "--format"),
        (["solve", "--bogus", "1"], "--bogus"),
        (["solve", "--queries", "random"], "--queries"),
        (["solve", "--queries", "fixed"], "--queries fixed"),
        (["solve", "--queries", "fixed", "--fixed-m1", "2", "--k", "2"], "--fixed-m1"),
        (["solve", "--queries", "fixed", "--fixed-m1", "0", "--k", "3"], "--fixed-m1"),
        (["solve", "--fixed-m1", "1"], "--fixed-m1"),
        (["solve", "--choice-model", "probit"], "--choice-model"),
        (["solve", "--choice-model", "logit"], "--choice-model logit"),
        (["solve", "--reward-gap", "1"], "--reward-gap"),
        (["solve", "--choice-model", "logit", "--reward-gap", "nan"], "--reward-gap"),
        (["sweep", "--over", "data", "--choice-model", "logit", "--reward-gap", "inf"], "--reward-gap"),
        (["snapshot", "--queries", "fixed", "--fixed-m1", "5", "--k", "4"], "--fixed-m1"),
        (["snapshot", "--chart", "landscape", "--algorithm", "PPO"], "--algorithm"),
        (["snapshot", "--chart", "data", "--algorithm", "IL"], "--algorithm"),
        (["snapshot", "--style", "poster"], "--style"),
        (["snapshot", "--style", "figure", "--chart", "all"], "--chart"),
        (["snapshot", "--style", "figure", "--format", "txt"], "--format"),
        (["snapshot", "--style", "figure", "--size", "120x40"], "--size"),
        (["snapshot", "--style", "figure", "--size", "5000x500"], "--size"),
        (["snapshot", "--style", "figure", "--ascii"], "--ascii"),
        (["snapshot", "--style", "figure", "--chart", "boundary", "--algorithm", "IL"], "--algorithm"),
        (["snapshot", "--title", "x"], "--title"),
        (["snapshot", "--chart", "data", "--algorithms", "RLPO,PPO"], "--algorithms"),
        (["snapshot", "--chart", "data", "--algorithms", ""], "--algorithms"),
        (["snapshot", "--style", "figure", "--chart", "boundary", "--algorithms", "IL"], "--algorithms"),
        (["snapshot", "--style", "figure", "--chart", "landscape", "--from", "2"], "--from"),
        (["snapshot", "--chart", "m2", "--to", "0.5"], "--to"),
        (["snapshot", "--style", "figure", "--chart", "data", "--from", "0"], "--from"),
        (["snapshot", "--style", "figure", "--chart", "data", "--from", "100", "--to", "10"], "--to"),
        (["snapshot", "--style", "figure", "--chart", "m2", "--from", "0.5"], "--from/--to"),
        (["snapshot", "--style", "figure", "--chart", "data", "--sims", "5", "--from", "0.5"], "--from"),
        (["explain", "--algorithm", "best"], "--algorithm"),
        (["explain", "--k", "1"], "--k"),
        (["explain", "--width", "5"], "--width"),
    ]

    @Test("every invalid input: one line naming the option, non-zero exit, nothing on stdout", arguments: invalidInputs)
    func invalidInput(arguments: [String], option: String) throws {
        let outcome = try ExplorerBinary.run(arguments)
        #expect(outcome.status != 0)
        #expect(outcome.standardOutput.isEmpty)
        let lines = outcome.standardError.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(option), "\(outcome.standardError)")
    }

    @Test("snapshot writes a file once, refuses to overwrite it without --force, and its SVG parses")
    func snapshotFiles() throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ExplorerBinary.run(["snapshot", "--chart", "boundary", "--format", "svg", "--output", "b.svg"], in: folder)
        #expect(first.status == 0)
        let path = folder.appendingPathComponent("b.svg").path
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        let parser = XMLParser(data: Data(contents.utf8))
        #expect(parser.parse())

        let second = try ExplorerBinary.run(["snapshot", "--chart", "data", "--output", "b.svg"], in: folder)
        #expect(second.status != 0)
        #expect(second.standardError.contains("--output"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == contents)

        let forced = try ExplorerBinary.run(["snapshot", "--chart", "data", "--size", "80x20", "--output", "b.svg", "--force"], in: folder)
        #expect(forced.status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text != contents)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 21)

        let missingFolder = try ExplorerBinary.run(["snapshot", "--output", "nowhere/x.txt"], in: folder)
        #expect(missingFolder.status != 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["b.svg"])
    }

    @Test("snapshot txt has exactly the requested rows, each within the width; --ascii is pure ASCII")
    func snapshotText() throws {
        for chart in ["data", "m2", "boundary", "all"] {
            let outcome = try ExplorerBinary.run(["snapshot", "--chart", chart, "--size", "100x30", "--ascii", "--k", "4"])
            #expect(outcome.status == 0)
            let rows = outcome.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(rows.count == 30, "\(chart)")
            #expect(rows.allSatisfy { $0.count <= 100 })
            let pureASCII = outcome.standardOutput.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(pureASCII, "\(chart)")
            #expect(!outcome.standardOutput.lowercased().contains("nan"))
        }
    }

    @Test("explain prints each algorithm's reasons with the solver's numbers")
    func explain() throws {
        let rlpo = try ExplorerBinary.run(["explain", "--k", "4", "--algorithm", "rlpo", "--width", "0"])
        #expect(rlpo.status == 0 && rlpo.standardError.isEmpty)
        let parameters = ModelParameters(k: 4)
        let result = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .rlpo)
        #expect(rlpo.standardOutput.contains("F(zeta) = \(String(format: "%.3g", FailureBoundary.F(zeta: 0.8, k: 4)))"))
        #expect(rlpo.standardOutput.contains("u = \(String(format: "%.3g", result.minimization.argmin))"))
        #expect(rlpo.standardOutput.contains("perverse"))
        let all = try ExplorerBinary.run(["explain", "--k", "4"])
        #expect(all.status == 0)
        for algorithm in Algorithm.allCases { #expect(all.standardOutput.contains("Why \(algorithm.name) ends at")) }
        let widths = all.standardOutput.split(separator: "\n").map(\.count)
        #expect(widths.allSatisfy { $0 <= 102 })
    }

    @Test("snapshot --chart landscape draws the solver's path for each algorithm")
    func snapshotLandscape() throws {
        let parameters = ModelParameters(m1: 2, m2: 1469, p1: 0.873, zeta: 0.912, k: 7, beta: 10.941, dataSize: 18.4)
        let results = RLHFSolver(parameters).solve(.expected(parameters), recordTrace: true)
        for result in results {
            let outcome = try ExplorerBinary.run([
                "snapshot", "--chart", "landscape", "--algorithm", result.algorithm.name, "--size", "100x30", "--ascii",
                "--m1", "2", "--m2", "1469", "--p1", "0.873", "--zeta", "0.912", "--k", "7", "--beta", "10.941", "--data", "18.4",
            ])
            #expect(outcome.status == 0)
            let rows = outcome.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(rows.count == 30)
            #expect(outcome.standardOutput.contains("\(result.algorithm.name): S -> \(result.iterations) steps"))
            let ascii = outcome.standardOutput.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii)
        }
    }
}
