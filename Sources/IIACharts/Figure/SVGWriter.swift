import Foundation

/// Builds an SVG document by hand: every number finite (non-finite values become 0) and
/// rounded to two decimals, every text escaped.
struct SVGWriter {
    private(set) var lines: [String] = []
    /// The definitions (patterns, clip paths) written before the body.
    private(set) var definitions: [String] = []

    /// A number for an attribute: two decimals at most, no trailing zeros, never NaN or infinity.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let bounded = min(1e7, max(-1e7, value))
        var text = String(format: "%.2f", bounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Text escaped for XML (see ``SVGExport/escape(_:)``).
    static func escape(_ text: String) -> String { SVGExport.escape(text) }

    /// `name="value"` pairs, the values escaped.
    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// An element with no content.
    mutating func element(_ name: String, _ pairs: [(String, String)]) {
        lines.append("<\(name)\(Self.attributes(pairs))/>")
    }

    /// A `<text>` element.
    mutating func text(_ content: String, x: Double, y: Double, _ pairs: [(String, String)]) {
        let position = [("x", Self.number(x)), ("y", Self.number(y))]
        lines.append("<text\(Self.attributes(position + pairs))>\(Self.escape(content))</text>")
    }

    /// Opens a group; close it with ``close()``.
    mutating func open(_ name: String = "g", _ pairs: [(String, String)] = []) {
        lines.append("<\(name)\(Self.attributes(pairs))>")
    }

    /// Closes the last group.
    mutating func close(_ name: String = "g") { lines.append("</\(name)>") }

    private var definedIDs = Set<String>()

    /// A definition (already written markup) named `id`, written once however often it is asked for.
    mutating func define(id: String, _ markup: String) {
        guard definedIDs.insert(id).inserted else { return }
        definitions.append(markup)
    }

    /// Path data through `points`: "M x y L x y …".
    static func pathData(_ points: [(x: Double, y: Double)], closed: Bool = false) -> String {
        var data = ""
        for (index, point) in points.enumerated() {
            data += (index == 0 ? "M" : " L") + number(point.x) + " " + number(point.y)
        }
        return closed && !points.isEmpty ? data + " Z" : data
    }

    /// The whole document.
    func document(width: Double, height: Double, fontFamily: String, fontSize: Double, description: String?) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\""
        out += " viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        out += Self.attributes([("font-family", fontFamily), ("font-size", Self.number(fontSize))]) + ">\n"
        if let description { out += "<desc>\(Self.escape(description))</desc>\n" }
        if !definitions.isEmpty { out += "<defs>\n" + definitions.joined(separator: "\n") + "\n</defs>\n" }
        out += lines.joined(separator: "\n")
        return out + "\n</svg>\n"
    }
}
