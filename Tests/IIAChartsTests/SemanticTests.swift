import Testing
@testable import IIACharts
@testable import IIAApp
import IIACore

/// The pictures say what the solver says.
struct SemanticTests {
    static let ascii = ChartStyle(ascii: true, color: false)

    /// The row of the plot where the chart draws P(M1) = `value` (ASCII: one dot per cell).
    static func row(of value: Double, in buffer: CellBuffer) -> Int? {
        let rows = Picture.rows(buffer)
        // The y labels are two or three columns wide.
        func tick(_ label: String) -> (String) -> Bool { { $0.hasPrefix("  \(label)+") || $0.hasPrefix(" \(label)+") } }
        guard let top = rows.firstIndex(where: tick("1")), let bottom = rows.firstIndex(where: tick("0")) else { return nil }
        return top + Int(((1 - value) * Double(bottom - top)).rounded())
    }

    /// The curve-end glyph of `algorithm` sits in the right margin at the row of its last value.
    @Test(arguments: [(SweepAxis.data, 2), (.data, 4), (.m2, 4), (.m2, 2)])
    func curveEndsWhereTheSolverSays(axis: SweepAxis, k: Int) throws {
        let sweep = ChartFixtures.sweep(axis, k: k)
        let buffer = ChartFixtures.render(axis == .data ? .data : .m2, k: k, width: 60, height: 16, style: Self.ascii)
        let marginColumn = Picture.rows(buffer).map { $0.count }.max()! // the longest row ends in the margin
        #expect(marginColumn <= 60)
        for algorithm in [Algorithm.rlpo, .il] {
            let last = try #require(sweep.series(for: algorithm)?.values.last)
            let expectedRow = try #require(Self.row(of: last, in: buffer))
            let rowText = Picture.rows(buffer)[expectedRow]
            #expect(rowText.suffix(4).contains(algorithm.chartGlyph),
                    "\(algorithm) ends at P(M1)=\(last): expected its glyph at the end of row \(expectedRow): \(rowText)")
        }
    }

    /// The paper's story: with k = 2 RLPO/DPO go to M1 as |D| grows, with k = 4 to M2.
    @Test func rlpoLimitsMatchTheBoundary() throws {
        for k in [2, 4] {
            let sweep = ChartFixtures.sweep(.data, k: k)
            let last = try #require(sweep.series(for: .rlpo)?.values.last)
            let verdict = FailureBoundary.verdict(ChartFixtures.parameters(k: k))
            #expect(verdict.limit == (last > 0.5 ? .m1 : .m2), "k=\(k): P(M1)(1e4)=\(last)")
            let buffer = ChartFixtures.render(.data, k: k, width: 60, height: 16, style: Self.ascii)
            let endRow = try #require(Self.row(of: verdict.limit == .m1 ? 1 : 0, in: buffer))
            // RLPO's glyph labels its curve's end (the two extra algorithms' glyphs may follow).
            #expect(Picture.rows(buffer)[endRow].suffix(4).contains("*"))
        }
    }

    @Test func rlpoAndDpoAreMergedWhenEqualAndDashedOtherwise() {
        let sweep = ChartFixtures.sweep(.data, k: 4)
        let equal = SweepChartData.sameCurve(sweep.series(for: .rlpo), sweep.series(for: .dpo))
        let text = BufferExport.text(ChartFixtures.render(.data, width: 60, height: 16, style: Self.ascii))
        #expect(text.contains("RLPO=DPO") == equal)
        var different = sweep
        different.series[1].values = different.series[1].values.map { min(1, $0 + 0.2) }
        var buffer = CellBuffer(width: 60, height: 16)
        ExplorerCharts.renderSweep(different, marker: nil, style: Self.ascii, into: &buffer, rect: buffer.bounds)
        let rows = Picture.rows(buffer)
        #expect(!rows[0].contains("RLPO=DPO") && rows[0].contains("+ DPO") && rows[0].contains("* RLPO"))
        #expect(rows.dropFirst().contains { $0.contains("+") && $0.contains("*") })
    }

    @Test func markerLineAndLabel() {
        let rows = Picture.rows(ChartFixtures.render(.data, width: 60, height: 16, style: Self.ascii))
        #expect(rows.contains { $0.contains("|D|=1000") })
        let axis = rows.first { $0.contains("+-") }!
        let tickColumns = axis.indices.filter { axis[$0] == "+" }.map { axis.distance(from: axis.startIndex, to: $0) }
        // |D| = 1000 is the fourth decade tick (1, 10, 100, 1k): the marker line runs down that column.
        let markerColumn = tickColumns[4]
        let plotRows = rows[2..<12]
        #expect(plotRows.filter { Array($0).count > markerColumn && Array($0)[markerColumn] == "|" }.count >= 5)
    }

    @Test func bandLegendNamesTheDatasets() {
        let text = BufferExport.text(ChartFixtures.render(.data, width: 80, height: 20, style: Self.ascii, simulated: true))
        #expect(text.contains("dotted: mean of 20 datasets"))
        #expect(text.contains("10-90% band (RLPO)"))
        #expect(text.contains(":::"))
    }

    /// The current point is below F for k = 4 (→ M2, perverse) and above it for k = 2 (→ M1).
    @Test(arguments: [2, 4])
    func boundaryPointIsOnTheRightSide(k: Int) throws {
        let buffer = ChartFixtures.render(.boundary, k: k, width: 60, height: 16, style: Self.ascii)
        let point = try #require(Picture.positions(of: "@", in: buffer).first { $0.y > 1 })
        let curveRows = Picture.positions(of: "*", in: buffer).filter { $0.x == point.x && $0.y > 1 }.map(\.y)
        let verdict = FailureBoundary.verdict(ChartFixtures.parameters(k: k))
        let text = BufferExport.text(buffer)
        if verdict.limit == .m2 {
            // F above the point: the curve's row is higher up (smaller), the point sits in the hatched part.
            #expect(curveRows.allSatisfy { $0 < point.y } && !curveRows.isEmpty)
            #expect(buffer[point.x + 1, point.y].character == "/")
            #expect(text.contains("-> M2 (perverse)"))
        } else {
            #expect(text.contains("-> M1") && !text.contains("(perverse)"))
        }
        #expect(text.contains("|Y|=\(k): p*(1)=0.60"))
        #expect(text.contains(String(format: "F(0.80)=%.3f", verdict.boundary)))
    }

    @Test func asciiRendersArePureASCII() {
        for chart in ChartFixtures.Chart.allCases {
            for (w, h) in [(60, 16), (120, 40), (25, 9)] {
                let buffer = ChartFixtures.render(chart, width: w, height: h, style: ChartStyle(ascii: true, color: true), simulated: chart != .boundary)
                let text = BufferExport.text(buffer)
                #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(chart) \(w)x\(h)")
                let lines = Picture.rows(buffer)
                #expect(lines.count == h && lines.allSatisfy { $0.count <= w && !$0.hasSuffix(" ") })
            }
        }
    }
}
