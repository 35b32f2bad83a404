import Foundation
import IIACore
import Testing

/// `--responses ranking` through solve, sweep, snapshot and explain, run as a user would: the
/// boundary is G, SLiC is n/a (never a number), and no NaN or infinity is printed.
@Suite("Rank-order responses on the command line")
struct RankingCommandLineTests {
    /// The flipped bias of the issue: zeta 0.8, |Y| 4, 45% prefer M1.
    static let flipped = ["--responses", "ranking", "--zeta", "0.8", "--k", "4", "--p1", "0.45"]

    static func expectNoNonFinite(_ text: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lowered = text.lowercased()
        for word in ["nan", "inf", "∞"] {
            #expect(!lowered.contains(word), "\(word) in \(context): \(text.prefix(400))", sourceLocation: sourceLocation)
        }
    }

    @Test("solve prints G(zeta), the flipped verdict and SLiC as n/a with the reason under the table")
    func solveText() throws {
        let outcome = try ExplorerBinary.run(["solve"] + Self.flipped)
        #expect(outcome.status == 0 && outcome.standardError.isEmpty)
        let text = outcome.standardOutput
        Self.expectNoNonFinite(text, "solve text")
        let g = RankingBoundary.G(zeta: 0.8, k: 4)
        #expect(text.contains("G(zeta) = \(String(format: "%.6f", g)); as |D| grows: perverse: p*(1) = 0.45 > G(zeta) = 0.4446"), "\(text)")
        #expect(text.contains("Scenario: sampled queries (Assumption 1), dichotomy rankings"), "\(text)")
        let slicRow = try #require(text.split(separator: "\n").first { $0.hasPrefix("SLiC ") })
        #expect(slicRow.split(separator: " ").dropFirst().allSatisfy { $0 == "n/a" }, "\(slicRow)")
        #expect(text.contains("SLiC: n/a for rankings: SLiC is defined for choices only"))
        // RLPO goes to M1 although 55% prefer M2.
        let parameters = ModelParameters(p1: 0.45, zeta: 0.8, k: 4, responses: .ranking)
        let rlpo = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .rlpo)
        #expect(rlpo.logOdds > 0)
        #expect(text.contains(String(format: "%.6g", rlpo.logOdds)))
    }

    @Test("solve --format json: responses in the parameters, F = G with its name, SLiC null with a reason")
    func solveJSON() throws {
        for extra in [[], ["--sims", "4", "--data", "200"], ["--counts", "0/3,5/7,9/2,4/1,6/0"]] {
            let outcome = try ExplorerBinary.run(["solve", "--format", "json"] + Self.flipped + extra)
            #expect(outcome.status == 0, "\(extra): \(outcome.standardError)")
            Self.expectNoNonFinite(outcome.standardOutput, "solve json \(extra)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
            let parameters = try #require(object["parameters"] as? [String: Any])
            #expect(parameters["responses"] as? String == "ranking")
            let f = try #require(object["F"] as? Double)
            #expect(abs(f - 0.4446) < 1e-4)
            #expect(abs(f - RankingBoundary.G(zeta: 0.8, k: 4)) < 1e-15)
            #expect(object["boundaryName"] as? String == "G(zeta)")
            #expect(object["limit"] as? String == "M1" && object["perverse"] as? Bool == true)
            let results = try #require(object["results"] as? [[String: Any]])
            let slic = try #require(results.first { $0["algorithm"] as? String == "SLiC" })
            #expect(slic["pM1"] is NSNull && slic["logOdds"] is NSNull)
            #expect((slic["notApplicable"] as? String)?.hasPrefix("SLiC is defined for choices only") == true)
            for row in results where row["algorithm"] as? String != "SLiC" {
                #expect(row["pM1"] is Double && row["notApplicable"] == nil, "\(row)")
            }
        }
        let choices = try ExplorerBinary.run(["solve", "--format", "json", "--k", "4"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(choices.standardOutput.utf8)) as? [String: Any])
        #expect((object["parameters"] as? [String: Any])?["responses"] as? String == "choice")
        #expect(object["boundaryName"] as? String == "F(zeta)")
    }

    @Test("sweep: the SLiC column stays, empty; every other cell a number; JSON null")
    func sweep() throws {
        for extra in [["--over", "data", "--points", "5"], ["--over", "m2", "--points", "4"], ["--over", "data", "--points", "3", "--sims", "3"]] {
            let outcome = try ExplorerBinary.run(["sweep"] + extra + Self.flipped)
            #expect(outcome.status == 0, "\(extra): \(outcome.standardError)")
            Self.expectNoNonFinite(outcome.standardOutput, "sweep \(extra)")
            let lines = outcome.standardOutput.split(separator: "\n")
            let header = lines[0].split(separator: ",").map(String.init)
            let slicColumns = Set(header.indices.filter { header[$0].hasPrefix("SLiC") })
            #expect(!slicColumns.isEmpty)
            for line in lines.dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                #expect(cells.count == header.count)
                for (index, cell) in cells.enumerated() {
                    if slicColumns.contains(index) { #expect(cell.isEmpty) } else { #expect(Double(cell) != nil, "\(cell)") }
                }
            }
        }
        let json = try ExplorerBinary.run(["sweep", "--over", "data", "--points", "3", "--format", "json"] + Self.flipped)
        #expect(json.status == 0)
        Self.expectNoNonFinite(json.standardOutput, "sweep json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let slic = try #require((object["SLiC"] as? [String: Any])?["pM1"] as? [Any])
        #expect(slic.allSatisfy { $0 is NSNull })
    }

    @Test("snapshot of every chart and the screen, and explain of every algorithm, with rankings")
    func snapshotAndExplain() throws {
        for chart in ["all", "data", "m2", "boundary", "landscape"] {
            for format in ["txt", "svg"] {
                var arguments = ["snapshot", "--chart", chart, "--format", format, "--size", "120x40"] + Self.flipped
                if chart == "landscape" { arguments += ["--algorithm", "SLiC"] }
                let outcome = try ExplorerBinary.run(arguments)
                #expect(outcome.status == 0, "\(chart) \(format): \(outcome.standardError)")
                if format == "txt" { Self.expectNoNonFinite(outcome.standardOutput, "snapshot \(chart)") }
                if chart == "boundary" && format == "txt" {
                    #expect(outcome.standardOutput.contains("G(zeta), |Y|=4") && outcome.standardOutput.contains("F (choices)"))
                }
            }
        }
        let screen = try ExplorerBinary.run(["snapshot", "--size", "80x24"] + Self.flipped).standardOutput
        #expect(screen.contains("dichotomy, rankings") && screen.contains("n/a for rankings"))
        let explain = try ExplorerBinary.run(["explain"] + Self.flipped)
        #expect(explain.status == 0)
        Self.expectNoNonFinite(explain.standardOutput, "explain")
        #expect(explain.standardOutput.contains("Plackett-Luce") && explain.standardOutput.contains("G(zeta) = S2/(S1 + S2) = 0.445"))
        #expect(explain.standardOutput.contains("SLiC: n/a for rankings"))
    }

    @Test("a bad --responses and ranking with logit choices get one line each and a non-zero status")
    func refusals() throws {
        let bad = try ExplorerBinary.run(["solve", "--responses", "rank"])
        #expect(bad.status != 0 && bad.standardOutput.isEmpty)
        #expect(bad.standardError.split(separator: "\n").count == 1)
        #expect(bad.standardError.contains("--responses must be choice or ranking (got 'rank')"))
        for command in ["solve", "explain", "snapshot", "tui"] {
            var arguments = [command, "--responses", "ranking", "--choice-model", "logit", "--reward-gap", "1"]
            if command == "snapshot" { arguments += ["--chart", "boundary"] }
            let logit = try ExplorerBinary.run(arguments)
            #expect(logit.status != 0, "\(command)")
            #expect(logit.standardError.split(separator: "\n").count == 1, "\(command): \(logit.standardError)")
            #expect(logit.standardError.contains("--responses must be choice with --choice-model logit"), "\(logit.standardError)")
        }
        let sweep = try ExplorerBinary.run(["sweep", "--over", "data", "--responses", "ranking", "--choice-model", "logit", "--reward-gap", "1"])
        #expect(sweep.status != 0 && sweep.standardError.contains("--responses"))
    }
}
