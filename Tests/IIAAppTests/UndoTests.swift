import Foundation
import Testing
import IIACharts
import IIACore
@testable import IIAApp

/// Undo and redo: every change of the settings, a bounded history, redo cleared by a new change.
@Suite struct UndoTests {
    /// The settings and the selection: what undo restores.
    static func restored(_ model: ExplorerModel) -> (ExplorerSettings, SliderID) { (model.state.settings, model.selectedSlider) }

    @Test func undoAfterAPresetGivesBackTheStateBefore() throws {
        var model = makeModel()
        model.press(.down, .down, .down, .down, .right, .tab, .character("a"))
        let before = model.state
        model.press(.character("2"))
        #expect(model.state.settings != before.settings)
        let commands = model.press(.character("u"))
        #expect(model.statusMessage == "undid preset 2 (U or Ctrl-R redoes)")
        // Equal to before but for the status line, the history and the Monte Carlo generation.
        var now = model.state
        now.status = before.status
        now.history = before.history
        now.monteCarlo = before.monteCarlo
        #expect(now == before)
        // Preset 2 had started Monte Carlo; undoing it stops the run.
        #expect(commands == [.cancelMonteCarlo])
        model.press(.character("U"))
        #expect(model.statusMessage == "redid preset 2" && model.parameters.k == 4 && model.simulations == 100)
    }

    @Test func everyKindOfChangeIsUndoneAndRedone() {
        let cases: [(setup: [Key], change: [Key], label: String)] = [
            ([.down], [.right], "|M2| = 125"),
            ([.down], [.enter, .character("7"), .character("7"), .enter], "|M2| = 77"),
            ([], [.character("3")], "preset 3"),
            ([], [.character("c")], "scenario fixed J=1 of |Y|=2, dichotomy"),
            ([.character("c"), .character("c")], [.character("C")], "scenario fixed J=1 of |Y|=2, dichotomy"),
            ([.right, .tab], [.character("r")], "reset"),
            ([], [.tab], "chart \(ChartKind.m2.title)"),
            ([], [.backTab], "chart \(ChartKind.phase.title)"),
            ([], [.character("a")], "landscape DPO"),
            ([.character("e")], [.character("A")], "landscape TypeMLE"),
            ([], [.character("m")], "Monte Carlo (100 datasets)"),
            ([.character("m")], [.character("m")], "expected data"),
            ([.up], [.pageUp], "Monte Carlo (100 datasets)"),
            ([.up, .character("m")], [.left], "datasets = 90"),
            ([.down, .down, .down, .down], [.end], "|Y| = 64"),
        ]
        for (setup, change, label) in cases {
            var model = makeModel()
            for key in setup { _ = model.update(.key(key)) }
            let before = Self.restored(model)
            for key in change { _ = model.update(.key(key)) }
            let after = Self.restored(model)
            #expect(after.0 != before.0, "\(label): no change")
            model.press(.escape)  // closes the explanation, if open; no change
            model.press(.character("u"))
            #expect(model.statusMessage == "undid \(label) (U or Ctrl-R redoes)", "\(label)")
            #expect(Self.restored(model) == before, "\(label)")
            model.press(.controlR)
            #expect(model.statusMessage == "redid \(label)", "\(label)")
            #expect(Self.restored(model) == after, "\(label)")
        }
    }

    @Test func aHundredStepsAreKeptAndTheOldestAreForgottenPastThem() {
        var model = makeModel(ModelParameters(m1: 1000))
        // |M1| typed 150 times, each value new: |M1| = 1, 2, …, 150.
        var values: [Int] = [model.parameters.m1]
        for value in 1...(UndoHistory.limit + 50) {
            model.press(.enter)
            model.type(String(value))
            model.press(.enter)
            values.append(model.parameters.m1)
        }
        #expect(values == [1000] + Array(1...150) && model.state.history.undoEntries.count == UndoHistory.limit)
        for step in 1...UndoHistory.limit {
            model.press(.character("u"))
            #expect(model.parameters.m1 == values[values.count - 1 - step], "undo \(step)")
        }
        let oldestKept = model.state.settings
        model.press(.character("u"))
        #expect(model.statusMessage == "nothing more to undo (only the last 100 changes are kept)")
        #expect(model.state.settings == oldestKept)
        for step in 1...UndoHistory.limit {
            model.press(.character("U"))
            #expect(model.parameters.m1 == values[values.count - 1 - UndoHistory.limit + step], "redo \(step)")
        }
        model.press(.character("U"))
        #expect(model.statusMessage == "nothing to redo")
    }

    @Test func aNewChangeAfterAnUndoClearsTheRedoList() {
        var model = makeModel()
        model.press(.right, .right, .character("u"))
        #expect(model.state.history.redoEntries.count == 1)
        model.press(.tab)
        #expect(model.state.history.redoEntries.isEmpty)
        let settings = model.state.settings
        model.press(.character("U"))
        #expect(model.statusMessage == "nothing to redo" && model.state.settings == settings)
        model.press(.character("u"), .character("u"), .character("u"))
        #expect(model.parameters == .paperDefaults && model.focusedChart == .data)
        model.press(.character("u"))
        #expect(model.statusMessage == "nothing to undo")
    }

    @Test func selectionOverlaysAndResizesAreNoChanges() {
        var model = makeModel()
        model.press(.down, .up, .character("?"), .escape, .character("e"), .character("e"), .character("y"))
        _ = model.update(.resize(width: 120, height: 40))
        #expect(model.state.history.undoEntries.isEmpty)
        // Typing is recorded once, when Enter applies the value.
        model.press(.enter)
        model.type("50")
        #expect(model.state.history.undoEntries.isEmpty)
        model.press(.enter)
        #expect(model.state.history.undoEntries.map(\.change) == ["|M1| = 50"])
        // While typing, u is text.
        model.press(.enter, .character("u"))
        #expect(model.inputText == "u" && model.parameters.m1 == 50)
    }

    @Test func undoRestartsMonteCarloLikeAnyChange() throws {
        var model = makeModel(simulations: 20)
        model.press(.right)
        let run = try #require(model.press(.character("u")).monteCarloRun)
        #expect(run.key.parameters == .paperDefaults && run.key.simulations == 20)
        #expect(model.generation == run.generation)
    }

    @Test func ctrlRIsDecoded() {
        var decoder = KeyInputDecoder()
        #expect(decoder.feed(18) == [.key(.controlR)])
    }
}
