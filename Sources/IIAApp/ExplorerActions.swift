import IIACharts
import IIACore

extension ExplorerState {
    /// Moves the selected slider one step (saying so when it is already at an end).
    mutating func step(_ step: SliderStep) {
        let selected = sliders.selected
        let spec = spec(of: selected)
        let old = value(of: selected)
        let new = spec.stepped(old, step)
        if new == old {
            status = .note("\(spec.label) is at its \(new <= spec.range.lowerBound ? "minimum" : "maximum") \(NumberFormatting.compact(new))")
            return
        }
        set(selected, to: new)
        status = nil
    }

    /// Sets one slider (clamped); J follows |Y|.
    mutating func set(_ slider: SliderID, to rawValue: Double) {
        let spec = spec(of: slider)
        let value = slider == .dataSize ? min(max(rawValue, spec.range.lowerBound), spec.range.upperBound) : spec.clamped(rawValue)
        switch slider {
        case .simulations:
            simulations = Int(value)
            if simulations > 0 { sliders.lastSimulations = simulations }
        case .fixedM1:
            sliders.rememberedFixedM1 = Int(value)
            slider.set(value, in: &parameters)
        case .rewardGap:
            sliders.rememberedRewardGap = value
            slider.set(value, in: &parameters)
        case .k:
            if case .fixed(let count) = parameters.queries, sliders.rememberedFixedM1 == nil { sliders.rememberedFixedM1 = count }
            slider.set(value, in: &parameters)
            // J follows |Y|: clamped into 1…|Y|-1 (the remembered J comes back when |Y| grows).
            if case .fixed = parameters.queries {
                let wanted = sliders.rememberedFixedM1 ?? sliders.fixedM1(for: parameters)
                parameters.queries = .fixed(m1Count: min(max(1, wanted), max(1, parameters.k - 1)))
            }
        default:
            slider.set(value, in: &parameters)
        }
    }

    /// Switches to the next (previous) scenario, keeping every other setting; the sliders
    /// follow (J appears under |Y| for fixed queries, R replaces p*(1) under logit choices).
    mutating func cycleScenario(by offset: Int) {
        let next = scenario.advanced(by: offset)
        sliders.remember(parameters)
        parameters = next.applied(
            to: parameters, fixedM1: sliders.fixedM1(for: parameters), rewardGap: sliders.rewardGap(for: parameters))
        sliders.keepSelectionVisible(visibleSliders)
        status = .note("scenario: \(ExplorerScenario.describe(parameters)) (c: next)")
    }

    mutating func cycleChart(by offset: Int) {
        let all = ChartKind.allCases
        let index = all.firstIndex(of: focusedChart) ?? 0
        focusedChart = all[(index + offset + all.count) % all.count]
    }

    /// `f`: the chart in focus fills the screen, or no longer does (Esc leaves too).
    mutating func togglePresentation() {
        presentation.toggle()
        mouseDrag = nil
        status = .note(presentation ? "presentation: Tab next chart, arrows change the selected slider, Esc or f leaves" : "presentation off")
    }

    /// `x`: asks the caller to write the focused chart's data as CSV next to the screenshots.
    mutating func exportFocusedChart() -> ExplorerCommand {
        status = .note("exporting the chart's data to \(screenshotDirectory)/ …")
        return .exportChart(ChartExportRequest(
            chart: focusedChart, directory: screenshotDirectory, baseName: "iia-explorer-\(focusedChart.rawValue)"))
    }

    /// Shows the next (previous) algorithm in the landscape and the explain panel.
    mutating func cycleLandscapeAlgorithm(by offset: Int) {
        let all = Algorithm.allCases
        let index = all.firstIndex(of: landscapeAlgorithm) ?? 0
        landscapeAlgorithm = all[(index + offset + all.count) % all.count]
        status = .landscapeAlgorithm(landscapeAlgorithm)
    }

    mutating func toggleSimulation() {
        if simulations > 0 {
            set(.simulations, to: 0)
            status = .note("expected data (Monte Carlo off; m brings back \(sliders.lastSimulations) datasets)")
        } else {
            set(.simulations, to: Double(sliders.lastSimulations))
            status = .monteCarlo("Monte Carlo: \(simulations) simulated datasets, seed \(seed)")
        }
    }

    mutating func load(_ preset: Preset) {
        parameters = Self.clampedIntoSliders(preset.parameters)
        if !visibleSliders.contains(sliders.selected) { sliders.selected = .m1 }
        focusedChart = preset.chart
        if let algorithm = preset.algorithm { landscapeAlgorithm = algorithm }
        simulations = preset.simulations
        guard simulations > 0 else {
            status = .note("preset \(preset.number): \(preset.name)")
            return
        }
        sliders.lastSimulations = simulations
        status = .note(
            "preset \(preset.number), Monte Carlo over \(simulations) datasets as the paper averages (m: expected data): \(preset.name)")
    }

    mutating func reset() {
        parameters = start.parameters
        simulations = start.simulations
        focusedChart = start.chart
        landscapeAlgorithm = start.landscapeAlgorithm
        sliders.selected = .m1
        status = .note("reset to the starting state")
    }
}
