/// Turns a cell buffer into text, ANSI-coloured text, or an SVG document.
public enum BufferExport {
    /// Exactly `buffer.height` lines of `buffer.width` characters (trailing spaces trimmed), joined by "\n" with a final newline.
    public static func text(_ buffer: CellBuffer) -> String {
        guard buffer.height > 0 else { return "" }
        return buffer.lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    /// The same text with 256-colour SGR escape codes (reset at the end of every line).
    public static func ansi(_ buffer: CellBuffer) -> String { ANSIExport.render(buffer) }

    /// A standalone SVG document: a monospace grid with the same colours; text is selectable.
    /// `description`, when given, becomes the document's `<desc>`.
    public static func svg(_ buffer: CellBuffer, description: String? = nil) -> String {
        SVGExport.render(buffer, description: description)
    }
}
