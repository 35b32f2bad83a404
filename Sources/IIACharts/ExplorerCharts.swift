import IIACore

/// The charts of the explorer.
public enum ChartKind: String, CaseIterable, Sendable, Hashable {
    /// P(M1) against |D| (the paper's Figure 2).
    case data
    /// P(M1) against |M2| (the paper's Figure 3).
    case m2
    /// The failure boundary F(zeta) in the (zeta, p*(1)) square.
    case boundary
    /// One algorithm's objective against its scalar, with the solver's path on it.
    case landscape

    public var title: String {
        switch self {
        case .data: return "P(M1) against |D|"
        case .m2: return "P(M1) against |M2|"
        case .boundary: return "Failure boundary F(zeta)"
        case .landscape: return "Objective landscape"
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

/// Renders the explorer's four charts into a rectangle of a cell buffer.
///
/// Pure: no terminal, no solving. Sweeps come from the core (`Sweeper`), so the caller decides
/// what to compute and when (the terminal UI computes simulated sweeps on a worker thread).
public enum ExplorerCharts {
    /// P(M1) against the sweep's axis for every algorithm (expected curves; with a simulated
    /// sweep also the mean and quantile band), a vertical marker at `marker` (the current |D|
    /// or |M2|) when given.
    ///
    /// The x axis is logarithmic over the sweeps' grid; y is P(M1) from 0 to 1. Each algorithm
    /// has a glyph (``IIACore/Algorithm/chartGlyph``) on its curve, at its end and in the legend,
    /// and with `style.color` a colour (``IIACore/Algorithm/chartColor``). When RLPO and DPO are
    /// the same curve they are drawn once and labelled "RLPO=DPO"; otherwise DPO is dashed.
    /// Simulated means are dotted; the 10–90% band is drawn for `focus` (default RLPO).
    /// With `references` two faint horizontal lines (also in the legend, told apart by glyph:
    /// `═`/`=` and `┈`/`~`) show the targets for the sweep's parameters: the majority-optimal
    /// P(M1) (1 when the majority prefers M1, 0 when M2, 1/2 on a tie; labelled "majority") and
    /// the inclusive P(M1), the share preferring M1 (p*(1), or sigmoid(R) under logit choices;
    /// labelled "inclusive").
    /// Any rectangle is accepted: parts that do not fit (legend, ticks, axes) are left out.
    public static func renderSweep(
        _ sweep: Sweep, simulated: Sweep? = nil, marker: Double?, style: ChartStyle,
        into buffer: inout CellBuffer, rect: Rect, focus: Algorithm? = nil, references: Bool = true
    ) {
        LineChart(sweep: sweep, simulated: simulated, marker: marker, focus: focus, style: style, references: references)
            .render(into: &buffer, rect: rect)
    }

    /// The (zeta, p*(1)) unit square with F(zeta) for `parameters.k` (fainter curves for a few
    /// other |Y|), the region where RLPO/DPO converge to M2 shaded, the perverse part marked,
    /// and the current point.
    ///
    /// Below F (RLPO/DPO converge to M2) is shaded, the perverse part (p*(1) between 1/2 and F)
    /// hatched and labelled, the current (zeta, p*(1)) drawn as a labelled dot, and a caption
    /// states the verdict, e.g. "|Y|=4: p*(1)=0.60 < F(0.80)=0.663 → M2 (perverse)".
    /// Any rectangle is accepted: parts that do not fit are left out.
    public static func renderBoundary(
        _ parameters: ModelParameters, style: ChartStyle, into buffer: inout CellBuffer, rect: Rect
    ) {
        BoundaryChart(parameters: parameters, style: style).render(into: &buffer, rect: rect)
    }

    /// The landscape of one algorithm's objective over a window holding every local minimum:
    /// its parts (the IIA data term L_D or SLiC's hinge, beta KL) dashed and dotted, their sum
    /// solid, SLiC's kinks as vertical lines, and the solver's path: the start "S", every
    /// iterate numbered (bisection steps "b3"), the minimiser found (●) and any other local
    /// minimum (○), Newton's bracket as "[ ]" on the axis. The x axis is labelled with the
    /// scalar and with the P(M1) each value gives; a caption sums up the path. The data part is
    /// shifted so its lowest value in the window is 0.
    ///
    /// Returns what was drawn where (the iterates are the trace's own points, in order).
    /// Any rectangle is accepted: parts that do not fit are left out.
    @discardableResult
    public static func renderLandscape(
        _ landscape: ObjectiveLandscape, style: ChartStyle, into buffer: inout CellBuffer, rect: Rect
    ) -> LandscapeDrawing {
        LandscapeChart(landscape: landscape, style: style).render(into: &buffer, rect: rect)
    }
}

/// Turns a cell buffer into text, ANSI-coloured text, or an SVG document.
public enum BufferExport {
    /// Exactly `buffer.height` lines of `buffer.width` characters (trailing spaces trimmed), joined by "\n" with a final newline.
    public static func text(_ buffer: CellBuffer) -> String {
        guard buffer.height > 0 else { return "" }
        return buffer.lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    /// The same text with 256-colour SGR escape codes (reset at the end of every line).
    public static func ansi(_ buffer: CellBuffer) -> String { ANSIExport.render(buffer) }

    /// A standalone SVG document: a monospace grid with the same colours; text is selectable.
    /// `description`, when given, becomes the document's `<desc>`.
    public static func svg(_ buffer: CellBuffer, description: String? = nil) -> String {
        SVGExport.render(buffer, description: description)
    }
}
