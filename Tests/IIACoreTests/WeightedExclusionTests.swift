import Foundation
import Testing
@testable import IIACore

/// The weighted exclusion bound (``GlobalMinimizer/weightedBoundExcludesRoot(_:_:_:)``): it never
/// rules out a cell where the derivative changes sign, and it decides the far, flat tails where
/// data and KL derivatives decay at the same rate (which the plain bound cannot).
@Suite("Weighted exclusion of root-free cells")
struct WeightedExclusionTests {
    /// IL and SLiC objectives as the solver builds them (after ``ScaledProblem``).
    static func objectives(_ parameters: ModelParameters, _ counts: PreferenceCounts)
        -> (il: InclusiveLearningObjective, slic: SLiCObjective)
    {
        let scaled = ScaledProblem(
            counts, beta: parameters.beta, regulariser: KLRegulariser(parameters),
            constants: ChoiceSetConstants(k: parameters.k))
        let il = InclusiveLearningObjective(
            scaled.objectiveCounts, parameters, likelihood: scaled.objectiveLikelihood, regulariser: scaled.regulariser)
        let slic = SLiCObjective(scaled.objectiveCounts, parameters, regulariser: scaled.regulariser)
        return (il, slic)
    }

    /// True when the derivative takes both strict signs at 200 points inside (a, b) (a derivative
    /// that underflows to 0 far out takes neither).
    static func changesSign<Objective: RegularisedObjective>(_ objective: Objective, _ a: Double, _ b: Double) -> Bool {
        var (positive, negative) = (false, false)
        for index in 1..<200 {
            let g = objective.slope(a + (b - a) * Double(index) / 200, side: .right).derivative
            if g > 0 { positive = true }
            if g < 0 { negative = true }
        }
        return positive && negative
    }

    /// True when the derivative rises from a strictly negative to a strictly positive value at 200
    /// points inside (a, b): a local minimum inside.
    static func risesThroughZero<Objective: RegularisedObjective>(_ objective: Objective, _ a: Double, _ b: Double) -> Bool {
        var negative = false
        for index in 1..<200 {
            let g = objective.slope(a + (b - a) * Double(index) / 200, side: .right).derivative
            if g < 0 { negative = true }
            if g > 0 && negative { return true }
        }
        return false
    }

    /// True when the derivative falls from a strictly positive to a strictly negative value at 200
    /// points inside (a, b): a local maximum inside.
    static func fallsThroughZero<Objective: RegularisedObjective>(_ objective: Objective, _ a: Double, _ b: Double) -> Bool {
        var positive = false
        for index in 1..<200 {
            let g = objective.slope(a + (b - a) * Double(index) / 200, side: .right).derivative
            if g > 0 { positive = true }
            if g < 0 && positive { return true }
        }
        return false
    }

    /// How many random cells each certificate decided.
    struct Decided {
        var excluded = 0
        var decreasing = 0
        var increasing = 0
    }

    /// Random cells on one side of the anchor, inside one smooth piece and |v| ≤ 600.
    static func checkCells<Objective: RegularisedObjective>(
        _ objective: Objective, _ generator: inout SplitMix64, decided: inout Decided, setting: String
    ) {
        let anchor = objective.regulariser.anchor
        for _ in 0..<40 {
            let right = generator.next() % 2 == 0
            let near = right ? max(anchor, -600) : min(anchor, 600)
            let far = right ? 600.0 : -600.0
            guard (far - near) * (right ? 1 : -1) > 0 else { continue }
            // Ends spread log-uniformly in distance from the anchor (wide and narrow cells).
            func point() -> Double { near + (far - near) * pow(generator.nextUniform(), 3) }
            var (a, b) = (point(), point())
            if a > b { swap(&a, &b) }
            guard b - a > 1e-9, !objective.kinks.contains(where: { $0 > a && $0 < b }) else { continue }
            if GlobalMinimizer.weightedBoundExcludesRoot(objective, a, b) {
                decided.excluded += 1
                #expect(!changesSign(objective, a, b), "\(setting): [\(a), \(b)] excluded but the derivative changes sign")
            }
            if GlobalMinimizer.derivativeDecreases(objective, a, b) {
                decided.decreasing += 1
                #expect(!risesThroughZero(objective, a, b), "\(setting): [\(a), \(b)] decreasing but holds a minimum")
            }
            // A rising weighted derivative: the derivative changes sign at most once, upwards, so
            // the cell never holds a maximum (a fall through zero).
            if GlobalMinimizer.weightedDerivativeIncreases(objective, a, b) {
                decided.increasing += 1
                #expect(!fallsThroughZero(objective, a, b), "\(setting): [\(a), \(b)] certified rising but holds a maximum")
            }
        }
    }

    @Test("an excluded cell never holds a sign change, a cell certified decreasing never a minimum, one certified rising never a maximum (random and adversarial settings)")
    func neverExcludesARoot() {
        var generator = SplitMix64(seed: 77)
        var decided = Decided()
        var settings: [(ModelParameters, PreferenceCounts)] = []
        for index in 0..<150 {
            let problem = RandomProblem.draw(&generator, index: index)
            settings.append((problem.parameters, problem.counts))
        }
        for setting in AdversarialSettings.draw(count: 300, seed: 5) {
            settings.append((setting.parameters, setting.counts()))
        }
        for (parameters, counts) in settings {
            let (il, slic) = Self.objectives(parameters, counts)
            Self.checkCells(il, &generator, decided: &decided, setting: "IL \(parameters)")
            Self.checkCells(slic, &generator, decided: &decided, setting: "SLiC \(parameters)")
        }
        // The check is only worth something if many cells were decided.
        #expect(decided.excluded > 2000, "only \(decided.excluded) cells excluded")
        #expect(decided.decreasing > 200, "only \(decided.decreasing) cells certified decreasing")
        #expect(decided.increasing > 10_000, "only \(decided.increasing) cells certified rising")
    }

    @Test("the data derivative's parts add up to the data derivative")
    func partsAddUp() {
        var generator = SplitMix64(seed: 78)
        for index in 0..<100 {
            let problem = RandomProblem.draw(&generator, index: index)
            let (il, slic) = Self.objectives(problem.parameters, problem.counts)
            for v in [-30.0, -2, 0.3, 5, 40] {
                for (parts, data) in [
                    (il.dataDerivativeParts(v, side: .right)!, il.dataSlope(v).derivative),
                    (slic.dataDerivativeParts(v, side: .right)!, slic.dataSlope(v).derivative),
                ] {
                    #expect(parts.rising >= 0 && parts.falling >= 0)
                    let difference = parts.rising - parts.falling
                    #expect(abs(difference - data) <= 1e-12 * (parts.rising + parts.falling))
                }
            }
        }
    }

    @Test("a flat far tail (one-sided data decaying with the KL term) is excluded without a scan")
    func decidesFlatTail() {
        // p*(1) tiny: the derivative right of the anchor is positive and decays like e^-v.
        let parameters = ModelParameters(
            m1: 29560, m2: 2, p1: 5.540780659704792e-245, zeta: 0.4642527967032013, k: 22, beta: 1, delta: 0, dataSize: 1)
        let (il, slic) = Self.objectives(parameters, .expected(parameters))
        var plainDecides: [Bool] = []
        for (a, b) in [(42.28, 54.68), (79.47, 112.46), (474.6, 562.4)] {
            for objective in [il as any RegularisedObjective, slic as any RegularisedObjective] {
                #expect(Self.excludes(objective, a, b), "[\(a), \(b)]")
            }
            let (left, right) = (il.slope(a).derivative, il.slope(b, side: .left).derivative)
            plainDecides.append(GlobalMinimizer.excludesRoot(il, a, b, slopeAtLower: left, slopeAtUpper: right))
        }
        // The plain bound decides the nearest cell but not the farther ones, where data and KL
        // derivatives decay at the same rate (the reason for the weighted bound).
        #expect(plainDecides == [true, false, false], "the plain bound decides \(plainDecides)")
    }

    static func excludes(_ objective: any RegularisedObjective, _ a: Double, _ b: Double) -> Bool {
        func open<Objective: RegularisedObjective>(_ objective: Objective) -> Bool {
            GlobalMinimizer.weightedBoundExcludesRoot(objective, a, b)
        }
        return open(objective)
    }
}

/// ``CountColumns``: objectives over tiny counts (beta near the largest double keeps them from
/// being rescaled) sum their rows in lifted units, with no subnormal term.
@Suite("Tiny counts in lifted units")
struct CountColumnsTests {
    @Test("slopes over tiny counts are the slopes over the same counts times 2^700, divided by 2^700")
    func tinyCountsMatchLiftedCounts() {
        var generator = SplitMix64(seed: 79)
        for index in 0..<60 {
            let problem = RandomProblem.draw(&generator, index: index)
            let counts = problem.counts
            let tiny = counts.mixedRowsScaled(byPowerOfTwo: -1000 - Int(counts.total.exponent))
            let lifted = counts.mixedRowsScaled(byPowerOfTwo: 700 - 1000 - Int(counts.total.exponent))
            let (small, large) = (IIALikelihood(tiny), IIALikelihood(lifted))
            #expect(small.unitColumns.unit < 1)
            let (slicSmall, slicLarge) = (
                SLiCObjective(tiny, problem.parameters), SLiCObjective(lifted, problem.parameters))
            for u in [-20.0, -3, 0, 1.5, 30] {
                let (a, b) = (small.slope(u), large.slope(u))
                #expect(abs(a.derivative - scalbn(b.derivative, -700)) <= 1e-13 * scalbn(abs(b.derivative) + b.curvature, -700))
                #expect(abs(a.curvature - scalbn(b.curvature, -700)) <= 1e-13 * scalbn(b.curvature, -700))
                let (c, d) = (slicSmall.dataSlope(u), slicLarge.dataSlope(u))
                #expect(abs(c.curvature - scalbn(d.curvature, -700)) <= 1e-13 * scalbn(d.curvature, -700))
            }
        }
    }
}
