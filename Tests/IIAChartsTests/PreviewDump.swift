import Foundation
import Testing
@testable import IIACharts

/// Writes charts to `$IIA_CHARTS_DUMP` (txt, ansi, svg) for looking at them; does nothing otherwise.
@Test func dumpChartsForInspection() throws {
    guard let directory = ProcessInfo.processInfo.environment["IIA_CHARTS_DUMP"] else { return }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for chart in ChartFixtures.Chart.allCases {
        for k in [2, 4] {
            for (name, style) in [("ascii", ChartStyle(ascii: true, color: false)), ("braille", ChartStyle(ascii: false, color: true))] {
                for simulated in chart == .boundary ? [false] : [false, true] {
                    for (w, h) in [(60, 16), (100, 30)] {
                        let buffer = ChartFixtures.render(chart, k: k, width: w, height: h, style: style, simulated: simulated)
                        let base = "\(directory)/\(chart)-k\(k)-\(name)\(simulated ? "-sim" : "")-\(w)x\(h)"
                        try BufferExport.text(buffer).write(toFile: base + ".txt", atomically: true, encoding: .utf8)
                        try BufferExport.ansi(buffer).write(toFile: base + ".ansi", atomically: true, encoding: .utf8)
                        try BufferExport.svg(buffer).write(toFile: base + ".svg", atomically: true, encoding: .utf8)
                    }
                }
            }
        }
    }
}

/// Prints the simulated sweep behind the band previews when `$IIA_CHARTS_DUMP` is set.
@Test func dumpSimulatedValues() {
    guard ProcessInfo.processInfo.environment["IIA_CHARTS_DUMP"] != nil else { return }
    let s = ChartFixtures.simulated(.data, k: 4)
    print(s.xs.map { String(format: "%7.0f", $0) }.joined())
    for series in s.series {
        print(series.algorithm.name)
        for values in [series.lower ?? [], series.values, series.upper ?? []] {
            print(values.map { String(format: "%7.3f", $0) }.joined())
        }
    }
}
