import Foundation
import Testing
@testable import IIACore

/// ``SampleSummary``: the mean and its standard error, exact for identical values.
@Suite("Sample mean and standard error")
struct SampleSummaryTests {
    @Test("identical values: the value itself and a standard error of exactly 0, for any count")
    func identicalValues() {
        for value in [0.0265, 1.0 / 3, Double.leastNonzeroMagnitude, 0.9999999999999999, 1e-300] {
            for count in [2, 3, 7, 100, 1000] {
                let summary = SampleSummary([Double](repeating: value, count: count))
                #expect(summary.mean == value, "\(value) x \(count): mean \(String(describing: summary.mean))")
                #expect(summary.standardError == 0, "\(value) x \(count): \(String(describing: summary.standardError))")
            }
        }
    }

    @Test("the textbook values: mean 2.5 and standard error sqrt(5/3 / 4) for 1, 2, 3, 4; none for one value")
    func knownValues() {
        let summary = SampleSummary([1.0, 2, 3, 4])
        #expect(summary.mean == 2.5)
        let expected = (5.0 / 3 / 4).squareRoot()
        #expect(abs((summary.standardError ?? .nan) - expected) <= 1e-15 * expected)
        #expect(SampleSummary([0.3]).standardError == nil)
        #expect(SampleSummary([Double]()).mean == nil)
    }
}
