/// The layers under the series: bands, reference lines (regions: PlotRenderer+Regions.swift).
extension PlotRenderer {
    /// A horizontal line as drawn: its row in the plot, glyph, style and label.
    struct DrawnLine {
        var row: Int
        var glyph: Character
        var style: CellStyle
        var label: String
    }

    /// Draws each band light and behind the curves (see ``PlotBand``); returns the cells drawn
    /// (row * width + column in the plot).
    static func drawBands(_ geometry: PlotGeometry, into buffer: inout CellBuffer) -> Set<Int> {
        let area = geometry.area
        var drawn = Set<Int>()
        for band in geometry.description.bands where geometry.isShown(band.legendItems) {
            let cells = geometry.dotsPerCell.y > 1 ? bandDots(geometry, band) : bandCells(geometry, band)
            for (index, character) in cells {
                buffer[area.x + index % area.width, area.y + index / area.width] = Cell(character, style: band.fill.style)
                drawn.insert(index)
            }
        }
        return drawn
    }

    /// The band's bounds at x (top and bottom as axis positions), nil where it is not defined.
    static func bandPositions(_ geometry: PlotGeometry, _ band: PlotBand, at x: Double) -> (top: Double, bottom: Double)? {
        let a = geometry.x.interpolate(band.xs, band.lower, at: x), b = geometry.x.interpolate(band.xs, band.upper, at: x)
        guard a.isFinite, b.isFinite else { return nil }
        let top = geometry.y.position(geometry.shown(max(a, b))), bottom = geometry.y.position(geometry.shown(min(a, b)))
        guard top.isFinite, bottom.isFinite else { return nil }
        return (top, bottom)
    }

    /// Braille: the dots of a sparse lattice (every other dot across, every other dot down)
    /// that lie inside the band, by cell.
    static func bandDots(_ geometry: PlotGeometry, _ band: PlotBand) -> [Int: Character] {
        let area = geometry.area, (sx, sy) = geometry.dotsPerCell
        var bits: [Int: UInt8] = [:]
        for dotX in stride(from: 0, to: area.width * sx, by: 2) {
            guard let bounds = bandPositions(geometry, band, at: geometry.x.value(at: Double(dotX))) else { continue }
            let first = max(0, Int(saturating: bounds.top.rounded(.up))), last = min(area.height * sy - 1, Int(saturating: bounds.bottom.rounded(.down)))
            guard first <= last else { continue }
            for dotY in first...last where dotY % 2 == 1 {
                bits[(dotY / sy) * area.width + dotX / sx, default: 0] |= Braille.bit(x: dotX % sx, y: dotY % sy)
            }
        }
        return bits.mapValues(Braille.character)
    }

    /// ASCII: the cells at least half inside the band (sampled 4 x 4), filled with its character.
    static func bandCells(_ geometry: PlotGeometry, _ band: PlotBand) -> [Int: Character] {
        let area = geometry.area, samples = 4
        var cells: [Int: Character] = [:]
        for column in 0..<area.width {
            let bounds = (0..<samples).map { i in
                bandPositions(geometry, band, at: geometry.x.value(at: Double(column) - 0.5 + (Double(i) + 0.5) / Double(samples)))
            }
            for row in 0..<area.height {
                var inside = 0
                for j in 0..<samples {
                    let position = Double(row) - 0.5 + (Double(j) + 0.5) / Double(samples)
                    inside += bounds.filter { $0.map { position >= $0.top && position <= $0.bottom } ?? false }.count
                }
                if 2 * inside >= samples * samples { cells[row * area.width + column] = band.fill.character }
            }
        }
        return cells
    }

    /// Draws the horizontal lines over blank and band cells (keeping their background); lines
    /// on one row merge. Returns the lines drawn.
    static func drawHorizontalLines(_ geometry: PlotGeometry, bandCells: Set<Int>, into buffer: inout CellBuffer) -> [DrawnLine] {
        var lines: [DrawnLine] = []
        for line in geometry.description.horizontalLines {
            let row = geometry.row(line.y)
            if let index = lines.firstIndex(where: { $0.row == row }) {
                lines[index].glyph = line.glyph
                lines[index].style = line.style
                lines[index].label = line.label + " = " + lines[index].label
            } else {
                lines.append(DrawnLine(row: row, glyph: line.glyph, style: line.style, label: line.label))
            }
        }
        let area = geometry.area
        for line in lines {
            for column in area.x..<area.maxX {
                let cell = buffer[column, area.y + line.row]
                guard cell.character == " " || bandCells.contains(line.row * area.width + column - area.x) else { continue }
                var style = line.style
                style.background = cell.style.background
                buffer[column, area.y + line.row] = Cell(line.glyph, style: style)
            }
        }
        return lines
    }

    /// Draws the vertical lines inside the axis (keeping the cells' background); returns each
    /// drawn line's index in the description and buffer column.
    static func drawVerticalLines(_ geometry: PlotGeometry, into buffer: inout CellBuffer) -> [(index: Int, column: Int)] {
        let area = geometry.area
        var drawn: [(index: Int, column: Int)] = []
        for (index, line) in geometry.description.verticalLines.enumerated() {
            guard let dot = geometry.x.lineDot(line.x) else { continue }
            let column = area.x + dot / geometry.dotsPerCell.x
            guard column < area.maxX else { continue }
            drawn.append((index, column))
            for row in area.y..<area.maxY {
                var style = line.style
                style.background = buffer[column, row].style.background
                buffer.put(line.glyph, x: column, y: row, style: style)
            }
        }
        return drawn
    }
}
