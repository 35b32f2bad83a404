import Testing
@testable import IIACharts
@testable import IIAApp
import IIACore

/// Reference lines on the sweeps and the boundary chart beyond Assumption 1 (fixed queries,
/// logit choices): the pictures follow the core's verdict.
struct ScenarioChartTests {
    static let ascii = ChartStyle(ascii: true, color: false)

    static func sweepBuffer(_ parameters: ModelParameters, width: Int = 60, height: Int = 16, references: Bool = true) -> CellBuffer {
        let sweep = Sweeper.expected(parameters, axis: .data, from: 1, to: 1e4, points: 24)
        var buffer = CellBuffer(width: width, height: height)
        ExplorerCharts.renderSweep(sweep, marker: 1000, style: ascii, into: &buffer, rect: buffer.bounds, references: references)
        return buffer
    }

    static func boundaryBuffer(_ parameters: ModelParameters, width: Int = 60, height: Int = 16) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        ExplorerCharts.renderBoundary(parameters, style: ascii, into: &buffer, rect: buffer.bounds)
        return buffer
    }

    /// The plot row where the chart draws `value` (ASCII: the "1+" and "0+" tick rows).
    static func row(of value: Double, in buffer: CellBuffer) -> Int? { SemanticTests.row(of: value, in: buffer) }

    /// The rows holding at least `minimum` copies of `glyph` inside the plot (right of the y axis).
    static func rows(with glyph: Character, minimum: Int, in buffer: CellBuffer) -> [Int] {
        Picture.rows(buffer).enumerated().filter { index, line in
            index >= 2 && line.dropFirst(4).filter { $0 == glyph }.count >= minimum
        }.map(\.offset)
    }

    @Test(arguments: [
        ModelParameters(k: 4),  // majority M1 (p*(1) = 0.6)
        ModelParameters(p1: 0.3, k: 2),  // majority M2
        ModelParameters(p1: 0.6, k: 3, queries: .fixed(m1Count: 2)),
        ModelParameters(k: 4, choiceModel: .logit(rewardGap: -1.2)),
    ])
    func referenceLinesSitAtTheMajorityAndInclusiveTargets(parameters: ModelParameters) throws {
        let buffer = Self.sweepBuffer(parameters)
        let verdict = FailureBoundary.verdict(parameters)
        let majority: Double = verdict.majority == .m1 ? 1 : (verdict.majority == .m2 ? 0 : 0.5)
        let majorityRow = try #require(Self.row(of: majority, in: buffer))
        let inclusiveRow = try #require(Self.row(of: verdict.majorityShare, in: buffer))
        let lines = Picture.rows(buffer)
        #expect(Self.rows(with: "~", minimum: 8, in: buffer) == [inclusiveRow], "\(BufferExport.text(buffer))")
        #expect(lines[inclusiveRow].contains("inclusive"))
        #expect(lines[majorityRow].contains("="))
        // The label sits on the line, or just inside it when converged curves cover the line.
        let inside = majorityRow == 2 ? 3 : majorityRow - 1
        #expect(lines[majorityRow].contains("majority") || lines[inside].contains("majority"), "\(BufferExport.text(buffer))")
        let legend = lines[0] + lines[1]
        #expect(legend.contains("== majority"))
        if case .logit = parameters.choiceModel {
            #expect(legend.contains("~~ inclusive sigmoid(R)"))
        } else {
            #expect(legend.contains("~~ inclusive p*(1)"))
        }
    }

    @Test func referenceLinesCanBeLeftOut() {
        let text = BufferExport.text(Self.sweepBuffer(ModelParameters(k: 4), references: false))
        #expect(!text.contains("majority") && !text.contains("inclusive") && !text.contains("~"))
    }

    @Test(arguments: [(3, 2), (4, 3), (4, 1), (2, 1)])
    func fixedQueriesDrawAHorizontalBoundaryAtJOverY(k: Int, count: Int) throws {
        for zeta in [0.2, 0.8] {
            let parameters = ModelParameters(p1: 0.7, zeta: zeta, k: k, queries: .fixed(m1Count: count))
            let buffer = Self.boundaryBuffer(parameters)
            let boundary = Double(count) / Double(k)
            let expectedRow = try #require(Self.row(of: boundary, in: buffer))
            let curve = Picture.positions(of: "*", in: buffer).filter { $0.y >= 2 && $0.y < 14 }
            #expect(curve.count >= 30, "\(BufferExport.text(buffer))")
            #expect(Set(curve.map(\.y)) == [expectedRow], "J/|Y| = \(boundary): \(BufferExport.text(buffer))")
            let text = BufferExport.text(buffer)
            let verdict = FailureBoundary.verdict(parameters)
            #expect(text.contains("J=\(count) of |Y|=\(k): p*(1)=0.70"))
            #expect(text.contains(String(format: "J/|Y|=%.3f", boundary)))
            #expect(text.contains(verdict.limit == .m1 ? "-> M1" : "-> M2"))
            #expect(text.contains("(perverse)") == verdict.isPerverse)
            // Between 1/2 and J/|Y| the perverse region is hatched (either way round).
            let hatched = Picture.rows(buffer)[2..<14].map { $0.dropFirst(4).filter { $0 == "/" }.count }.reduce(0, +)
            #expect((hatched > 10) == (boundary != 0.5), "\(text)")
        }
    }

    @Test(arguments: [-2.0, 0.5, 3.0])
    func logitChoicesHaveNoPerverseRegion(gap: Double) throws {
        let parameters = ModelParameters(k: 4, choiceModel: .logit(rewardGap: gap))
        let buffer = Self.boundaryBuffer(parameters)
        let text = BufferExport.text(buffer)
        #expect(!Picture.rows(buffer)[2..<14].joined().contains("//"), "no hatching: \(text)")
        #expect(!text.contains("perverse)"))
        #expect(text.contains("logit choices satisfy IIA: no perverse region; R = \(AxisTicks.trimmed(gap, digits: 3)) -> \(gap > 0 ? "M1" : "M2")"))
        // The point sits at sigmoid(R), on the side of 1/2 the verdict names.
        let point = try #require(Picture.positions(of: "@", in: buffer).first { $0.y > 1 && $0.y < 14 })
        #expect(point.y == Self.row(of: StableMath.sigmoid(gap), in: buffer))
        let curve = Picture.positions(of: "*", in: buffer).filter { $0.y >= 2 && $0.y < 14 }
        #expect(Set(curve.map(\.y)) == [Self.row(of: 0.5, in: buffer)!])
    }

    @Test func everyTinySizeIsSafeInEveryScenario() {
        let scenarios = [
            ModelParameters(k: 3, queries: .fixed(m1Count: 2)),
            ModelParameters(k: 4, choiceModel: .logit(rewardGap: 0.5)),
            ModelParameters(k: 5, queries: .fixed(m1Count: 1), choiceModel: .logit(rewardGap: -5)),
        ]
        let styles = [ChartStyle(ascii: true, color: false), ChartStyle(ascii: false, color: true)]
        for parameters in scenarios {
            let sweep = Sweeper.expected(parameters, axis: .m2, from: 1, to: 1e5, points: 8)
            for style in styles {
                for w in 0...4 {
                    for h in 0...4 {
                        var buffer = CellBuffer(width: w + 4, height: h + 4)
                        buffer.fill(buffer.bounds, with: Cell("#"))
                        let rect = Rect(x: 2, y: 2, width: w, height: h)
                        ExplorerCharts.renderSweep(sweep, marker: 100, style: style, into: &buffer, rect: rect)
                        ExplorerCharts.renderBoundary(parameters, style: style, into: &buffer, rect: rect)
                        var outside = 0
                        for y in 0..<buffer.height {
                            for x in 0..<buffer.width where !(x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY) {
                                if buffer[x, y].character != "#" { outside += 1 }
                            }
                        }
                        #expect(outside == 0, "\(w)x\(h)")
                    }
                }
                for (w, h) in [(25, 9), (60, 16), (200, 60)] {
                    var buffer = CellBuffer(width: w, height: h)
                    ExplorerCharts.renderBoundary(parameters, style: style, into: &buffer, rect: buffer.bounds)
                    ExplorerCharts.renderSweep(sweep, marker: 100, style: style, into: &buffer, rect: buffer.bounds)
                    let text = BufferExport.text(buffer).lowercased()
                    #expect(!text.contains("nan") && !text.contains("inf"))
                }
            }
        }
    }
}
