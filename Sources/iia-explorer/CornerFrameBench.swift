import Dispatch
import Foundation
import IIAApp
import IIACore

/// The bench's corner-frame line: the slowest explorer frame (both 40-point sweeps and the six
/// algorithms recomputed, then the 200x60 buffer drawn) at the corners of the slider ranges.
enum CornerFrameBench {
    /// Corner settings drawn (seeded) from every combination of slider ends.
    static let settingCount = 300
    /// Frames timed per setting; the median of them is the setting's time.
    static let repetitions = 3

    /// One corner: every slider at its minimum or maximum, with a query format and choice model.
    static func corner(_ g: inout SplitMix64) -> ModelParameters {
        func end<T>(_ low: T, _ high: T) -> T { g.next() % 2 == 0 ? low : high }
        let k = end(2, 64)
        var parameters = ModelParameters(
            m1: end(1, 10_000), m2: end(1, 1_000_000_000), p1: end(0.0, 1.0), zeta: end(0.01, 0.99), k: k,
            beta: end(1e-3, 1e3), delta: end(0.0, 10.0), dataSize: end(1.0, 1e7))
        switch g.next() % 3 {
        case 0: parameters.queries = .fixed(m1Count: end(1, k - 1))
        default: break
        }
        if g.next() % 3 == 0 { parameters.choiceModel = .logit(rewardGap: end(-5.0, 5.0)) }
        return parameters
    }

    /// The setting as `iia-explorer solve` options.
    static func commandLine(_ p: ModelParameters) -> String {
        var text = "--m1 \(p.m1) --m2 \(p.m2) --p1 \(p.p1) --zeta \(p.zeta) --k \(p.k) --beta \(p.beta) --delta \(p.delta) --data \(p.dataSize)"
        if case .fixed(let count) = p.queries { text += " --queries fixed --fixed-m1 \(count)" }
        if case .logit(let gap) = p.choiceModel { text += " --choice-model logit --reward-gap \(gap)" }
        return text
    }

    /// Prints the bench line.
    static func report() {
        var generator = SplitMix64(seed: 20_261_203)
        var worst = (median: 0.0, parameters: ModelParameters())
        for _ in 0..<settingCount {
            let parameters = corner(&generator)
            var times: [Double] = []
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds
                // The initialiser recomputes both sweeps and the results, as a slider key does.
                let model = ExplorerModel(parameters: parameters, width: 200, height: 60)
                _ = model.view()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            let median = times.sorted()[repetitions / 2]
            if median > worst.median { worst = (median, parameters) }
        }
        print(String(
            format: "Explorer frames at the slider corners: worst median %.2f ms over %d settings (worst at %@)",
            worst.median, settingCount, commandLine(worst.parameters)))
    }
}
