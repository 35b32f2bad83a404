import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import IIAApp
@testable import IIACharts
import IIACore

/// Collects the text of each `<text>` element by its row.
final class SVGRows: NSObject, XMLParserDelegate {
    var rows: [Int: String] = [:]
    var width = 0.0, height = 0.0
    private var currentRow: Int?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "svg" {
            width = Double(attributes["width"] ?? "") ?? 0
            height = Double(attributes["height"] ?? "") ?? 0
        }
        if name == "text", let y = Double(attributes["y"] ?? "") {
            currentRow = Int(y / SVGExport.cellHeight)
            rows[currentRow!] = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let currentRow { rows[currentRow, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { currentRow = nil }
    }
}

struct ExportTests {
    static func buffers() -> [(String, CellBuffer)] {
        var result: [(String, CellBuffer)] = []
        for chart in ChartFixtures.Chart.allCases {
            for style in [ChartStyle(ascii: false, color: true), ChartStyle(ascii: true, color: false)] {
                let buffer = ChartFixtures.render(chart, width: 72, height: 20, style: style, simulated: chart == .data)
                result.append(("\(chart) ascii=\(style.ascii) color=\(style.color)", buffer))
            }
        }
        var special = CellBuffer(width: 12, height: 3)
        special.put("a<b & c>\"'", x: 0, y: 0, style: CellStyle(foreground: .palette(9), background: .palette(4), bold: true))
        special.put("  x  ", x: 3, y: 2, style: CellStyle(reverse: true, dim: true))
        result.append(("special characters", special))
        return result
    }

    @Test func svgParsesAndHoldsTheSameText() throws {
        for (name, buffer) in Self.buffers() {
            let svg = BufferExport.svg(buffer)
            let parser = XMLParser(data: Data(svg.utf8))
            let rows = SVGRows()
            parser.delegate = rows
            #expect(parser.parse(), "\(name): \(parser.parserError.map(String.init(describing:)) ?? "")")
            let text = Picture.rows(buffer)
            for (index, line) in text.enumerated() {
                let svgLine = String((rows.rows[index] ?? "").reversed().drop { $0 == " " }.reversed())
                #expect(svgLine == line, "\(name) row \(index)")
            }
            #expect(rows.rows.keys.allSatisfy { $0 < buffer.height })
            #expect(abs(rows.width - Double(buffer.width) * SVGExport.cellWidth) < 0.01)
            #expect(abs(rows.height - Double(buffer.height) * SVGExport.cellHeight) < 0.01)
            #expect(svg.contains("DejaVu Sans Mono") && svg.contains("monospace") && svg.contains("viewBox=\"0 0 "))
        }
    }

    @Test func svgDrawsBackgroundRuns() {
        let svg = BufferExport.svg(ChartFixtures.render(.boundary, width: 60, height: 16, style: ChartStyle(ascii: false, color: true)))
        #expect(svg.contains("fill=\"#00005f\""))  // the M2 region (palette 17)
        #expect(svg.contains("fill=\"#5f0000\""))  // the perverse part (palette 52)
    }

    @Test func ansiHasColourCodesOnlyWithColour() {
        for chart in ChartFixtures.Chart.allCases {
            let coloured = BufferExport.ansi(ChartFixtures.render(chart, width: 60, height: 16, style: ChartStyle(ascii: false, color: true)))
            #expect(coloured.contains("\u{1B}[38;5;"))
            let plainBuffer = ChartFixtures.render(chart, width: 60, height: 16, style: ChartStyle(ascii: false, color: false))
            let plain = BufferExport.ansi(plainBuffer)
            #expect(!plain.contains("38;5;") && !plain.contains("48;5;"))
            #expect(Picture.stripANSI(plain) == BufferExport.text(plainBuffer))
            for line in coloured.split(separator: "\n") where line.contains("\u{1B}[") {
                #expect(line.hasSuffix("\u{1B}[0m"), "every styled line ends with a reset")
            }
        }
    }

    @Test func ansiMatchesTextWhenStripped() {
        for (name, buffer) in Self.buffers() {
            let stripped = Picture.stripANSI(BufferExport.ansi(buffer)).split(separator: "\n", omittingEmptySubsequences: false)
            let text = BufferExport.text(buffer).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(stripped.count == text.count)
            for (a, b) in zip(stripped, text) {
                #expect(String(a.reversed().drop { $0 == " " }.reversed()) == String(b), "\(name)")
            }
        }
    }

    @Test func sgrCodes() {
        #expect(ANSIExport.sgr(CellStyle(foreground: .palette(196), background: .palette(17), bold: true, reverse: true, dim: true))
            == "\u{1B}[1;2;7m\u{1B}[38;5;196m\u{1B}[48;5;17m")
        #expect(ANSIExport.sgr(.plain) == "")
    }

    @Test func textExportShape() {
        for (_, buffer) in Self.buffers() {
            let text = BufferExport.text(buffer)
            #expect(text.hasSuffix("\n"))
            let lines = Picture.rows(buffer)
            #expect(lines.count == buffer.height)
            #expect(lines.allSatisfy { $0.count <= buffer.width })
        }
    }

    /// Six distinct series colours in 256 colours; in 8 colours only four basic colours reach
    /// 4.5:1 on either background, so at least four distinct ones and none invisible (black on
    /// dark, white on light); glyphs tell every series apart in every mode.
    @Test func seriesColoursAreDistinctInEveryTheme() {
        for theme in Theme.all where theme.colorMode != .none {
            let colours = Algorithm.allCases.map { theme.series($0.seriesIndex).foreground }
            if theme.colorMode == .palette256 {
                #expect(Set(colours).count == Algorithm.allCases.count, "\(theme.variant)")
            } else {
                #expect(Set(colours).count >= 4, "\(theme.variant)")
                #expect(colours.allSatisfy { $0.basic == $0 }, "only the basic colours")
                #expect(!colours.contains(.palette(theme.variant == .dark ? 0 : 7)), "\(theme.variant)")
            }
        }
        #expect(Set(Algorithm.allCases.map(\.chartGlyph)).count == Algorithm.allCases.count)
    }
}
