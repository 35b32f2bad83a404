/// The filled layers of a figure: regions between functions and bands between point curves,
/// as opaque tints (optionally hatched), and the regions' names.
enum FigureFills {
    /// The pixel rows of a region's top and bottom at sample `index`, nil at a gap.
    static func extent(_ region: PlotRegion, at index: Int, _ geometry: FigureGeometry) -> (top: Double, bottom: Double)? {
        let x = geometry.sampleXs[index]
        func row(_ function: SampledFunction?, missing: Double) -> Double? {
            guard let function else { return missing }
            let value = function.evaluate(x)
            guard !value.isNaN else { return nil }
            return geometry.py(min(geometry.yUpper, max(geometry.yLower, value)))
        }
        guard let bottom = row(region.lower, missing: geometry.box.maxY), let top = row(region.upper, missing: geometry.box.y)
        else { return nil }
        return (min(top, bottom), bottom)
    }

    /// Draws the regions, the last first, so that where regions overlap the first one shows
    /// (as in the terminal, where a cell belongs to the first region containing it).
    static func drawRegions(_ geometry: FigureGeometry, palette: FigurePalette, into svg: inout SVGWriter) {
        let regions = geometry.plot.regions
        for index in regions.indices.reversed() where regions[index].fill != nil {
            let region = regions[index]
            let color = palette.fill(region.figure), tint = palette.tint(color, opacity: region.figure.fillOpacity ?? 0.25)
            var runs: [[(top: (x: Double, y: Double), bottom: (x: Double, y: Double))]] = [[]]
            for sample in geometry.sampleXs.indices {
                guard let extent = extent(region, at: sample, geometry) else { runs.append([]); continue }
                let x = geometry.samplePx(sample)
                runs[runs.count - 1].append(((x, extent.top), (x, extent.bottom)))
            }
            for run in runs where run.count >= 2 {
                let outline = run.map(\.top) + run.reversed().map(\.bottom)
                FigureShapes.polygon(outline, fill: tint, hatch: region.figure.hatched ? color : nil, into: &svg)
            }
        }
    }

    /// Draws each band between its lower and upper points (split at missing values).
    static func drawBands(_ geometry: FigureGeometry, palette: FigurePalette, into svg: inout SVGWriter) {
        for band in geometry.plot.bands {
            let color = palette.fill(band.figure), tint = palette.tint(color, opacity: band.figure.fillOpacity ?? 0.25)
            var runs: [[(top: (x: Double, y: Double), bottom: (x: Double, y: Double))]] = [[]]
            for index in 0..<min(band.xs.count, band.lower.count, band.upper.count) {
                guard let x = geometry.px(band.xs[index]), let a = geometry.py(band.lower[index]), let b = geometry.py(band.upper[index])
                else { runs.append([]); continue }
                runs[runs.count - 1].append(((x, min(a, b)), (x, max(a, b))))
            }
            for run in runs where run.count >= 2 {
                FigureShapes.polygon(run.map(\.top) + run.reversed().map(\.bottom), fill: tint,
                                     hatch: band.figure.hatched ? color : nil, into: &svg)
            }
        }
    }

    /// The index of the first region holding the pixel (x, y), nil for none.
    static func owner(_ px: Double, _ py: Double, _ geometry: FigureGeometry) -> Int? {
        let box = geometry.box
        guard box.contains(px, py) else { return nil }
        let x = FigureGeometry.value(at: (px - box.x) / box.width, lower: geometry.xLower, upper: geometry.xUpper, log: geometry.logX)
        let y = geometry.yLower + (box.maxY - py) / box.height * (geometry.yUpper - geometry.yLower)
        return geometry.plot.regions.firstIndex { region in
            (region.lower.map { y > $0.evaluate(x) } ?? true) && (region.upper.map { y < $0.evaluate(x) } ?? true)
        }
    }

    /// Each region's name where the region is tallest and the name lies wholly inside it, clear
    /// of curves and other labels.
    static func placeRegionLabels(_ geometry: FigureGeometry, palette: FigurePalette, placer: inout FigureLabelPlacer,
                                  into svg: inout SVGWriter) {
        let size = palette.options.fontSize * 1.1, regions = geometry.plot.regions
        let columns = Swift.stride(from: geometry.sampleXs.count / 20, to: geometry.sampleXs.count * 19 / 20, by: 6)
        for (index, region) in regions.enumerated() {
            guard let name = region.label else { continue }
            var candidates: [(thickness: Double, candidate: FigureLabelPlacer.Candidate)] = []
            for column in columns {
                guard let extent = extent(region, at: column, geometry), extent.bottom - extent.top > size * 1.6 else { continue }
                let middle = (extent.top + extent.bottom) / 2
                for offset in [0.0, -0.25, 0.25] {
                    let y = middle + offset * (extent.bottom - extent.top) + size * 0.35
                    candidates.append((extent.bottom - extent.top, .init(x: geometry.samplePx(column), y: y, anchor: .middle)))
                }
            }
            candidates.sort { $0.thickness > $1.thickness }
            let inside = candidates.map(\.candidate).filter { candidate in
                let box = placer.box(name, candidate, size: size).insetBy(2)
                let points = [(box.x, box.y), (box.maxX, box.y), (box.x, box.maxY), (box.maxX, box.maxY),
                              ((box.x + box.maxX) / 2, box.y), ((box.x + box.maxX) / 2, box.maxY)]
                return points.allSatisfy { owner($0.0, $0.1, geometry) == index }
            }
            guard let spot = placer.place(name, candidates: Array(inside.prefix(200)), size: size) else { continue }
            svg.text(name, x: spot.x, y: spot.y, [("text-anchor", "middle"), ("font-size", SVGWriter.number(size)),
                                                  ("font-weight", "bold"), ("fill", palette.theme.text.hex)])
        }
    }
}
