import IIACharts
import IIACore

/// Where the failure-boundary chart puts its plot inside the rectangle it is drawn into, and
/// the (zeta, share) point each plot cell stands for: the inverse of the chart's axis mapping,
/// for mouse clicks.
///
/// The plot's cells come from the renderer's own layout of the chart (``PlotRenderer/plotArea(_:in:)``).
struct BoundaryPlotGeometry: Equatable {
    /// The plot's cells.
    let plot: Rect
    /// Dots per cell across and down (braille 2 x 4, ASCII 1 x 1).
    let dotsAcross: Int
    let dotsDown: Int

    /// The geometry of the chart drawn into `rect` (the chart's rectangle below its heading).
    init(parameters: ModelParameters, ascii: Bool, rect: Rect) {
        dotsAcross = ascii ? 1 : 2
        dotsDown = ascii ? 1 : 4
        let plot = ExplorerCharts.boundaryPlot(parameters, style: ChartStyle(ascii: ascii, color: false), roomy: ExplorerCharts.isRoomy(rect))
        self.plot = PlotRenderer.plotArea(plot, in: rect)
    }

    /// The (zeta, share) at the centre of the plot cell at (`x`, `y`), nil outside the plot.
    func point(x: Int, y: Int) -> (zeta: Double, share: Double)? {
        guard x >= plot.x, x < plot.maxX, y >= plot.y, y < plot.maxY else { return nil }
        return clampedPoint(x: x, y: y)
    }

    /// The point of the nearest plot cell (for drags that leave the plot).
    func clampedPoint(x: Int, y: Int) -> (zeta: Double, share: Double) {
        let column = min(max(x, plot.x), plot.maxX - 1) - plot.x
        let row = min(max(y, plot.y), plot.maxY - 1) - plot.y
        let across = max(1, plot.width * dotsAcross - 1), down = max(1, plot.height * dotsDown - 1)
        let zeta = (Double(column * dotsAcross) + Double(dotsAcross - 1) / 2) / Double(across)
        let share = 1 - (Double(row * dotsDown) + Double(dotsDown - 1) / 2) / Double(down)
        return (min(1, max(0, zeta)), min(1, max(0, share)))
    }

    /// A cell's width and height in axis units.
    var cellSize: (zeta: Double, share: Double) {
        (Double(dotsAcross) / Double(max(1, plot.width * dotsAcross - 1)),
         Double(dotsDown) / Double(max(1, plot.height * dotsDown - 1)))
    }
}
