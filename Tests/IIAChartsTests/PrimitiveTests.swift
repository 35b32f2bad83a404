import Testing
@testable import IIACharts
@testable import IIAApp

struct BrailleTests {
    /// Unicode braille: dots 1-2-3 down the left column, 4-5-6 down the right, 7 and 8 below.
    static let expectedBits: [(x: Int, y: Int, bit: UInt8)] = [
        (0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (1, 0, 0x08),
        (1, 1, 0x10), (1, 2, 0x20), (0, 3, 0x40), (1, 3, 0x80),
    ]

    @Test func eachDotSetsItsBit() {
        for (x, y, bit) in Self.expectedBits {
            #expect(Braille.bit(x: x, y: y) == bit, "dot (\(x), \(y))")
            var canvas = DotCanvas(columns: 1, rows: 1, braille: true)
            canvas.set(x, y, glyph: "*", style: .plain)
            var buffer = CellBuffer(width: 1, height: 1)
            canvas.blit(into: &buffer, x: 0, y: 0)
            #expect(buffer[0, 0].character == Character(Unicode.Scalar(0x2800 + UInt32(bit))!), "dot (\(x), \(y))")
            #expect(Braille.bits(of: buffer[0, 0].character) == bit)
        }
    }

    @Test func dotsInOneCellAccumulate() {
        var canvas = DotCanvas(columns: 2, rows: 1, braille: true)
        for (x, y, _) in Self.expectedBits { canvas.set(x + 2, y, glyph: "*", style: .plain) }
        canvas.set(0, 0, glyph: "*", style: .plain)
        canvas.set(1, 3, glyph: "*", style: .plain)
        var buffer = CellBuffer(width: 2, height: 1)
        canvas.blit(into: &buffer, x: 0, y: 0)
        #expect(buffer[1, 0].character == "⣿")
        #expect(buffer[0, 0].character == Braille.character(0x01 | 0x80))
    }

    @Test func dotsOutsideTheCanvasAreIgnored() {
        var canvas = DotCanvas(columns: 1, rows: 1, braille: true)
        canvas.set(-1, 0, glyph: "*", style: .plain)
        canvas.set(2, 0, glyph: "*", style: .plain)
        canvas.set(0, 4, glyph: "*", style: .plain)
        #expect(!canvas.isSet(column: 0, row: 0))
    }

    @Test func asciiCanvasUsesOneGlyphPerCell() {
        var canvas = DotCanvas(columns: 3, rows: 1, braille: false)
        var phase = 0
        canvas.line(from: (0, 0), to: (2, 0), glyph: "o", style: .plain, phase: &phase)
        var buffer = CellBuffer(width: 3, height: 1)
        canvas.blit(into: &buffer, x: 0, y: 0)
        #expect(buffer.line(0) == "ooo")
    }
}

struct LogAxisTests {
    @Test(arguments: [41, 97, 401])
    func decadesAreEvenlySpaced(count: Int) {
        let axis = LogAxis(lower: 1, upper: 10_000, count: count)
        let columns = [1.0, 10, 100, 1000, 10_000].map { axis.index($0) }
        #expect(columns.first == 0)
        #expect(columns.last == count - 1)
        let step = (count - 1) / 4
        #expect(columns == (0...4).map { $0 * step })
    }

    @Test(arguments: [10, 33, 60, 98])
    func decadesAreEvenlySpacedWithinRounding(count: Int) {
        let axis = LogAxis(lower: 1, upper: 100_000, count: count)
        let positions = (0...5).map { axis.position(pow10($0)) }
        #expect(abs(positions[0]) < 1e-9)
        #expect(abs(positions[5] - Double(count - 1)) < 1e-9)
        let gaps = zip(positions, positions.dropFirst()).map { $1 - $0 }
        for gap in gaps { #expect(abs(gap - Double(count - 1) / 5) < 1e-9) }
        let columns = (0...5).compactMap { axis.index(pow10($0)) }
        let columnGaps = zip(columns, columns.dropFirst()).map { $1 - $0 }
        #expect(columnGaps.max()! - columnGaps.min()! <= 1)
    }

    @Test func anyPositiveRangeMapsEndsToEnds() {
        let axis = LogAxis(lower: 3.5, upper: 720, count: 50)
        #expect(axis.index(3.5) == 0)
        #expect(axis.index(720) == 49)
        #expect(axis.index(1) == nil)
        #expect(abs(axis.value(at: 49) - 720) < 1e-9)
    }

    @Test func degenerateRangesStillMap() {
        for axis in [LogAxis(lower: 0, upper: 0, count: 5), LogAxis(lower: 5, upper: 5, count: 5),
                     LogAxis(lower: .nan, upper: -1, count: 0), LogAxis(lower: 100, upper: 10, count: 5)] {
            #expect(axis.lower > 0 && axis.upper > axis.lower && axis.count >= 1)
            #expect(axis.position(axis.lower).isFinite)
        }
    }

    private func pow10(_ e: Int) -> Double { (0..<e).reduce(1.0) { x, _ in x * 10 } }
}

struct AxisTickTests {
    @Test func labels() {
        #expect([1.0, 10, 100, 1000, 10_000, 100_000, 1e6, 2500].map(AxisTicks.countLabel)
            == ["1", "10", "100", "1k", "10k", "100k", "1M", "2.5k"])
        #expect([0.0, 0.25, 0.5, 1].map(AxisTicks.fractionLabel) == ["0", ".25", ".5", "1"])
        #expect(AxisTicks.logTicks(lower: 1, upper: 10_000) == [1, 10, 100, 1000, 10_000])
        #expect(AxisTicks.logTicks(lower: 3, upper: 700) == [10, 100])
        #expect(AxisTicks.logTicks(lower: 2, upper: 8) == [2, 5])
        #expect(AxisTicks.logTicks(lower: 2.2, upper: 4).count == 2)
    }

    @Test func placedLabelsNeverOverlapAndStayInside() {
        let labels = [1.0, 10, 100, 1000, 10_000, 100_000].map(AxisTicks.countLabel)
        for width in 1...80 {
            for offset in [0, 7] {
                let ticks = labels.indices.map { (column: offset + $0 * (width - 1) / max(1, labels.count - 1), label: labels[$0]) }
                let placed = AxisTicks.placeHorizontal(ticks, lower: offset, upper: offset + width)
                for label in placed {
                    #expect(label.start >= offset && label.end <= offset + width, "width \(width)")
                }
                for (a, b) in zip(placed, placed.dropFirst()) { #expect(b.start > a.end, "width \(width): \(a) \(b)") }
                if width >= 30 { #expect(placed.count == labels.count, "width \(width) should fit all labels") }
            }
        }
    }

    /// In rendered charts the tick-label row only ever holds whole labels and the axis title.
    @Test func renderedTickLabelsAreWholeAndInside() {
        let valid: [ChartFixtures.Chart: Set<String>] = [
            .data: ["1", "10", "100", "1k", "10k", "|D|"], .m2: ["1", "10", "100", "1k", "10k", "100k", "|M2|"],
            .boundary: Set(["0", "1", ".25", ".5", ".75", "zeta"] + (1...9).map { ".\($0)" }),
        ]
        for chart in ChartFixtures.Chart.allCases {
            for width in stride(from: 6, through: 130, by: 3) {
                for ascii in [true, false] {
                    let buffer = ChartFixtures.render(chart, width: width, height: 14, style: ChartStyle(ascii: ascii, color: false))
                    let rows = Picture.rows(buffer)
                    guard let axisRow = rows.firstIndex(where: { $0.contains(ascii ? "+-" : "└") }), axisRow + 1 < rows.count else { continue }
                    let tokens = rows[axisRow + 1].split(separator: " ").map(String.init)
                    #expect(Set(tokens).isSubset(of: valid[chart]!), "\(chart) width \(width): \(rows[axisRow + 1])")
                    #expect(rows[axisRow + 1].count <= width)
                }
            }
        }
    }

    @Test func unitTicksAreTwoRowsApart() {
        for rows in 1...40 {
            let axis = LinearAxis(count: rows, flipped: true)
            let row = { Int(axis.position($0).rounded()) }
            let ticks = AxisTicks.unitTicks(row: row)
            let tickRows = ticks.map(row)
            for (a, b) in zip(tickRows, tickRows.dropFirst()) { #expect(abs(a - b) >= 2) }
            if rows >= 5 { #expect(ticks.contains(0.5) && ticks.contains(1) && ticks.contains(0)) }
        }
    }
}
