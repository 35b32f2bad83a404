import Foundation
import IIACharts

/// Where the sliders' bars sit in the slider panel: drawn by the view, hit by the mouse.
///
/// Each row is the marker (2 cells), the label (9), the value (10), the bar, a space, the range
/// (10) and, from 70 columns, the summary (24). In ASCII the bar is bracketed: `[==O---]`.
struct SliderTrack: Equatable {
    static let labelWidth = 9, valueWidth = 10, rangeWidth = 10

    /// The bar's first column and width (brackets included).
    let barX: Int
    let barWidth: Int
    /// The cells the knob can take: the first one's column and their count.
    let firstCell: Int
    let cells: Int

    init(panel rect: Rect, ascii: Bool) {
        let summaryWidth = rect.width >= 70 ? 24 : 0
        barX = rect.x + 2 + Self.labelWidth + Self.valueWidth
        barWidth = max(4, rect.width - 2 - Self.labelWidth - Self.valueWidth - 1 - Self.rangeWidth - summaryWidth)
        firstCell = barX + (ascii ? 1 : 0)
        cells = ascii ? barWidth - 2 : barWidth
    }

    /// The knob's cell (from 0) for a position from 0 to 1.
    func knobCell(_ position: Double) -> Int {
        Int((position * Double(cells - 1)).rounded())
    }

    /// Whether `column` is on the bar (brackets included).
    func contains(column: Int) -> Bool {
        column >= barX && column < barX + barWidth
    }

    /// The position (0…1) of the knob cell at `column`; columns off the knob's cells go to the
    /// nearer end.
    func position(atColumn column: Int) -> Double {
        guard cells > 1 else { return 0 }
        return min(1, max(0, Double(column - firstCell) / Double(cells - 1)))
    }

    /// Half a knob cell, as a position.
    var halfCell: Double { cells > 1 ? 0.5 / Double(cells - 1) : 0.5 }
}

extension SliderSpec {
    /// The value at a position (0…1) along the slider, the inverse of ``position(of:)``, rounded
    /// tidily for a slider `cells` wide: linear sliders to the coarsest 1-2-5 step within half a
    /// cell, logarithmic ones to the nearest Renard R10 number (below 10 the nearest whole
    /// number for integer sliders); whole numbers for integer
    /// sliders; clamped into the range.
    func value(atPosition position: Double, cells: Int) -> Double {
        let t = position.isFinite ? min(1, max(0, position)) : 0
        let lo = range.lowerBound, hi = range.upperBound
        guard hi > lo else { return lo }
        if t == 0 { return lo }
        if t == 1 { return hi }
        switch scale {
        case .linear:
            let raw = lo + t * (hi - lo)
            let step = Self.tidyStep(atMost: (hi - lo) / Double(max(1, cells - 1)) / 2)
            return clamped(Self.tidy((raw / step).rounded() * step))
        case .logarithmic:
            let raw = exp(log(lo) + t * (log(hi) - log(lo)))
            if isInteger && raw < 10 {
                // Below 10 every whole number is tidy: the nearest one (on the log scale).
                let below = raw.rounded(.down), above = raw.rounded(.up)
                return clamped(below >= 1 && log(raw / below) <= log(above / raw) ? below : above)
            }
            let (floor, ceiling) = Self.renardIndices(around: raw)
            let below = Self.renardValue(tenths: floor), above = Self.renardValue(tenths: ceiling)
            return clamped(log(raw / below) <= log(above / raw) ? below : above)
        }
    }

    /// The largest of …, 0.1, 0.2, 0.5, 1, 2, 5, … not above `limit` (a tiny limit gives 1e-12).
    static func tidyStep(atMost limit: Double) -> Double {
        guard limit.isFinite, limit > 1e-12 else { return 1e-12 }
        let decade = pow(10, log10(limit).rounded(.down))
        for factor in [5.0, 2, 1] where decade * factor <= limit * (1 + 1e-12) { return tidy(decade * factor) }
        return tidy(decade)
    }
}
