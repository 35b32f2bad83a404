import Foundation
import Testing
@testable import IIACore

/// A count table drawn for the root-search tests, with a label saying how it was drawn.
private struct DrawnTable {
    var kind: String
    var counts: PreferenceCounts
}

/// Random count tables: generic, unbalanced, extremely unbalanced (the root far out, in the
/// log-mode region |u| > 600), subnormal against huge, sparse, and one-sided.
private enum TableDrawer {
    static func logUniform(_ a: Double, _ b: Double, _ generator: inout SplitMix64) -> Double {
        exp(log(a) + (log(b) - log(a)) * generator.nextUniform())
    }

    /// 10^exponent for an exponent drawn uniformly in [low, high].
    static func powerOfTen(_ low: Double, _ high: Double, _ generator: inout SplitMix64) -> Double {
        pow(10, low + (high - low) * generator.nextUniform())
    }

    static func draw(_ generator: inout SplitMix64, index: Int) -> DrawnTable? {
        let k = 2 + Int(generator.next() % 63)
        var m1 = Array(repeating: 0.0, count: k + 1)
        var m2 = Array(repeating: 0.0, count: k + 1)
        // Rows 0 and k do not enter L_D, but sometimes hold (huge or tiny) data.
        if generator.nextUniform() < 0.5 { m2[0] = logUniform(1e-3, 1e12, &generator) }
        if generator.nextUniform() < 0.5 { m1[k] = logUniform(1e-3, 1e12, &generator) }
        let kind: String
        switch index % 6 {
        case 0:
            kind = "generic"
            for j in 1..<k {
                if generator.nextUniform() >= 0.25 { m1[j] = logUniform(1e-3, 1e12, &generator) }
                if generator.nextUniform() >= 0.25 { m2[j] = logUniform(1e-3, 1e12, &generator) }
            }
            if generator.nextUniform() < 0.2 {
                // A few whole rows empty.
                for j in 1..<k where generator.nextUniform() < 0.5 { (m1[j], m2[j]) = (0, 0) }
            }
        case 1:
            kind = "unbalanced 1e±9"
            let scale1 = logUniform(1e-9, 1e9, &generator), scale2 = logUniform(1e-9, 1e9, &generator)
            for j in 1..<k {
                if generator.nextUniform() >= 0.2 { m1[j] = scale1 * logUniform(1e-3, 1e3, &generator) }
                if generator.nextUniform() >= 0.2 { m2[j] = scale2 * logUniform(1e-3, 1e3, &generator) }
            }
        case 2:
            kind = "extreme 1e±300"
            // One exponent per side: u* ≈ ln(M2 side / M1 side), up to about ±1400.
            let exponent1 = -300 + 600 * generator.nextUniform(), exponent2 = -300 + 600 * generator.nextUniform()
            for j in 1..<k {
                if generator.nextUniform() >= 0.3 { m1[j] = powerOfTen(exponent1 - 3, exponent1 + 3, &generator) }
                if generator.nextUniform() >= 0.3 { m2[j] = powerOfTen(exponent2 - 3, exponent2 + 3, &generator) }
            }
        case 3:
            kind = "subnormal vs huge"
            // One side subnormal (down to 5e-324), the other near 1e300: |u*| about 1400-1450.
            let tinySide = generator.nextUniform() < 0.5
            for j in 1..<k {
                let tiny = Double.leastNonzeroMagnitude * logUniform(1, 1e8, &generator)
                let huge = powerOfTen(280, 300, &generator)
                if generator.nextUniform() >= 0.3 { m1[j] = tinySide ? tiny : huge }
                if generator.nextUniform() >= 0.3 { m2[j] = tinySide ? huge : tiny }
            }
        case 4:
            kind = "sparse"
            // One or two mixed cells on each side.
            for _ in 0..<(1 + Int(generator.next() % 2)) {
                m1[1 + Int(generator.next() % UInt64(k - 1))] = logUniform(1e-3, 1e12, &generator)
                m2[1 + Int(generator.next() % UInt64(k - 1))] = logUniform(1e-3, 1e12, &generator)
            }
        default:
            kind = "one-sided"
            // Mixed data on one side only (no minimiser), or a single tiny datum on the other.
            let side = generator.nextUniform() < 0.5
            for j in 1..<k where generator.nextUniform() >= 0.3 {
                if side { m1[j] = logUniform(1e-3, 1e12, &generator) } else { m2[j] = logUniform(1e-3, 1e12, &generator) }
            }
            if generator.nextUniform() < 0.5 {
                let j = 1 + Int(generator.next() % UInt64(k - 1))
                let tiny = logUniform(1e-9, 1e-3, &generator)
                if side { m2[j] = tiny } else { m1[j] = tiny }
            }
        }
        guard let counts = try? PreferenceCounts(k: k, choseM1: m1, choseM2: m2) else { return nil }
        return DrawnTable(kind: kind, counts: counts)
    }
}

/// An independent evaluation of the sign of L_D'(u), in logarithms.
///
/// L_D'(u) = Σ_j N_j1 σ(t_j) - N_j2 σ(-t_j) with t_j = u + ln((k-j)/j): the positive and the
/// negative parts are summed as log-sum-exps and compared, so the sign is right for any u and
/// any counts (no overflow, no underflow, no scale factor).
private func independentDerivativeSign(_ counts: PreferenceCounts, at u: Double) -> Double {
    func softplus(_ x: Double) -> Double { max(x, 0) + log1p(exp(-abs(x))) }
    func logSumExp(_ terms: [Double]) -> Double {
        guard let top = terms.max(), top > -.infinity else { return -.infinity }
        return top + log(terms.reduce(0) { $0 + exp($1 - top) })
    }
    let k = counts.k
    var positive: [Double] = [], negative: [Double] = []
    for j in 1..<k {
        let t = u + (log(Double(k - j)) - log(Double(j)))
        if counts.choseM1[j] > 0 { positive.append(log(counts.choseM1[j]) - softplus(-t)) }
        if counts.choseM2[j] > 0 { negative.append(log(counts.choseM2[j]) - softplus(t)) }
    }
    let p = logSumExp(positive), n = logSumExp(negative)
    return p > n ? 1 : p < n ? -1 : 0
}

/// The root of an increasing function known only through its sign: grow [-1, 1] by doubling
/// until the signs differ, then bisect (at most 200 steps, stopping at adjacent doubles).
private func bisectSign(_ sign: (Double) -> Double) -> Double? {
    var lower = -1.0, upper = 1.0
    for _ in 0..<1100 {
        if sign(lower) <= 0 && sign(upper) >= 0 { break }
        lower *= 2
        upper *= 2
    }
    let atLower = sign(lower), atUpper = sign(upper)
    guard lower.isFinite, upper.isFinite, atLower <= 0, atUpper >= 0 else { return nil }
    if atLower == 0 { return lower }
    if atUpper == 0 { return upper }
    for _ in 0..<200 {
        let middle = lower + (upper - lower) / 2
        if middle <= lower || middle >= upper { break }
        let s = sign(middle)
        if s == 0 { return middle }
        if s < 0 { lower = middle } else { upper = middle }
    }
    return lower + (upper - lower) / 2
}

private func slopeSign(_ likelihood: IIALikelihood, _ u: Double) -> Double {
    let d = likelihood.slope(u).derivative
    return d > 0 ? 1 : d < 0 ? -1 : d == 0 ? 0 : .nan
}

/// Accepted ways for the root search to stop when a minimiser exists.
private let rootTerminations: Set<Termination> = [.converged, .exactRoot, .bracketCollapsed]

/// Relative distance of the sign check around the returned root.
private let signCheckDistance = 1e-9
/// Agreement with the bisections: relative above 1, absolute below.
private let agreementTolerance = 1e-9

/// Checks one table: the result's termination and finiteness, the derivative's sign on either
/// side of the root (by `slope` and by the independent evaluation), and agreement with both
/// bisections. Returns the result for further checks.
@discardableResult
private func checkRoot(_ counts: PreferenceCounts, label: String) -> Minimization {
    let table = "\(label) k=\(counts.k) \(counts.commandLineForm)"
    ChildProcessProgress.note(table)
    let likelihood = IIALikelihood(counts)
    let found = RLHFSolver.minimizeLikelihood(likelihood)
    let expectsMinimizer = counts.mixedChoseM1 > 0 && counts.mixedChoseM2 > 0
    #expect(likelihood.hasMinimizer == expectsMinimizer, "hasMinimizer wrong: \(table)")
    guard likelihood.hasMinimizer else {
        #expect(found.termination == .noMinimizer, "\(found.termination) without a minimiser: \(table)")
        return found
    }
    let u = found.argmin
    #expect(u.isFinite, "argmin \(u) not finite: \(table)")
    #expect(
        rootTerminations.contains(found.termination),
        "termination \(found.termination) after \(found.iterations) iterations, argmin \(u): \(table)")
    guard u.isFinite else { return found }

    let d = signCheckDistance * max(1, abs(u))
    let left = likelihood.slope(u - d).derivative, right = likelihood.slope(u + d).derivative
    #expect(left <= 0 && right >= 0, "slope sign around argmin \(u) ± \(d): \(left), \(right): \(table)")
    let independentLeft = independentDerivativeSign(counts, at: u - d)
    let independentRight = independentDerivativeSign(counts, at: u + d)
    #expect(
        independentLeft <= 0 && independentRight >= 0,
        "independent sign around argmin \(u) ± \(d): \(independentLeft), \(independentRight): \(table)")

    let tolerance = agreementTolerance * max(1, abs(u))
    let bySlope = bisectSign { slopeSign(likelihood, $0) }
    #expect(bySlope != nil, "bisection on slope found no bracket: \(table)")
    if let bySlope {
        #expect(abs(u - bySlope) <= tolerance, "argmin \(u) vs bisection on slope \(bySlope): \(table)")
    }
    let byIndependent = bisectSign { independentDerivativeSign(counts, at: $0) }
    #expect(byIndependent != nil, "independent bisection found no bracket: \(table)")
    if let byIndependent {
        #expect(abs(u - byIndependent) <= tolerance, "argmin \(u) vs independent bisection \(byIndependent): \(table)")
    }
    return found
}

/// The expected-data grid: p1 × zeta × k × |D| (dichotomy choices, sampled queries).
private func expectedGrid() -> [(ModelParameters, PreferenceCounts)] {
    let p1s = [0, 1e-6, 0.01, 0.1, 0.3, 0.5, 0.6, 0.75, 0.9, 0.99, 1 - 1e-6, 1]
    let zetas = [1e-3, 0.01, 0.1, 0.3, 0.5, 0.8, 0.95, 0.999]
    let ks = [2, 3, 4, 5, 8, 16, 32, 64]
    let sizes = [1.0, 1e3, 1e12]
    var grid: [(ModelParameters, PreferenceCounts)] = []
    for p1 in p1s {
        for zeta in zetas {
            for k in ks {
                for size in sizes {
                    let parameters = ModelParameters(p1: p1, zeta: zeta, k: k, dataSize: size)
                    grid.append((parameters, .expected(parameters)))
                }
            }
        }
    }
    return grid
}

/// Builds a table from sparse rows.
private func sparseTable(_ k: Int, _ m1: [Int: Double], _ m2: [Int: Double]) throws -> PreferenceCounts {
    var a = Array(repeating: 0.0, count: k + 1), b = a
    for (j, value) in m1 { a[j] = value }
    for (j, value) in m2 { b[j] = value }
    return try PreferenceCounts(k: k, choseM1: a, choseM2: b)
}

/// The number of hand-made tables.
private let handMadeCount = 18

/// Hand-made tables: far-out roots (|u*| up to 1454), huge counts with a root in plain mode,
/// the log-mode threshold, u* = 0.
private func handMadeTables() throws -> [(label: String, counts: PreferenceCounts)] {
    let tiny = Double.leastNonzeroMagnitude
    return [
        ("1e-9 vs 1e9, k=2", try sparseTable(2, [1: 1e-9], [1: 1e9])),
        ("1e9 vs 1e-9, k=2", try sparseTable(2, [1: 1e9], [1: 1e-9])),
        ("1e-300 vs 1e300, k=2", try sparseTable(2, [1: 1e-300], [1: 1e300])),
        ("1e-300 vs 1e300, rows 1 and 63 of k=64", try sparseTable(64, [1: 1e-300, 63: 1e-300], [1: 1e300, 63: 1e300])),
        ("1e300 vs 1e-300, rows 1 and 63 of k=64", try sparseTable(64, [1: 1e300, 63: 1e300], [1: 1e-300, 63: 1e-300])),
        ("subnormal vs 1e308, k=2", try sparseTable(2, [1: tiny], [1: 1e308])),
        ("1e308 vs subnormal, k=2", try sparseTable(2, [1: 1e308], [1: tiny])),
        ("subnormal vs 1e300, opposite rows of k=64", try sparseTable(64, [63: tiny], [1: 1e300])),
        ("1e300 vs subnormal, opposite rows of k=64", try sparseTable(64, [1: 1e300], [63: tiny])),
        ("no row holds both categories, totals 1e200 vs 1e-200, k=3", try sparseTable(3, [1: 1e200], [2: 1e-200])),
        ("no row holds both categories, totals 1e-200 vs 1e200, k=3", try sparseTable(3, [1: 1e-200], [2: 1e200])),
        ("huge counts, root near 500 (plain mode), k=3",
         try sparseTable(3, [1: 1e20, 2: 1e16], [1: 1e235, 2: 1e236])),
        ("root at the log-mode threshold", try sparseTable(2, [1: 1], [1: exp(600)])),
        ("root just past the log-mode threshold", try sparseTable(2, [1: 1], [1: exp(600.5)])),
        ("root just inside the negative threshold", try sparseTable(2, [1: exp(599.5)], [1: 1])),
        ("balanced, u* = 0", try sparseTable(2, [1: 1], [1: 1])),
        ("one row each side, far apart", try sparseTable(64, [63: 1e12], [1: 1e-3])),
        ("huge rows 0 and k", try sparseTable(3, [1: 2, 3: 1e300], [0: 1e300, 2: 3])),
    ]
}

/// The random tables: `randomChunks` chunks of `randomChunkSize` draws, each chunk its own
/// stream (so a chunk can be checked alone, in its own process).
private let randomChunks = 9
private let randomChunkSize = 300

private func drawRandomTables(chunk: Int) -> [(label: String, counts: PreferenceCounts)] {
    var generator = SplitMix64(seed: 0x5EED_1A7E, stream: UInt64(chunk))
    var tables: [(label: String, counts: PreferenceCounts)] = []
    for draw in 0..<randomChunkSize {
        let index = chunk * randomChunkSize + draw
        if let drawn = TableDrawer.draw(&generator, index: index) {
            tables.append(("chunk \(chunk) #\(index) \(drawn.kind)", drawn.counts))
        }
    }
    return tables
}

/// Test 1's body for one chunk.
private func checkRandomTables(chunk: Int) {
    for (label, counts) in drawRandomTables(chunk: chunk) {
        checkRoot(counts, label: label)
    }
}

/// Test 2's body: expected data over p1 × zeta × k × |D|.
private func checkExpectedData() {
    var withMinimizer = 0
    for (parameters, counts) in expectedGrid() {
        let label = "p1=\(parameters.p1) zeta=\(parameters.zeta) k=\(parameters.k) |D|=\(parameters.dataSize)"
        let found = checkRoot(counts, label: label)
        if parameters.p1 == 0 || parameters.p1 == 1 {
            #expect(found.termination == .noMinimizer, "\(label): \(found.termination)")
            continue
        }
        guard found.termination != .noMinimizer else { continue }
        withMinimizer += 1
        #expect(found.iterations <= 12, "\(label): \(found.iterations) iterations, \(found.termination), argmin \(found.argmin)")
    }
    #expect(withMinimizer >= 1500)
}

/// Test 3's body: traces of expected and random tables.
private func checkTraces() {
    var generator = SplitMix64(seed: 99)
    var tables: [PreferenceCounts] = expectedGrid().enumerated().compactMap { $0.offset % 4 == 0 ? $0.element.1 : nil }
    for index in 0..<900 {
        if let drawn = TableDrawer.draw(&generator, index: index) { tables.append(drawn.counts) }
    }
    var traced = 0, bracketed = 0
    for counts in tables {
        let likelihood = IIALikelihood(counts)
        guard likelihood.hasMinimizer else { continue }
        traced += 1
        let table = "k=\(counts.k) \(counts.commandLineForm)"
        ChildProcessProgress.note(table)
        let plain = RLHFSolver.minimizeLikelihood(likelihood)
        let found = RLHFSolver.minimizeLikelihood(likelihood, recordTrace: true)
        #expect(plain.trace.isEmpty, "a trace without recordTrace: \(table)")
        // Recording must not change the search.
        #expect(
            found.argmin.bitPattern == plain.argmin.bitPattern && found.iterations == plain.iterations
                && found.termination == plain.termination,
            "traced \(found.argmin)/\(found.iterations)/\(found.termination) vs \(plain.argmin)/\(plain.iterations)/\(plain.termination): \(table)")
        #expect(found.trace.first?.kind == .start, "first step \(String(describing: found.trace.first)): \(table)")
        #expect(found.trace.first?.point == likelihood.initialGuess(), "the trace does not start at the first guess: \(table)")
        #expect(
            found.trace.count == found.iterations + 1,
            "\(found.trace.count) trace points for \(found.iterations) iterations: \(table)")
        #expect(
            found.trace.last?.point == found.argmin,
            "last point \(String(describing: found.trace.last)) vs argmin \(found.argmin): \(table)")
        #expect(found.trace.dropFirst().allSatisfy { $0.kind != .start }, "a second .start step: \(table)")
        #expect(found.trace.allSatisfy { $0.point.isFinite }, "a non-finite iterate: \(table)")
        if let interval = found.searchInterval {
            #expect(interval.contains(found.argmin), "argmin \(found.argmin) outside the search interval \(interval): \(table)")
        }
        if found.bracket != nil { bracketed += 1 }
    }
    #expect(traced >= 1000)
    // Both paths (one-sided Newton, and Newton in a bracket) must be exercised.
    #expect(bracketed > 0 && bracketed < traced, "\(bracketed) of \(traced) bracketed")
}

/// The tests that call the solver on tables with a minimiser run in a child process (an exit
/// test): a trap in the solver then fails that test, naming the table, instead of ending the
/// whole test run. Expectations inside the child are reported as usual.
@Suite("The likelihood's root search")
struct LikelihoodRootTests {
    @Test(
        "Random tables (k 2…64, counts 5e-324…1e303, roots out to |u| ≈ 1450): a converged root, checked by the derivative's sign and two bisections",
        arguments: 0..<randomChunks)
    func randomTables(chunk: Int) async {
        let path = ChildProcessProgress.path("LikelihoodRootTests", "random-\(chunk)")
        let result = await #expect(processExitsWith: .success) { [path = path as String, chunk = chunk as Int] in
            ChildProcessProgress.start(at: path)
            checkRandomTables(chunk: chunk)
        }
        ChildProcessProgress.finish(result, path: path)
    }

    @Test("The random tables cover every regime: > 2000 with a minimiser, roots beyond |u| = 100 and 600, one-sided data")
    func randomTableCoverage() {
        var withMinimizer = 0, without = 0, farOut = 0, logMode = 0
        var kinds: Set<String> = []
        for chunk in 0..<randomChunks {
            for (label, counts) in drawRandomTables(chunk: chunk) {
                let likelihood = IIALikelihood(counts)
                guard likelihood.hasMinimizer else {
                    without += 1
                    continue
                }
                withMinimizer += 1
                kinds.insert(String(label.split(separator: " ", maxSplits: 3)[3]))
                // Where the root is, by the independent bisection (no solver involved).
                let root = bisectSign { independentDerivativeSign(counts, at: $0) } ?? 0
                if abs(root) > 100 { farOut += 1 }
                if abs(root) > SlopeAccumulator.logModeThreshold { logMode += 1 }
            }
        }
        #expect(withMinimizer >= 2000, "only \(withMinimizer) tables with a minimiser")
        #expect(without >= 100, "only \(without) tables without a minimiser")
        #expect(farOut >= 300, "only \(farOut) roots beyond |u| = 100")
        #expect(logMode >= 200, "only \(logMode) roots beyond |u| = 600")
        #expect(kinds.count == 6, "kinds with a minimiser: \(kinds)")
    }

    @Test("Hand-made far-out and threshold tables", arguments: 0..<handMadeCount)
    func handMade(index: Int) async throws {
        let tables = try handMadeTables()
        #expect(tables.count == handMadeCount)
        let (label, counts) = try #require(tables.indices.contains(index) ? tables[index] : nil)
        let path = ChildProcessProgress.path("LikelihoodRootTests", "hand-made-\(index)")
        let result = await #expect(processExitsWith: .success) {
            [path = path as String, label = label as String, counts = counts as PreferenceCounts] in
            ChildProcessProgress.start(at: path)
            checkRoot(counts, label: label)
        }
        ChildProcessProgress.finish(result, path: path)
    }

    @Test("Single rows: u* = ln(N2 / N1) - ln((k - j) / j) exactly")
    func singleRows() async throws {
        for (k, j, n1, n2) in [(2, 1, 1e-9, 1e9), (3, 2, 600.0, 400.0), (64, 1, 1e-3, 1e12), (64, 63, 5.0, 1e-200)] {
            let counts = try sparseTable(k, [j: n1], [j: n2])
            let found = RLHFSolver.minimizeLikelihood(IIALikelihood(counts))
            let exact = log(n2) - log(n1) - log(Double(k - j) / Double(j))
            #expect(abs(found.argmin - exact) <= 1e-12 * max(1, abs(exact)), "k=\(k) j=\(j): \(found.argmin) vs \(exact)")
            #expect(rootTerminations.contains(found.termination))
        }
    }

    @Test("Expected data over p1 × zeta × k × |D|: the root, in at most 12 iterations")
    func expectedData() async {
        let path = ChildProcessProgress.path("LikelihoodRootTests", "expected")
        let result = await #expect(processExitsWith: .success) { [path = path as String] in
            ChildProcessProgress.start(at: path)
            checkExpectedData()
        }
        ChildProcessProgress.finish(result, path: path)
    }

    @Test("The trace starts at the first guess, holds iterations + 1 points and ends at argmin")
    func traces() async {
        let path = ChildProcessProgress.path("LikelihoodRootTests", "traces")
        let result = await #expect(processExitsWith: .success) { [path = path as String] in
            ChildProcessProgress.start(at: path)
            checkTraces()
        }
        ChildProcessProgress.finish(result, path: path)
    }

    @Test("Without a minimiser the search reports .noMinimizer")
    func noMinimizer() throws {
        let cases: [PreferenceCounts] = [
            try sparseTable(2, [1: 5], [:]),
            try sparseTable(2, [:], [1: 5]),
            try sparseTable(2, [2: 7], [0: 3]),  // only the unmixed rows
            try sparseTable(64, [1: 1e12, 30: 1e-300, 63: 2], [0: 1e300]),
            try sparseTable(64, [64: 1e300], [1: 1e-3, 30: Double.leastNonzeroMagnitude, 63: 1e12]),
            try sparseTable(5, [2: 1, 5: 1e9], [0: 1e9]),
        ]
        for counts in cases {
            let likelihood = IIALikelihood(counts)
            #expect(!likelihood.hasMinimizer, "k=\(counts.k) \(counts.commandLineForm)")
            let found = RLHFSolver.minimizeLikelihood(likelihood, recordTrace: true)
            #expect(found.termination == .noMinimizer, "k=\(counts.k) \(counts.commandLineForm): \(found.termination)")
        }
        // And every one-sided random table.
        var generator = SplitMix64(seed: 4242)
        var oneSided = 0
        for index in 0..<600 {
            guard let drawn = TableDrawer.draw(&generator, index: 6 * index + 5) else { continue }
            let likelihood = IIALikelihood(drawn.counts)
            let oneSidedData = drawn.counts.mixedChoseM1 == 0 || drawn.counts.mixedChoseM2 == 0
            #expect(likelihood.hasMinimizer == !oneSidedData)
            if oneSidedData {
                oneSided += 1
                #expect(RLHFSolver.minimizeLikelihood(likelihood).termination == .noMinimizer)
            }
        }
        #expect(oneSided >= 200)
    }
}
