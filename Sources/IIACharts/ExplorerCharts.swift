import IIACore

/// The charts of the explorer.
public enum ChartKind: String, CaseIterable, Sendable, Hashable {
    /// P(M1) against |D| (the paper's Figure 2).
    case data
    /// P(M1) against |M2| (the paper's Figure 3).
    case m2
    /// The failure boundary F(zeta) in the (zeta, p*(1)) square.
    case boundary

    public var title: String {
        switch self {
        case .data: return "P(M1) against |D|"
        case .m2: return "P(M1) against |M2|"
        case .boundary: return "Failure boundary F(zeta)"
        }
    }
}

/// How charts are drawn: glyph set and colour.
public struct ChartStyle: Hashable, Sendable {
    /// Plot with ASCII characters instead of braille dots and box drawing.
    public var ascii: Bool
    /// Use colour (a fixed colour per algorithm); without it series differ by glyph only.
    public var color: Bool

    public init(ascii: Bool = false, color: Bool = true) {
        self.ascii = ascii
        self.color = color
    }
}

/// Renders the explorer's three charts into a rectangle of a cell buffer.
///
/// Pure: no terminal, no solving. Sweeps come from the core (`Sweeper`), so the caller decides
/// what to compute and when (the terminal UI computes simulated sweeps on a worker thread).
public enum ExplorerCharts {
    /// P(M1) against the sweep's axis for every algorithm (expected curves; with a simulated
    /// sweep also the mean and quantile band), a vertical marker at `marker` (the current |D|
    /// or |M2|) when given.
    public static func renderSweep(
        _ sweep: Sweep, simulated: Sweep? = nil, marker: Double?, style: ChartStyle,
        into buffer: inout CellBuffer, rect: Rect
    ) {
        buffer.put(sweep.axis == .data ? ChartKind.data.title : ChartKind.m2.title, x: rect.x, y: rect.y, clip: rect)
    }

    /// The (zeta, p*(1)) unit square with F(zeta) for `parameters.k` (fainter curves for a few
    /// other |Y|), the region where RLPO/DPO converge to M2 shaded, the perverse part marked,
    /// and the current point.
    public static func renderBoundary(
        _ parameters: ModelParameters, style: ChartStyle, into buffer: inout CellBuffer, rect: Rect
    ) {
        buffer.put(ChartKind.boundary.title, x: rect.x, y: rect.y, clip: rect)
    }
}

/// Turns a cell buffer into text, ANSI-coloured text, or an SVG document.
public enum BufferExport {
    /// Exactly `buffer.height` lines of `buffer.width` characters (trailing spaces trimmed), joined by "\n" with a final newline.
    public static func text(_ buffer: CellBuffer) -> String {
        buffer.lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    /// The same text with 256-colour SGR escape codes (reset at the end of every line).
    public static func ansi(_ buffer: CellBuffer) -> String { text(buffer) }

    /// A standalone SVG document: a monospace grid with the same colours; text is selectable.
    public static func svg(_ buffer: CellBuffer) -> String { "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n" }
}
