import IIACharts
import IIACore

/// Where the failure-boundary chart puts its plot inside the rectangle it is drawn into, and
/// the (zeta, share) point each plot cell stands for: the inverse of the chart's axis mapping,
/// for mouse clicks.
///
/// It mirrors the chart's frame (legend rows at the top, caption, x title, tick labels and axis
/// at the bottom, y labels two or three characters wide on the left, a right margin of 8 for the
/// curve-end labels), taking the legend's entries from the chart; tests check it against the
/// drawn chart.
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
        let isLogit: Bool
        if case .logit = parameters.choiceModel { isLogit = true } else { isLogit = false }
        let yTitle = isLogit ? "sigmoid(R)" : "p*(1)"
        let legend = Self.legendWidths(parameters, ascii: ascii, rect: rect, isLogit: isLogit)
        let wanted = Self.rowsNeeded(legend, prefix: yTitle.count, width: rect.width)
        var frame = Self.frame(rect: rect, legendRows: wanted, yLabelWidth: 3)
        if Self.tickLabelsFitInTwo(plot: frame, dotsDown: dotsDown) {
            frame = Self.frame(rect: rect, legendRows: wanted, yLabelWidth: 2)
        }
        plot = frame
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

    // MARK: The chart's frame, mirrored

    /// The widths of the legend's entries (key, space, text), from the chart's own legend.
    static func legendWidths(_ parameters: ModelParameters, ascii: Bool, rect: Rect, isLogit: Bool) -> [Int] {
        let chart = BoundaryChartData(parameters: parameters, style: ChartStyle(ascii: ascii, color: false))
        let roomy = rect.height >= 22 && rect.width >= 50
        return chart.legendItems(otherSizes: chart.otherSizes(roomy: roomy)).map { $0.key.count + 1 + $0.text.count }
    }

    /// The legend's rows: entries left to right, two apart, after the y title.
    static func rowsNeeded(_ widths: [Int], prefix: Int, width: Int) -> Int {
        var row = 0, column = prefix + 2, lastRow = 0
        for itemWidth in widths {
            if column > 0 && column + itemWidth > width {
                if itemWidth <= width { row += 1; column = 0 } else { continue }
            }
            guard column + itemWidth <= width else { continue }
            lastRow = row
            column += itemWidth + 2
        }
        return lastRow + 1
    }

    /// The plot of the chart's frame: legend and caption rows, x title from 24 rows, tick labels
    /// and the axis at the bottom, y labels and the axis on the left, a right margin of 8.
    static func frame(rect: Rect, legendRows wanted: Int, yLabelWidth labelWidth: Int) -> Rect {
        let w = rect.width, h = rect.height
        var top = rect.y, bottom = rect.maxY
        let hasAxes = w >= 6 && h >= 3
        if w >= 12 { top += min(wanted, h >= 16 ? 2 : (h >= 7 ? 1 : 0)) }
        if h >= 9 && w >= 16 { bottom -= 1 }
        if hasAxes && h >= 24 { bottom -= 1 }
        if hasAxes && h >= 5 { bottom -= 1 }
        if hasAxes { bottom -= 1 }
        let left = hasAxes ? (w >= 12 ? labelWidth : 0) + 1 : 0
        let right = w >= 30 ? 8 : (w >= 16 ? 1 : 0)
        return Rect(x: rect.x + left, y: top, width: max(0, w - left - right), height: max(0, bottom - top))
    }

    /// Whether the y tick labels the chart picks for a plot this tall are at most two characters
    /// ("0", ".5", "1"; not ".25").
    static func tickLabelsFitInTwo(plot: Rect, dotsDown: Int) -> Bool {
        guard plot.height > 0 else { return true }
        let count = max(1, plot.height * dotsDown)
        func row(_ value: Double) -> Int {
            Int((1 - value) * Double(count - 1)) / dotsDown
        }
        let candidates: [[Double]] = [(0...10).map { Double($0) / 10 }, [0, 0.25, 0.5, 0.75, 1], [0, 0.5, 1], [0, 1], [0]]
        for values in candidates {
            let rows = values.map(row)
            if zip(rows, rows.dropFirst()).allSatisfy({ abs($0 - $1) >= 2 }) {
                return values.allSatisfy { AxisTicks.fractionLabel($0).count <= 2 }
            }
        }
        return true
    }
}
