import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A figure SVG read back with Foundation's XML parser: its elements, texts (with the classes
/// of their enclosing groups) and every number in its attributes.
final class FigureInspection: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var groups: [String]
    }

    private(set) var elements: [Element] = []
    private(set) var texts: [(text: String, groups: [String])] = []
    private(set) var parsed = false
    private var groups: [String] = []
    private var openText: String?

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        parsed = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, groups: groups))
        if name == "g" { groups.append(attributes["class"] ?? "") }
        if name == "text" { openText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { openText? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g" { groups.removeLast() }
        if name == "text", let text = openText {
            texts.append((text, groups))
            openText = nil
        }
    }

    /// The texts inside a group of `groupClass`.
    func texts(in groupClass: String) -> [String] { texts.filter { $0.groups.contains(groupClass) }.map(\.text) }

    /// Every number written in an attribute (path data included), as text.
    var numbers: [String] {
        let numeric: Set<String> = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "d", "stroke-width",
                                    "stroke-dasharray", "font-size", "viewBox", "transform"]
        var result: [String] = []
        for element in elements {
            for (key, value) in element.attributes where numeric.contains(key) {
                let tokens = value.split { " ,()".contains($0) || $0.isLetter && $0 != "e" }
                result += tokens.map(String.init).filter { !$0.isEmpty && $0 != "e" }
            }
        }
        return result
    }

    /// The series paths (inside a "series" group) with a stroke.
    var seriesPaths: [Element] { elements.filter { $0.name == "path" && $0.groups.contains("series") && $0.attributes["fill"] == "none" } }

    /// The smallest and largest x of the points in some path data.
    static func xExtent(_ paths: [Element]) -> (lower: Double, upper: Double)? {
        var xs: [Double] = []
        for path in paths {
            let numbers = (path.attributes["d"] ?? "").split { $0 == " " || $0 == "M" || $0 == "L" || $0 == "Z" }.compactMap { Double($0) }
            xs += stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
        }
        guard let lower = xs.min(), let upper = xs.max() else { return nil }
        return (lower, upper)
    }

    /// The plot box: the clip rectangle.
    var plotBox: (x: Double, width: Double)? {
        guard let rect = elements.first(where: { $0.name == "rect" && elements.contains { $0.name == "clipPath" } && $0.attributes["fill"] == nil }),
              let x = Double(rect.attributes["x"] ?? ""), let width = Double(rect.attributes["width"] ?? "") else { return nil }
        return (x, width)
    }
}
