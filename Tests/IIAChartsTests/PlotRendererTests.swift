import Testing
@testable import IIACharts

/// The generic plot renderer on plain data: each layer lands where its data says, labels never
/// cover a curve, and random finite data at random sizes never traps.
struct PlotRendererTests {
    static let ascii = ChartAppearance(ascii: true, axis: .plain, title: CellStyle(bold: true))

    /// A unit plot over x in 0…10 with a rising line y = x / 10 drawn with "*".
    static func risingLine(ascii: Bool = true) -> Plot {
        let appearance = ascii ? Self.ascii : ChartAppearance(ascii: false, axis: .plain, title: .plain)
        var plot = Plot(x: PlotXAxis(scale: .linear, lower: 0, upper: 10, title: "x", format: .significant(3)),
                        y: PlotYAxis(range: .unit, title: "y"), rightMargin: 3, appearance: appearance)
        plot.series = [PlotSeries(.points((0...10).map { PlotPoint(Double($0), Double($0) / 10) }), glyph: "*", style: .plain)]
        return plot
    }

    static func render(_ plot: Plot, width: Int = 60, height: Int = 20) -> (CellBuffer, PlotRendering) {
        var buffer = CellBuffer(width: width, height: height)
        let rendering = PlotRenderer.render(plot, into: &buffer, rect: buffer.bounds)
        return (buffer, rendering)
    }

    @Test func aSeriesRisesFromBottomLeftToTopRight() {
        let (buffer, rendering) = Self.render(Self.risingLine())
        let area = rendering.plot
        #expect(!area.isEmpty)
        #expect(buffer[area.x, area.maxY - 1].character == "*")
        #expect(buffer[area.maxX - 1, area.y].character == "*")
        #expect(buffer[area.maxX - 1, area.maxY - 1].character == " ")
    }

    @Test func aBandFillsBetweenItsCurvesOnly() {
        var plot = Self.risingLine()
        plot.series = []
        plot.bands = [PlotBand(xs: [0, 10], lower: [0.25, 0.25], upper: [0.75, 0.75], fill: Cell(":"))]
        let (buffer, rendering) = Self.render(plot)
        let area = rendering.plot
        let column = area.x + area.width / 2
        let filled = (area.y..<area.maxY).filter { buffer[column, $0].character == ":" }
        #expect(!filled.isEmpty)
        #expect(!filled.contains(area.y) && !filled.contains(area.maxY - 1))
        #expect(filled.count < area.height / 2 + 2 && filled.count > area.height / 2 - 2)
    }

    @Test func aRegionBelowACurveIsShadedBelowItOnly() {
        var plot = Self.risingLine()
        plot.series = []
        plot.regions = [PlotRegion(lower: nil, upper: SampledFunction(key: "x/10") { $0 / 10 }, fill: Cell("."))]
        let (buffer, rendering) = Self.render(plot)
        let area = rendering.plot
        #expect(buffer[area.maxX - 1, area.maxY - 1].character == ".")
        #expect(buffer[area.x, area.y].character == " ")
        #expect(buffer[area.maxX - 1, area.y + 1].character == ".")
        #expect(buffer[area.x + 1, area.y + 1].character == " ")
    }

    @Test func referenceLinesAndMarkersSitOnTheirRowsAndCells() {
        var plot = Self.risingLine()
        plot.horizontalLines = [HorizontalLine(y: 0.5, glyph: "=", style: .plain, label: "half")]
        plot.verticalLines = [VerticalLine(x: 2, glyph: "|", style: .plain, label: "x=2", placement: .besideHighest)]
        plot.markers = [PlotMarker(.point(x: 8, y: 0.2), glyph: "@", style: .plain)]
        let (buffer, rendering) = Self.render(plot)
        let area = rendering.plot
        let row = area.y + (area.height - 1) / 2
        let lineRow = (area.y..<area.maxY).first { buffer.line($0).filter { $0 == "=" }.count > area.width / 3 }
        #expect(lineRow.map { abs($0 - row) <= 1 } == true)
        #expect(buffer.lines.joined().contains("half"))
        #expect(rendering.verticalLineColumns.count == 1)
        let column = rendering.verticalLineColumns[0]
        #expect((area.y..<area.maxY).filter { buffer[column, $0].character == "|" }.count >= area.height - 3)
        #expect(rendering.markerCells.count == 1)
        let marker = rendering.markerCells[0]
        #expect(buffer[marker.column, marker.row].character == "@")
    }

    @Test func labelsNeverCoverASeriesCell() {
        for ascii in [true, false] {
            var plot = Self.risingLine(ascii: ascii)
            let (bare, _) = Self.render(plot)
            plot.labels = (0...10).map { PlotLabel("label\($0)", at: .point(x: Double($0), y: Double($0) / 10), style: .plain,
                                                     placement: .around(rowOffsets: [0, -1, 1, -2, 2])) }
            plot.horizontalLines = [HorizontalLine(y: 0.5, glyph: "=", style: .plain, label: "a long reference label")]
            let (labelled, rendering) = Self.render(plot)
            let area = rendering.plot
            for y in area.y..<area.maxY {
                for x in area.x..<area.maxX where bare[x, y].character != " " {
                    #expect(labelled[x, y].character == bare[x, y].character, "label over the curve at \(x),\(y)")
                }
            }
            #expect(labelled.lines.joined().contains("label"))
        }
    }

    @Test func randomFiniteDataAtRandomSizesNeverTraps() {
        var random = LabelPlacerTests.Generator(state: 11)
        func value() -> Double {
            let scales = [1e-300, 1e-6, 1, 1e6, 1e300]
            let sign: Double = random.next() % 2 == 0 ? 1 : -1
            return sign * Double(random.int(0...1000)) / 1000 * scales[random.int(0...4)]
        }
        for trial in 0..<120 {
            let fitted = trial % 2 == 0, log = trial % 3 == 0
            var plot = Plot(x: PlotXAxis(scale: log ? .logarithmic : .linear, lower: value(), upper: value(), title: "x",
                                         format: trial % 4 == 0 ? .probabilityFromLogOdds : .count),
                            y: PlotYAxis(range: fitted ? .fitted : .unit, title: "y"), rightMargin: random.int(0...8),
                            appearance: ChartAppearance(ascii: trial % 5 == 0, axis: .plain, title: .plain))
            let points = (0..<random.int(0...12)).map { _ in PlotPoint(value(), value()) }
            let offset = value()
            plot.series = [PlotSeries(.points(points), glyph: "*", style: .plain, pattern: .dashed, inlineGlyph: Cell("o"), name: "pts"),
                           PlotSeries(.function(SampledFunction(key: "f") { $0 * $0 + offset }, baseline: nil), glyph: "f", style: .plain)]
            plot.bands = [PlotBand(xs: points.map(\.x), lower: points.map(\.y), upper: points.map { $0.y + 1 }, fill: Cell(":"))]
            plot.regions = [PlotRegion(lower: .constant(value()), upper: nil, fill: Cell("."), label: "region")]
            plot.horizontalLines = [HorizontalLine(y: value(), glyph: "=", style: .plain, label: "h"),
                                    HorizontalLine(y: value(), glyph: "~", style: .plain, label: "g")]
            plot.verticalLines = [VerticalLine(x: value(), glyph: "|", style: .plain, label: "v", placement: .atTop)]
            plot.markers = [PlotMarker(.point(x: value(), y: value()), glyph: "@", style: .plain),
                            PlotMarker(.onSeries(1, x: value()), glyph: "#", style: .plain)]
            plot.trail = PlotTrail(stops: (0..<4).map { PlotTrail.Stop(x: value(), kind: $0 == 0 ? .start : .step) }, series: 1,
                                   glyph: "•", style: .plain, alternateStyle: .plain, startLabel: "S", alternatePrefix: "b",
                                   rangeSeparator: "-", arrows: ("<", ">"))
            plot.labels = [PlotLabel("free", at: .point(x: value(), y: value()), style: .plain, placement: .beside(rowOffsets: [0, 1]))]
            plot.marginLabels = [MarginLabel(y: value(), text: "m", style: .plain)]
            plot.axisMarks = [AxisMark(x: value(), text: "[", style: .plain)]
            plot.caption = PlotCaption(parts: ["a caption", "more"], style: .plain)
            let width = random.int(0...160), height = random.int(0...60)
            var buffer = CellBuffer(width: width + 4, height: height + 4)
            PlotRenderer.render(plot, into: &buffer, rect: Rect(x: random.int(-3...3), y: random.int(-3...3), width: width, height: height))
        }
    }
}
