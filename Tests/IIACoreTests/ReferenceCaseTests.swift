import Foundation
import Testing
@testable import IIACore

/// One reference case: `iia-explorer solve` arguments and the log-odds an independent
/// implementation found for them.
struct ReferenceCase: Decodable, CustomTestStringConvertible {
    var tag: String
    var args: [String]
    var F: Double
    var expect: [String: Double]

    var testDescription: String { "\(tag): \(args.joined(separator: " "))" }

    /// The parameters and count table the arguments describe.
    func problem() throws -> (ModelParameters, PreferenceCounts) {
        var parameters = ModelParameters()
        var counts: String?
        var index = 0
        while index < args.count {
            let (name, value) = (args[index], args[index + 1])
            switch name {
            case "--m1": parameters.m1 = Int(value)!
            case "--m2": parameters.m2 = Int(value)!
            case "--p1": parameters.p1 = Double(value)!
            case "--zeta": parameters.zeta = Double(value)!
            case "--k": parameters.k = Int(value)!
            case "--beta": parameters.beta = Double(value)!
            case "--delta": parameters.delta = Double(value)!
            case "--data": parameters.dataSize = Double(value)!
            case "--counts": counts = value
            default: Issue.record("unknown argument \(name)")
            }
            index += 2
        }
        guard let counts else { return (parameters, .expected(parameters)) }
        let rows = counts.split(separator: ",").map { $0.split(separator: "/").map { Double($0)! } }
        let table = try PreferenceCounts(k: parameters.k, choseM1: rows.map { $0[0] }, choseM2: rows.map { $0[1] })
        parameters.dataSize = table.total
        return (parameters, table)
    }
}

enum Fixtures {
    static let referenceCases: [ReferenceCase] = {
        struct File: Decodable { var cases: [ReferenceCase] }
        let url = Bundle.module.url(forResource: "reference-cases", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()
}

/// |a - b| within 1e-6, relative when |expected| > 1.
func closeLogOdds(_ actual: Double, _ expected: Double, tolerance: Double = 1e-6) -> Bool {
    abs(actual - expected) <= tolerance * max(1, abs(expected))
}

@Suite("Reference cases from an independent implementation")
struct ReferenceCaseTests {
    @Test("fixture is present and complete")
    func fixtureLoads() {
        #expect(Fixtures.referenceCases.count >= 20)
    }

    @Test(arguments: Fixtures.referenceCases)
    func logOddsMatch(_ reference: ReferenceCase) throws {
        let (parameters, counts) = try reference.problem()
        #expect(abs(FailureBoundary.F(zeta: parameters.zeta, k: parameters.k) - reference.F) < 1e-12)
        let results = RLHFSolver(parameters).solve(counts, algorithms: Algorithm.paperAlgorithms)
        for result in results {
            let expected = try #require(reference.expect[result.algorithm.name])
            #expect(
                closeLogOdds(result.logOdds, expected),
                "\(result.algorithm.name): \(result.logOdds) vs \(expected)")
            #expect(result.pM1.isFinite)
        }
    }
}
