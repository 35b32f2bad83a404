import Foundation
import Testing
@testable import IIACharts

@Suite struct HeatmapTests {
    func plot(_ heatmap: PlotHeatmap?, ascii: Bool = false) -> Plot {
        var plot = Plot(x: PlotXAxis(scale: .linear, lower: 0, upper: 1, title: "x", format: .fraction),
                        y: PlotYAxis(range: .unit, title: "y"), rightMargin: 2, appearance: ChartAppearance(ascii: ascii))
        plot.heatmap = heatmap
        return plot
    }

    /// A grid the size of the plot area: value = column / (columns - 1).
    func rendered(_ theme: Theme, ascii: Bool, nanColumn: Int? = nil) -> (buffer: CellBuffer, area: Rect, grid: PlotHeatmap) {
        let rect = Rect(x: 0, y: 0, width: 60, height: 20)
        let area = PlotRenderer.plotArea(plot(nil, ascii: ascii), in: rect)
        let values = (0..<area.height).flatMap { _ in
            (0..<area.width).map { $0 == nanColumn ? Double.nan : Double($0) / Double(area.width - 1) }
        }
        let heatmap = PlotHeatmap(columns: area.width, rows: area.height, values: values,
                                  scale: HeatmapScale.themed(theme, ascii: ascii))
        var buffer = CellBuffer(width: rect.width, height: rect.height)
        let drawn = PlotRenderer.render(plot(heatmap, ascii: ascii), into: &buffer, rect: rect)
        #expect(drawn.plot == area)
        return (buffer, area, heatmap)
    }

    @Test func everyCellHasItsValuesStepAndTheRampIsMonotone() {
        for theme in Theme.all {
            for ascii in [false, true] {
                let (buffer, area, heatmap) = rendered(theme, ascii: ascii)
                var lastStep = -1
                for column in 0..<area.width {
                    let value = heatmap.value(column: column, row: 0)
                    let step = heatmap.scale.step(of: value)!
                    #expect(step >= lastStep)
                    lastStep = step
                    for row in 0..<area.height {
                        #expect(buffer[area.x + column, area.y + row] == heatmap.scale.steps[step], "\(theme.variant) \(theme.colorMode)")
                    }
                }
                #expect(lastStep == heatmap.scale.steps.count - 1)
                #expect(Set(heatmap.scale.steps).count == heatmap.scale.steps.count, "every step differs")
            }
        }
    }

    @Test func asciiUsesTheShadingRampAndColourUsesBackgrounds() {
        let ascii = HeatmapScale.themed(.dark, ascii: true)
        #expect(ascii.steps.map(\.character) == HeatmapScale.asciiRamp)
        #expect(ascii.steps.allSatisfy { $0.character.isASCII })
        let tinted = HeatmapScale.themed(.dark, ascii: false)
        #expect(tinted.steps.allSatisfy { $0.character == " " && $0.style.background != .default })
        let eight = HeatmapScale.themed(Theme.resolve(.dark, .basic8), ascii: false)
        #expect(eight.steps.map(\.character) == HeatmapScale.shadeRamp)
        #expect(eight.steps.allSatisfy { $0.style.foreground != .default })
        #expect(HeatmapScale.themed(.dark, ascii: false).step(of: -3) == 0)
        #expect(HeatmapScale.themed(.dark, ascii: false).step(of: 7) == tinted.steps.count - 1)
    }

    @Test func nonFiniteCellsAreBlank() {
        let (buffer, area, _) = rendered(.dark, ascii: false, nanColumn: 5)
        for row in 0..<area.height {
            #expect(buffer[area.x + 5, area.y + row] == Cell())
            #expect(buffer[area.x + 6, area.y + row] != Cell())
        }
    }

    @Test func theColourScaleLegendDrawsItsCells() {
        var plot = plot(nil)
        let steps = HeatmapScale.themed(.dark, ascii: false).steps
        var item = LegendItem(key: String(repeating: "#", count: steps.count), keyStyle: .plain, text: "P")
        item.keyCells = steps
        plot.legend = [item]
        var buffer = CellBuffer(width: 40, height: 12)
        PlotRenderer.render(plot, into: &buffer, rect: buffer.bounds)
        let start = "y".count + Legend.separator
        #expect((0..<steps.count).map { buffer[start + $0, 0] } == steps)
    }

    @Test func anyValuesAndAnyRectDrawWithoutTrapping() {
        let odd: [Double] = [.nan, .infinity, -.infinity, -1e308, 1e308, 0, 1, 0.5, -0.0, .leastNonzeroMagnitude]
        for (w, h) in [(0, 0), (1, 1), (3, 2), (7, 5), (40, 12), (300, 90)] {
            for (columns, rows) in [(1, 1), (2, 3), (500, 1), (7, 400)] {
                let values = (0..<(columns * rows)).map { odd[$0 % odd.count] }
                let heatmap = PlotHeatmap(columns: columns, rows: rows, values: Array(values.prefix(columns * rows - 1)),
                                          scale: HeatmapScale.themed(.dark, ascii: false))
                var buffer = CellBuffer(width: max(1, w), height: max(1, h))
                PlotRenderer.render(plot(heatmap), into: &buffer, rect: Rect(x: 0, y: 0, width: w, height: h))
                _ = FigureSVG.render(plot(heatmap))
            }
        }
        #expect(PlotHeatmap(columns: 0, rows: -4, values: [], scale: HeatmapScale(steps: [])).value(column: 0, row: 0).isNaN)
    }

    @Test func theFigureDrawsTheHeatmapAsRectangles() {
        let heatmap = PlotHeatmap(columns: 4, rows: 2, values: [0, 0.3, 0.6, 1, .nan, 0.3, 0.6, 1],
                                  scale: HeatmapScale.themed(.dark, ascii: false))
        let without = FigureSVG.render(plot(nil)), with = FigureSVG.render(plot(heatmap))
        let count = { (svg: String) in svg.components(separatedBy: "<rect").count }
        #expect(count(with) - count(without) == 7)
        #expect(!with.contains("nan") && !with.contains("inf"))
    }

    @Test func backgroundRampsKeepTheCurveAndThePointLegible() {
        for theme in Theme.all where theme.heatmapUsesBackground {
            for step in theme.heatmapRamp {
                for role in [theme.strong, theme.currentPoint] {
                    let ratio = ContrastCheck.ratio(role.foreground, step.background, theme: theme)
                    #expect(ratio >= 3, "\(theme.variant) \(step.background): \(ratio)")
                }
            }
        }
    }
}

/// WCAG contrast of two palette colours with the xterm RGB values (`.default`: the canvas).
enum ContrastCheck {
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ offset: Int) -> Double {
            let value = Double(Int(String(digits[offset..<offset + 2]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    static func ratio(_ a: TerminalColor, _ b: TerminalColor, theme: Theme) -> Double {
        let la = luminance(SVGExport.color(a, default: theme.canvas.foreground))
        let lb = luminance(SVGExport.color(b, default: theme.canvas.background))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
