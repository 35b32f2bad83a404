import IIACharts
import IIACore

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
        PlotRenderer.render(
            sweepPlot(sweep, simulated: simulated, marker: marker, style: style, focus: focus, references: references),
            into: &buffer, rect: rect)
    }

    /// The sweep chart of ``renderSweep(_:simulated:marker:style:into:rect:focus:references:)`` as
    /// plain data, for any rectangle (draw it with ``PlotRenderer/render(_:into:rect:)``).
    public static func sweepPlot(
        _ sweep: Sweep, simulated: Sweep? = nil, marker: Double?, style: ChartStyle, focus: Algorithm? = nil, references: Bool = true
    ) -> Plot {
        SweepChartData(sweep: sweep, simulated: simulated, marker: marker, focus: focus, style: style, references: references).plot()
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
        PlotRenderer.render(boundaryPlot(parameters, style: style, roomy: isRoomy(rect)), into: &buffer, rect: rect)
    }

    /// Whether a boundary chart in `rect` has room for the F(zeta) of several other |Y|
    /// (at least 50 x 22 cells; else only |Y| = 2 is drawn besides the current one).
    public static func isRoomy(_ rect: Rect) -> Bool { rect.height >= 22 && rect.width >= 50 }

    /// The boundary chart of ``renderBoundary(_:style:into:rect:)`` as plain data, with the other
    /// |Y| when `roomy` (see ``isRoomy(_:)``).
    public static func boundaryPlot(_ parameters: ModelParameters, style: ChartStyle, roomy: Bool) -> Plot {
        BoundaryChartData(parameters: parameters, style: style).plot(roomy: roomy)
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
        let chart = LandscapeChartData(landscape: landscape, style: style)
        return chart.drawing(PlotRenderer.render(chart.plot(), into: &buffer, rect: rect))
    }

    /// The landscape chart of ``renderLandscape(_:style:into:rect:)`` as plain data.
    public static func landscapePlot(_ landscape: ObjectiveLandscape, style: ChartStyle) -> Plot {
        LandscapeChartData(landscape: landscape, style: style).plot()
    }

    /// What a render of ``landscapePlot(_:style:)`` drew where, from the renderer's report.
    public static func landscapeDrawing(
        _ landscape: ObjectiveLandscape, style: ChartStyle, rendering: PlotRendering
    ) -> LandscapeDrawing {
        LandscapeChartData(landscape: landscape, style: style).drawing(rendering)
    }
}
