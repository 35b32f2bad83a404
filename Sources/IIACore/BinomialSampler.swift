import Foundation

/// Exact binomial draws whose cost does not grow with n.
///
/// Small means (n min(p, 1-p) < 10) use inversion (expected cost below about 10 steps);
/// larger ones use Hörmann's BTRS transformed rejection with squeeze (1993), whose expected
/// number of trials is bounded by a constant for every n.
public enum BinomialSampler {
    /// One draw from Binomial(n, p). `n` is a whole number stored as a Double (up to 2^53).
    public static func sample<G: RandomNumberGenerator & UniformSource>(n: Double, p: Double, using generator: inout G) -> Double {
        guard n >= 1, p > 0 else { return 0 }
        guard p < 1 else { return n }
        if p > 0.5 { return n - sample(n: n, p: 1 - p, using: &generator) }
        if n * p < 10 { return inversion(n: n, p: p, using: &generator) }
        return transformedRejection(n: n, p: p, using: &generator)
    }

    static func inversion<G: UniformSource>(n: Double, p: Double, using generator: inout G) -> Double {
        let q = 1 - p
        let zeroProbability = exp(n * log1p(-p))
        let mean = n * p
        let bound = min(n, mean + 10 * (mean * q + 1).squareRoot())
        var x = 0.0
        var mass = zeroProbability
        var u = generator.nextUniform()
        while u > mass {
            x += 1
            if x > bound {
                x = 0
                mass = zeroProbability
                u = generator.nextUniform()
            } else {
                u -= mass
                mass *= (n - x + 1) * p / (x * q)
            }
        }
        return x
    }

    static func transformedRejection<G: UniformSource>(n: Double, p: Double, using generator: inout G) -> Double {
        let q = 1 - p
        let spq = (n * p * q).squareRoot()
        let b = 1.15 + 2.53 * spq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = n * p + 0.5
        let vr = 0.92 - 4.2 / b
        let alpha = (2.83 + 5.1 / b) * spq
        let lpq = log(p / q)
        let m = ((n + 1) * p).rounded(.down)
        let h = lgamma(m + 1) + lgamma(n - m + 1)
        while true {
            let u = generator.nextUniform() - 0.5
            let v = generator.nextUniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + c).rounded(.down)
            if k < 0 || k > n { continue }
            if us >= 0.07 && v <= vr { return k }
            let logV = log(v * alpha / (a / (us * us) + b))
            if logV <= h - lgamma(k + 1) - lgamma(n - k + 1) + (k - m) * lpq { return k }
        }
    }
}

/// A source of uniform numbers in [0, 1).
public protocol UniformSource {
    mutating func nextUniform() -> Double
}

extension SplitMix64: UniformSource {}
