import Foundation
import Testing
@testable import IIAApp
@testable import IIACharts
import IIACore

/// Every text of every exported screen meets WCAG AA against its own background, in both
/// themes and every colour mode; measured from the SVG itself.
struct ContrastTests {
    /// A screen to check: a name and how to reach it from a fresh explorer.
    struct Screen {
        var name: String
        var width = 120, height = 40
        var parameters = ModelParameters.paperDefaults
        var keys: [Key] = []
        /// Delivers the first report of the Monte Carlo the keys start (the band appears).
        var monteCarlo = false
        /// What the screen must show (so that a changed key cannot quietly skip the case).
        var reached: @Sendable (ExplorerModel) -> Bool = { _ in true }
    }

    static let screens: [Screen] = [
        Screen(name: "defaults 160x48", width: 160, height: 48),
        Screen(name: "defaults 80x24", width: 80, height: 24),
        Screen(name: "k=4 boundary focused", parameters: ModelParameters(k: 4), keys: [.tab, .tab]) { $0.focusedChart == .boundary },
        Screen(name: "landscape focused", parameters: ModelParameters(k: 4), keys: [.tab, .tab, .tab]) { $0.focusedChart == .landscape },
        Screen(name: "preset 2 with Monte Carlo", keys: [.character("2")], monteCarlo: true) { $0.monteCarlo != nil },
        Screen(name: "preset 3 with Monte Carlo", keys: [.character("3")], monteCarlo: true) { $0.monteCarlo != nil },
        Screen(name: "preset 7", keys: [.character("7")]) { $0.parameters.k == 7 },
        Screen(name: "help", keys: [.character("?")]) { $0.isShowingHelp },
        Screen(name: "explain, perverse", parameters: ModelParameters(k: 4), keys: [.character("e")]) { $0.isExplaining },
        Screen(name: "error status", keys: [.enter, .character("x"), .enter]) { $0.statusIsError },
    ]

    /// The screen drawn with `capabilities`, as the explorer exports it.
    static func render(_ screen: Screen, _ capabilities: DisplayCapabilities) -> CellBuffer {
        var model = ExplorerModel(parameters: screen.parameters, capabilities: capabilities)
        _ = model.update(.resize(width: screen.width, height: screen.height))
        for key in screen.keys {
            let command = model.update(.key(key))
            if screen.monteCarlo, let run = command.monteCarloRun {
                // The first report (a few datasets) already draws the band; the rest would only take time.
                var first: MonteCarloProgress?
                run.run(isCancelled: { first != nil }, report: { if first == nil { first = $0 } })
                if let first { _ = model.update(.monteCarloProgress(first)) }
            }
        }
        #expect(screen.reached(model), "\(screen.name) is on screen")
        return model.view()
    }

    static let allCapabilities: [DisplayCapabilities] = ThemeVariant.allCases.flatMap { theme in
        ColorMode.allCases.map { DisplayCapabilities(ascii: false, colorMode: $0, theme: theme) }
    }

    /// Checks one SVG; returns the lowest ratios (letters, glyphs).
    @discardableResult
    static func expectLegible(_ svg: String, _ name: String) -> (text: Double, glyph: Double) {
        let cells = SVGCells(svg: svg, cellWidth: SVGExport.cellWidth, cellHeight: SVGExport.cellHeight)
        #expect(cells.glyphs.count > 20, "\(name): the SVG was read")
        #expect(cells.textsWithoutFill == 0, "\(name): every <text> has its own fill")
        let result = cells.check()
        for failure in result.failures.prefix(5) {
            let g = failure.glyph
            Issue.record("\(name): '\(g.character)' at column \(g.column), row \(g.row): \(String(format: "%.2f", failure.contrast)) < \(failure.required)")
        }
        return (result.lowestText, result.lowestGlyph)
    }

    @Test(arguments: allCapabilities)
    func everyScreenIsLegible(_ capabilities: DisplayCapabilities) {
        var lowest = (text: Double.infinity, glyph: Double.infinity)
        for screen in Self.screens {
            for ascii in [false, true] {
                var withGlyphs = capabilities
                withGlyphs.ascii = ascii
                let buffer = Self.render(screen, withGlyphs)
                let svg = BufferExport.svg(buffer, theme: capabilities.theme)
                let ratios = Self.expectLegible(svg, "\(screen.name) \(capabilities.theme) \(capabilities.colorMode) ascii=\(ascii)")
                lowest = (min(lowest.text, ratios.text), min(lowest.glyph, ratios.glyph))
            }
        }
        print("contrast \(capabilities.theme) \(capabilities.colorMode): lowest text \(String(format: "%.2f", lowest.text)), glyph \(String(format: "%.2f", lowest.glyph))")
    }

    @Test(arguments: allCapabilities)
    func everyChartIsLegible(_ capabilities: DisplayCapabilities) {
        for ascii in [false, true] {
            let style = ChartStyle(ascii: ascii, theme: capabilities.resolvedTheme)
            let parameters = ModelParameters(k: 4)
            var charts: [(String, CellBuffer)] = []
            var boundary = CellBuffer(width: 100, height: 32)
            ExplorerCharts.renderBoundary(parameters, style: style, into: &boundary, rect: boundary.bounds)
            charts.append(("boundary", boundary))
            let landscapeParameters = ModelParameters(m1: 2, m2: 1469, p1: 0.873, zeta: 0.912, k: 7, beta: 10.941, dataSize: 18.4)
            for algorithm in [Algorithm.il, .slic] {
                var landscape = CellBuffer(width: 100, height: 30)
                ExplorerCharts.renderLandscape(.expected(landscapeParameters, algorithm: algorithm), style: style,
                                               into: &landscape, rect: landscape.bounds)
                charts.append(("landscape \(algorithm.name)", landscape))
            }
            let range = SweepAxis.data.defaultRange
            let expected = Sweeper.expected(parameters, axis: .data, from: range.from, to: range.to, points: 12)
            let simulated = Sweeper.simulated(parameters, axis: .data, from: range.from, to: range.to, points: 12,
                                              simulations: 12, seed: 1)
            for focus in Algorithm.allCases {
                var sweep = CellBuffer(width: 100, height: 28)
                ExplorerCharts.renderSweep(expected, simulated: simulated, marker: 1000, style: style, into: &sweep,
                                           rect: sweep.bounds, focus: focus)
                charts.append(("sweep with the band of \(focus.name)", sweep))
            }
            for (name, buffer) in charts {
                Self.expectLegible(BufferExport.svg(buffer, theme: capabilities.theme),
                                   "\(name) \(capabilities.theme) \(capabilities.colorMode) ascii=\(ascii)")
            }
        }
    }

    /// The roles of the 8-colour themes, from the xterm RGB table: text roles 4.5:1, never black
    /// text on the dark background or white on the light one.
    @Test(arguments: ThemeVariant.allCases)
    func basicColoursAreLegible(_ variant: ThemeVariant) throws {
        let theme = Theme.resolve(variant, .basic8)
        let canvas = try #require(WCAG.rgb(theme.canvas.background))
        let canvasText = try #require(WCAG.rgb(theme.canvas.foreground))
        func rgb(_ color: TerminalColor, default fallback: (Double, Double, Double)) throws -> (Double, Double, Double) {
            guard case .palette(let index) = color else { return fallback }
            try #require(index < 8, "only the eight basic colours")
            return WCAG.xtermBasic[Int(index)]
        }
        let roles: [(String, CellStyle)] = [
            ("text", theme.text), ("dim", theme.dimText), ("heading", theme.heading), ("selection", theme.selection),
            ("bar", theme.bar), ("error", theme.error), ("warning", theme.warning), ("good", theme.good),
            ("accent", theme.accent), ("axis", theme.axis), ("reference", theme.reference), ("marker", theme.marker),
            ("strong", theme.strong), ("point", theme.point), ("current point", theme.currentPoint),
            ("alternate point", theme.alternatePoint), ("data part", theme.dataPart), ("regulariser", theme.regulariserPart),
            ("m2 region", theme.m2Region), ("perverse region", theme.perverseRegion),
        ] + (0..<6).map { ("series \($0)", theme.series($0)) } + (0..<6).map { ("band \($0)", theme.band($0)) }
        for (name, style) in roles {
            var foreground = try rgb(style.foreground, default: canvasText)
            var background = try rgb(style.background, default: canvas)
            if style.reverse { (foreground, background) = (background, foreground) }
            #expect(WCAG.contrast(foreground, background) >= 4.5, "\(variant) \(name)")
            if style.background == .default && !style.reverse {
                #expect(style.foreground != .palette(variant == .dark ? 0 : 7), "\(variant) \(name)")
            }
        }
    }

    @Test func theLightThemeHasALightBackground() throws {
        for capabilities in Self.allCapabilities {
            let svg = BufferExport.svg(Self.render(Self.screens[0], capabilities), theme: capabilities.theme)
            let cells = SVGCells(svg: svg, cellWidth: SVGExport.cellWidth, cellHeight: SVGExport.cellHeight)
            let canvas = try #require(cells.canvas.flatMap(WCAG.rgb))
            let luminance = WCAG.luminance(canvas)
            #expect(capabilities.theme == .light ? luminance > 0.9 : luminance < 0.05, "\(capabilities.theme)")
        }
    }

    @Test func withoutColourOnlyTheCanvasColoursAreUsed() throws {
        for theme in ThemeVariant.allCases {
            let capabilities = DisplayCapabilities(colorMode: .none, theme: theme)
            let canvas = Canvas(theme)
            for screen in Self.screens {
                let svg = BufferExport.svg(Self.render(screen, capabilities), theme: theme)
                let cells = SVGCells(svg: svg, cellWidth: SVGExport.cellWidth, cellHeight: SVGExport.cellHeight)
                let used = Set(cells.glyphs.compactMap(\.fill) + cells.rects.map(\.fill))
                #expect(used.isSubset(of: [canvas.foreground, canvas.background]), "\(screen.name) \(theme): \(used)")
                #expect(!cells.glyphs.contains { $0.fill == nil || $0.opacity < 1 }, "\(screen.name) \(theme)")
            }
        }
    }
}
