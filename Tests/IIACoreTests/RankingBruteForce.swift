import Foundation
@testable import IIACore

/// Rank-order data checked the slow way: every permutation of a small choice set, the
/// Plackett–Luce probability of each computed as a product of its sequential choice shares.
enum RankingBruteForce {
    /// Every permutation of 0..<n (n ≤ 6).
    static func permutations(_ n: Int) -> [[Int]] {
        guard n > 0 else { return [[]] }
        var result: [[Int]] = []
        for rest in permutations(n - 1) {
            for position in 0...rest.count {
                var ranking = rest
                ranking.insert(n - 1, at: position)
                result.append(ranking)
            }
        }
        return result
    }

    /// -ln P(ranking) under Plackett–Luce with psi1 = 0 and psi2 = u; messages 0..<a are M1.
    /// The log of the product of the shares, not a sum of logs.
    static func negativeLogProbability(_ ranking: [Int], m1Count a: Int, u: Double) -> Double {
        let weight = { (message: Int) -> Double in message < a ? 1 : exp(u) }
        var product = 1.0
        for t in ranking.indices {
            let remaining = ranking[t...].reduce(0.0) { $0 + weight($1) }
            product *= weight(ranking[t]) / remaining
        }
        return -log(product)
    }

    /// The rankings a type-z annotator can give for a set with j M1 messages among k: its
    /// category's messages first (each such permutation is equally likely).
    static func rankings(k: Int, j: Int, typeOne: Bool) -> [[Int]] {
        let first = typeOne ? j : k - j
        return permutations(k).filter { ranking in
            ranking.prefix(first).allSatisfy { typeOne ? $0 < j : $0 >= j }
        }
    }

    /// The expected negative log-likelihood of a table of rankings (row j: N_j1 type-1 and N_j2
    /// type-2 annotators), every ranking enumerated.
    static func tableValue(_ counts: PreferenceCounts, u: Double) -> Double {
        var sum = 0.0
        for j in 0...counts.k {
            for (typeOne, count) in [(true, counts.choseM1[j]), (false, counts.choseM2[j])] where count > 0 {
                let all = rankings(k: counts.k, j: j, typeOne: typeOne)
                let mean = all.reduce(0.0) { $0 + negativeLogProbability($1, m1Count: j, u: u) } / Double(all.count)
                sum += count * mean
            }
        }
        return sum
    }

    /// The part of `tableValue` that does not depend on u: the orders within a category,
    /// ln((k - j)!) for a type-1 ranking and ln(j!) for a type-2 one (ln k! in rows 0 and k).
    static func orderConstant(_ counts: PreferenceCounts) -> Double {
        var sum = 0.0
        for j in 0...counts.k {
            let (a, b) = (Double(j), Double(counts.k - j))
            if j == counts.k { sum += counts.choseM1[j] * lgamma(a + 1) }
            else { sum += counts.choseM1[j] * lgamma(b + 1) }
            if j == 0 { sum += counts.choseM2[j] * lgamma(b + 1) }
            else { sum += counts.choseM2[j] * lgamma(a + 1) }
        }
        return sum
    }
}

/// The closed form, summed row by row (no virtual choice sets): type 1
/// Σ_{i=1..a} ln(i + b e^u), type 2 Σ_{i=1..b} [ln(a + i e^u) - u], a = j, b = k - j.
enum RankingClosedForm {
    static func value(_ counts: PreferenceCounts, u: Double) -> Double {
        let k = counts.k
        var sum = 0.0
        for j in 1..<k {
            let (a, b) = (Double(j), Double(k - j))
            for i in 1...j where counts.choseM1[j] > 0 { sum += counts.choseM1[j] * logSum(Double(i), b, u) }
            for i in 1...(k - j) where counts.choseM2[j] > 0 { sum += counts.choseM2[j] * (logSum(a, Double(i), u) - u) }
        }
        return sum
    }

    /// ln(x + y e^u), as u + ln(y + x e^-u) for u > 0 (no overflow).
    static func logSum(_ x: Double, _ y: Double, _ u: Double) -> Double {
        u > 0 ? u + log(y + x * exp(-u)) : log(x + y * exp(u))
    }

    /// The derivative: Σ b e^u / (i + b e^u) per type-1 ranking and Σ [i e^u / (a + i e^u) - 1]
    /// = -Σ a / (a + i e^u) per type-2 ranking; and the curvature, Σ i b e^u / (i + b e^u)^2 and
    /// Σ a i e^u / (a + i e^u)^2, written with e^-|u| so that neither overflows.
    static func slope(_ counts: PreferenceCounts, u: Double) -> (derivative: Double, curvature: Double) {
        let k = counts.k
        var derivative = 0.0, curvature = 0.0
        for j in 1..<k {
            let (a, b) = (Double(j), Double(k - j))
            for i in 1...j {
                let shares = Self.shares(m1: Double(i), m2: b, u: u)
                derivative += counts.choseM1[j] * shares.m2
                curvature += counts.choseM1[j] * shares.m1 * shares.m2
            }
            for i in 1...(k - j) {
                let shares = Self.shares(m1: a, m2: Double(i), u: u)
                derivative -= counts.choseM2[j] * shares.m1
                curvature += counts.choseM2[j] * shares.m1 * shares.m2
            }
        }
        return (derivative, curvature)
    }

    /// x / (x + y e^u) and y e^u / (x + y e^u), each formed directly (no 1 - share).
    static func shares(m1 x: Double, m2 y: Double, u: Double) -> (m1: Double, m2: Double) {
        if u > 0 {
            let decay = exp(-u)
            return (x * decay / (x * decay + y), y / (x * decay + y))
        }
        let growth = exp(u)
        return (x / (x + y * growth), y * growth / (x + y * growth))
    }
}

/// A table of rows `choseM1[j]` / `choseM2[j]` (rows 0 and k set to what they may hold).
func rankingTable(k: Int, _ generator: inout SplitMix64, density: Double = 1) throws -> PreferenceCounts {
    var m1 = Array(repeating: 0.0, count: k + 1), m2 = m1
    for j in 0...k {
        if j > 0 && generator.nextUniform() < density { m1[j] = (100 * generator.nextUniform()).rounded() + 1 }
        if j < k && generator.nextUniform() < density { m2[j] = (100 * generator.nextUniform()).rounded() + 1 }
    }
    m1[1] = max(m1[1], 1)
    m2[k - 1] = max(m2[k - 1], 1)
    return try PreferenceCounts(k: k, choseM1: m1, choseM2: m2)
}

/// True when a and b agree to `tolerance` relative to the larger magnitude (absolute below 1).
func agree(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
