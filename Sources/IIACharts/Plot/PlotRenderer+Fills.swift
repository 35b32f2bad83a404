/// The layers under the series: regions, bands, reference lines.
extension PlotRenderer {
    /// A horizontal line as drawn: its row in the plot, glyph, style and label.
    struct DrawnLine {
        var row: Int
        var glyph: Character
        var style: CellStyle
        var label: String
    }

    /// Fills each region's cells; returns the region index of every cell (row by row, nil: none).
    static func drawRegions(_ geometry: PlotGeometry, into buffer: inout CellBuffer) -> [[Int?]] {
        let regions = geometry.description.regions, area = geometry.area
        guard !regions.isEmpty else { return [] }
        var map: [[Int?]] = []
        for row in 0..<area.height {
            let y = geometry.rowCentre(row)
            var line: [Int?] = []
            for column in 0..<area.width {
                let x = geometry.columnCentre(column)
                let index = regions.firstIndex { region in
                    region.lower.map { y > $0.evaluate(x) } ?? true && region.upper.map { y < $0.evaluate(x) } ?? true
                }
                line.append(index)
                guard let index, let fill = regions[index].fill else { continue }
                buffer[area.x + column, area.y + row] = fill
            }
            map.append(line)
        }
        return map
    }

    /// Fills each band column by column between its curves.
    static func drawBands(_ geometry: PlotGeometry, into buffer: inout CellBuffer) {
        let area = geometry.area
        for band in geometry.description.bands {
            for column in 0..<area.width {
                let x = geometry.columnCentre(column)
                let a = geometry.x.interpolate(band.xs, band.lower, at: x), b = geometry.x.interpolate(band.xs, band.upper, at: x)
                guard a.isFinite, b.isFinite else { continue }
                let top = geometry.row(max(a, b)), bottom = geometry.row(min(a, b))
                for row in top...bottom { buffer[area.x + column, area.y + row] = band.fill }
            }
        }
    }

    /// Draws the horizontal lines over blank and band cells (keeping their background); lines
    /// on one row merge. Returns the lines drawn.
    static func drawHorizontalLines(_ geometry: PlotGeometry, into buffer: inout CellBuffer) -> [DrawnLine] {
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
        let fills = Set(geometry.description.bands.map(\.fill.character))
        for line in lines {
            for column in area.x..<area.maxX {
                let cell = buffer[column, area.y + line.row]
                guard cell.character == " " || fills.contains(cell.character) else { continue }
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
