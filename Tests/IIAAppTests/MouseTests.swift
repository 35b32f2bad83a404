import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

extension ExplorerModel {
    /// Sends a mouse report, returning the command.
    @discardableResult
    mutating func mouse(_ action: MouseEvent.Action, x: Int, y: Int) -> ExplorerCommand {
        update(.mouse(MouseEvent(action, x: x, y: y)))
    }

    /// The row and bar of a slider on the current screen.
    func sliderRow(_ slider: SliderID) -> (y: Int, track: SliderTrack) {
        let panel = layout.sliders
        return (panel.y + visibleSliders.firstIndex(of: slider)!, SliderTrack(panel: panel, ascii: state.capabilities.ascii))
    }
}

/// A click, drag or wheel on a slider: the value at that position, tidily rounded.
@Suite struct MouseSliderTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (170, 50)]

    /// Every slider of every scenario, clicked at both ends, the middle and every cell: the knob is
    /// drawn within half a cell of the click (or the value is the nearest whole number there).
    @Test(arguments: [false, true])
    func aClickOnTheTrackSetsTheValueAtThatPosition(ascii: Bool) {
        let scenarios: [ModelParameters] = [
            .paperDefaults, ModelParameters(k: 4, queries: .fixed(m1Count: 2)), ModelParameters(choiceModel: .logit(rewardGap: 0.5)),
        ]
        for parameters in scenarios {
            for (width, height) in Self.sizes {
                let model = makeModel(parameters, width: width, height: height,
                                      capabilities: DisplayCapabilities(ascii: ascii, colorMode: .palette256))
                for slider in model.visibleSliders {
                    let (y, track) = model.sliderRow(slider)
                    let cells = Array(0..<track.cells)
                    for cell in cells {
                        var copy = model
                        copy.mouse(.press, x: track.firstCell + cell, y: y)
                        copy.mouse(.release, x: track.firstCell + cell, y: y)
                        let spec = copy.state.spec(of: slider)
                        let value = copy.state.value(of: slider)
                        let clicked = Double(cell) / Double(track.cells - 1)
                        let context = "\(slider.label) cell \(cell)/\(track.cells) at \(width)x\(height) ascii \(ascii): \(value)"
                        #expect(copy.selectedSlider == slider, "\(context)")
                        #expect((copy.statusMessage ?? "").contains("\(spec.label) = "), "\(context): \((copy.statusMessage ?? ""))")
                        if cell == 0 { #expect(value == spec.range.lowerBound, "\(context)") }
                        if cell == track.cells - 1 { #expect(value == spec.range.upperBound, "\(context)") }
                        let distance = abs(spec.position(of: value) - clicked)
                        // Whole numbers cannot be nearer than the nearest whole number to the exact value.
                        let exact = Self.exactValue(spec, at: clicked)
                        let wholeGap = spec.isInteger
                            ? [exact.rounded(.down), exact.rounded(.up)].map { abs(spec.position(of: $0) - clicked) }.min()! : 0
                        #expect(distance <= max(track.halfCell, wholeGap) + 1e-9, "\(context)")
                        if cell == track.cells / 2, !spec.isInteger, case .linear = spec.scale {
                            // The middle of a linear slider: the value there, to within half a cell.
                            let middle = spec.range.lowerBound + clicked * (spec.range.upperBound - spec.range.lowerBound)
                            #expect(abs(value - middle) <= track.halfCell * (spec.range.upperBound - spec.range.lowerBound) + 1e-9)
                        }
                    }
                }
            }
        }
    }

    /// The inverse of the slider's position, without rounding.
    static func exactValue(_ spec: SliderSpec, at position: Double) -> Double {
        let (lo, hi) = (spec.range.lowerBound, spec.range.upperBound)
        if case .linear = spec.scale { return lo + position * (hi - lo) }
        return lo * pow(hi / lo, position)
    }

    @Test func clickedValuesAreTidy() {
        var model = makeModel()
        let (y, track) = model.sliderRow(.beta)
        model.mouse(.press, x: track.firstCell + track.cells / 2, y: y)
        let beta = model.state.parameters.beta
        // A Renard R10 number: its mantissa is one of the series.
        let mantissa = beta / pow(10, log10(beta).rounded(.down))
        #expect(SliderSpec.renard10.contains { abs($0 - mantissa) < 1e-9 }, "\(beta)")
        let (zetaRow, zetaTrack) = model.sliderRow(.zeta)
        model.mouse(.press, x: zetaTrack.firstCell + 3, y: zetaRow)
        let zeta = model.state.parameters.zeta
        #expect(abs(zeta * 100 - (zeta * 100).rounded()) < 1e-9, "\(zeta) has more than two decimals")
    }

    @Test func draggingMovesTheSliderEvenOffItsRowAndReleaseEndsIt() {
        var model = makeModel()
        let (y, track) = model.sliderRow(.p1)
        model.mouse(.press, x: track.firstCell, y: y)
        #expect(model.state.parameters.p1 == 0)
        model.mouse(.drag, x: track.firstCell + track.cells / 2, y: y + 3)
        let middle = model.state.parameters.p1
        #expect(middle > 0.35 && middle < 0.65, "\(middle)")
        model.mouse(.drag, x: track.firstCell + track.cells + 10, y: y)
        #expect(model.state.parameters.p1 == 1)
        model.mouse(.release, x: 0, y: 0)
        #expect(model.state.mouseDrag == nil)
        model.mouse(.drag, x: track.firstCell, y: y)
        #expect(model.state.parameters.p1 == 1, "a drag after the release moves nothing")
    }

    @Test func theWheelStepsTheSliderUnderItFinely() {
        var model = makeModel()
        let (y, track) = model.sliderRow(.zeta)
        let before = model.state.parameters.zeta
        model.mouse(.wheelUp, x: track.firstCell + 1, y: y)
        #expect(model.selectedSlider == .zeta)
        #expect(abs(model.state.parameters.zeta - (before + 0.01)) < 1e-12)
        model.mouse(.wheelDown, x: 3, y: y)  // on the label: the row counts
        model.mouse(.wheelDown, x: 3, y: y)
        #expect(abs(model.state.parameters.zeta - (before - 0.01)) < 1e-12)
        #expect((model.statusMessage ?? "").contains("zeta = "), "\((model.statusMessage ?? ""))")
        let (kRow, _) = model.sliderRow(.k)
        model.mouse(.wheelUp, x: 2, y: kRow)
        #expect(model.state.parameters.k == 3)
    }

    @Test func clicksElsewhereDoNothing() {
        var model = makeModel()
        let before = model.state
        let layout = model.layout
        for (x, y) in [(5, 0), (2, layout.sliders.y), (3, layout.readOut.y), (10, layout.status.y), (10, layout.keys.y), (500, 500), (-1, -1)] {
            model.mouse(.press, x: x, y: y)
            model.mouse(.release, x: x, y: y)
        }
        #expect(model.state == before)
        // A right click on a bar does nothing either.
        let (y, track) = model.sliderRow(.m1)
        _ = model.update(.mouse(MouseEvent(.press, button: 2, x: track.firstCell + 3, y: y)))
        #expect(model.state == before)
    }

    @Test func overlaysAndTypingIgnoreTheMouse() {
        var model = makeModel()
        let (y, track) = model.sliderRow(.m1)
        model.press(.character("?"))
        model.mouse(.press, x: track.firstCell + 5, y: y)
        #expect(model.isShowingHelp && model.state.parameters.m1 == ModelParameters.paperDefaults.m1)
        model.press(.escape, .enter)
        model.mouse(.press, x: track.firstCell + 5, y: y)
        #expect(model.inputText == "" && model.state.parameters.m1 == ModelParameters.paperDefaults.m1)
    }
}

/// Charts: a click focuses; the boundary chart's plot takes zeta and p*(1) from the click.
@Suite struct MouseChartTests {
    @Test func aClickOnAChartFocusesIt() {
        var model = makeModel(width: 120, height: 40)
        for slot in model.layout.charts.dropFirst() {
            var copy = model
            copy.mouse(.press, x: slot.rect.x + 1, y: slot.rect.y)
            #expect(copy.state.focusedChart == slot.kind)
            #expect((copy.statusMessage ?? "").contains(slot.kind.title))
        }
        let focused = model.state.focusedChart
        model.mouse(.press, x: model.layout.charts[0].rect.x + 2, y: model.layout.charts[0].rect.y)
        #expect(model.state.focusedChart == focused)
    }

    static let boundaryCases: [(ModelParameters, Int, Int, Bool)] = [
        (.paperDefaults, 80, 24, false), (ModelParameters(k: 4), 80, 24, true), (ModelParameters(k: 8), 120, 40, false),
        (ModelParameters(k: 3), 170, 50, false), (ModelParameters(k: 4, queries: .fixed(m1Count: 1)), 100, 30, false),
        (ModelParameters(choiceModel: .logit(rewardGap: 1)), 100, 30, false),
    ]

    /// Every plot cell clicked: zeta and the share within half a cell of the cell's centre, and
    /// the chart draws its point in the clicked cell (zeta and p*(1) inside their sliders' ranges).
    @Test(arguments: 0..<boundaryCases.count)
    func aClickInTheBoundaryPlotGoesThere(index: Int) throws {
        let (parameters, width, height, ascii) = Self.boundaryCases[index]
        var model = makeModel(parameters, width: width, height: height,
                              capabilities: DisplayCapabilities(ascii: ascii, colorMode: .palette256))
        while model.state.focusedChart != .boundary { model.press(.tab) }
        let geometry = try #require(model.state.shownBoundaryGeometry)
        let plot = geometry.plot
        let cell = geometry.cellSize
        let isLogit = parameters.choiceModel != .dichotomy
        for y in plot.y..<plot.maxY {
            for x in stride(from: plot.x, to: plot.maxX, by: max(1, plot.width / 9)) {
                var copy = model
                copy.mouse(.press, x: x, y: y)
                copy.mouse(.release, x: x, y: y)
                let clicked = try #require(geometry.point(x: x, y: y))
                let zeta = copy.state.parameters.zeta
                let share = copy.state.parameters.choiceModel.pairwiseShareM1(p1: copy.state.parameters.p1)
                let context = "cell (\(x),\(y)) at \(width)x\(height): clicked \(clicked), got zeta \(zeta), share \(share)"
                let zetaInRange = clicked.zeta >= 0.01 && clicked.zeta <= 0.99
                let shareInRange = !isLogit || (clicked.share >= 0.007 && clicked.share <= 0.993)
                if zetaInRange { #expect(abs(zeta - clicked.zeta) <= cell.zeta / 2 + 1e-9, "\(context)") }
                if shareInRange { #expect(abs(share - clicked.share) <= cell.share / 2 + 1e-9, "\(context)") }
                #expect((copy.statusMessage ?? "").contains("zeta = "), "\(context): \((copy.statusMessage ?? ""))")
                if zetaInRange && shareInRange {
                    let dot: Character = ascii ? "@" : "●"
                    #expect(copy.view()[x, y].character == dot, "\(context): no point drawn there\n\(copy.screen)")
                }
            }
        }
    }

    @Test func draggingInTheBoundaryChartMovesThePoint() throws {
        var model = makeModel(ModelParameters(k: 4), chartFocus: .boundary)
        let geometry = try #require(model.state.shownBoundaryGeometry)
        let plot = geometry.plot
        model.mouse(.press, x: plot.x + 1, y: plot.y + 1)
        let first = model.state.parameters
        model.mouse(.drag, x: plot.maxX + 5, y: plot.maxY + 5)  // off the plot: the nearest cell
        #expect(model.state.parameters.zeta > first.zeta)
        #expect(model.state.parameters.p1 < first.p1)
        let corner = geometry.clampedPoint(x: plot.maxX - 1, y: plot.maxY - 1)
        #expect(abs(model.state.parameters.p1 - corner.share) <= geometry.cellSize.share / 2 + 1e-9)
        model.mouse(.release, x: 0, y: 0)
        let released = model.state.parameters
        model.mouse(.drag, x: plot.x, y: plot.y)
        #expect(model.state.parameters == released)
    }

    /// Scenarios whose boundary charts differ in shape (the geometry test's arguments).
    static let geometryScenarios: [ModelParameters] = [
        .paperDefaults, ModelParameters(k: 8), ModelParameters(k: 4, queries: .fixed(m1Count: 2)),
        ModelParameters(k: 4, queries: .fixed(m1Count: 1)), ModelParameters(choiceModel: .logit(rewardGap: 0.3)),
    ]

    /// The geometry mirrors the drawn chart: the y axis runs down the column left of the plot,
    /// and the x axis along the row under it, at many sizes, scenarios and both glyph sets (one
    /// test case per scenario and glyph set, so the cases run in parallel).
    @Test(arguments: geometryScenarios, [false, true])
    func theGeometryMatchesTheDrawnAxes(parameters: ModelParameters, ascii: Bool) {
        for width in stride(from: 12, through: 160, by: 11) {
            for height in stride(from: 4, through: 50, by: 5) {
                let rect = Rect(x: 2, y: 1, width: width, height: height)
                var buffer = CellBuffer(width: width + 4, height: height + 2)
                ExplorerCharts.renderBoundary(parameters, style: ChartStyle(ascii: ascii, color: false), into: &buffer, rect: rect)
                let plot = BoundaryPlotGeometry(parameters: parameters, ascii: ascii, rect: rect).plot
                guard !plot.isEmpty, width >= 6, height >= 3 else { continue }
                let corner = buffer[plot.x - 1, plot.maxY].character
                let context = "\(width)x\(height) ascii \(ascii) \(parameters.queries) \(parameters.choiceModel): \(plot)"
                #expect(corner == (ascii ? "+" : "└"), "\(context)\n\(buffer.lines.joined(separator: "\n"))")
                let above = buffer[plot.x - 1, plot.y].character
                #expect(["│", "┤", "|", "+"].contains(above), "\(context): top of the y axis is \(above)")
                if plot.y > rect.y {
                    let over = buffer[plot.x - 1, plot.y - 1].character
                    #expect(!["│", "┤"].contains(over), "\(context): the axis goes above the plot")
                }
            }
        }
    }
}

func makeModel(_ parameters: ModelParameters = .paperDefaults, chartFocus: ChartKind, width: Int = 80, height: Int = 24) -> ExplorerModel {
    var model = ExplorerModel(parameters: parameters, capabilities: DisplayCapabilities(), chart: chartFocus)
    _ = model.update(.resize(width: width, height: height))
    return model
}

/// Changes made with the mouse are undone like key changes: a press and its drag as one change.
@Suite struct MouseUndoTests {
    @Test func aPressAndItsDragAreOneUndoStep() {
        var model = makeModel()
        let before = model.state.settings
        let (y, track) = model.sliderRow(.p1)
        model.mouse(.press, x: track.firstCell, y: y)
        model.mouse(.drag, x: track.firstCell + track.cells / 2, y: y)
        model.mouse(.drag, x: track.firstCell + track.cells - 1, y: y)
        model.mouse(.release, x: 0, y: 0)
        #expect(model.state.parameters.p1 == 1)
        _ = model.update(.key(.character("u")))
        #expect(model.state.settings == before, "one undo goes back to before the press")
        #expect((model.statusMessage ?? "").hasPrefix("undid p*(1) = "), "\(model.statusMessage ?? "")")
        _ = model.update(.key(.character("U")))
        #expect(model.state.parameters.p1 == 1, "redo gives the dragged value back")
    }

    @Test func eachWheelStepAndEachClickIsItsOwnUndoStep() {
        var model = makeModel()
        let (y, track) = model.sliderRow(.zeta)
        let start = model.state.parameters.zeta
        model.mouse(.wheelUp, x: track.firstCell, y: y)
        model.mouse(.wheelUp, x: track.firstCell, y: y)
        model.mouse(.press, x: track.firstCell, y: y)
        model.mouse(.release, x: track.firstCell, y: y)
        let afterWheel = start + 0.02
        _ = model.update(.key(.character("u")))
        #expect(abs(model.state.parameters.zeta - afterWheel) < 1e-12)
        _ = model.update(.key(.character("u")))
        _ = model.update(.key(.character("u")))
        #expect(model.state.parameters.zeta == start)
    }
}
