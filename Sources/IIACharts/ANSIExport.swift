/// ANSI SGR rendering of a cell buffer.
enum ANSIExport {
    static let escape = "\u{1B}["

    /// The SGR sequence for a style (after a reset), or "" for the plain style.
    static func sgr(_ style: CellStyle) -> String {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.reverse { codes.append("7") }
        var text = codes.isEmpty ? "" : escape + codes.joined(separator: ";") + "m"
        if case .palette(let n) = style.foreground { text += n < 8 ? "\(escape)3\(n)m" : "\(escape)38;5;\(n)m" }
        if case .palette(let n) = style.background { text += n < 8 ? "\(escape)4\(n)m" : "\(escape)48;5;\(n)m" }
        return text
    }

    /// The cells of row `y` up to the last one that is not a plain space.
    static func visibleCells(_ buffer: CellBuffer, row y: Int) -> ArraySlice<Cell> {
        let cells = buffer.cells[(y * buffer.width)..<((y + 1) * buffer.width)]
        guard let last = cells.lastIndex(where: { $0 != .blank }) else { return [] }
        return cells[cells.startIndex...last]
    }

    static func render(_ buffer: CellBuffer) -> String {
        var output = ""
        for y in 0..<buffer.height {
            var current = CellStyle.plain
            var styled = false
            for cell in visibleCells(buffer, row: y) {
                if cell.style != current {
                    if current != .plain { output += "\(escape)0m" }
                    output += sgr(cell.style)
                    current = cell.style
                    styled = true
                }
                output.append(cell.character)
            }
            // Every line that used a style ends with a reset.
            if styled { output += "\(escape)0m" }
            output += "\n"
        }
        return output
    }
}
