import Testing
@testable import IIACharts

/// A fitted y axis (the landscape's) puts round ticks on evenly spaced rows, covering the data.
@Suite struct FittedAxisTests {
    static func plot(_ ys: [Double], ascii: Bool) -> Plot {
        var plot = Plot(
            x: PlotXAxis(scale: .linear, lower: 0, upper: 1, title: "x", format: .count),
            y: PlotYAxis(range: .fitted, title: "y"), rightMargin: 5, appearance: ChartAppearance(ascii: ascii))
        let points = ys.enumerated().map { PlotPoint(Double($0.offset) / Double(max(1, ys.count - 1)), $0.element) }
        plot.series = [PlotSeries(.points(points), glyph: "*", style: .plain)]
        return plot
    }

    @Test func ticksAreEvenlySpacedAndCoverTheData() {
        let ranges: [[Double]] = [[0, 26.3], [-3.2, 17], [0.004, 0.0371], [120, 980], [-1e-7, 3e-7], [5, 5.5], [0, 1e300]]
        for ys in ranges {
            for height in 8...60 {
                for ascii in [false, true] {
                    var buffer = CellBuffer(width: 60, height: height)
                    let area = PlotRenderer.render(Self.plot(ys, ascii: ascii), into: &buffer, rect: buffer.bounds).plot
                    let tick: Character = ascii ? "+" : "┤"
                    let rows = (area.y..<area.maxY).filter { buffer[area.x - 1, $0].character == tick }
                    let gaps = Set(zip(rows, rows.dropFirst()).map { $1 - $0 })
                    #expect(gaps.count <= 1, "\(ys) height \(height): tick rows \(rows)")
                    if area.height >= 6 { #expect(rows.count >= 2, "\(ys) height \(height): tick rows \(rows)") }
                }
            }
            for height in 3...60 {
                let axis = FittedYAxis(range: (min(0, ys.min() ?? 0), ys.max() ?? 1), height: height)
                guard let first = axis.ticks.first, let last = axis.ticks.last else { continue }
                #expect(first.value <= min(0, ys.min() ?? 0) && last.value >= (ys.max() ?? 1), "\(ys) height \(height)")
                // The top tick is the top of the range when the steps fill every row (to rounding).
                #expect(axis.lower <= first.value && axis.upper >= last.value * (1 - 1e-12) - 1e-300, "\(ys) height \(height)")
                #expect(last.rowsUp <= height - 1)
            }
        }
    }
}
