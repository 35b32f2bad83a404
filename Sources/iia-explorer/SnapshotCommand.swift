import ArgumentParser
import Foundation
import IIAApp
import IIACharts
import IIACore

/// `iia-explorer snapshot`: renders a chart or the whole explorer screen headless.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render a chart or the explorer screen as text, ANSI or SVG (for scripts, papers and READMEs).")

    @OptionGroup var model: ModelOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var screen: ExplorerStateOptions
    @OptionGroup var themeOption: ThemeOptions
    @Option(help: "What to render: data, m2, boundary, landscape or all (the explorer screen).")
    var chart: String = "all"
    @Option(help: ArgumentHelp("The algorithm of the landscape chart: \(SnapshotCommand.algorithmNames) (default RLPO; with --chart landscape or all)."))
    var algorithm: String?
    @Option(parsing: .unconditional, help: "Size in cells, WIDTHxHEIGHT, whole numbers (20…1000 x 8…500; --chart all needs at least 80x24).")
    var size: String = "120x40"
    @Flag(help: "ASCII only: no braille, no box drawing.")
    var ascii = false
    @Flag(name: .customLong("no-color"), help: "No colours (series still differ by glyph).")
    var noColor = false
    @Option(help: "How many colours: 256, or 8 (the eight basic ANSI colours, as on TERM=xterm).")
    var colors: String = "256"
    @Option(help: "Output format: txt, ansi or svg.")
    var format: String = "txt"
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
        guard ["txt", "ansi", "svg"].contains(format) else {
            throw InputError(option: "--format", allowed: "txt, ansi or svg", got: format)
        }
        let (width, height) = try Self.parseSize(size)
        guard chart == "all" || ChartKind(rawValue: chart) != nil else {
            throw InputError(option: "--chart", allowed: "data, m2, boundary, landscape or all", got: chart)
        }
        let landscapeAlgorithm = try Self.parseAlgorithm(algorithm)
        let theme = try themeOption.variant()
        guard colors == "256" || colors == "8" else { throw InputError(option: "--colors", allowed: "256 or 8", got: colors) }
        let colorMode: ColorMode = noColor ? .none : (colors == "8" ? .basic8 : .palette256)
        if algorithm != nil && chart != "landscape" && chart != "all" {
            throw InputError(option: "--algorithm", allowed: "used with --chart landscape or all")
        }
        if chart == "all" && (width < ExplorerModel.minimumWidth || height < ExplorerModel.minimumHeight) {
            throw InputError(
                option: "--size",
                allowed: "at least \(ExplorerModel.minimumWidth)x\(ExplorerModel.minimumHeight) for --chart all", got: size)
        }
        try screen.requireExplorerScreen(chart == "all")
        let parameters = try model.parameters()
        let sweepPoints = chart == "data" || chart == "m2" ? SweepAxis.data.defaultRange.points : 1
        let simulations = try simulation.simulations(points: sweepPoints)
        let seed = try simulation.seedValue()
        // The explorer's |D| may have a fraction (preset 7's 18.4): its datasets hold |D| rounded.
        if simulations > 0 && chart != "all" { try model.requireWholeDataSize(reason: "with --sims") }
        var explorerScreen: (focus: ChartKind, selected: SliderID)?
        if chart == "all" {
            try ExplorerRanges.check(parameters, simulations: simulations, model: model, context: "for --chart all (the explorer's slider range)")
            explorerScreen = (try screen.focusedChart(), try screen.selectedSlider(in: parameters))
        }
        let buffer = Self.buffer(
            parameters: parameters, chart: ChartKind(rawValue: chart), width: width, height: height,
            capabilities: DisplayCapabilities(ascii: ascii, colorMode: colorMode, theme: theme),
            simulations: simulations, seed: seed, algorithm: landscapeAlgorithm,
            focus: explorerScreen?.focus ?? .data, selected: explorerScreen?.selected ?? .m1)
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
        simulations: Int, seed: UInt64, algorithm: Algorithm = .rlpo, focus: ChartKind = .data, selected: SliderID = .m1
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
        case .data, .m2:
            let axis: SweepAxis = chart == .data ? .data : .m2
            let range = axis.defaultRange
            let expected = Sweeper.expected(parameters, axis: axis, from: range.from, to: range.to, points: range.points)
            let simulated = simulations > 0
                ? Sweeper.simulated(parameters, axis: axis, from: range.from, to: range.to, points: range.points,
                                    simulations: simulations, seed: seed)
                : nil
            let marker = axis == .data ? parameters.dataSize : Double(parameters.m2)
            ExplorerCharts.renderSweep(expected, simulated: simulated, marker: marker, style: style, into: &buffer, rect: buffer.bounds)
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
