import Foundation
import Testing
@testable import IIACore

/// The KL term's curvature changes sign where tanh(x/2)(x + L) = 1; the exclusion tests bound the
/// derivative with these points, so they must be roots to working precision.
@Suite struct KLInflectionTests {
    @Test func theInflectionIsARootInsideItsBracket() {
        var logOdds = -40.0
        var checked = 0
        while logOdds <= 40 {
            let x = KLRegulariser.rightInflection(logOdds)
            let residual = tanh(x / 2) * (x + logOdds) - 1
            #expect(x > max(0, -logOdds) && x <= max(2, 1.32 - logOdds), "L = \(logOdds): \(x) outside its bracket")
            #expect(abs(residual) <= 1e-13 * max(1, abs(x) + abs(logOdds)), "L = \(logOdds): residual \(residual) at \(x)")
            // The function rises through zero there: negative just left, non-negative just right.
            let step = 1e-9 * max(1, x)
            #expect(tanh((x - step) / 2) * (x - step + logOdds) - 1 < 0)
            #expect(tanh((x + step) / 2) * (x + step + logOdds) - 1 >= 0)
            logOdds += 0.37
            checked += 1
        }
        #expect(checked > 200)
    }
}
