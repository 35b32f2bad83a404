import Foundation
import IIACharts
import IIACore

/// What a mouse drag moves, from the press that started it to the release.
public enum MouseDragTarget: Hashable, Sendable, Codable {
    /// A slider's knob.
    case slider(SliderID)
    /// The current point in the failure-boundary chart.
    case boundary
    /// The current point in the phase chart.
    case phase
}

extension ExplorerState {
    /// Applies a mouse report: a left click on a slider's bar sets it to the value there (a drag
    /// moves it), the wheel on a slider's row steps it finely, a click on a chart focuses it, a
    /// click (or drag) in the failure-boundary chart's plot sets zeta and p*(1) (R under logit
    /// choices) to that point, and one in the phase chart's plot to its cell's centre. Values are rounded tidily and said on the status line. Anything
    /// else, or any report while an overlay is open or a value is being typed, does nothing.
    mutating func handle(_ mouse: MouseEvent) {
        guard overlay == .none, sliders.typedText == nil else {
            mouseDrag = nil
            return
        }
        switch mouse.action {
        case .release:
            mouseDrag = nil
        case .press where mouse.button == 0:
            mouseDrag = nil
            press(at: mouse.x, mouse.y)
        case .drag where mouse.button == 0:
            drag(to: mouse.x, mouse.y)
        case .wheelUp, .wheelDown:
            guard case .sliderRow(let slider)? = wheelTarget(x: mouse.x, y: mouse.y) else { return }
            sliders.selected = slider
            step(mouse.action == .wheelUp ? .fineUp : .fineDown)
            if status == nil { status = .note(mouseNote(slider)) }
        default:
            break
        }
    }

    /// The slider row under the wheel (its bar counts as its row).
    func wheelTarget(x: Int, y: Int) -> MouseTarget? {
        switch mouseTarget(x: x, y: y) {
        case .sliderTrack(let slider, _, _)?: return .sliderRow(slider)
        case let other: return other
        }
    }

    private mutating func press(at x: Int, _ y: Int) {
        switch mouseTarget(x: x, y: y) {
        case .sliderTrack(let slider, let track, let column)?:
            sliders.selected = slider
            setByMouse(slider, track: track, column: column)
            mouseDrag = .slider(slider)
        case .boundaryPlot(let geometry)?:
            focusedChart = .boundary
            setBoundaryPoint(geometry.clampedPoint(x: x, y: y), geometry: geometry)
            mouseDrag = .boundary
        case .phasePlot(let area)?:
            focusedChart = .phase
            setPhasePoint(x: x, y: y, area: area)
            mouseDrag = .phase
        case .chart(let kind)? where kind != focusedChart:
            focusedChart = kind
            status = .note("chart in focus: \(kind.title)")
        default:
            break
        }
    }

    private mutating func drag(to x: Int, _ y: Int) {
        switch mouseDrag {
        case .slider(let slider)?:
            guard let track = sliderTrack(of: slider) else { return }
            setByMouse(slider, track: track, column: x)
        case .boundary?:
            guard let geometry = shownBoundaryGeometry else { return }
            setBoundaryPoint(geometry.clampedPoint(x: x, y: y), geometry: geometry)
        case .phase?:
            guard let area = phasePlotArea else { return }
            setPhasePoint(x: x, y: y, area: area)
        case nil:
            break
        }
    }

    /// Sets `slider` to the value at `column` of its bar.
    private mutating func setByMouse(_ slider: SliderID, track: SliderTrack, column: Int) {
        let spec = spec(of: slider)
        set(slider, to: spec.value(atPosition: track.position(atColumn: column), cells: track.cells))
        status = .note(mouseNote(slider))
    }

    /// "zeta = 0.35 (mouse)".
    func mouseNote(_ slider: SliderID) -> String {
        "\(spec(of: slider).label) = \(NumberFormatting.compact(value(of: slider))) (mouse)"
    }

    /// Sets zeta and p*(1) to the centre of the phase grid's cell under (`x`, `y`) (the nearest
    /// one for drags that leave the plot), rounded to the coarsest 1-2-5 step within a quarter cell.
    private mutating func setPhasePoint(x: Int, y: Int, area: Rect) {
        guard let grid = PhaseChartData.grid(for: area) else { return }
        let column = min(max(x, area.x), area.maxX - 1) - area.x, row = min(max(y, area.y), area.maxY - 1) - area.y
        let heatmap = PlotHeatmap(columns: grid.zetaCount, rows: grid.p1Count, values: [], scale: HeatmapScale(steps: []))
        let cell = heatmap.cell(atFraction: (Double(column) + 0.5) / Double(area.width),
                                (Double(area.height - 1 - row) + 0.5) / Double(area.height))
        func rounded(_ value: Double, count: Int) -> Double {
            let step = SliderSpec.tidyStep(atMost: 0.25 / Double(count))
            return SliderSpec.tidy((value / step).rounded() * step)
        }
        set(.zeta, to: rounded(grid.zeta(column: cell.column), count: grid.zetaCount))
        set(.p1, to: rounded(grid.p1(row: cell.row), count: grid.p1Count))
        status = .note("zeta = \(NumberFormatting.compact(parameters.zeta)), p*(1) = \(NumberFormatting.compact(parameters.p1)) (mouse)")
    }

    /// Sets zeta and p*(1) (under logit choices R, whose sigmoid is the share) to a point of the
    /// boundary chart, each rounded to the coarsest 1-2-5 step within half a cell.
    private mutating func setBoundaryPoint(_ point: (zeta: Double, share: Double), geometry: BoundaryPlotGeometry) {
        let cell = geometry.cellSize
        func rounded(_ value: Double, cell: Double) -> Double {
            let step = SliderSpec.tidyStep(atMost: cell / 2)
            return SliderSpec.tidy((value / step).rounded() * step)
        }
        set(.zeta, to: rounded(point.zeta, cell: cell.zeta))
        let share = rounded(point.share, cell: cell.share)
        if case .logit = parameters.choiceModel {
            let gap = StableMath.logit(min(max(share, 1e-9), 1 - 1e-9))
            set(.rewardGap, to: SliderSpec.tidy((gap * 100).rounded() / 100))
            status = .note("zeta = \(NumberFormatting.compact(parameters.zeta)), R = \(NumberFormatting.compact(value(of: .rewardGap))) (mouse)")
        } else {
            set(.p1, to: share)
            status = .note("zeta = \(NumberFormatting.compact(parameters.zeta)), p*(1) = \(NumberFormatting.compact(parameters.p1)) (mouse)")
        }
    }
}
