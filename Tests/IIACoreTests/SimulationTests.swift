import Foundation
import Testing
@testable import IIACore

@Suite("Simulated data")
struct SimulationTests {
    @Test("the same seed gives the same datasets; another seed does not")
    func reproducible() {
        let parameters = ModelParameters(k: 4)
        let a = PreferenceSimulator(parameters, seed: 42).nestedDatasets(index: 3, sizes: [10, 100, 1000])
        let b = PreferenceSimulator(parameters, seed: 42).nestedDatasets(index: 3, sizes: [10, 100, 1000])
        let c = PreferenceSimulator(parameters, seed: 43).nestedDatasets(index: 3, sizes: [10, 100, 1000])
        #expect(a == b)
        #expect(a != c)
        #expect(a.map(\.total) == [10, 100, 1000])
        // Nested: each dataset extends the one before it.
        for (small, large) in zip(a, a.dropFirst()) {
            for j in 0...4 {
                #expect(small.choseM1[j] <= large.choseM1[j] && small.choseM2[j] <= large.choseM2[j])
            }
        }
        // SplitMix64's published first output for seed 0.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("cell frequencies pass a chi-square test", arguments: [2, 4, 9])
    func chiSquare(k: Int) {
        let parameters = ModelParameters(p1: 0.6, zeta: 0.7, k: k)
        let size = 200_000.0
        let counts = PreferenceSimulator(parameters, seed: 1).dataset(index: 0, size: size)
        let probabilities = CellProbabilities(parameters)
        var statistic = 0.0, cells = 0
        for j in 0...k {
            for (observed, p) in [(counts.choseM1[j], probabilities.choseM1[j]), (counts.choseM2[j], probabilities.choseM2[j])] where p > 0 {
                let expected = size * p
                statistic += (observed - expected) * (observed - expected) / expected
                cells += 1
            }
        }
        // 99.9% quantile of chi-square with df degrees of freedom (Wilson–Hilferty).
        let df = Double(cells - 1), z = 3.09
        let critical = df * pow(1 - 2 / (9 * df) + z * (2 / (9 * df)).squareRoot(), 3)
        #expect(statistic < critical, "chi2 \(statistic) on \(cells - 1) df, critical \(critical)")
        #expect(counts.choseM1[0] == 0 && counts.choseM2[k] == 0)
    }

    @Test(
        "the binomial sampler's mean and variance match for small and huge n",
        arguments: [(5.0, 0.3), (40.0, 0.5), (1000.0, 0.002), (1e6, 0.37), (1e12, 0.8), (1e15, 1e-9)])
    func binomialMoments(n: Double, p: Double) {
        var generator = SplitMix64(seed: 17)
        let draws = 40_000
        let trueMean = n * p, trueVariance = n * p * (1 - p)
        // Moments of x - n p: exact in doubles even when n p is 1e12.
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<draws {
            let x = BinomialSampler.sample(n: n, p: p, using: &generator)
            #expect(x >= 0 && x <= n && x == x.rounded())
            sum += x - trueMean
            sumSquares += (x - trueMean) * (x - trueMean)
        }
        let centredMean = sum / Double(draws)
        let mean = trueMean + centredMean
        let variance = sumSquares / Double(draws) - centredMean * centredMean
        // Mean within 5 standard errors; variance within 5% (about 5 standard errors at this size).
        #expect(abs(mean - trueMean) < 5 * (trueVariance / Double(draws)).squareRoot(), "mean \(mean) vs \(trueMean)")
        #expect(abs(variance / trueVariance - 1) < 0.05, "variance \(variance) vs \(trueVariance)")
    }
}
