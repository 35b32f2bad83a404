import Foundation
@testable import IIACharts

/// Helpers to read rendered buffers.
enum Picture {
    /// The text export's rows (trailing spaces trimmed), exactly `height` of them.
    static func rows(_ buffer: CellBuffer) -> [String] {
        BufferExport.text(buffer).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Cells (column, row) holding `character`.
    static func positions(of character: Character, in buffer: CellBuffer) -> [(x: Int, y: Int)] {
        var result: [(Int, Int)] = []
        for y in 0..<buffer.height { for x in 0..<buffer.width where buffer[x, y].character == character { result.append((x, y)) } }
        return result
    }

    /// Both pictures side by side with a per-line diff, for failure messages.
    static func diff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var report = "--- expected\n\(expected)\n+++ actual\n\(actual)\n=== line diff\n"
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? e[index] : "<missing>", right = index < a.count ? a[index] : "<missing>"
            if left != right { report += String(format: "%3d -", index) + " \(left)\n" + String(format: "%3d +", index) + " \(right)\n" }
        }
        return report
    }

    /// Removes SGR escape sequences.
    static func stripANSI(_ text: String) -> String {
        var output = "", iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                while let next = iterator.next(), next != "m" {}
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
