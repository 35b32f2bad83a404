import IIACharts
import IIACore

/// Where each panel goes for a screen size.
///
/// - 80 x 24: sliders and the boundary summary on the left, the chart in focus on the right,
///   the read-out below, the status and key lines at the bottom.
/// - Taller screens put other charts under the read-out, side by side, as many as fit at 30
///   columns or more: at most three below 160 columns (the phase chart, last in order, is then
///   shown only when focused), four from 160 columns.
/// - From 160 columns the controls keep an 80-column left column and the focused chart
///   takes the rest of the width; at 160 x 48 all five charts are visible.
/// - The slider panel has one row per visible slider (9, or 10 with J for fixed queries).
/// - The read-out is compact (one line per algorithm with a verdict word, and a line naming
///   the majority) unless the full sentences (two lines per algorithm) fit without pushing
///   the charts below it off the screen.
struct ScreenLayout: Equatable {
    var title: Rect
    var sliders: Rect
    var boundary: Rect
    var readOut: Rect
    /// The charts shown, the focused one first.
    var charts: [(kind: ChartKind, rect: Rect)]
    var status: Rect
    var keys: Rect
    /// Whether the read-out shows a full sentence under each algorithm.
    var fullReadOut: Bool
    /// The verdict line (presentation mode only).
    var verdict: Rect?

    static let sliderRows = 9
    static let boundaryRows = 3
    /// The read-out's rows: a heading and the algorithms, one or two lines each (compact: and
    /// a line naming the majority and the inclusive target).
    static func readOutRows(full: Bool, algorithms: Int = Algorithm.allCases.count) -> Int {
        full ? 1 + 2 * algorithms : 2 + algorithms
    }
    static let minimumChartWidth = 30
    static let minimumChartHeight = 8

    static func == (a: ScreenLayout, b: ScreenLayout) -> Bool {
        a.title == b.title && a.sliders == b.sliders && a.boundary == b.boundary && a.readOut == b.readOut
            && a.charts.map(\.kind) == b.charts.map(\.kind) && a.charts.map(\.rect) == b.charts.map(\.rect)
            && a.status == b.status && a.keys == b.keys && a.fullReadOut == b.fullReadOut && a.verdict == b.verdict
    }

    /// The layout for a screen of at least the minimum size.
    init(width: Int, height: Int, focused: ChartKind, sliderRows: Int = ScreenLayout.sliderRows) {
        let wide = width >= 160
        let left = wide ? 80 : 44
        title = Rect(x: 0, y: 0, width: width, height: 1)
        sliders = Rect(x: 0, y: 1, width: left, height: sliderRows)
        boundary = Rect(x: 0, y: 1 + sliderRows, width: left, height: Self.boundaryRows)
        let readOutTop = sliders.y + sliderRows + Self.boundaryRows
        // Rows between the boundary summary and the status line.
        let available = height - 2 - readOutTop
        let full = Self.readOutRows(full: true), compact = Self.readOutRows(full: false)
        let chartsFitUnderFull = available - full >= Self.minimumChartHeight
        let chartsFitUnderCompact = available - compact >= Self.minimumChartHeight
        fullReadOut = available >= full && (chartsFitUnderFull || !chartsFitUnderCompact)
        let readOutRows = fullReadOut
            ? (chartsFitUnderFull ? full : available)
            : (chartsFitUnderCompact ? compact : max(0, available))
        readOut = Rect(x: 0, y: readOutTop, width: wide ? left : width, height: readOutRows)
        let primaryHeight = wide ? readOut.maxY - 1 : readOutTop - 1
        var charts: [(ChartKind, Rect)] = [(focused, Rect(x: left + 1, y: 1, width: width - left - 1, height: primaryHeight))]
        status = Rect(x: 0, y: height - 2, width: width, height: 1)
        keys = Rect(x: 0, y: height - 1, width: width, height: 1)
        // Below the read-out: the other charts, side by side, when they fit.
        let belowTop = readOut.maxY
        let belowHeight = status.y - belowTop
        // The phase chart comes last, so it is the one left out below 160 columns (three below).
        let others = ChartKind.allCases.filter { $0 != focused }
        if belowHeight >= Self.minimumChartHeight {
            let count = min(others.count, width / Self.minimumChartWidth, wide ? 4 : 3)
            if count > 0 {
                let each = width / count
                for index in 0..<count {
                    let x = index * each
                    let w = index == count - 1 ? width - x : each - 1
                    charts.append((others[index], Rect(x: x, y: belowTop, width: w, height: belowHeight)))
                }
            }
        }
        self.charts = charts
    }
}
