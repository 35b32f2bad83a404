import Foundation

/// Exact power-of-two rescaling of a table's mixed rows (and of beta) before solving, so that
/// tiny counts are not summed in slow subnormal arithmetic.
///
/// Every objective keeps its argmin when its counts (and, with a KL term, beta too) are
/// multiplied by the same power of two: L_D scales linearly with the counts, IL = L_D + beta KL
/// and SLiC = hinge(counts) + beta KL scale as a whole, and RLPO's policy reads only the
/// argmin and |D| / beta (taken from the unscaled table and parameters). Only scaling up is
/// used, with every count and beta kept at most 2^1000, so no multiplication rounds: the scaled
/// problem is the same problem, in a comfortable range of magnitudes.
struct ProblemScaling {
    /// The exponent applied to the counts of the likelihood (RLPO, DPO): brings the largest mixed
    /// count to [1, 2).
    let likelihoodExponent: Int
    /// The exponent applied to the counts and to beta together (IL, SLiC): brings the smaller of
    /// the largest mixed count and beta to [1, 2) when the larger stays below 2^1000.
    let objectiveExponent: Int

    /// Below 2^-comfort (for the smaller of the two) a table is rescaled.
    static let comfort = 64
    /// The largest magnitude (2^ceiling) scaling may create.
    static let ceiling = 1000

    init(counts: PreferenceCounts, beta: Double) {
        var largest = 0.0
        for j in 1..<counts.k { largest = max(largest, counts.choseM1[j], counts.choseM2[j]) }
        let dataExponent = largest > 0 ? Int(largest.exponent) : nil
        let betaExponent = Int(beta.exponent)
        likelihoodExponent = dataExponent.map { Self.upward(smaller: $0, larger: $0) } ?? 0
        objectiveExponent = Self.upward(
            smaller: min(dataExponent ?? betaExponent, betaExponent), larger: max(dataExponent ?? betaExponent, betaExponent))
    }

    /// The exponent that lifts `smaller` to 0 without lifting `larger` beyond the ceiling; 0 when
    /// `smaller` is comfortable already.
    static func upward(smaller: Int, larger: Int) -> Int {
        guard smaller < -comfort else { return 0 }
        return max(0, min(-smaller, ceiling - larger))
    }
}

extension PreferenceCounts {
    /// The mixed rows (0 < j < k) multiplied by 2^exponent (exact: no count reaches overflow or
    /// is made smaller); rows 0 and k, which no objective reads, are left empty.
    func mixedRowsScaled(byPowerOfTwo exponent: Int) -> PreferenceCounts {
        var table = PreferenceCounts(emptyWithK: k)
        for j in 1..<k {
            table.add(scalbn(choseM1[j], exponent), row: j, choseM1: true)
            table.add(scalbn(choseM2[j], exponent), row: j, choseM1: false)
        }
        return table
    }
}

extension KLRegulariser {
    /// The same term with beta multiplied by 2^exponent (exact while beta stays finite and normal).
    func scaled(byPowerOfTwo exponent: Int) -> KLRegulariser {
        guard exponent != 0 else { return self }
        var copy = self
        copy.beta = scalbn(beta, exponent)
        copy.logBeta = log(copy.beta)
        return copy
    }
}

/// The objectives of one table after ``ProblemScaling``: the likelihood for RLPO and DPO, and the
/// counts, likelihood and KL term for IL and SLiC (the same objects when both scalings agree).
struct ScaledProblem {
    let likelihood: IIALikelihood
    let objectiveCounts: PreferenceCounts
    let objectiveLikelihood: IIALikelihood
    let regulariser: KLRegulariser

    init(_ counts: PreferenceCounts, beta: Double, regulariser: KLRegulariser, constants: ChoiceSetConstants) {
        let scaling = ProblemScaling(counts: counts, beta: beta)
        let likelihoodCounts = scaling.likelihoodExponent == 0
            ? counts : counts.mixedRowsScaled(byPowerOfTwo: scaling.likelihoodExponent)
        likelihood = IIALikelihood(likelihoodCounts, constants: constants)
        if scaling.objectiveExponent == scaling.likelihoodExponent {
            (objectiveCounts, objectiveLikelihood) = (likelihoodCounts, likelihood)
        } else {
            objectiveCounts = scaling.objectiveExponent == 0
                ? counts : counts.mixedRowsScaled(byPowerOfTwo: scaling.objectiveExponent)
            objectiveLikelihood = IIALikelihood(objectiveCounts, constants: constants)
        }
        self.regulariser = regulariser.scaled(byPowerOfTwo: scaling.objectiveExponent)
    }
}
