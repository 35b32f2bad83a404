import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// WCAG 2 relative luminance and contrast ratio of #rrggbb colours, written out here (not taken
/// from the code under test).
enum WCAG {
    /// (r, g, b) in 0...255 of "#rrggbb", nil for anything else.
    static func rgb(_ hex: String) -> (Double, Double, Double)? {
        guard hex.count == 7, hex.first == "#", let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        return (Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF))
    }

    static func luminance(_ c: (Double, Double, Double)) -> Double {
        func channel(_ v: Double) -> Double {
            let s = v / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    static func contrast(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// `foreground` drawn with `opacity` over `background`.
    static func blend(_ foreground: (Double, Double, Double), over background: (Double, Double, Double), opacity: Double)
        -> (Double, Double, Double)
    {
        (opacity * foreground.0 + (1 - opacity) * background.0, opacity * foreground.1 + (1 - opacity) * background.1,
         opacity * foreground.2 + (1 - opacity) * background.2)
    }

    /// The xterm default RGB values of the eight basic colours.
    static let xtermBasic: [(Double, Double, Double)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]
}

/// Reads an exported screen back from its SVG: the background of every cell (the canvas, then
/// each `<rect>` in order) and every character drawn, with its fill (the `<tspan>`'s, else the
/// `<text>`'s, else the root's) and opacity. Cells are found from the x and y coordinates.
final class SVGCells: NSObject, XMLParserDelegate {
    struct Glyph {
        var character: Character
        var column: Int
        var row: Int
        var fill: String?
        var opacity: Double
    }

    let cellWidth: Double, cellHeight: Double
    var canvas: String?
    var rootFill: String?
    var rects: [(x: Double, y: Double, width: Double, height: Double, fill: String)] = []
    var glyphs: [Glyph] = []
    /// Text elements without a fill of their own.
    var textsWithoutFill = 0
    private var row = 0, textFill: String?
    private var span: (column: Int, fill: String?, opacity: Double)?

    init(svg: String, cellWidth: Double, cellHeight: Double) {
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        _ = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "svg": rootFill = attributes["fill"]
        case "rect":
            guard let fill = attributes["fill"] else { return }
            if attributes["width"] == "100%" {
                canvas = fill
            } else {
                let number = { (key: String) in Double(attributes[key] ?? "") ?? 0 }
                rects.append((number("x"), number("y"), number("width"), number("height"), fill))
            }
        case "text":
            row = Int((Double(attributes["y"] ?? "") ?? 0) / cellHeight)
            textFill = attributes["fill"]
            if textFill == nil { textsWithoutFill += 1 }
        case "tspan":
            let column = Int(((Double(attributes["x"] ?? "") ?? 0) / cellWidth).rounded())
            span = (column, attributes["fill"] ?? textFill ?? rootFill, Double(attributes["fill-opacity"] ?? "") ?? 1)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard var current = span else { return }
        for character in string {
            glyphs.append(Glyph(character: character, column: current.column, row: row, fill: current.fill, opacity: current.opacity))
            current.column += 1
        }
        span = current
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "tspan" { span = nil }
    }

    /// The fill behind cell (`column`, `row`): the last rect covering it, else the canvas.
    func background(column: Int, row: Int) -> String? {
        let x = (Double(column) + 0.5) * cellWidth, y = (Double(row) + 0.5) * cellHeight
        return rects.last { x >= $0.x && x < $0.x + $0.width && y >= $0.y && y < $0.y + $0.height }?.fill ?? canvas
    }

    /// A character needs 4.5:1 when it is a letter or digit, 3:1 when it is a graphical glyph
    /// (braille, box drawing, markers, punctuation); blanks need nothing.
    static func requiredContrast(_ character: Character) -> Double? {
        if character.isWhitespace || character == "\u{2800}" { return nil }
        return character.isLetter || character.isNumber ? 4.5 : 3
    }

    /// Every drawn character below its required contrast, with its contrast; and the lowest
    /// ratio of letters and of glyphs.
    func check() -> (failures: [(glyph: Glyph, contrast: Double, required: Double)], lowestText: Double, lowestGlyph: Double) {
        var failures: [(Glyph, Double, Double)] = []
        var lowestText = Double.infinity, lowestGlyph = Double.infinity
        for glyph in glyphs {
            guard let required = Self.requiredContrast(glyph.character) else { continue }
            guard let fill = glyph.fill.flatMap(WCAG.rgb), let back = background(column: glyph.column, row: glyph.row).flatMap(WCAG.rgb)
            else {
                failures.append((glyph, 0, required))
                continue
            }
            let ratio = WCAG.contrast(WCAG.blend(fill, over: back, opacity: glyph.opacity), back)
            if required > 3 { lowestText = min(lowestText, ratio) } else { lowestGlyph = min(lowestGlyph, ratio) }
            if ratio < required { failures.append((glyph, ratio, required)) }
        }
        return (failures, lowestText, lowestGlyph)
    }
}
