import Foundation
import Testing
@testable import IIAApp
@testable import IIACharts
import IIACore

/// The publication figures: valid XML of vector paths, a legend entry per series, real axes,
/// finite numbers, the chosen curves and range, and no trap on random plots.
struct FigureSVGTests {
    /// The four charts as figures, at the default size.
    static func charts() -> [(name: String, plot: Plot)] {
        let parameters = ModelParameters(k: 4)
        let data = Sweeper.expected(parameters, axis: .data, from: 1, to: 1e4, points: 60)
        let m2 = Sweeper.expected(.paperDefaults, axis: .m2, from: 1, to: 1e5, points: 60)
        return [
            ("data", ExplorerFigures.sweepPlot(data, marker: parameters.dataSize)),
            ("m2", ExplorerFigures.sweepPlot(m2, marker: 100)),
            ("boundary", ExplorerFigures.boundaryPlot(parameters)),
            ("landscape", ExplorerFigures.landscapePlot(parameters, algorithm: .il)),
        ]
    }

    static func expectClean(_ svg: String, _ name: String) -> FigureInspection {
        let figure = FigureInspection(svg)
        #expect(figure.parsed, "\(name) does not parse")
        #expect(!svg.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) }, "\(name) has braille")
        let bad = figure.numbers.filter { Double($0).map { !$0.isFinite } ?? true }
        #expect(bad.isEmpty, "\(name): \(bad.prefix(5))")
        #expect(!svg.lowercased().contains("nan") && !svg.contains("inf\""), "\(name)")
        return figure
    }

    @Test("each chart's figure: XML of paths, no braille, finite numbers, tick labels, a legend entry per named series")
    func chartsAreCleanFigures() {
        for (name, plot) in Self.charts() {
            let svg = FigureSVG.render(plot, options: FigureOptions(title: "P(M1) <&> \"test\""))
            let figure = Self.expectClean(svg, name)
            #expect(!figure.seriesPaths.isEmpty, "\(name) has no curve path")
            #expect(figure.texts(in: "tick-labels").count >= 6, "\(name): \(figure.texts(in: "tick-labels"))")
            #expect(figure.texts.contains { $0.text == "P(M1) <&> \"test\"" }, "\(name): the title is escaped and read back")
            let legend = Set(figure.texts(in: "legend"))
            for series in plot.series {
                guard let text = series.figure.legend else { continue }
                #expect(legend.contains(text), "\(name): no legend entry \(text) in \(legend)")
            }
            #expect(plot.series.allSatisfy { $0.figure.legend != nil }, "\(name): a series without a legend name")
        }
    }

    @Test("every legend key of a line is visible on the page; probability labels keep their leading zero")
    func legendKeysAndLabelsReadOnThePage() {
        let parameters = ModelParameters(k: 4)
        let plots = Self.charts() + [("phase", ExplorerFigures.phasePlot(parameters, algorithm: .rlpo, columns: 20, rows: 12))]
        for (name, plot) in plots {
            let figure = Self.expectClean(FigureSVG.render(plot, options: FigureOptions()), name)
            // The legend's strokes: at least one per line entry, and the topmost (last drawn) of each
            // key darker than the white page (a halo under a key may be white, its stroke not).
            let keys = figure.elements.filter { $0.name == "path" && $0.groups.contains("legend") && $0.attributes["fill"] == "none" }
            let strokes = keys.compactMap { $0.attributes["stroke"] }
            #expect(!strokes.isEmpty, "\(name): no legend key strokes")
            for (index, element) in keys.enumerated() {
                guard let stroke = element.attributes["stroke"], stroke.lowercased() == "#ffffff" else { continue }
                let next = keys.dropFirst(index + 1).first?.attributes["stroke"]?.lowercased()
                #expect(next != nil && next != "#ffffff", "\(name): a white legend key with nothing drawn over it")
            }
            for label in figure.texts(in: "tick-labels") {
                #expect(!label.hasPrefix("."), "\(name): label \(label) without its leading zero")
            }
        }
    }

    @Test("a log axis is ticked at decades; the unit axis at even steps")
    func ticks() {
        let figure = FigureInspection(FigureSVG.render(Self.charts()[0].plot))
        let labels = figure.texts(in: "tick-labels")
        for decade in ["1", "10", "100", "1k", "10k"] { #expect(labels.contains(decade), "\(labels)") }
        for step in ["0", "0.2", "0.4", "0.6", "0.8"] { #expect(labels.contains(step), "\(labels)") }
    }

    @Test("only the chosen algorithms are drawn; the range is the sweep's, edge to edge")
    func algorithmsAndRange() throws {
        let parameters = ModelParameters(k: 4)
        let sweep = Sweeper.expected(parameters, axis: .data, from: 20, to: 500, points: 30)
        let plot = ExplorerFigures.sweepPlot(sweep, marker: nil, algorithms: [.il, .slic])
        let figure = Self.expectClean(FigureSVG.render(plot), "selection")
        let legend = figure.texts(in: "legend")
        #expect(legend.contains("IL") && legend.contains("SLiC"))
        #expect(!legend.contains { $0.hasPrefix("RLPO") || $0 == "DPO" || $0 == "TypeMLE" }, "\(legend)")
        #expect(plot.series.count == 2 && plot.x.lower == 20 && plot.x.upper == 500)
        let box = try #require(figure.plotBox)
        let extent = try #require(FigureInspection.xExtent(figure.seriesPaths))
        #expect(abs(extent.lower - box.x) < 0.05 && abs(extent.upper - (box.x + box.width)) < 0.05, "\(extent) \(box)")
        #expect(!figure.texts(in: "tick-labels").contains("1k"))
    }

    @Test("monochrome figures use greys only; the size is clamped into its limits")
    func monochromeAndSize() {
        let svg = FigureSVG.render(Self.charts()[0].plot, options: FigureOptions(width: 10, height: 99_999, monochrome: true))
        let figure = Self.expectClean(svg, "mono")
        let colours = figure.elements.flatMap { [$0.attributes["stroke"], $0.attributes["fill"]] }.compactMap { $0 }.filter { $0.hasPrefix("#") }
        #expect(colours.allSatisfy { $0.dropFirst().prefix(2) == $0.dropFirst(3).prefix(2) && $0.dropFirst(3).prefix(2) == $0.dropFirst(5).prefix(2) },
                "\(Set(colours))")
        let root = figure.elements.first { $0.name == "svg" }
        #expect(root?.attributes["width"] == "320" && root?.attributes["height"] == "3000")
    }

    @Test("random finite plots at random sizes never trap and always give clean figures")
    func randomPlots() {
        var random = SplitMix64(seed: 13)
        for round in 0..<60 {
            let plot = RandomPlot.make(&random)
            let width = Int(random.next() % 5000), height = Int(random.next() % 4000)
            let svg = FigureSVG.render(plot, options: FigureOptions(width: width, height: height, title: round % 2 == 0 ? "t\u{0}<" : nil))
            _ = Self.expectClean(svg, "round \(round)")
        }
    }
}
