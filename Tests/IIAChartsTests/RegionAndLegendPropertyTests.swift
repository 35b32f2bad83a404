import Foundation
import Testing
@testable import IIACharts
@testable import IIAApp
import IIACore

/// Properties of the drawn charts (not pictures): regions on the right side of F(zeta) at
/// sub-cell resolution, complete legends, the band of one algorithm behind the curves, even ticks.
@Suite struct RegionAndLegendPropertyTests {
    static let sizes = [(30, 10), (35, 11), (50, 16), (57, 22), (80, 24), (120, 40), (160, 48)]

    /// The region claimed by a boundary-chart cell: "m2", "perverse", "m1", or nil when a curve,
    /// label or marker covers it (its region cannot be read).
    static func claimed(_ cell: Cell, color: Bool) -> String? {
        if color {
            switch cell.style.background {
            case .palette(17): return "m2"
            case .palette(52): return "perverse"
            default: return cell.character == " " ? "m1" : nil
            }
        }
        // Without colour a blank may be a label's space, so only the fills are read (labels are bold).
        guard !cell.style.bold else { return nil }
        switch cell.character {
        case ".", "·": return "m2"
        case "/", "╱": return "perverse"
        default: return nil
        }
    }

    /// The region of (zeta, p) for |Y| = 4: below F RLPO/DPO go to M2 (perverse above 1/2),
    /// between F and 1/2 perverse too, else M1.
    static func truth(zeta: Double, p: Double) -> String {
        let f = FailureBoundary.F(zeta: min(0.9999, max(0.0001, zeta)), k: 4)
        if p < f { return p > 0.5 ? "perverse" : "m2" }
        return p > f && p < 0.5 ? "perverse" : "m1"
    }

    /// The share of a rectangle of the plane (in axis positions) on the wrong side of `claim`, sampled 12 x 12.
    static func wrongShare(_ claim: String, x: ClosedRange<Double>, y: ClosedRange<Double>, across: Int, down: Int) -> Double {
        let n = 12
        var wrong = 0
        for i in 0..<n {
            for j in 0..<n {
                let px = x.lowerBound + (x.upperBound - x.lowerBound) * (Double(i) + 0.5) / Double(n)
                let py = y.lowerBound + (y.upperBound - y.lowerBound) * (Double(j) + 0.5) / Double(n)
                let zeta = px / Double(across - 1), p = 1 - py / Double(down - 1)
                if truth(zeta: zeta, p: p) != claim { wrong += 1 }
            }
        }
        return Double(wrong) / Double(n * n)
    }

    @Test(arguments: [(false, false), (false, true), (true, false)])
    func regionCellsAreOnTheRightSideOfF(ascii: Bool, color: Bool) {
        let parameters = ChartFixtures.parameters(k: 4)
        var checked = 0
        for (width, height) in Self.sizes {
            let plot = ExplorerCharts.boundaryPlot(parameters, style: ChartStyle(ascii: ascii, color: color), roomy: false)
            var buffer = CellBuffer(width: width, height: height)
            let area = PlotRenderer.render(plot, into: &buffer, rect: buffer.bounds).plot
            let (sx, sy) = ascii ? (1, 1) : (2, 4)
            let across = area.width * sx, down = area.height * sy
            for row in 0..<area.height {
                for column in 0..<area.width {
                    let cell = buffer[area.x + column, area.y + row]
                    let x = Double(column * sx) - 0.5...Double(column * sx + sx) - 0.5
                    let top = Double(row * sy) - 0.5, bottom = Double(row * sy + sy) - 0.5, middle = (top + bottom) / 2
                    if color && (cell.character == "▀" || cell.character == "▄") {
                        let upper = cell.character == "▀" ? cell.style.foreground : .default
                        let lower = cell.character == "▀" ? cell.style.background : cell.style.foreground
                        for (colour, y) in [(upper, top...middle), (lower, middle...bottom)] {
                            let claim = Self.claimed(Cell(" ", style: CellStyle(background: colour)), color: true) ?? "m1"
                            let centre = (x: (x.lowerBound + x.upperBound) / 2, y: (y.lowerBound + y.upperBound) / 2)
                            #expect(Self.truth(zeta: centre.x / Double(across - 1), p: 1 - centre.y / Double(down - 1)) == claim,
                                    "\(width)x\(height) half of cell (\(column), \(row))")
                        }
                        checked += 1
                        continue
                    }
                    guard let claim = Self.claimed(cell, color: color) else { continue }
                    let share = Self.wrongShare(claim, x: x, y: top...bottom, across: across, down: down)
                    #expect(share <= 0.5 + 1.0 / 12, "\(width)x\(height) cell (\(column), \(row)) claims \(claim): \(share) wrong")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    /// Every algorithm glyph and every curve colour drawn in the plot (and its margin) is named
    /// in the legend, with and without Monte Carlo, at sizes down to the chart at 80 x 24.
    @Test(arguments: [false, true])
    func everySweepLayerDrawnIsInTheLegend(simulated: Bool) {
        let glyphs = Set(Algorithm.allCases.map(\.chartGlyph))
        for (width, height) in Self.sizes {
            for ascii in [false, true] {
                let plot = ExplorerCharts.sweepPlot(
                    ChartFixtures.sweep(.data, k: 4), simulated: simulated ? ChartFixtures.simulated(.data, k: 4) : nil,
                    marker: ChartFixtures.marker(.data), style: ChartStyle(ascii: ascii, color: true))
                var buffer = CellBuffer(width: width, height: height)
                let area = PlotRenderer.render(plot, into: &buffer, rect: buffer.bounds).plot
                let plotTop = area.y
                let legendCells = (0..<plotTop).flatMap { row in (0..<width).map { buffer[$0, row] } }
                let legendText = String(legendCells.map(\.character))
                let legendColours = Set(legendCells.map(\.style.foreground))
                for row in area.y..<area.maxY {
                    for column in area.x..<width {
                        let cell = buffer[column, row]
                        if glyphs.contains(cell.character) && cell.style.bold {
                            #expect(legendText.contains("\(cell.character) "), "\(width)x\(height) \(ascii): \(cell.character) unnamed")
                        }
                        if Braille.bits(of: cell.character) != nil {
                            #expect(legendColours.contains(cell.style.foreground),
                                    "\(width)x\(height): a curve in \(cell.style.foreground) has no legend entry")
                        }
                    }
                }
            }
        }
    }

    /// Under Monte Carlo the band is drawn for the focused algorithm only, as light lattice dots
    /// that never share a cell with a curve.
    @Test(arguments: [Algorithm.rlpo, .il])
    func bandIsTheFocusedAlgorithmsAndBehindTheCurves(focus: Algorithm) {
        for (width, height) in Self.sizes {
            let plot = ExplorerCharts.sweepPlot(ChartFixtures.sweep(.data, k: 4), simulated: ChartFixtures.simulated(.data, k: 4),
                                                marker: nil, style: ChartStyle(ascii: false, color: true), focus: focus)
            #expect(plot.bands.count == 1)
            var buffer = CellBuffer(width: width, height: height), withoutBand = buffer
            let area = PlotRenderer.render(plot, into: &buffer, rect: buffer.bounds).plot
            var bandless = plot
            bandless.bands = []
            PlotRenderer.render(bandless, into: &withoutBand, rect: withoutBand.bounds)
            var bandCells = 0
            for row in area.y..<area.maxY {
                for column in area.x..<area.maxX {
                    // The band's cells: those that change when the band is left out.
                    let cell = buffer[column, row]
                    guard cell != withoutBand[column, row] else { continue }
                    bandCells += 1
                    let mask = Braille.bit(x: 0, y: 1) | Braille.bit(x: 0, y: 3)
                    let bits = Braille.bits(of: cell.character)
                    #expect(withoutBand[column, row].character == " ", "\(width)x\(height): the band shares cell (\(column), \(row)) with a curve")
                    #expect(bits.map { $0 != 0 && $0 & ~mask == 0 } == true, "\(width)x\(height): not the band's light lattice at (\(column), \(row))")
                    #expect(cell.style.foreground == ChartPalette.series(focus, ChartStyle(ascii: false, color: true)).foreground,
                            "\(width)x\(height): a band of another algorithm at (\(column), \(row))")
                    #expect(cell.style.background == .default)
                }
            }
            if width >= 100 { #expect(bandCells > 0, "\(width)x\(height): no band drawn") }
        }
    }

    /// The y ticks of a 0…1 axis are evenly spaced in rows at every height.
    @Test func unitTicksAreEvenlySpaced() {
        for height in 8...60 {
            for ascii in [false, true] {
                let plot = ExplorerCharts.sweepPlot(ChartFixtures.sweep(.data, k: 4), marker: nil, style: ChartStyle(ascii: ascii, color: false))
                var buffer = CellBuffer(width: 60, height: height)
                let area = PlotRenderer.render(plot, into: &buffer, rect: buffer.bounds).plot
                let tick: Character = ascii ? "+" : "┤"
                let rows = (area.y..<area.maxY).filter { buffer[area.x - 1, $0].character == tick }
                #expect(rows.count >= 2, "height \(height): tick rows \(rows)")
                let gaps = Set(zip(rows, rows.dropFirst()).map { $1 - $0 })
                #expect(gaps.count <= 1, "height \(height): tick rows \(rows)")
            }
        }
    }
}
