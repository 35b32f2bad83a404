import IIACharts
import IIACore

extension ExplorerState {
    /// The current settings and selection, as a history entry about `change`.
    func historyEntry(_ change: String) -> UndoHistory.Entry {
        UndoHistory.Entry(settings: settings, selected: sliders.selected, change: change)
    }

    /// Handles `key` and, when it changed the settings, records the change for undo.
    mutating func handleRecordingChanges(_ key: Key) -> ExplorerCommand {
        let before = historyEntry("")
        let browsing = overlay == .none && sliders.typedText == nil
        let movesInHistory = browsing && [Key.character("u"), .character("U"), .controlR].contains(key)
        let command = handle(key)
        if !movesInHistory && settings != before.settings {
            var entry = before
            entry.change = describeChange(from: before.settings, key: key)
            history.record(entry)
        }
        return command
    }

    /// Handles a mouse report and records a change of settings for undo. A press and the drag
    /// that follows it are one gesture and one change: undo goes back to before the press.
    mutating func handleRecordingChanges(_ mouse: MouseEvent) {
        let before = historyEntry("")
        if mouse.action == .press { mouseChangeRecorded = false }
        let gesture = mouse.action == .press || mouse.action == .drag
        handle(mouse)
        guard settings != before.settings, !(gesture && mouseChangeRecorded) else { return }
        var entry = before
        entry.change = describeChange(from: before.settings, key: nil) + " (mouse)"
        history.record(entry)
        if gesture { mouseChangeRecorded = true }
    }

    /// `u`: back to the settings before the last change.
    mutating func undo() {
        guard let entry = history.undo(current: historyEntry("")) else {
            status = .note(history.forgotOlderChanges
                ? "nothing more to undo (only the last \(UndoHistory.limit) changes are kept)" : "nothing to undo")
            return
        }
        restore(entry)
        status = .note("undid \(entry.change) (U or Ctrl-R redoes)")
    }

    /// `U` or Ctrl-R: the last undone change again.
    mutating func redo() {
        guard let entry = history.redo(current: historyEntry("")) else {
            status = .note("nothing to redo")
            return
        }
        restore(entry)
        status = .note("redid \(entry.change)")
    }

    private mutating func restore(_ entry: UndoHistory.Entry) {
        sliders.selected = entry.selected
        settings = entry.settings
    }

    /// The change from `before` to the current settings in a few words: "preset 2", "reset",
    /// "|M2| = 1000", "scenario fixed J=2 of |Y|=3, dichotomy", "chart P(M1) vs |M2|",
    /// "landscape IL", "Monte Carlo (100 datasets)", "expected data".
    func describeChange(from before: ExplorerSettings, key: Key?) -> String {
        switch key {
        case .character("r"): return "reset"
        case .character(let character) where character.isNumber: return "preset \(character)"
        default: break
        }
        if ExplorerScenario(before.parameters) != scenario {
            return "scenario " + ExplorerScenario.describe(parameters, long: false)
        }
        if before.simulations != simulations {
            if simulations == 0 { return "expected data" }
            if before.simulations == 0 { return "Monte Carlo (\(simulations) datasets)" }
        }
        if before.focusedChart != focusedChart { return "chart \(focusedChart.title)" }
        if before.landscapeAlgorithm != landscapeAlgorithm { return "landscape \(landscapeAlgorithm.name)" }
        let changed = ([sliders.selected] + SliderID.allCases).first { slider in
            slider == .simulations ? before.simulations != simulations : slider.value(in: before.parameters) != slider.value(in: parameters)
        }
        guard let changed else { return "settings" }
        return "\(changed.label) = \(NumberFormatting.compact(value(of: changed), ascii: capabilities.ascii))"
    }
}
