import IIACore

extension ExplorerState {
    /// The explorer's one transition: the state after `event`, and what the caller must do.
    ///
    /// Pure: the same state and event always give the same result; it never solves, draws or
    /// touches the terminal or the file system.
    public static func update(_ state: ExplorerState, _ event: AppEvent) -> (ExplorerState, ExplorerCommand) {
        var next = state
        let command = next.apply(event)
        return (next, command)
    }

    /// Applies `event` in place (see ``update(_:_:)``) and returns the command.
    public mutating func apply(_ event: AppEvent) -> ExplorerCommand {
        switch event {
        case .resize(let newWidth, let newHeight):
            width = max(0, newWidth)
            height = max(0, newHeight)
        case .key(let key):
            let command = handleRecordingChanges(key)
            if command != .none { return command }
            if pendingScreenshot && wantedMonteCarlo == nil {
                pendingScreenshot = false
                status = .note("screenshot cancelled with Monte Carlo (s saves the screen now)")
            }
        case .monteCarloProgress(let progress):
            guard monteCarlo.accepts(progress) else { return .none }
            monteCarlo.completed = progress.completed
            if progress.isComplete {
                switch status {
                case nil, .monteCarlo?: status = .monteCarlo("Monte Carlo done: \(progress.total) datasets (seed \(seed))")
                default: break
                }
                if pendingScreenshot { return screenshotCommand() }
            }
            return .none
        case .screenshotFinished(let outcome):
            if case .failed = outcome { status = .error(outcome.message) } else { status = .note(outcome.message) }
            return .none
        case .commandLineSaved(let outcome):
            if case .failed = outcome { status = .error(outcome.message) } else { status = .note(outcome.message) }
            return .none
        case .mouse(let mouse):
            handleRecordingChanges(mouse)
        case .chartExportFinished(let outcome):
            if case .failed = outcome { status = .error(outcome.message) } else { status = .note(outcome.message) }
            return .none
        }
        return monteCarloCommand()
    }

    /// Starts (or stops) Monte Carlo when what it depends on changed since the last start.
    mutating func monteCarloCommand() -> ExplorerCommand {
        let wanted = wantedMonteCarlo
        guard wanted != monteCarlo.running else { return .none }
        monteCarlo = MonteCarloStatus(generation: monteCarlo.generation + 1, running: wanted, completed: 0)
        guard let wanted else { return .cancelMonteCarlo }
        return .startMonteCarlo(MonteCarloRun(
            generation: monteCarlo.generation, key: wanted,
            dataGrid: Sweeper.logGrid(from: 1, to: ExpectedSweeps.end(.data, parameters), points: Self.sweepPoints, wholeNumbers: true),
            m2Grid: Sweeper.logGrid(from: 1, to: ExpectedSweeps.end(.m2, parameters), points: Self.sweepPoints, wholeNumbers: true)))
    }

    // MARK: Keys

    mutating func handle(_ key: Key) -> ExplorerCommand {
        if key == .controlC { return .quit }
        switch overlay {
        case .help:
            overlay = .none
        case .explaining:
            switch key {
            case .character("a"): cycleLandscapeAlgorithm(by: 1)
            case .character("A"): cycleLandscapeAlgorithm(by: -1)
            default: overlay = .none
            }
        case .none:
            if let text = sliders.typedText {
                handleTyping(key, text: text)
            } else {
                return handleBrowsing(key)
            }
        }
        return .none
    }

    mutating func handleBrowsing(_ key: Key) -> ExplorerCommand {
        switch key {
        case .up, .character("k"): sliders.select(offset: -1, among: visibleSliders)
        case .down, .character("j"): sliders.select(offset: 1, among: visibleSliders)
        case .left, .character("h"): step(.fineDown)
        case .right, .character("l"): step(.fineUp)
        case .shiftLeft, .shiftDown, .controlLeft, .controlDown, .pageDown: step(.coarseDown)
        case .shiftRight, .shiftUp, .controlRight, .controlUp, .pageUp: step(.coarseUp)
        case .home: step(.toMinimum)
        case .end: step(.toMaximum)
        case .enter, .character("="): sliders.typedText = ""
        case .tab: cycleChart(by: 1)
        case .backTab: cycleChart(by: -1)
        case .character("m"): toggleSimulation()
        case .character("s"): return screenshotCommand()
        case .character("r"): reset()
        case .character("u"): undo()
        case .character("U"), .controlR: redo()
        case .character("y"): return saveCommandLine()
        case .character("x"): return exportFocusedChart()
        case .character("f"): togglePresentation()
        case .escape where presentation: togglePresentation()
        case .character("?"), .function(1): overlay = .help
        case .character("e"): overlay = .explaining
        case .character("a"): cycleLandscapeAlgorithm(by: 1)
        case .character("A"): cycleLandscapeAlgorithm(by: -1)
        case .character("c"): cycleScenario(by: 1)
        case .character("C"): cycleScenario(by: -1)
        case .character("q"): return .quit
        // Esc never quits: with nothing to close or cancel it only says how to quit.
        case .escape: status = .note("Esc closes help and panels and cancels typing; q quits")
        case .character(let character) where character.isNumber:
            if let digit = character.wholeNumberValue, let preset = Preset.numbered(digit) {
                load(preset)
            } else {
                status = .error("no preset \(character): presets are \(Preset.keyRange)")
            }
        case .character(let character):
            status = .error("\(character) does nothing here; press ? for the keys")
        default:
            break
        }
        return .none
    }

    mutating func handleTyping(_ key: Key, text: String) {
        let selected = sliders.selected
        switch key {
        case .escape:
            sliders.typedText = nil
            status = .note("\(spec(of: selected).label): input cancelled")
        case .enter:
            switch spec(of: selected).parse(text) {
            case .success(let value):
                sliders.typedText = nil
                set(selected, to: value)
                status = .note("\(selected.label) = \(NumberFormatting.compact(value))")
            case .failure(let error):
                // The prompt stays open with the text, to be corrected (or cancelled with Esc).
                status = .error(error.message + "; value unchanged")
            }
        case .backspace, .delete, .character:
            let rejected = status?.isError ?? false
            var edited = text
            if case .character(let character) = key {
                // After a rejected value the text counts as selected: typing replaces it.
                if rejected { edited = "" }
                if edited.count < 24, !character.isNewline { edited.append(character) }
            } else {
                edited.removeLast(min(1, edited.count))
            }
            sliders.typedText = edited
            // An error about the previous text no longer applies.
            if rejected { status = nil }
        default:
            break
        }
    }
}
