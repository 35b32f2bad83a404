import ArgumentParser
import Foundation
import IIAApp
import IIACharts
import IIACore

/// `iia-explorer snapshot`: renders a chart or the whole explorer screen headless.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render a chart or the explorer screen as text, ANSI or SVG (for scripts, papers and READMEs).",
        discussion: """
            --style figure draws one chart as a publication figure: an SVG of paths, filled regions, axes with \
            ticks, a title and a legend on a white background, sized in pixels (default 800x500), colour-blind \
            safe (Okabe-Ito colours, and dashes and markers that tell series apart without colour; --no-color \
            draws it in greys). It takes --chart data, m2, boundary, landscape or phase (default data; the explorer \
            screen, all, is terminal only) and --format svg (its default).
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var screen: ExplorerStateOptions
    @OptionGroup var themeOption: ThemeOptions
    @Option(help: "terminal (cells: text, ANSI or an SVG of the cells) or figure (a vector figure for papers).")
    var style: String = "terminal"
    @Option(help: "What to render: data, m2, boundary, landscape, phase or all (the explorer screen; default all, data with --style figure).")
    var chart: String?
    @Option(help: ArgumentHelp("The algorithm of the landscape and phase charts: \(SnapshotCommand.algorithmNames) (default RLPO; with --chart landscape, phase or all)."))
    var algorithm: String?
    @Option(help: ArgumentHelp("The curves of --chart data or m2, comma-separated: \(SnapshotCommand.algorithmNames) (any case; default all)."))
    var algorithms: String?
    @Option(parsing: .unconditional, help: "First x value of --chart data or m2 (finite, > 0; ≥ 1 for m2 or with --sims; default 1).")
    var from: String?
    @Option(parsing: .unconditional, help: "Last x value of --chart data or m2 (finite, > --from; ≤ 1e12 for m2; default 1e4 for data, 1e5 for m2).")
    var to: String?
    @Option(parsing: .unconditional, help: """
        Size, WIDTHxHEIGHT, whole numbers: cells 20…1000 x 8…500 (default 120x40; --chart all needs at least 80x24), \
        or with --style figure pixels 320…4000 x 240…3000 (default 800x500).
        """)
    var size: String?
    @Option(help: "The title of a --style figure (default: the chart and its settings; empty for none).")
    var title: String?
    @Flag(help: "ASCII only: no braille, no box drawing.")
    var ascii = false
    @Flag(name: .customLong("no-color"), help: "No colours (series still differ by glyph).")
    var noColor = false
    @Option(help: "How many colours: 256, or 8 (the eight basic ANSI colours, as on TERM=xterm).")
    var colors: String = "256"
    @Option(help: "Output format: txt, ansi or svg (default txt; --style figure is svg only, and svg is its default).")
    var format: String?
    @Option(help: "Write to this file instead of standard output (written whole or not at all).")
    var output: String?
    @Flag(help: "Replace --output if it exists.")
    var force = false

    func run() throws {
        let text = try render()
        if let output {
            try OutputFile.write(text, to: output, force: force)
        } else {
            print(text, terminator: "")
        }
    }

    /// The rendered document, or an input error.
    func render() throws -> String {
        switch style {
        case "figure": return try renderFigure()
        case "terminal": break
        default: throw InputError(option: "--style", allowed: "terminal or figure", got: style)
        }
        if let title { throw InputError(option: "--title", allowed: "used with --style figure", got: title) }
        let format = format ?? "txt", chart = chart ?? "all"
        guard ["txt", "ansi", "svg"].contains(format) else {
            throw InputError(option: "--format", allowed: "txt, ansi or svg", got: format)
        }
        let (width, height) = try Self.parseSize(size ?? "120x40")
        guard chart == "all" || ChartKind(rawValue: chart) != nil else {
            throw InputError(option: "--chart", allowed: "data, m2, boundary, landscape, phase or all", got: chart)
        }
        let landscapeAlgorithm = try Self.parseAlgorithm(algorithm)
        let theme = try themeOption.variant()
        guard colors == "256" || colors == "8" else { throw InputError(option: "--colors", allowed: "256 or 8", got: colors) }
        let colorMode: ColorMode = noColor ? .none : (colors == "8" ? .basic8 : .palette256)
        if algorithm != nil && !["landscape", "phase", "all"].contains(chart) {
            throw InputError(option: "--algorithm", allowed: "used with --chart landscape, phase or all")
        }
        if chart == "all" && (width < ExplorerModel.minimumWidth || height < ExplorerModel.minimumHeight) {
            throw InputError(
                option: "--size",
                allowed: "at least \(ExplorerModel.minimumWidth)x\(ExplorerModel.minimumHeight) for --chart all", got: size ?? "120x40")
        }
        try screen.requireExplorerScreen(chart == "all")
        let parameters = try model.parameters()
        // The phase chart simulates every cell of its grid (at most one per cell of the size).
        let sweepPoints = chart == "data" || chart == "m2" ? SweepAxis.data.defaultRange.points : (chart == "phase" ? width * height : 1)
        let simulations = try simulation.simulations(points: sweepPoints)
        let seed = try simulation.seedValue()
        // The explorer's |D| may have a fraction (preset 7's 18.4): its datasets hold |D| rounded.
        if simulations > 0 && chart != "all" { try model.requireWholeDataSize(reason: "with --sims") }
        let sweepOptions = try sweepSelection(chart: ChartKind(rawValue: chart), simulations: simulations)
        var explorerScreen: (focus: ChartKind, selected: SliderID)?
        if chart == "all" {
            try ExplorerRanges.check(parameters, simulations: simulations, model: model, context: "for --chart all (the explorer's slider range)")
            explorerScreen = (try screen.focusedChart(), try screen.selectedSlider(in: parameters))
        }
        let buffer = Self.buffer(
            parameters: parameters, chart: ChartKind(rawValue: chart), width: width, height: height,
            capabilities: DisplayCapabilities(ascii: ascii, colorMode: colorMode, theme: theme),
            simulations: simulations, seed: seed, algorithm: landscapeAlgorithm,
            focus: explorerScreen?.focus ?? .data, selected: explorerScreen?.selected ?? .m1, sweep: sweepOptions)
        switch format {
        case "svg": return BufferExport.svg(buffer, theme: theme)
        case "ansi": return noColor ? BufferExport.text(buffer) : BufferExport.ansi(buffer)
        default: return BufferExport.text(buffer)
        }
    }

    /// The cell buffer for one chart, or the whole screen when `chart` is nil, drawn with the
    /// glyphs, colour mode and theme of `capabilities`.
    static func buffer(
        parameters: ModelParameters, chart: ChartKind?, width: Int, height: Int, capabilities: DisplayCapabilities,
        simulations: Int, seed: UInt64, algorithm: Algorithm = .rlpo, focus: ChartKind = .data, selected: SliderID = .m1,
        sweep selection: SweepSelection = SweepSelection()
    ) -> CellBuffer {
        guard let chart else {
            var state = ExplorerState(
                parameters: parameters, simulations: simulations, seed: seed, capabilities: capabilities,
                chart: focus, width: width, height: height, landscapeAlgorithm: algorithm)
            state.sliders.selected = selected
            return ExplorerModel.renderScreen(state)
        }
        var buffer = CellBuffer(width: width, height: height)
        let style = ChartStyle(ascii: capabilities.ascii, theme: capabilities.resolvedTheme)
        switch chart {
        case .boundary:
            ExplorerCharts.renderBoundary(parameters, style: style, into: &buffer, rect: buffer.bounds)
        case .landscape:
            ExplorerCharts.renderLandscape(
                .expected(parameters, algorithm: algorithm), style: style, into: &buffer, rect: buffer.bounds)
        case .phase:
            ExplorerCharts.renderPhase(parameters, algorithm: algorithm, simulations: simulations, seed: seed,
                                       style: style, into: &buffer, rect: buffer.bounds)
        case .data, .m2:
            let sweeps = selection.sweeps(parameters, chart: chart, simulations: simulations, seed: seed)
            let focus = selection.algorithms.flatMap { $0.contains(.rlpo) ? nil : $0.first } ?? algorithm
            ExplorerCharts.renderSweep(sweeps.expected.selecting(selection.algorithms), simulated: sweeps.simulated?.selecting(selection.algorithms),
                                       marker: sweeps.marker, style: style, into: &buffer, rect: buffer.bounds, focus: focus)
        }
        return buffer
    }

    /// An algorithm's name (case-insensitive), RLPO when not given.
    static func parseAlgorithm(_ text: String?) throws -> Algorithm {
        guard let text else { return .rlpo }
        guard let algorithm = Algorithm(name: text) else {
            throw InputError(option: "--algorithm", allowed: "\(algorithmNames) (any case)", got: text)
        }
        return algorithm
    }

    /// Every algorithm's name: "RLPO, DPO, IL, SLiC, RLPO-pairwise or TypeMLE".
    static var algorithmNames: String {
        let names = Algorithm.allCases.map(\.name)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// "120x40" → (120, 40), within the allowed range.
    static func parseSize(_ text: String) throws -> (Int, Int) {
        let allowed = "WIDTHxHEIGHT of whole numbers, width 20…1000 and height 8…500, e.g. 120x40"
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let width = NumberParser.wholeValue(String(parts[0])), let height = NumberParser.wholeValue(String(parts[1])),
              (20...1000).contains(width), (8...500).contains(height)
        else { throw InputError(option: "--size", allowed: allowed, got: text) }
        return (Int(width), Int(height))
    }
}
