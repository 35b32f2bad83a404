import Foundation
import Testing
@testable import IIACore

@Suite("The paper's checks")
struct PaperCheckTests {
    /// A table with every datum in one row: `choseM1` / `choseM2` in row j of k.
    func singleRow(k: Int, j: Int, choseM1: Double, choseM2: Double) throws -> PreferenceCounts {
        var m1 = Array(repeating: 0.0, count: k + 1), m2 = m1
        m1[j] = choseM1
        m2[j] = choseM2
        return try PreferenceCounts(k: k, choseM1: m1, choseM2: m2)
    }

    @Test("fixed triple {y1, y2 in M1, y3 in M2} with p = 0.6: u = ln(4/3)")
    func fixedTriple() throws {
        let counts = try singleRow(k: 3, j: 2, choseM1: 600, choseM2: 400)
        let gap = RLHFSolver.minimizeLikelihood(IIALikelihood(counts))
        #expect(abs(gap.argmin - log(4.0 / 3.0)) < 1e-12)
    }

    @Test("fixed pair {y2 in M1, y3 in M2} with p = 0.6: u = ln(2/3)")
    func fixedPair() throws {
        let counts = try singleRow(k: 2, j: 1, choseM1: 0.6, choseM2: 0.4)
        let gap = RLHFSolver.minimizeLikelihood(IIALikelihood(counts))
        #expect(abs(gap.argmin - log(2.0 / 3.0)) < 1e-12)
    }

    @Test("IL with |Y| = 2, |M1| = 10, p = 0.6 and |D| → ∞: P(M1) = 15/(15 + |M2|)", arguments: [10, 100, 1000, 10_000])
    func inclusiveLearningLimit(m2: Int) {
        let parameters = ModelParameters(m2: m2, dataSize: 1e12)
        let result = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .il)
        let expected = 15.0 / (15.0 + Double(m2))
        #expect(abs(result.pM1 - expected) < 1e-9 * max(1, expected) + 1e-12, "\(result.pM1) vs \(expected)")
    }

    @Test("SLiC at the defaults with |Y| = 2, large |D|: v = -delta")
    func slicLimit() {
        for delta in [0.5, 1.0, 2.0] {
            let parameters = ModelParameters(delta: delta, dataSize: 1e6)
            let result = RLHFSolver(parameters).solve(.expected(parameters), algorithm: .slic)
            #expect(abs(result.minimization.argmin + delta) < 1e-12)
            let expected = 1 / (1 + 10 * exp(-delta))
            #expect(abs(result.pM1 - expected) < 1e-12)
        }
    }

    @Test("F(zeta) at the defaults: 1/2 for |Y| = 2, 0.6 for 3, 0.6630 for 4, 0.7597 for 8")
    func boundaryValues() {
        #expect(abs(FailureBoundary.F(zeta: 0.8, k: 2) - 0.5) < 1e-15)
        #expect(abs(FailureBoundary.F(zeta: 0.8, k: 3) - 0.6) < 1e-15)
        #expect(abs(FailureBoundary.F(zeta: 0.8, k: 4) - 0.6630434782608696) < 1e-15)
        #expect(abs(FailureBoundary.F(zeta: 0.8, k: 8) - 0.7596835318436854) < 1e-15)
    }

    @Test("F(zeta) is the exact sign boundary of the population-limit reward gap")
    func boundaryIsSignBoundary() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let zeta = 0.02 + 0.96 * generator.nextUniform()
            let k = 2 + Int(generator.next() % 15)
            let boundary = FailureBoundary.F(zeta: zeta, k: k)
            for (offset, expectedSign) in [(-1e-4, 1.0), (1e-4, -1.0)] {
                let p1 = boundary + offset
                guard p1 > 0, p1 < 1 else { continue }
                let parameters = ModelParameters(p1: p1, zeta: zeta, k: k, dataSize: 1)
                let gap = RLHFSolver.minimizeLikelihood(IIALikelihood(.expected(parameters)))
                // p below F: u > 0 (M2 rewarded); above F: u < 0.
                #expect(gap.argmin.sign == (expectedSign > 0 ? .plus : .minus), "zeta \(zeta) k \(k) p \(p1)")
                let verdict = FailureBoundary.verdict(p1: p1, zeta: zeta, k: k)
                #expect(verdict.limit == (expectedSign > 0 ? .m2 : .m1))
            }
            let onBoundary = ModelParameters(p1: boundary, zeta: zeta, k: k, dataSize: 1)
            let gap = RLHFSolver.minimizeLikelihood(IIALikelihood(.expected(onBoundary)))
            #expect(abs(gap.argmin) < 1e-9)
        }
    }

    @Test("RLPO and DPO with |Y| = 4 at the defaults: P(M1) → 0; with |Y| = 2: → 1")
    func figureTwoLimits() {
        let four = ModelParameters(k: 4, dataSize: 1e4)
        let two = ModelParameters(k: 2, dataSize: 1e4)
        for algorithm in [Algorithm.rlpo, .dpo] {
            #expect(RLHFSolver(four).solve(.expected(four), algorithm: algorithm).pM1 < 1e-100)
            #expect(RLHFSolver(two).solve(.expected(two), algorithm: algorithm).pM1 == 1)
        }
        #expect(FailureBoundary.verdict(four).isPerverse)
        #expect(!FailureBoundary.verdict(two).isPerverse)
    }

    @Test("DPO equals RLPO whenever the reward loss has a minimiser; conventions otherwise")
    func dpoEqualsRLPO() throws {
        var generator = SplitMix64(seed: 11)
        for index in 0..<200 {
            let parameters = ModelParameters(
                m1: 1 + Int(generator.next() % 50), m2: 1 + Int(generator.next() % 5000),
                p1: generator.nextUniform(), zeta: 0.05 + 0.9 * generator.nextUniform(),
                k: 2 + Int(generator.next() % 10), beta: exp(4 * generator.nextUniform() - 2), dataSize: 30)
            let counts = PreferenceSimulator(parameters, seed: 3).dataset(index: index, size: 30)
            let results = RLHFSolver(parameters).solve(counts)
            let (rlpo, dpo) = (results[0], results[1])
            #expect(rlpo.minimizerExists == dpo.minimizerExists)
            if rlpo.minimizerExists {
                #expect(rlpo.logOdds == dpo.logOdds)
            } else {
                #expect(abs(rlpo.logOdds - parameters.baseLogOdds) < 1e-12)
                #expect(abs(dpo.logOdds - log(Double(parameters.m1) / Double(parameters.m2))) < 1e-12)
            }
        }
    }
}
