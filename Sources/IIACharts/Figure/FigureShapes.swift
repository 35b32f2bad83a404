import Foundation

/// Text widths estimated without a font: SVG cannot measure, so layouts use an average glyph
/// width of a sans-serif face (a little generous, so estimated boxes hold the drawn text).
enum FigureText {
    static func width(_ text: String, _ fontSize: Double) -> Double { Double(text.count) * fontSize * 0.6 }
}

/// The vector primitives of a figure: strokes, filled polygons (optionally hatched), markers.
enum FigureShapes {
    /// How much wider than its stroke a halo is drawn (pixels).
    static let haloWidth = 2.4

    /// A polyline `<path>` with the given stroke, over a solid outline in `halo` when given.
    static func stroke(_ points: [(x: Double, y: Double)], color: RGBColor, width: Double, dash: FigureDash,
                       halo: RGBColor? = nil, into svg: inout SVGWriter, extra: [(String, String)] = []) {
        guard points.count >= 2 else { return }
        if let halo {
            // The outline: solid, a little wider, under the stroke.
            svg.element("path", [("d", SVGWriter.pathData(points)), ("fill", "none"), ("stroke", halo.hex),
                                 ("stroke-width", SVGWriter.number(width + haloWidth)), ("stroke-linejoin", "round"),
                                 ("stroke-linecap", "round")])
        }
        var pairs = [("d", SVGWriter.pathData(points)), ("fill", "none"), ("stroke", color.hex),
                     ("stroke-width", SVGWriter.number(width)), ("stroke-linejoin", "round")]
        if let dashes = dash.dashArray(width: width) {
            pairs += [("stroke-dasharray", dashes.map(SVGWriter.number).joined(separator: " ")), ("stroke-linecap", "round")]
        } else {
            pairs.append(("stroke-linecap", "butt"))
        }
        svg.element("path", pairs + extra)
    }

    /// A filled `<path>` polygon; with `hatch` also diagonal lines of that colour over it.
    static func polygon(_ points: [(x: Double, y: Double)], fill: RGBColor, hatch: RGBColor?, into svg: inout SVGWriter) {
        guard points.count >= 3 else { return }
        let data = SVGWriter.pathData(points, closed: true)
        svg.element("path", [("d", data), ("fill", fill.hex), ("stroke", "none")])
        guard let hatch else { return }
        let id = "hatch-" + hatch.hex.dropFirst()
        svg.define(id: id, """
            <pattern id="\(id)" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">\
            <line x1="0" y1="0" x2="0" y2="7" stroke="\(hatch.hex)" stroke-width="1.2" stroke-opacity="0.7"/></pattern>
            """)
        svg.element("path", [("d", data), ("fill", "url(#\(id))"), ("stroke", "none")])
    }

    /// A marker of `shape` centred on `point`, `size` pixels across, with a thin edge of the
    /// background so that it stands out on a curve.
    static func marker(_ shape: FigureMarkerShape, at point: (x: Double, y: Double), size: Double, color: RGBColor,
                       palette: FigurePalette, into svg: inout SVGWriter) {
        let r = size / 2, (x, y) = point
        let n = SVGWriter.number
        let edge = palette.theme.background.hex
        let filled = [("fill", color.hex), ("stroke", edge), ("stroke-width", n(max(0.5, size / 10)))]
        let open = [("fill", edge), ("stroke", color.hex), ("stroke-width", n(max(1, size / 6)))]
        let strokeOnly = [("fill", "none"), ("stroke", color.hex), ("stroke-width", n(max(1.2, size / 5))), ("stroke-linecap", "round")]
        func poly(_ corners: [(Double, Double)]) -> String {
            SVGWriter.pathData(corners.map { (x: x + $0.0 * r, y: y + $0.1 * r) }, closed: true)
        }
        switch shape {
        case .circle: svg.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", n(r))] + filled)
        case .openCircle: svg.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", n(r * 0.9))] + open)
        case .square: svg.element("path", [("d", poly([(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)]))] + filled)
        case .triangle: svg.element("path", [("d", poly([(0, -1.1), (1, 0.75), (-1, 0.75)]))] + filled)
        case .diamond: svg.element("path", [("d", poly([(0, -1.15), (1, 0), (0, 1.15), (-1, 0)]))] + filled)
        case .cross:
            let d = SVGWriter.pathData([(x - r * 0.8, y - r * 0.8), (x + r * 0.8, y + r * 0.8)])
                + " " + SVGWriter.pathData([(x - r * 0.8, y + r * 0.8), (x + r * 0.8, y - r * 0.8)])
            svg.element("path", [("d", d)] + strokeOnly)
        case .plus:
            let d = SVGWriter.pathData([(x - r, y), (x + r, y)]) + " " + SVGWriter.pathData([(x, y - r), (x, y + r)])
            svg.element("path", [("d", d)] + strokeOnly)
        case .star:
            let corners = (0..<10).map { k -> (Double, Double) in
                let angle = -Double.pi / 2 + Double(k) * Double.pi / 5, radius = k % 2 == 0 ? 1.2 : 0.5
                return (radius * cos(angle), radius * sin(angle))
            }
            svg.element("path", [("d", poly(corners))] + filled)
        }
    }
}
