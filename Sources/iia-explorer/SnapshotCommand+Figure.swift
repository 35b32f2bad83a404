import Foundation
import IIAApp
import IIACharts
import IIACore

/// The x range and curves of a sweep chart (`--from`, `--to`, `--algorithms`); nil: the default.
struct SweepSelection {
    var from: Double?
    var to: Double?
    var algorithms: [Algorithm]?
    /// Grid points of the expected curves (simulated ones keep the default 40).
    var points: Int?

    /// The expected sweep (and the simulated one with `simulations`) of a sweep chart, and the
    /// marker: the current |D| or |M2|.
    func sweeps(_ parameters: ModelParameters, chart: ChartKind, simulations: Int, seed: UInt64)
        -> (expected: Sweep, simulated: Sweep?, marker: Double) {
        let axis: SweepAxis = chart == .data ? .data : .m2
        let range = axis.defaultRange
        let (lower, upper) = (from ?? range.from, to ?? range.to)
        let expected = Sweeper.expected(parameters, axis: axis, from: lower, to: upper, points: points ?? range.points)
        let simulated = simulations > 0
            ? Sweeper.simulated(parameters, axis: axis, from: lower, to: upper, points: range.points, simulations: simulations, seed: seed)
            : nil
        return (expected, simulated, axis == .data ? parameters.dataSize : Double(parameters.m2))
    }
}

extension SnapshotCommand {
    /// Grid points of a figure's expected curves: smooth at any figure width.
    static let figurePoints = 200

    /// The figure style: one chart as a vector figure (see the command's discussion).
    func renderFigure() throws -> String {
        if let format, format != "svg" {
            throw InputError(option: "--format", allowed: "svg with --style figure (its default)", got: format)
        }
        let chart = chart ?? "data"
        guard let kind = ChartKind(rawValue: chart) else {
            throw InputError(option: "--chart", allowed: "data, m2, boundary, landscape or phase with --style figure (all is terminal only)", got: chart)
        }
        if ascii { throw InputError(option: "--ascii", allowed: "left out with --style figure (a figure is vector graphics)") }
        let (width, height) = try Self.parseFigureSize(size ?? "\(FigureOptions.defaultSize.width)x\(FigureOptions.defaultSize.height)")
        let landscapeAlgorithm = try Self.parseAlgorithm(algorithm)
        if algorithm != nil && kind != .landscape && kind != .phase {
            throw InputError(option: "--algorithm", allowed: "used with --chart landscape or phase")
        }
        try screen.requireExplorerScreen(false)
        let parameters = try model.parameters()
        let points = kind == .data || kind == .m2 ? SweepAxis.data.defaultRange.points : (kind == .phase ? 100 * 60 : 1)
        let simulations = try simulation.simulations(points: points)
        let seed = try simulation.seedValue()
        if simulations > 0 { try model.requireWholeDataSize(reason: "with --sims") }
        let selection = try sweepSelection(chart: kind, simulations: simulations)
        let heading = title.map { $0.isEmpty ? nil : $0 } ?? ExplorerFigures.title(kind, parameters: parameters, algorithm: landscapeAlgorithm)
        let options = FigureOptions(width: width, height: height, title: heading, monochrome: noColor)
        return Self.figure(kind, parameters: parameters, options: options, simulations: simulations, seed: seed,
                           algorithm: landscapeAlgorithm, selection: selection)
    }

    /// The figure of one chart (the sweep charts' expected curves on a fine grid).
    static func figure(
        _ kind: ChartKind, parameters: ModelParameters, options: FigureOptions, simulations: Int, seed: UInt64,
        algorithm: Algorithm, selection: SweepSelection = SweepSelection()
    ) -> String {
        var selection = selection
        selection.points = figurePoints
        let plot: Plot
        switch kind {
        case .data, .m2:
            let sweeps = selection.sweeps(parameters, chart: kind, simulations: simulations, seed: seed)
            plot = ExplorerFigures.sweepPlot(sweeps.expected, simulated: sweeps.simulated, marker: sweeps.marker,
                                             algorithms: selection.algorithms)
        case .boundary: plot = ExplorerFigures.boundaryPlot(parameters)
        case .landscape: plot = ExplorerFigures.landscapePlot(parameters, algorithm: algorithm)
        case .phase: plot = ExplorerFigures.phasePlot(parameters, algorithm: algorithm, simulations: simulations, seed: seed)
        }
        return FigureSVG.render(plot, options: options)
    }

    /// `--from`, `--to` and `--algorithms`, checked: only for the sweep charts, the range as in `sweep`.
    func sweepSelection(chart: ChartKind?, simulations: Int) throws -> SweepSelection {
        guard let chart, chart == .data || chart == .m2 else {
            if let algorithms {
                throw InputError(option: "--algorithms", allowed: "used with --chart data or m2 (--algorithm picks the landscape's)", got: algorithms)
            }
            if let from { throw InputError(option: "--from", allowed: "used with --chart data or m2", got: from) }
            if let to { throw InputError(option: "--to", allowed: "used with --chart data or m2", got: to) }
            return SweepSelection()
        }
        let axis: SweepAxis = chart == .data ? .data : .m2
        let defaults = axis.defaultRange
        let lower = try from.map { try NumberParser.real($0, option: "--from", allowed: "a finite number > 0") } ?? defaults.from
        let upper = try to.map { try NumberParser.real($0, option: "--to", allowed: "a finite number > --from") } ?? defaults.to
        guard lower > 0 else { throw InputError(option: "--from", allowed: "a finite number > 0", got: from) }
        guard upper > lower else {
            throw InputError(option: "--to", allowed: "a finite number greater than --from (\(RoundTripNumber.text(lower)))", got: to)
        }
        if axis == .m2 {
            guard lower >= 1, upper <= 1e12 else { throw InputError(option: "--from/--to", allowed: "within 1…1e12 for --chart m2") }
        } else if upper > ModelParameters.largestDataSize {
            throw InputError(option: "--to", allowed: "at most 1e300 for --chart data (the largest |D|)", got: to)
        } else if simulations > 0 && lower < 1 {
            throw InputError(option: "--from", allowed: "≥ 1 with --sims (datasets hold whole numbers of data)", got: from)
        }
        return SweepSelection(from: lower, to: upper, algorithms: try Self.parseAlgorithms(algorithms))
    }

    /// "RLPO,il" → [RLPO, IL] (any case, each once, in the given order); nil when not given.
    static func parseAlgorithms(_ text: String?) throws -> [Algorithm]? {
        guard let text else { return nil }
        let allowed = "a comma-separated list of \(algorithmNames) (any case)"
        var chosen: [Algorithm] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let algorithm = Algorithm(name: name.trimmingCharacters(in: .whitespaces)) else {
                throw InputError(option: "--algorithms", allowed: allowed, got: text)
            }
            if !chosen.contains(algorithm) { chosen.append(algorithm) }
        }
        return chosen
    }

    /// "800x500" → (800, 500) pixels, within ``FigureOptions/widthRange`` and ``FigureOptions/heightRange``.
    static func parseFigureSize(_ text: String) throws -> (Int, Int) {
        let widths = FigureOptions.widthRange, heights = FigureOptions.heightRange
        let allowed = "WIDTHxHEIGHT in pixels with --style figure, whole numbers, width \(widths.lowerBound)…\(widths.upperBound) "
            + "and height \(heights.lowerBound)…\(heights.upperBound), e.g. 800x500"
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let width = NumberParser.wholeValue(String(parts[0])), let height = NumberParser.wholeValue(String(parts[1])),
              width >= UInt64(widths.lowerBound), width <= UInt64(widths.upperBound),
              height >= UInt64(heights.lowerBound), height <= UInt64(heights.upperBound)
        else { throw InputError(option: "--size", allowed: allowed, got: text) }
        return (Int(width), Int(height))
    }
}
