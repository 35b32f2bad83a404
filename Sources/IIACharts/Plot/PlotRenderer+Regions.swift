/// The region layer, at sub-cell resolution (see ``PlotRegion``).
extension PlotRenderer {
    /// Sample points across a cell and down each half of it.
    static let regionSamples = 4

    /// Fills the regions: a cell takes the region holding most of its area; with braille and
    /// fills that all have a background colour, a cell whose halves belong to regions of
    /// different fills is drawn as a half block (▀: top half in the top region's colour, the
    /// bottom in the other's). Returns the region of every cell wholly in one (row by row, nil:
    /// none or straddling), where region labels may go, and the background each half-block cell
    /// takes when a later layer draws over it (that of the region holding more than half of it,
    /// else none).
    static func drawRegions(
        _ geometry: PlotGeometry, into buffer: inout CellBuffer
    ) -> (map: [[Int?]], split: [Int: TerminalColor]) {
        let regions = geometry.description.regions, area = geometry.area
        guard !regions.isEmpty else { return ([], [:]) }
        var split: [Int: TerminalColor] = [:]
        let halves = !geometry.description.appearance.ascii
            && regions.allSatisfy { $0.fill.map { $0.style.background != .default } ?? true }
        var map = Array(repeating: [Int?](repeating: nil, count: area.width), count: area.height)
        for column in 0..<area.width {
            let bounds = regionBounds(geometry, column: column)
            for row in 0..<area.height {
                let top = regionCounts(geometry, bounds, row: row, half: 0)
                let bottom = regionCounts(geometry, bounds, row: row, half: 1)
                let x = area.x + column, y = area.y + row
                if halves {
                    let upper = majority(top), lower = majority(bottom)
                    let upperFill = upper.flatMap { regions[$0].fill }, lowerFill = lower.flatMap { regions[$0].fill }
                    map[row][column] = upper == lower ? upper : nil
                    if upperFill == lowerFill {
                        if let upperFill { buffer[x, y] = upperFill }
                    } else {
                        buffer[x, y] = halfBlock(top: upperFill, bottom: lowerFill)
                        let whole = zip(top, bottom).map { $0 + $1 }, most = whole.max() ?? 0
                        let owner = whole.filter { $0 == most }.count == 1 ? majority(whole) : nil
                        split[row * area.width + column] = owner.flatMap { regions[$0].fill?.style.background } ?? .default
                    }
                } else {
                    let whole = majority(zip(top, bottom).map { $0 + $1 })
                    map[row][column] = whole
                    if let whole, let fill = regions[whole].fill { buffer[x, y] = fill }
                }
            }
        }
        return (map, split)
    }

    /// Gives each half-block cell that a later layer drew over the background of the region
    /// holding most of it (none on a tie), keeping the markers' own.
    static func settleSplitCells(
        _ geometry: PlotGeometry, _ split: [Int: TerminalColor], markers: [PlotRendering.CellPosition], into buffer: inout CellBuffer
    ) {
        let area = geometry.area, kept = Set(markers.map { ($0.row - area.y) * area.width + $0.column - area.x })
        for (index, background) in split where !kept.contains(index) {
            let x = area.x + index % area.width, y = area.y + index / area.width
            var cell = buffer[x, y]
            guard cell.character != "▀" && cell.character != "▄" else { continue }
            cell.style.background = background
            buffer[x, y] = cell
        }
    }

    /// A cell split between two fills (at least one of them present).
    static func halfBlock(top: Cell?, bottom: Cell?) -> Cell {
        let upper = top?.style.background ?? .default, lower = bottom?.style.background ?? .default
        if upper == .default { return Cell("▄", style: CellStyle(foreground: lower)) }
        return Cell("▀", style: CellStyle(foreground: upper, background: lower))
    }

    /// Each region's bounds (lower, upper) at the sample points across a column.
    static func regionBounds(_ geometry: PlotGeometry, column: Int) -> [[(lower: Double?, upper: Double?)]] {
        let across = geometry.dotsPerCell.x, samples = regionSamples
        let xs = (0..<samples).map { i in
            geometry.x.value(at: Double(column * across) - 0.5 + Double(across) * (Double(i) + 0.5) / Double(samples))
        }
        return geometry.description.regions.map { region in
            xs.map { x in (region.lower?.evaluate(x), region.upper?.evaluate(x)) }
        }
    }

    /// How many sample points of one half of a cell (0 top, 1 bottom) each region holds (the
    /// last count: no region).
    static func regionCounts(
        _ geometry: PlotGeometry, _ bounds: [[(lower: Double?, upper: Double?)]], row: Int, half: Int
    ) -> [Int] {
        let down = Double(geometry.dotsPerCell.y), samples = regionSamples
        var counts = [Int](repeating: 0, count: bounds.count + 1)
        for j in 0..<samples {
            let position = Double(row) * down - 0.5 + down / 2 * (Double(half) + (Double(j) + 0.5) / Double(samples))
            let y = geometry.y.value(at: position)
            for i in 0..<samples {
                // The first region holding (x_i, y): above its lower bound and below its upper one
                // (a missing bound holds everything). Plain loops: this runs for every cell.
                var index = bounds.count
                for candidate in 0..<bounds.count {
                    let (lower, upper) = bounds[candidate][i]
                    if let lower, !(y > lower) { continue }
                    if let upper, !(y < upper) { continue }
                    index = candidate
                    break
                }
                counts[index] += 1
            }
        }
        return counts
    }

    /// The region with the most samples (the first on a tie; nil: none).
    static func majority(_ counts: [Int]) -> Int? {
        guard let most = counts.max(), let index = counts.firstIndex(of: most) else { return nil }
        return index == counts.count - 1 ? nil : index
    }

    /// The region containing the point (x, y), nil for none.
    static func region(_ geometry: PlotGeometry, x: Double, y: Double) -> Int? {
        geometry.description.regions.firstIndex { region in
            region.lower.map { y > $0.evaluate(x) } ?? true && region.upper.map { y < $0.evaluate(x) } ?? true
        }
    }
}
