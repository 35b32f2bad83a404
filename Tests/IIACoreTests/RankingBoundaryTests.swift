import Foundation
import Testing
@testable import IIACore

@Suite("Rankings: the population boundary G")
struct RankingBoundaryTests {
    /// H_n = 1 + 1/2 + … + 1/n.
    func harmonic(_ n: Int) -> Double { n == 0 ? 0 : (1...n).reduce(0.0) { $0 + 1 / Double($1) } }

    /// G from the harmonic forms S1_j = (k-j)(H_k - H_{k-j}), S2_j = j(H_k - H_j) and plain binomial
    /// probabilities (an independent route to the same number).
    func harmonicG(zeta: Double, k: Int) -> Double {
        var s1 = 0.0, s2 = 0.0
        for j in 1..<k {
            var choose = 1.0
            for i in 0..<j { choose = choose * Double(k - i) / Double(i + 1) }
            let p = choose * pow(zeta, Double(j)) * pow(1 - zeta, Double(k - j))
            s1 += p * Double(k - j) * (harmonic(k) - harmonic(k - j))
            s2 += p * Double(j) * (harmonic(k) - harmonic(j))
        }
        return s2 / (s1 + s2)
    }

    @Test("G = 1/2 for |Y| = 2; G(0.8) = 0.4667, 0.4446, 0.4293, 0.4030 for |Y| = 3, 4, 5, 8; G(0.2) = 0.5554 at 4")
    func table() {
        for zeta in [0.05, 0.3, 0.8, 0.99] { #expect(RankingBoundary.G(zeta: zeta, k: 2) == 0.5) }
        let expected: [(zeta: Double, k: Int, g: Double)] = [
            (0.8, 3, 0.4667), (0.8, 4, 0.4446), (0.8, 5, 0.4293), (0.8, 8, 0.4030), (0.2, 4, 0.5554),
        ]
        for row in expected {
            let g = RankingBoundary.G(zeta: row.zeta, k: row.k)
            #expect(abs(g - row.g) < 5e-5, "G(\(row.zeta)) at |Y| = \(row.k): \(g)")
            #expect(abs(g - harmonicG(zeta: row.zeta, k: row.k)) < 1e-14)
        }
        // |Y| = 3 exactly: S1 = 0.096·2/3 + 0.384·5/6, S2 = 0.096·5/6 + 0.384·2/3, G = 0.336/0.72 = 7/15.
        #expect(abs(RankingBoundary.G(zeta: 0.8, k: 3) - 7.0 / 15.0) < 1e-15)
    }

    @Test("G(zeta) + G(1 - zeta) = 1, and G lies on the other side of 1/2 from F")
    func symmetry() {
        var generator = SplitMix64(seed: 0x6)
        for _ in 0..<400 {
            let zeta = 0.001 + 0.998 * generator.nextUniform()
            let k = 2 + Int(generator.next() % 63)
            let sum = RankingBoundary.G(zeta: zeta, k: k) + RankingBoundary.G(zeta: 1 - zeta, k: k)
            #expect(abs(sum - 1) < 1e-13, "zeta \(zeta) k \(k)")
            if k >= 3 && abs(zeta - 0.5) > 0.01 {
                let (g, f) = (RankingBoundary.G(zeta: zeta, k: k), FailureBoundary.F(zeta: zeta, k: k))
                #expect((g - 0.5) * (f - 0.5) < 0, "zeta \(zeta) k \(k): G \(g), F \(f)")
            }
        }
    }

    @Test("G is finite and in (0, 1) at extreme zeta and |Y| = 64")
    func extremes() {
        for zeta in [1e-300, 1e-12, 0.5, 1 - 1e-12, 1 - 0x1p-53] {
            for k in [3, 17, 64] {
                let g = RankingBoundary.G(zeta: zeta, k: k)
                #expect(g.isFinite && g > 0 && g < 1, "zeta \(zeta) k \(k): \(g)")
            }
        }
    }

    @Test("G is the sign boundary of the population derivative at u = 0 (expected ranking data)")
    func signBoundary() {
        var generator = SplitMix64(seed: 0x51)
        for _ in 0..<200 {
            let zeta = 0.05 + 0.9 * generator.nextUniform()
            let k = 2 + Int(generator.next() % 10)
            let g = RankingBoundary.G(zeta: zeta, k: k)
            for offset in [-1e-3, 1e-3] {
                let parameters = ModelParameters(p1: g + offset, zeta: zeta, k: k, dataSize: 1e4, responses: .ranking)
                let counts = PreferenceCounts.expected(parameters)
                // Positive derivative at 0 ⇒ u < 0 ⇒ M1: exactly when p*(1) > G.
                #expect((RankingClosedForm.slope(counts, u: 0).derivative > 0) == (offset > 0), "zeta \(zeta) k \(k)")
                let gap = RLHFSolver.minimizeRankingLikelihood(PlackettLuceLikelihood(counts)).argmin
                #expect((gap < 0) == (offset > 0))
            }
        }
    }

    @Test("fixed queries: G_J = J(H_k - H_J) / (J(H_k - H_J) + (k-J)(H_k - H_{k-J})), 5/9 for J = 1 of 3, and the sign boundary")
    func fixedQueries() {
        #expect(abs(RankingBoundary.G(fixedM1Count: 1, k: 3) - 5.0 / 9.0) < 1e-15)
        #expect(RankingBoundary.G(fixedM1Count: 1, k: 2) == 0.5)
        #expect(RankingBoundary.G(fixedM1Count: 4, k: 8) == 0.5)
        for k in 2...12 {
            for count in 1..<k {
                let (a, b) = (Double(count) * (harmonic(k) - harmonic(count)), Double(k - count) * (harmonic(k) - harmonic(k - count)))
                let g = RankingBoundary.G(fixedM1Count: count, k: k)
                #expect(abs(g - a / (a + b)) < 1e-14)
                #expect(abs(g + RankingBoundary.G(fixedM1Count: k - count, k: k) - 1) < 1e-14)
                for offset in [-1e-3, 1e-3] {
                    let parameters = ModelParameters(
                        p1: g + offset, k: k, dataSize: 100, queries: .fixed(m1Count: count), responses: .ranking)
                    #expect(abs(RankingBoundary.G(parameters) - g) == 0)
                    let gap = RLHFSolver.minimizeRankingLikelihood(PlackettLuceLikelihood(.expected(parameters))).argmin
                    #expect((gap < 0) == (offset > 0), "k \(k) J \(count)")
                }
            }
        }
    }

    @Test("the verdict: p*(1) = 0.45 at zeta = 0.8, |Y| = 4 converges to M1 against the majority")
    func verdict() {
        let perverse = RankingBoundary.verdict(ModelParameters(p1: 0.45, zeta: 0.8, k: 4, responses: .ranking))
        #expect(perverse.limit == .m1 && perverse.majority == .m2 && perverse.isPerverse)
        #expect(perverse.boundaryName == "G(zeta)")
        let fixed = RankingBoundary.verdict(ModelParameters(p1: 0.52, k: 3, queries: .fixed(m1Count: 1), responses: .ranking))
        #expect(fixed.limit == .m2 && fixed.isPerverse && fixed.boundaryName == "G_J")
        let oneSided = RankingBoundary.verdict(ModelParameters(p1: 1, k: 4, responses: .ranking))
        #expect(oneSided.oneSided == .m1 && oneSided.limit == nil)
    }
}
