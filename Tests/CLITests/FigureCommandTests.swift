import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `snapshot --style figure`: a vector figure per chart, with the chosen curves and range.
struct FigureCommandTests {
    /// The texts of an SVG, read with the XML parser (nil when it does not parse).
    final class Texts: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var paths = 0
        private var open: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "text" { open = "" }
            if name == "path" || name == "polyline" { paths += 1 }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { open? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text", let open { texts.append(open) }
            if name == "text" { open = nil }
        }
        static func read(_ svg: String) -> Texts? {
            let texts = Texts(), parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = texts
            return parser.parse() ? texts : nil
        }
    }

    @Test("each chart as a figure: SVG by default, parses, paths, a title, no braille", arguments: ["data", "m2", "boundary", "landscape"])
    func eachChart(chart: String) throws {
        let outcome = try ExplorerBinary.run(["snapshot", "--style", "figure", "--chart", chart, "--k", "4"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let svg = outcome.standardOutput
        #expect(svg.hasPrefix("<?xml") && svg.contains("width=\"800\" height=\"500\""))
        #expect(!svg.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) })
        let texts = try #require(Texts.read(svg))
        #expect(texts.paths >= 2)
        #expect(texts.texts.contains { $0.contains("|Y| = 4") }, "\(texts.texts)")
    }

    @Test("--algorithms (any case), --from, --to, --size, --title and --no-color reach the figure")
    func options() throws {
        let outcome = try ExplorerBinary.run([
            "snapshot", "--style", "figure", "--chart", "m2", "--algorithms", "rlpo, il", "--from", "10", "--to", "500",
            "--size", "1200x700", "--title", "Figure 3 <again>", "--no-color",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let texts = try #require(Texts.read(outcome.standardOutput)).texts
        #expect(texts.contains("RLPO = DPO") == false && texts.contains("RLPO") && texts.contains("IL"), "\(texts)")
        #expect(!texts.contains("SLiC") && !texts.contains("TypeMLE"))
        #expect(texts.contains("Figure 3 <again>") && texts.contains("10") && texts.contains("100") && !texts.contains("1k"))
        #expect(outcome.standardOutput.contains("width=\"1200\" height=\"700\""))
        #expect(!outcome.standardOutput.contains("#d55e00"), "--no-color draws greys")
        let untitled = try ExplorerBinary.run(["snapshot", "--style", "figure", "--chart", "boundary", "--title", ""])
        #expect(untitled.status == 0 && !untitled.standardOutput.contains("Failure boundary"))
    }

    @Test("the terminal style takes --algorithms and --from/--to too")
    func terminalSelection() throws {
        let outcome = try ExplorerBinary.run(["snapshot", "--chart", "data", "--algorithms", "SLiC", "--from", "10", "--to", "1000",
                                              "--size", "100x30", "--ascii"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("SLiC") && !outcome.standardOutput.contains("RLPO"))
        #expect(outcome.standardOutput.contains("1k") && !outcome.standardOutput.contains("10k"))
    }
}
