import Testing
@testable import IIACharts
@testable import IIAApp
import IIACore

struct RobustnessTests {
    static let styles = [ChartStyle(ascii: true, color: false), ChartStyle(ascii: false, color: true),
                         ChartStyle(ascii: false, color: false), ChartStyle(ascii: true, color: true)]

    /// Renders into `rect` of a larger buffer pre-filled with "#": nothing may change outside.
    static func renderFramed(_ chart: ChartFixtures.Chart, rect: Rect, style: ChartStyle, simulated: Bool) -> CellBuffer {
        var buffer = CellBuffer(width: rect.width + 4, height: rect.height + 4)
        buffer.fill(buffer.bounds, with: Cell("#"))
        switch chart {
        case .data, .m2:
            let axis: SweepAxis = chart == .data ? .data : .m2
            ExplorerCharts.renderSweep(ChartFixtures.sweep(axis, k: 4), simulated: simulated ? ChartFixtures.simulated(axis, k: 4) : nil,
                                       marker: ChartFixtures.marker(chart), style: style, into: &buffer, rect: rect)
        case .boundary:
            ExplorerCharts.renderBoundary(ChartFixtures.parameters(k: 4), style: style, into: &buffer, rect: rect)
        }
        return buffer
    }

    @Test func tinyAndHugeRectsRenderInsideTheirRect() {
        var sizes = (0...4).flatMap { w in (0...4).map { (w, $0) } }
        sizes.append((400, 120))
        for chart in ChartFixtures.Chart.allCases {
            for style in Self.styles {
                for simulated in chart == .boundary ? [false] : [false, true] {
                    for (w, h) in sizes {
                        let rect = Rect(x: 2, y: 2, width: w, height: h)
                        let buffer = Self.renderFramed(chart, rect: rect, style: style, simulated: simulated)
                        var outside = 0
                        for y in 0..<buffer.height {
                            for x in 0..<buffer.width where !(x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY) {
                                if buffer[x, y].character != "#" { outside += 1 }
                            }
                        }
                        #expect(outside == 0, "\(chart) \(w)x\(h) wrote outside its rect")
                        if w >= 30 && h >= 12 {
                            let inside = (rect.y..<rect.maxY).flatMap { y in (rect.x..<rect.maxX).map { buffer[$0, y].character } }
                            #expect(inside.contains { $0 != " " }, "\(chart) \(w)x\(h) drew nothing")
                        }
                    }
                }
            }
        }
    }

    @Test func everySizeUpToSmallScreensDegradesWithoutCrashing() {
        for chart in ChartFixtures.Chart.allCases {
            for w in stride(from: 0, through: 90, by: 3) {
                for h in stride(from: 0, through: 30, by: 2) {
                    let buffer = ChartFixtures.render(chart, width: w, height: h, style: ChartStyle(ascii: w % 2 == 0, color: true))
                    #expect(Picture.rows(buffer).count == h)
                }
            }
        }
    }

    @Test func rectsPartlyOutsideTheBufferAreClipped() {
        var buffer = CellBuffer(width: 20, height: 8)
        ExplorerCharts.renderSweep(ChartFixtures.sweep(.data, k: 4), marker: 1000, style: ChartStyle(),
                                   into: &buffer, rect: Rect(x: -10, y: -3, width: 60, height: 16))
        ExplorerCharts.renderBoundary(.paperDefaults, style: ChartStyle(), into: &buffer, rect: Rect(x: 12, y: 4, width: 60, height: 16))
        #expect(buffer.lines.count == 8)
    }

    @Test func oddSweepsDoNotCrash() {
        let base = ChartFixtures.sweep(.data, k: 4)
        var nanSweep = base
        nanSweep.series[0].values = nanSweep.series[0].values.enumerated().map { $0.offset % 3 == 0 ? .nan : $0.element }
        nanSweep.series[2].values = nanSweep.series[2].values.map { _ in .infinity }
        var empty = base
        empty.xs = []
        empty.series = empty.series.map { var s = $0; s.values = []; return s }
        var single = base
        single.xs = [50]
        single.series = single.series.map { var s = $0; s.values = [0.4]; return s }
        var shortValues = base
        shortValues.series[1].values = Array(shortValues.series[1].values.prefix(3))
        var narrowRange = Sweeper.expected(.paperDefaults, axis: .m2, from: 3, to: 700, points: 6)
        narrowRange.series[3].lower = [0, 0]
        narrowRange.series[3].upper = [1]
        for sweep in [nanSweep, empty, single, shortValues, narrowRange] {
            for marker in [nil, 0, -5, 1e12, .nan, 50] as [Double?] {
                for (w, h) in [(60, 16), (7, 5), (200, 50)] {
                    var buffer = CellBuffer(width: w, height: h)
                    ExplorerCharts.renderSweep(sweep, simulated: sweep, marker: marker, style: ChartStyle(), into: &buffer, rect: buffer.bounds)
                    #expect(buffer.lines.count == h)
                }
            }
        }
        for (p1, zeta, k) in [(0.0, 0.5, 2), (1, 0.001, 64), (0.5, 0.999, 3), (0.3, 0.2, 8)] {
            var buffer = CellBuffer(width: 61, height: 17)
            ExplorerCharts.renderBoundary(ModelParameters(p1: p1, zeta: zeta, k: k), style: ChartStyle(), into: &buffer, rect: buffer.bounds)
            #expect(BufferExport.text(buffer).contains("|Y|=\(k)"))
        }
    }
}
