/// The layers over the series: markers, the trail, labels, margin labels.
extension PlotRenderer {
    /// Draws each marker and reserves its cell; returns the cells. A marker at a point inside a
    /// region whose fill has a background takes that background (so a point near an edge shows
    /// its own side); otherwise it keeps the cell's.
    static func drawMarkers(
        _ geometry: PlotGeometry, into buffer: inout CellBuffer, placer: inout LabelPlacer
    ) -> [PlotRendering.CellPosition] {
        geometry.description.markers.map { marker in
            let cell = geometry.cell(marker.anchor)
            var style = marker.style
            style.background = buffer[cell.x, cell.y].style.background
            if case .point(let x, let y) = marker.anchor, let index = region(geometry, x: x, y: y),
               let fill = geometry.description.regions[index].fill, fill.style.background != .default {
                style.background = fill.style.background
            }
            buffer.put(marker.glyph, x: cell.x, y: cell.y, style: style)
            placer.reserve(x: cell.x, y: cell.y)
            return PlotRendering.CellPosition(column: cell.x, row: cell.y)
        }
    }

    /// A group of trail stops sharing a label.
    struct TrailGroup {
        var first: Int, last: Int
        var kind: PlotTrail.Kind
        var column: Int, row: Int, side: Int
    }

    /// Draws the trail's points and labels (see ``PlotTrail``).
    static func drawTrail(
        _ geometry: PlotGeometry, into buffer: inout CellBuffer, placer: inout LabelPlacer, rendering: inout PlotRendering
    ) {
        guard let trail = geometry.description.trail else { return }
        let area = geometry.area, lower = geometry.description.x.lower, upper = geometry.description.x.upper
        var groups: [TrailGroup] = []
        for (index, stop) in trail.stops.enumerated() {
            let inRange = stop.x >= lower && stop.x <= upper
            let side = stop.x < lower ? -1 : (stop.x > upper ? 1 : 0)
            let column = inRange ? area.x + geometry.column(stop.x) : (side < 0 ? area.x : area.maxX - 1)
            let clamped = min(max(stop.x, lower), upper)
            let row = area.y + geometry.row(geometry.value(ofSeries: trail.series, at: inRange ? stop.x : clamped))
            rendering.trailCells.append(.init(column: column, row: row, inRange: inRange))
            let kind: PlotTrail.Kind = index == 0 ? .start : stop.kind
            if let last = groups.last, index > 0, last.kind == kind, last.column == column, last.side == side, last.first > 0 {
                groups[groups.count - 1].last = index
            } else {
                groups.append(TrailGroup(first: index, last: index, kind: kind, column: column, row: row, side: side))
            }
        }
        for group in groups {
            let label = trailLabel(trail, group)
            rendering.trailLabels.append(label)
            if !placer.isReserved(x: group.column, y: group.row) {
                var style = trail.style
                style.background = buffer[group.column, group.row].style.background
                buffer.put(trail.glyph, x: group.column, y: group.row, style: style)
                placer.reserve(x: group.column, y: group.row)
            }
            let candidates = LabelPlacer.candidates(near: group.column, group.row, length: label.count, rowOffsets: [-1, 1, -2, 2, -3, 3, 0])
            place(label, candidates: candidates, style: group.kind == .alternate ? trail.alternateStyle : trail.style,
                  into: &buffer, placer: &placer)
        }
    }

    /// "S", "3", "2–5", "b3", "◀4".
    static func trailLabel(_ trail: PlotTrail, _ group: TrailGroup) -> String {
        var label: String
        if group.first == 0 {
            label = trail.startLabel
        } else {
            label = group.first == group.last ? "\(group.first)" : "\(group.first)\(trail.rangeSeparator)\(group.last)"
            if group.kind == .alternate { label = trail.alternatePrefix + label }
        }
        if group.side < 0 { label = trail.arrows.left + label }
        if group.side > 0 { label += trail.arrows.right }
        return label
    }

    /// Each region's name in the widest free stretch of the region on a row without a marker or
    /// another region's name, when it fits with a blank either side.
    static func placeRegionLabels(
        _ geometry: PlotGeometry, _ map: [[Int?]], avoiding markerRows: Set<Int>, into buffer: inout CellBuffer,
        placer: inout LabelPlacer
    ) {
        let area = geometry.area
        guard map.count == area.height else { return }
        var usedRows = Set(markerRows.map { $0 - area.y })
        for (index, region) in geometry.description.regions.enumerated() {
            guard let name = region.label else { continue }
            var best: (row: Int, start: Int, length: Int)?
            let current = placer
            for row in 0..<area.height where !usedRows.contains(row) {
                let free = { (column: Int) in map[row][column] == index && current.isFree(x: area.x + column, y: area.y + row) }
                var column = 0
                while column < area.width {
                    guard free(column) else { column += 1; continue }
                    let start = column
                    while column < area.width && free(column) { column += 1 }
                    if column - start > (best?.length ?? 0) { best = (row, start, column - start) }
                }
            }
            guard let best, best.length >= name.count + 2 else { continue }
            let candidate = (x: area.x + best.start + (best.length - name.count) / 2, y: area.y + best.row)
            if place(name, candidates: [candidate], style: region.labelStyle, into: &buffer, placer: &placer) {
                usedRows.insert(best.row)
            }
        }
    }
}
