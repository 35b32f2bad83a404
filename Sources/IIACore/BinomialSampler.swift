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
        let r = p / q
        let m = ((n + 1) * p).rounded(.down)
        let h = stirlingCorrection(m) + stirlingCorrection(n - m)
        let modeTerm = (m + 0.5) * log((m + 1) / (r * (n - m + 1)))
        while true {
            let u = generator.nextUniform() - 0.5
            var v = generator.nextUniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + c).rounded(.down)
            if k < 0 || k > n { continue }
            if us >= 0.07 && v <= vr { return k }
            v = log(v * alpha / (a / (us * us) + b))
            // ln(f(k)/f(m)) written with ratios close to 1 and Stirling corrections, so that it
            // stays accurate for n up to 2^53 (lgamma differences at 1e13 would not).
            let bound = h + modeTerm
                + (n + 1) * log1p((k - m) / (n - k + 1))
                + (k + 0.5) * log((n - k + 1) * r / (k + 1))
                - stirlingCorrection(k) - stirlingCorrection(n - k)
            if v <= bound { return k }
        }
    }

    /// ln k! - [(k + 1/2) ln(k + 1) - (k + 1) + ln(2 pi)/2], the Stirling correction.
    static func stirlingCorrection(_ k: Double) -> Double {
        let table = [
            0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509,
            0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209,
            0.009255462182712733, 0.008330563433362871,
        ]
        if k < 10 { return table[Int(k)] }
        let next = k + 1, square = next * next
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / square) / square) / next
    }
}

/// A source of uniform numbers in [0, 1).
public protocol UniformSource {
    mutating func nextUniform() -> Double
}

extension SplitMix64: UniformSource {}
