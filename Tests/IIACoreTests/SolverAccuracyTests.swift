import Foundation
import Testing
@testable import IIACore

/// The minimisers to working precision: early acceptance in Newton's method must not stop short.
@Suite("Accuracy of the minimisers to working precision")
struct SolverAccuracyTests {
    /// Settings where a contraction estimate from one pair of steps once accepted a point about
    /// 1e-10 away; reference log-odds from an independent 50-digit evaluation.
    static let highPrecisionCases: [(name: String, parameters: ModelParameters, counts: String, algorithm: Algorithm, logOdds: Double)] = [
        ("RLPO, Newton from the first guess",
         ModelParameters(m1: 22, m2: 262, zeta: 0.5916009236499246, k: 5, beta: 28.637432847403304),
         "0/22,148/273,147/12,95/119,0/194,18/0", .rlpo, -7.641146708002593),
        ("RLPO, after a bisection",
         ModelParameters(m1: 48, m2: 170, zeta: 0.29893036470761636, k: 8, beta: 20.220554033796667),
         "0/14,4315/0,28067/0,149/0,0/299,46406/195375,726395/42,5724/0,27/0", .rlpo, 29201.9752738032),
        ("IL, the start's own Newton step as evidence",
         ModelParameters(m1: 24, m2: 200, zeta: 0.88953890118031, k: 5, beta: 112.16888286108282),
         "0/33,0/13,289/139,58/121,136/292,36/0", .il, -2.6048531949958020),
        ("SLiC, from the chord's zero",
         ModelParameters(m1: 36, m2: 235, zeta: 0.09700738214509627, k: 5, beta: 0.0852929586981453, delta: 1.8413638523980862),
         "0/44,153/175,184/0,0/49,57/129,40/0", .slic, -0.8770891509441966),
    ]

    static func table(_ text: String, k: Int) throws -> PreferenceCounts {
        let rows = text.split(separator: ",").map { $0.split(separator: "/").map { Double($0)! } }
        return try PreferenceCounts(k: k, choseM1: rows.map { $0[0] }, choseM2: rows.map { $0[1] })
    }

    @Test("Reference log-odds from a 50-digit evaluation, within 1e-13 relative", arguments: 0..<4)
    func highPrecision(index: Int) throws {
        let reference = Self.highPrecisionCases[index]
        let counts = try Self.table(reference.counts, k: reference.parameters.k)
        let found = RLHFSolver(reference.parameters).solve(counts, algorithm: reference.algorithm).logOdds
        #expect(abs(found - reference.logOdds) <= 1e-13 * abs(reference.logOdds), "\(reference.name): \(found) vs \(reference.logOdds)")
    }

    /// The root of `derivative`'s sign near `x`, by bisection, or nil without a sign change
    /// within 1e-6 relative (a minimum at a kink, say).
    static func polishedRoot(near x: Double, _ derivative: (Double) -> Double) -> Double? {
        let width = 1e-6 * max(1, abs(x))
        var (lower, upper) = (x - width, x + width)
        guard derivative(lower) < 0, derivative(upper) > 0 else { return nil }
        for _ in 0..<200 {
            let middle = lower + (upper - lower) / 2
            guard middle > lower && middle < upper else { break }
            let value = derivative(middle)
            if value == 0 { return middle }
            if value < 0 { lower = middle } else { upper = middle }
        }
        return lower + (upper - lower) / 2
    }

    @Test("RLPO, IL and SLiC on 3000 random tables: the minimiser within 1e-13 of the root of the derivative's sign")
    func randomTables() throws {
        var generator = SplitMix64(seed: 2_024_1127)
        var checked = (rlpo: 0, il: 0, slic: 0)
        var worst = (rlpo: 0.0, il: 0.0, slic: 0.0)
        for _ in 0..<3000 {
            let k = 2 + Int(generator.next() % 7)
            let spread = generator.nextUniform() < 0.5
            func count() -> Double {
                spread ? pow(10, 6 * generator.nextUniform()).rounded() : Double(generator.next() % 301)
            }
            var m1 = (0...k).map { _ in count() }, m2 = (0...k).map { _ in count() }
            (m1[0], m2[k]) = (0, 0)
            guard let counts = try? PreferenceCounts(k: k, choseM1: m1, choseM2: m2) else { continue }
            let parameters = ModelParameters(
                m1: 1 + Int(generator.next() % 60), m2: 1 + Int(generator.next() % 400), zeta: 0.02 + 0.96 * generator.nextUniform(),
                k: k, beta: pow(10, -1 + 3 * generator.nextUniform()), delta: 2 * generator.nextUniform())
            let solver = RLHFSolver(parameters)
            let results = solver.solve(counts, algorithms: [.rlpo, .il, .slic])
            let likelihood = IIALikelihood(counts)
            if results[0].minimizerExists, let root = Self.polishedRoot(near: results[0].minimization.argmin, { likelihood.slope($0).derivative }) {
                let error = abs(results[0].minimization.argmin - root) / max(1, abs(root))
                worst.rlpo = max(worst.rlpo, error)
                checked.rlpo += 1
                #expect(error <= 1e-13, "RLPO u \(results[0].minimization.argmin) vs \(root): k=\(k) \(counts.commandLineForm)")
            }
            let il = InclusiveLearningObjective(counts, parameters)
            if let root = Self.polishedRoot(near: results[1].minimization.argmin, { il.slope($0).derivative }) {
                let error = abs(results[1].minimization.argmin - root) / max(1, abs(root))
                worst.il = max(worst.il, error)
                checked.il += 1
                #expect(error <= 1e-13, "IL v \(results[1].minimization.argmin) vs \(root): \(parameters) \(counts.commandLineForm)")
            }
            let slic = SLiCObjective(counts, parameters)
            if results[2].termination != .atKink,
                let root = Self.polishedRoot(near: results[2].minimization.argmin, { slic.slope($0).derivative }) {
                let error = abs(results[2].minimization.argmin - root) / max(1, abs(root))
                worst.slic = max(worst.slic, error)
                checked.slic += 1
                #expect(error <= 1e-13, "SLiC v \(results[2].minimization.argmin) vs \(root): \(parameters) \(counts.commandLineForm)")
            }
        }
        #expect(checked.rlpo > 2000 && checked.il > 2000 && checked.slic > 1000, "checked \(checked)")
        print("SolverAccuracyTests worst relative errors: \(worst)")
    }
}
