/// The legend of a figure: one entry per layer with a ``FigureLook/legend`` (series without
/// one fall back to their name), in the order series (last drawn first), bands, reference lines,
/// markers, the trail, regions; entries with the same text are shown once. Laid out in rows
/// above the plot, so it never covers a curve.
enum FigureLegend {
    /// What an entry's key draws.
    enum Key {
        case line(color: RGBColor, dash: FigureDash, width: Double, marker: FigureMarkerShape?, halo: RGBColor? = nil)
        case fill(color: RGBColor, edge: RGBColor, hatched: Bool)
        case marker(FigureMarkerShape, RGBColor)
    }

    struct Entry {
        var key: Key
        var text: String
    }

    /// An entry placed: its row and left edge.
    struct Placed {
        var entry: Entry
        var x: Double
        var row: Int
    }

    static func entries(_ plot: Plot, palette: FigurePalette) -> [Entry] {
        var entries: [Entry] = []
        for index in plot.series.indices.reversed() {
            let series = plot.series[index]
            guard let text = series.figure.legend ?? series.name else { continue }
            entries.append(Entry(key: .line(color: palette.series(index), dash: series.figure.dash ?? FigureDash(series.pattern),
                                            width: palette.seriesWidth(series.figure), marker: series.figure.marker,
                                            halo: series.figure.halo.map(palette.shown)), text: text))
        }
        for band in plot.bands {
            guard let text = band.figure.legend else { continue }
            let color = palette.fill(band.figure)
            entries.append(Entry(key: .fill(color: palette.tint(color, opacity: band.figure.fillOpacity ?? 0.25), edge: color,
                                            hatched: band.figure.hatched), text: text))
        }
        let lines = plot.horizontalLines.map(\.figure) + plot.verticalLines.map(\.figure)
        for look in lines {
            guard let text = look.legend else { continue }
            entries.append(Entry(key: .line(color: palette.line(look), dash: look.dash ?? .dashed, width: palette.lineWidth(look),
                                            marker: nil), text: text))
        }
        for marker in plot.markers {
            guard let text = marker.figure.legend else { continue }
            entries.append(Entry(key: .marker(FigureAnnotations.shape(marker), palette.shown(marker.figure.color ?? palette.theme.text)), text: text))
        }
        if plot.trail != nil {
            entries.append(Entry(key: .marker(.circle, palette.theme.text), text: "solver iterates (S = start)"))
        }
        for region in plot.regions where region.fill != nil {
            guard let text = region.figure.legend else { continue }
            let color = palette.fill(region.figure)
            entries.append(Entry(key: .fill(color: palette.tint(color, opacity: region.figure.fillOpacity ?? 0.25), edge: color,
                                            hatched: region.figure.hatched), text: text))
        }
        var seen = Set<String>()
        return entries.filter { seen.insert($0.text).inserted }
    }

    /// The width of an entry's key.
    static func keyWidth(_ fontSize: Double) -> Double { fontSize * 2.4 }

    /// Entries flowed into rows of at most `width` pixels (an entry wider than a row gets a row
    /// of its own); at most `maxRows` rows, later entries left out.
    static func layout(_ entries: [Entry], width: Double, fontSize: Double, maxRows: Int) -> [Placed] {
        var placed: [Placed] = [], x = 0.0, row = 0
        let gap = fontSize * 1.2
        for entry in entries {
            let entryWidth = keyWidth(fontSize) + fontSize * 0.4 + FigureText.width(entry.text, fontSize)
            if x > 0 && x + entryWidth > width {
                row += 1
                x = 0
            }
            guard row < maxRows else { break }
            placed.append(Placed(entry: entry, x: x, row: row))
            x += entryWidth + gap
        }
        return placed
    }

    /// The rows a layout uses.
    static func rows(_ placed: [Placed]) -> Int { (placed.map(\.row).max() ?? -1) + 1 }

    /// Draws the placed entries, row `r` centred on `top + (r + 0.5) * rowHeight`, from `left`.
    static func draw(_ placed: [Placed], left: Double, top: Double, rowHeight: Double, palette: FigurePalette,
                     into svg: inout SVGWriter) {
        let size = palette.options.fontSize, keyWidth = keyWidth(size)
        svg.open("g", [("class", "legend")])
        for item in placed {
            let x = left + item.x, y = top + (Double(item.row) + 0.5) * rowHeight
            switch item.entry.key {
            case .line(let color, let dash, let width, let marker, let halo):
                FigureShapes.stroke([(x, y), (x + keyWidth, y)], color: color, width: width, dash: dash, halo: halo, into: &svg)
                if let marker { FigureShapes.marker(marker, at: (x + keyWidth / 2, y), size: size * 0.55, color: color, palette: palette, into: &svg) }
            case .fill(let color, let edge, let hatched):
                let rect = PixelRect(x: x, y: y - size * 0.45, width: keyWidth, height: size * 0.9)
                FigureShapes.polygon([(rect.x, rect.y), (rect.maxX, rect.y), (rect.maxX, rect.maxY), (rect.x, rect.maxY)],
                                     fill: color, hatch: hatched ? edge : nil, into: &svg)
            case .marker(let shape, let color):
                FigureShapes.marker(shape, at: (x + keyWidth / 2, y), size: size * 0.6, color: color, palette: palette, into: &svg)
            }
            svg.text(item.entry.text, x: x + keyWidth + size * 0.4, y: y + size * 0.35, [("fill", palette.theme.text.hex)])
        }
        svg.close()
    }
}
