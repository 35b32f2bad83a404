import Foundation
import Testing
@testable import IIACore

@Suite("Rankings: the Plackett–Luce likelihood")
struct RankingLikelihoodTests {
    static let grid: [Double] = [-7, -3, -1.5, -0.4, 0, 0.3, 1, 2.5, 6]

    @Test("value = brute-force −ln Π PL shares over every permutation, less the within-category orders", arguments: 2...5)
    func matchesEveryPermutation(k: Int) throws {
        var generator = SplitMix64(seed: 0xAB + UInt64(k))
        for _ in 0..<6 {
            let counts = try rankingTable(k: k, &generator, density: 0.7)
            let likelihood = PlackettLuceLikelihood(counts)
            let constant = RankingBruteForce.orderConstant(counts)
            for u in Self.grid {
                let brute = RankingBruteForce.tableValue(counts, u: u)
                #expect(agree(likelihood.value(u) + constant, brute, 1e-12), "k \(k) u \(u): \(likelihood.value(u) + constant) vs \(brute)")
            }
        }
    }

    @Test("value = the issue's closed form, row by row, for |Y| up to 12", arguments: [3, 6, 9, 12])
    func matchesClosedForm(k: Int) throws {
        var generator = SplitMix64(seed: 0xC0 + UInt64(k))
        for _ in 0..<5 {
            let counts = try rankingTable(k: k, &generator, density: 0.6)
            let likelihood = PlackettLuceLikelihood(counts)
            for u in Self.grid {
                #expect(agree(likelihood.value(u), RankingClosedForm.value(counts, u: u), 1e-12), "k \(k) u \(u)")
            }
        }
    }

    @Test("derivative and curvature = finite differences of the brute force, and the closed form's", arguments: 2...5)
    func derivativesMatch(k: Int) throws {
        var generator = SplitMix64(seed: 0xD0 + UInt64(k))
        for _ in 0..<4 {
            let counts = try rankingTable(k: k, &generator, density: 0.8)
            let likelihood = PlackettLuceLikelihood(counts)
            for u in Self.grid {
                let slope = likelihood.slope(u)
                let h = 1e-4
                let brute = { (x: Double) in RankingBruteForce.tableValue(counts, u: x) }
                let difference = (brute(u + h) - brute(u - h)) / (2 * h)
                let secondDifference = (brute(u + h) - 2 * brute(u) + brute(u - h)) / (h * h)
                let scale = counts.total * Double(k)
                #expect(abs(slope.derivative - difference) <= 1e-6 * scale, "k \(k) u \(u): \(slope.derivative) vs \(difference)")
                #expect(abs(slope.curvature - secondDifference) <= 1e-3 * scale, "k \(k) u \(u): \(slope.curvature) vs \(secondDifference)")
                let exact = RankingClosedForm.slope(counts, u: u)
                #expect(agree(slope.derivative, exact.derivative, 1e-12))
                #expect(agree(slope.curvature, exact.curvature, 1e-12))
            }
        }
    }

    @Test("far out (|u| = 650, the closed-form tail) the sign and Newton step match the direct sums")
    func farTailMatches() throws {
        var generator = SplitMix64(seed: 0xFA)
        for k in [3, 5, 8] {
            let counts = try rankingTable(k: k, &generator)
            let likelihood = PlackettLuceLikelihood(counts)
            for u in [-650.0, 650.0] {
                let slope = likelihood.slope(u)
                let exact = RankingClosedForm.slope(counts, u: u)
                #expect((slope.derivative > 0) == (exact.derivative > 0))
                #expect(agree(slope.derivative / slope.curvature, exact.derivative / exact.curvature, 1e-9))
            }
        }
    }

    @Test("the RLPO minimiser is the brute-force likelihood's minimiser (golden section over permutations)", arguments: 2...5)
    func minimiserMatchesBruteForce(k: Int) throws {
        var generator = SplitMix64(seed: 0xE0 + UInt64(k))
        for _ in 0..<4 {
            let counts = try rankingTable(k: k, &generator, density: 0.8)
            let found = RLHFSolver.minimizeRankingLikelihood(PlackettLuceLikelihood(counts))
            var (a, b) = (-12.0, 12.0)
            for _ in 0..<90 {
                let c = b - (b - a) * 0.618_033_988_75, d = a + (b - a) * 0.618_033_988_75
                if RankingBruteForce.tableValue(counts, u: c) < RankingBruteForce.tableValue(counts, u: d) { b = d } else { a = c }
            }
            #expect(found.termination != .noMinimizer)
            #expect(abs(found.argmin - (a + b) / 2) < 1e-6, "k \(k): \(found.argmin) vs \((a + b) / 2)")
            let atRoot = RankingClosedForm.slope(counts, u: found.argmin)
            #expect(abs(atRoot.derivative) <= 1e-10 * counts.total * Double(k))
        }
    }

    @Test("for |Y| = 2 a ranking is its first choice: the likelihood is the choice likelihood")
    func pairsAreChoices() throws {
        let counts = try PreferenceCounts(k: 2, choseM1: [0, 37, 5], choseM2: [4, 21, 0])
        let rankings = PlackettLuceLikelihood(counts), choices = IIALikelihood(counts)
        for u in Self.grid {
            #expect(agree(rankings.value(u), choices.value(u), 1e-13))
            #expect(agree(rankings.slope(u).derivative, choices.slope(u).derivative, 1e-13))
        }
    }

    @Test("a minimiser exists exactly when mixed rows hold rankings of both types")
    func existence() throws {
        let oneSided = try PreferenceCounts(k: 4, choseM1: [0, 3, 2, 1, 9], choseM2: [7, 0, 0, 0, 0])
        #expect(!PlackettLuceLikelihood(oneSided).hasMinimizer)
        #expect(RLHFSolver.minimizeRankingLikelihood(PlackettLuceLikelihood(oneSided)).termination == .noMinimizer)
        let mixed = try PreferenceCounts(k: 4, choseM1: [0, 3, 2, 1, 9], choseM2: [7, 0, 0, 1e-9, 0])
        #expect(PlackettLuceLikelihood(mixed).hasMinimizer)
        let found = RLHFSolver.minimizeRankingLikelihood(PlackettLuceLikelihood(mixed))
        #expect(found.argmin.isFinite && found.argmin < -10)  // M2 almost never first: psi1 ≫ psi2
        #expect(abs(RankingClosedForm.slope(mixed, u: found.argmin).derivative) < 1e-12)
    }
}
