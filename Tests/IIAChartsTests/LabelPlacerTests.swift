import Testing
@testable import IIACharts

/// The label placer on plain data: random curves on a canvas, random labels near random points.
struct LabelPlacerTests {
    /// A small deterministic generator (splitmix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    /// A canvas with a few random straight lines.
    static func canvas(columns: Int, rows: Int, braille: Bool, random: inout Generator) -> DotCanvas {
        var canvas = DotCanvas(columns: columns, rows: rows, braille: braille)
        for _ in 0..<random.int(1...4) {
            var phase = 0
            let a = (x: Double(random.int(0...max(0, canvas.dotWidth - 1))), y: Double(random.int(0...max(0, canvas.dotHeight - 1))))
            let b = (x: Double(random.int(0...max(0, canvas.dotWidth - 1))), y: Double(random.int(0...max(0, canvas.dotHeight - 1))))
            canvas.line(from: a, to: b, glyph: "*", style: .plain, phase: &phase)
        }
        return canvas
    }

    @Test func labelsNeverCoverACurveOrOneAnother() {
        var random = Generator(state: 7)
        for trial in 0..<300 {
            let plot = Rect(x: random.int(0...5), y: random.int(0...3), width: random.int(1...60), height: random.int(1...20))
            let canvas = Self.canvas(columns: plot.width, rows: plot.height, braille: trial % 2 == 0, random: &random)
            var placer = LabelPlacer(bounds: plot)
            placer.addCurves(of: canvas, x: plot.x, y: plot.y)
            var placed: [(x: Int, y: Int, length: Int)] = []
            for _ in 0..<random.int(1...12) {
                let text = String(repeating: "a", count: random.int(1...8))
                let x = random.int((plot.x - 2)...(plot.maxX + 2)), y = random.int((plot.y - 1)...(plot.maxY))
                let candidates = LabelPlacer.candidates(near: x, y, length: text.count, rowOffsets: [0, -1, 1, -2, 2])
                guard let start = placer.place(text, candidates: candidates) else { continue }
                #expect(start.x >= plot.x && start.x + text.count <= plot.maxX && start.y >= plot.y && start.y < plot.maxY)
                for cx in start.x..<(start.x + text.count) {
                    #expect(!canvas.isSet(column: cx - plot.x, row: start.y - plot.y), "trial \(trial): label over a curve")
                }
                for other in placed where other.y == start.y {
                    // At least one blank cell between two labels on a row.
                    #expect(start.x + text.count < other.x || other.x + other.length < start.x, "trial \(trial): labels touch")
                }
                placed.append((start.x, start.y, text.count))
            }
        }
    }

    @Test func marginsKeepLabelsOffCurvesAndMarkers() {
        var placer = LabelPlacer(bounds: Rect(x: 0, y: 0, width: 10, height: 1))
        placer.markCurve(x: 4, y: 0)
        #expect(placer.fits(length: 3, x: 0, y: 0))
        #expect(!placer.fits(length: 3, x: 2, y: 0))
        #expect(placer.fits(length: 3, x: 1, y: 0), "no curve margin by default")
        #expect(!placer.fits(length: 3, x: 1, y: 0, curveMargin: 1))
        placer.reserve(x: 8, y: 0)
        #expect(!placer.fits(length: 2, x: 6, y: 0), "a label keeps one blank from a marker")
        #expect(placer.fits(length: 2, x: 6, y: 0, labelMargin: 0))
        #expect(placer.fits(length: 2, x: 5, y: 0))
        #expect(!placer.fits(length: 1, x: 9, y: 0), "right next to the marker")
        // Margin cells outside the bounds count as clear; the label itself must be inside.
        #expect(placer.fits(length: 1, x: 0, y: 0, curveMargin: 1, labelMargin: 1))
        #expect(!placer.fits(length: 11, x: 0, y: 0))
        let start = placer.place("ab", candidates: [(x: 3, y: 0), (x: 5, y: 0)])
        #expect(start?.x == 5 && start?.y == 0)
        #expect(placer.isReserved(x: 5, y: 0) && placer.isReserved(x: 6, y: 0) && !placer.isFree(x: 4, y: 0))
        #expect(placer.place("x", candidates: [(x: 0, y: 1)]) == nil, "outside the bounds")
    }

    @Test func zeroTinyAndHugeRectsAndExtremeRequestsDoNotTrap() {
        for rect in [Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 3, y: 3, width: 1, height: 1),
                     Rect(x: -5, y: -5, width: 2, height: 0), Rect(x: 0, y: 0, width: 4000, height: 3)] {
            var placer = LabelPlacer(bounds: rect)
            placer.addCurves(of: DotCanvas(columns: 3, rows: 2, braille: true), x: rect.x, y: rect.y)
            placer.markCurve(x: Int.max, y: Int.min)
            placer.reserve(x: Int.min, y: Int.max)
            for start in [(x: Int.min / 2, y: 0), (x: Int.max / 2, y: 0), (x: rect.x, y: rect.y), (x: 0, y: Int.min)] {
                _ = placer.fits(length: 3, x: start.x, y: start.y, curveMargin: Int.max, labelMargin: Int.min)
                _ = placer.place("", candidates: [start])
                _ = placer.place(String(repeating: "w", count: 5000), candidates: [start])
            }
            _ = LabelPlacer.candidates(near: 0, 0, length: 3, rowOffsets: [0, -1, 1])
        }
    }

    @Test func aChartFrameTakesAnyRectAndPlainTicks() {
        let appearance = ChartAppearance(ascii: false)
        let items = [LegendItem(key: "*", keyStyle: .plain, text: "series"), LegendItem(key: "", keyStyle: .plain, text: "x")]
        for (width, height) in [(0, 0), (1, 1), (5, 2), (12, 7), (30, 16), (400, 200)] {
            var buffer = CellBuffer(width: width, height: height)
            let legendRows = Legend.rowsNeeded(items, prefix: "y", width: width)
            let frame = ChartFrame(rect: buffer.bounds, legendRows: legendRows, caption: true, yLabelWidth: 3, rightMargin: 5)
            Legend.draw(items, prefix: "y", prefixStyle: appearance.title, into: &buffer, rect: buffer.bounds, rows: frame.legendRows)
            let yTicks = frame.unitYTicks(dotsPerRow: 4)
            #expect(frame.plot.width >= 0 && frame.plot.height >= 0)
            let xTicks = [0.0, 0.5, 1].map { (column: frame.plot.x + Int(saturating: $0 * Double(frame.plot.width)), label: AxisTicks.fractionLabel($0)) }
            frame.drawAxes(into: &buffer, yTicks: yTicks, xTicks: xTicks, xTitle: "x", appearance: appearance)
            #expect(Picture.rows(buffer).count == height)
        }
        #expect(Int(saturating: .infinity) == 1_000_000_000 && Int(saturating: -.infinity) == -1_000_000_000 && Int(saturating: .nan) == 0)
    }
}
