/// Labels of reference lines and free labels; margin labels.
extension PlotRenderer {
    /// Each horizontal line's label on the line (left end, right end, else the first free
    /// stretch), else just inside the plot when the line is on its edge; a blank from any curve.
    static func placeHorizontalLineLabels(
        _ geometry: PlotGeometry, _ lines: [DrawnLine], into buffer: inout CellBuffer, placer: inout LabelPlacer
    ) {
        let area = geometry.area
        let lineRows = Set(lines.map(\.row))
        for line in lines {
            let label = line.label
            guard label.count + 2 <= area.width else { continue }
            let inward = line.row == 0 ? 1 : (line.row == area.height - 1 ? area.height - 2 : line.row)
            var rows = [line.row]
            if inward != line.row && inward >= 0 && inward < area.height && !lineRows.contains(inward) { rows.append(inward) }
            let starts = [area.x + 1, area.maxX - label.count - 1] + Array(area.x + 1...area.maxX - label.count - 1)
            let candidates = rows.flatMap { row in starts.map { (x: $0, y: area.y + row) } }
            guard let placed = placer.place(label, candidates: candidates, curveMargin: 1) else { continue }
            var style = line.style
            style.background = buffer[placed.x, placed.y].style.background
            buffer.put(label, x: placed.x, y: placed.y, style: style, clip: area)
        }
    }

    /// The free labels, in order.
    static func placeLabels(_ geometry: PlotGeometry, into buffer: inout CellBuffer, placer: inout LabelPlacer) {
        for label in geometry.description.labels {
            let cell = geometry.cell(label.anchor)
            let length = label.text.count
            let candidates: [(x: Int, y: Int)]
            switch label.placement {
            case .around(let offsets):
                candidates = LabelPlacer.candidates(near: cell.x, cell.y, length: length, rowOffsets: offsets)
            case .beside(let offsets):
                candidates = offsets.flatMap { dy in [cell.x + 2, cell.x - 1 - length].map { (x: $0, y: cell.y + dy) } }
            }
            place(label.text, candidates: candidates, style: label.style, into: &buffer, placer: &placer)
        }
    }

    /// Each vertical line's label (see ``VerticalLine/LabelPlacement``).
    static func placeVerticalLineLabels(
        _ geometry: PlotGeometry, _ lines: [(index: Int, column: Int)], into buffer: inout CellBuffer, placer: inout LabelPlacer
    ) {
        let area = geometry.area
        for (index, column) in lines {
            let line = geometry.description.verticalLines[index]
            guard let label = line.label else { continue }
            switch line.placement {
            case .besideHighest:
                var start = column + 2
                if start + label.count > area.maxX { start = column - 1 - label.count }
                guard start >= area.x else { continue }
                let candidates = (area.y..<area.maxY).map { (x: start, y: $0) }
                place(label, candidates: candidates, style: line.style, into: &buffer, placer: &placer, curveMargin: 1, clip: area)
            case .atTop:
                guard area.height >= 6 else { continue }
                let candidates = LabelPlacer.candidates(near: column, area.y, length: label.count, rowOffsets: [0, 1])
                place(label, candidates: candidates, style: line.style, into: &buffer, placer: &placer)
            }
        }
    }

    /// The margin labels right of the plot, when there is a margin.
    static func drawMarginLabels(_ geometry: PlotGeometry, into buffer: inout CellBuffer) {
        let area = geometry.area, rect = geometry.frame.rect
        guard area.maxX < rect.maxX else { return }
        var used: [Int: Int] = [:]
        for label in geometry.description.marginLabels where geometry.isShown(label.legendItems) {
            let row = area.y + geometry.row(label.y)
            let offset = used[row]
            switch geometry.description.marginOverlap {
            case .sideBySide: used[row] = (offset ?? 0) + label.text.count
            case .firstOnly:
                guard offset == nil else { continue }
                used[row] = 0
            }
            buffer.put(label.text, x: area.maxX + (offset ?? 0), y: row, style: label.style, clip: rect)
        }
    }
}
