/// Turns a cell buffer into text, ANSI-coloured text, or an SVG document.
public enum BufferExport {
    /// Exactly `buffer.height` lines of `buffer.width` characters (trailing spaces trimmed), joined by "\n" with a final newline.
    public static func text(_ buffer: CellBuffer) -> String {
        guard buffer.height > 0 else { return "" }
        return buffer.lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    /// The same text with SGR escape codes (reset at the end of every line): the basic codes
    /// 30–37 and 40–47 for palette entries 0–7, 256-colour codes for the others.
    public static func ansi(_ buffer: CellBuffer) -> String { ANSIExport.render(buffer) }

    /// A standalone SVG document: a monospace grid with the same colours (xterm's RGB values) on
    /// the canvas of `theme` (dark: #d0d0d0 on #1c1c1c, light: #1c1c1c on #ffffff); every text
    /// element has a fill, so monochrome screens stay readable; text is selectable.
    /// `description`, when given, becomes the document's `<desc>`.
    public static func svg(_ buffer: CellBuffer, description: String? = nil, theme: ThemeVariant = .dark) -> String {
        SVGExport.render(buffer, description: description, canvas: Canvas(theme))
    }
}
