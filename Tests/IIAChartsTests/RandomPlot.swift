import IIACharts
import IIACore

/// Random finite plots: any axes (tiny, huge, reversed, empty ranges), every kind of layer with
/// values from 0 to ±1e308.
enum RandomPlot {
    static func value(_ random: inout SplitMix64) -> Double {
        switch random.next() % 6 {
        case 0: return 0
        case 1: return Double(random.next() % 1000) / 100 - 5
        case 2: return Double.random(in: -1...1, using: &random) * 1e308
        case 3: return Double.random(in: -1e-300...1e-300, using: &random)
        case 4: return Double.random(in: 0...1, using: &random)
        default: return Double.random(in: -1e6...1e6, using: &random)
        }
    }

    static func points(_ random: inout SplitMix64) -> [PlotPoint] {
        (0..<Int(random.next() % 50)).map { _ in PlotPoint(value(&random), value(&random)) }
    }

    static func function(_ random: inout SplitMix64) -> SampledFunction {
        let a = value(&random), b = value(&random), kind = random.next() % 4
        return SampledFunction(key: "random \(a) \(b) \(kind)") { x in
            switch kind {
            case 0: return a + b * x
            case 1: return a * x * x
            case 2: return x > b ? a : -a
            default: return a / max(1e-300, abs(x - b))
            }
        }
    }

    static func make(_ random: inout SplitMix64) -> Plot {
        let log = random.next() % 2 == 0
        let x = PlotXAxis(scale: log ? .logarithmic : .linear, lower: value(&random), upper: value(&random), title: "x <&>",
                          longTitle: random.next() % 2 == 0 ? "long x" : nil, format: random.next() % 2 == 0 ? .count : .fraction,
                          secondary: random.next() % 3 == 0 ? .init(title: "P", intercept: value(&random), slope: value(&random),
                                                                     format: .probabilityFromLogOdds) : nil)
        var plot = Plot(x: x, y: PlotYAxis(range: random.next() % 2 == 0 ? .unit : .fitted, title: "y"), rightMargin: 2,
                        appearance: ChartAppearance())
        let style = CellStyle()
        for index in 0..<Int(random.next() % 5) {
            var series = random.next() % 2 == 0
                ? PlotSeries(.points(points(&random)), glyph: "*", style: style, pattern: .dashed)
                : PlotSeries(.function(function(&random), baseline: random.next() % 2 == 0 ? function(&random) : nil), glyph: "o", style: style)
            series.figure = FigureLook(legend: "series \(index)", marker: random.next() % 2 == 0 ? .star : nil,
                                       width: random.next() % 5 == 0 ? value(&random) : nil)
            plot.series.append(series)
        }
        let count = Int(random.next() % 20)
        plot.bands = random.next() % 2 == 0 ? [] : [PlotBand(xs: (0..<count).map { _ in value(&random) },
                                                             lower: (0..<count).map { _ in value(&random) },
                                                             upper: (0..<count).map { _ in value(&random) }, fill: Cell(" "))]
        plot.regions = (0..<Int(random.next() % 3)).map { _ in
            var region = PlotRegion(lower: random.next() % 2 == 0 ? function(&random) : nil, upper: function(&random),
                                    fill: Cell("."), label: "region")
            region.figure = FigureLook(legend: "r", hatched: true, fillOpacity: value(&random))
            return region
        }
        plot.horizontalLines = [HorizontalLine(y: value(&random), glyph: "=", style: style, label: "h")]
        plot.verticalLines = [VerticalLine(x: value(&random), glyph: "|", style: style, label: "v", placement: .besideHighest)]
        plot.markers = [PlotMarker(.point(x: value(&random), y: value(&random)), glyph: "●", style: style)]
        if !plot.series.isEmpty {
            plot.markers.append(PlotMarker(.onSeries(Int(random.next() % 9), x: value(&random)), glyph: "○", style: style))
            plot.trail = PlotTrail(stops: (0..<Int(random.next() % 8)).map { _ in .init(x: value(&random), kind: .step) }, series: 0,
                                   glyph: "•", style: style, alternateStyle: style, startLabel: "S", alternatePrefix: "b",
                                   rangeSeparator: "–", arrows: ("◀", "▶"))
        }
        plot.labels = [PlotLabel("label", at: .point(x: value(&random), y: value(&random)), style: style, placement: .around(rowOffsets: [0]))]
        plot.axisMarks = [AxisMark(x: value(&random), text: "[", style: style)]
        plot.caption = PlotCaption(parts: ["a caption", String(repeating: "word ", count: Int(random.next() % 100))], style: style)
        return plot
    }
}
