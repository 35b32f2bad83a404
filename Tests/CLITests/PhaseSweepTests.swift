import Foundation
import Testing

@Suite struct PhaseSweepTests {
    /// The CSV rows of `sweep --over zeta,p1` with `arguments`, split into fields (header first).
    static func rows(_ arguments: [String]) throws -> [[String]] {
        let outcome = try ExplorerBinary.run(["sweep", "--over", "zeta,p1"] + arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return outcome.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// P(M1) of every algorithm from `solve --format json` with `arguments`. The numbers are read
    /// from the text with `Double(_:)` (JSONSerialization does not always round them correctly).
    static func solved(_ arguments: [String]) throws -> [String: Double] {
        let outcome = try ExplorerBinary.run(["solve", "--format", "json"] + arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        var values: [String: Double] = [:]
        var algorithm: String?
        for line in outcome.standardOutput.split(separator: "\n") {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " \",")) }
            guard parts.count == 2 else { continue }
            if parts[0] == "algorithm" { algorithm = parts[1] }
            if parts[0] == "pM1", let algorithm { values[algorithm] = Double(parts[1]) }
        }
        #expect(values.count == 6)
        return values
    }

    @Test("header, one row per cell at the cell centres, every value a finite probability")
    func csvShape() throws {
        let rows = try Self.rows(["--points", "4", "--k", "3"])
        #expect(rows.first == ["zeta", "p1", "RLPO", "DPO", "IL", "SLiC", "RLPO-pairwise", "TypeMLE"])
        #expect(rows.count == 1 + 16)
        let centres = [0.125, 0.375, 0.625, 0.875]
        for (index, row) in rows.dropFirst().enumerated() {
            #expect(Double(row[0]) == centres[index % 4] && Double(row[1]) == centres[index / 4])
            #expect(row.dropFirst(2).allSatisfy { Double($0).map { $0.isFinite && $0 >= 0 && $0 <= 1 } ?? false })
        }
    }

    @Test("agrees with solve at three grid points, on expected and on simulated data", arguments: [false, true])
    func agreesWithSolve(simulated: Bool) throws {
        let common = ["--k", "4", "--beta", "0.5", "--data", "300"] + (simulated ? ["--sims", "6", "--seed", "5"] : [])
        let rows = try Self.rows(["--points", "5"] + common)
        let header = rows[0]
        for index in [1, 13, 25] {
            let row = rows[index]
            let solved = try Self.solved(["--zeta", row[0], "--p1", row[1]] + common)
            for (column, name) in header.enumerated().dropFirst(2) {
                #expect(Double(row[column]) == solved[name], "\(name) at zeta \(row[0]), p1 \(row[1])")
            }
        }
    }

    @Test func jsonHasOneRowPerP1() throws {
        let outcome = try ExplorerBinary.run(["sweep", "--over", "zeta,p1", "--points", "3", "--format", "json"])
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect((object["zeta"] as? [Double]) == [1.0 / 6, 0.5, 5.0 / 6])
        let rlpo = try #require(object["RLPO"] as? [String: Any])
        #expect((rlpo["pM1"] as? [[Double]])?.map(\.count) == [3, 3, 3])
    }

    /// Bad input: (arguments after `sweep --over zeta,p1`, the option the one-line error names, a phrase it holds).
    static let invalid: [([String], String, String)] = [
        (["--points", "1"], "--points", "2 to 1000"),
        (["--points", "1001"], "--points", "2 to 1000"),
        (["--points", "ten"], "--points", "2 to 1000"),
        (["--points", "200", "--sims", "26"], "--sims", "at most 25 with 40000 grid points"),
        (["--zeta", "0.5"], "--zeta", "left out"),
        (["--p1", "0.5"], "--p1", "left out"),
        (["--from", "0.1"], "--from", "left out"),
        (["--choice-model", "logit", "--reward-gap", "1"], "--choice-model", "p*(1) does not enter the data"),
        (["--sims", "3", "--data", "10.5"], "--data", "with --sims"),
    ]

    @Test("bad input: one line naming the option", arguments: invalid)
    func badInput(arguments: [String], option: String, phrase: String) throws {
        let outcome = try ExplorerBinary.run(["sweep", "--over", "zeta,p1"] + arguments)
        #expect(outcome.status != 0)
        #expect(outcome.standardOutput.isEmpty)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(option) && outcome.standardError.contains(phrase), "\(outcome.standardError)")
    }
}

@Suite struct PhaseSnapshotTests {
    @Test("snapshot --chart phase runs in every format and mode with no nan or inf")
    func snapshotPhase() throws {
        for extra in [[], ["--theme", "light"], ["--ascii"], ["--colors", "8"], ["--k", "4", "--responses", "ranking"]] {
            for format in ["txt", "svg"] {
                let outcome = try ExplorerBinary.run(["snapshot", "--chart", "phase", "--size", "120x40", "--format", format] + extra)
                #expect(outcome.status == 0, "\(outcome.standardError)")
                let text = outcome.standardOutput.lowercased()
                #expect(!text.contains("nan") && !text.contains("inf"), "\(extra) \(format)")
                #expect(outcome.standardOutput.contains("P(M1) RLPO: 0"))
            }
        }
        let figure = try ExplorerBinary.run(["snapshot", "--style", "figure", "--chart", "phase", "--k", "4"])
        #expect(figure.status == 0 && figure.standardOutput.contains("<rect") && !figure.standardOutput.lowercased().contains("nan"))
        let logit = try ExplorerBinary.run(["snapshot", "--chart", "phase", "--choice-model", "logit", "--reward-gap", "0.5", "--format", "txt"])
        #expect(logit.status == 0 && logit.standardOutput.contains("No phase diagram"))
    }
}
