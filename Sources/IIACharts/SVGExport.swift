import Foundation

/// SVG rendering of a cell buffer: a monospace grid on the theme's canvas, a `<rect>` per run
/// of background colour, a `<text>` per row with a `<tspan>` per run of same-style characters
/// (at explicit x positions, so columns stay aligned and the text stays selectable).
enum SVGExport {
    /// DejaVu Sans Mono advances 0.602 em, so runs of text stay on the grid.
    static let cellWidth = 7.83
    static let cellHeight = 17.0
    static let fontSize = 13.0
    static let fontFamily = "'DejaVu Sans Mono', 'Menlo', 'Consolas', 'Liberation Mono', monospace"

    /// The xterm colour of a 256-palette entry as #rrggbb.
    static func hex(_ index: UInt8) -> String {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let rgb: (Int, Int, Int)
        let i = Int(index)
        if i < 16 {
            rgb = basic[i]
        } else if i < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let c = i - 16
            rgb = (levels[c / 36], levels[(c / 6) % 6], levels[c % 6])
        } else {
            let v = 8 + 10 * (i - 232)
            rgb = (v, v, v)
        }
        return String(format: "#%02x%02x%02x", rgb.0, rgb.1, rgb.2)
    }

    /// The colour of `color`, the canvas's `fallback` for `.default`.
    static func color(_ color: TerminalColor, default fallback: String) -> String {
        if case .palette(let n) = color { return hex(n) }
        return fallback
    }

    /// The effective (foreground, background) after `reverse`; the background is nil when it is
    /// the canvas's.
    static func colors(_ style: CellStyle, canvas: Canvas) -> (fg: String, bg: String?) {
        if style.reverse {
            let bg = color(style.foreground, default: canvas.foreground)
            let fg = color(style.background, default: canvas.background)
            return (fg, bg)
        }
        let fg = color(style.foreground, default: canvas.foreground)
        let bg: String? = style.background == .default ? nil : color(style.background, default: canvas.background)
        return (fg, bg)
    }

    /// Escapes text for XML; characters XML cannot hold become U+FFFD.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default:
                let v = scalar.value
                let allowed = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                output.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return output
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// The document; `description`, when given, becomes its `<desc>` (e.g. the command line that
    /// draws the same screen).
    static func render(_ buffer: CellBuffer, description: String? = nil, canvas: Canvas = Theme.dark.canvas) -> String {
        let width = Double(buffer.width) * cellWidth, height = Double(buffer.height) * cellHeight
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" \
            viewBox="0 0 \(number(width)) \(number(height))" font-family="\(fontFamily)" font-size="\(number(fontSize))" \
            fill="\(canvas.foreground)">

            """
        if let description { svg += "<desc>\(escape(description))</desc>\n" }
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"\(canvas.background)\"/>\n"
        // Backgrounds.
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let bg = colors(buffer[x, y].style, canvas: canvas).bg
                var end = x + 1
                while end < buffer.width && colors(buffer[end, y].style, canvas: canvas).bg == bg { end += 1 }
                if let bg {
                    svg += "<rect x=\"\(number(Double(x) * cellWidth))\" y=\"\(number(Double(y) * cellHeight))\" "
                        + "width=\"\(number(Double(end - x) * cellWidth))\" height=\"\(number(cellHeight))\" fill=\"\(bg)\"/>\n"
                }
                x = end
            }
        }
        // Text: one <text> per row, a <tspan> per run of one style (per character for non-ASCII
        // runs, whose fallback fonts may not be monospaced).
        for y in 0..<buffer.height {
            let cells = ANSIExport.visibleCells(buffer, row: y)
            guard !cells.isEmpty else { continue }
            let baseline = Double(y) * cellHeight + cellHeight * 0.76
            svg += "<text y=\"\(number(baseline))\" fill=\"\(canvas.foreground)\" xml:space=\"preserve\">"
            var x = 0
            let row = Array(cells)
            while x < row.count {
                let style = row[x].style
                var end = x + 1
                let ascii = row[x].character.isASCII
                while end < row.count && row[end].style == style && row[end].character.isASCII == ascii && ascii { end += 1 }
                let text = String(row[x..<end].map(\.character))
                var attributes = "x=\"\(number(Double(x) * cellWidth))\""
                let fg = colors(style, canvas: canvas).fg
                if fg != canvas.foreground { attributes += " fill=\"\(fg)\"" }
                if style.bold { attributes += " font-weight=\"bold\"" }
                if style.dim { attributes += " fill-opacity=\"0.6\"" }
                svg += "<tspan \(attributes)>\(escape(text))</tspan>"
                x = end
            }
            svg += "</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
