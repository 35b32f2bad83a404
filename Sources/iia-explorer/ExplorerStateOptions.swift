import ArgumentParser
import IIAApp
import IIACharts
import IIACore

/// The explorer's own settings beyond the model: the chart in focus and the selected slider
/// (shared by `tui` and `snapshot --chart all`, so that a state's command line restores it).
struct ExplorerStateOptions: ParsableArguments {
    @Option(help: "The chart in focus (the one shown when only one fits): data, m2, boundary, landscape or phase (default data).")
    var focus: String?
    @Option(help: "The selected slider, by its option's name: m1, m2, p1, zeta, k, beta, delta, data, sims, fixed-m1 or reward-gap (default m1).")
    var select: String?

    /// The chart in focus.
    func focusedChart() throws -> ChartKind {
        guard let focus else { return .data }
        guard let chart = ChartKind(rawValue: focus) else {
            throw InputError(option: "--focus", allowed: "data, m2, boundary, landscape or phase", got: focus)
        }
        return chart
    }

    /// The selected slider, which must be on screen in the scenario of `parameters`.
    func selectedSlider(in parameters: ModelParameters) throws -> SliderID {
        guard let select else { return .m1 }
        let visible = SliderID.visible(in: parameters)
        guard let slider = SliderID(optionName: select), visible.contains(slider) else {
            let names = visible.map(\.optionName)
            let allowed = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
            throw InputError(option: "--select", allowed: "a slider of the scenario: \(allowed)", got: select)
        }
        return slider
    }

    /// Checks that the options are used only where they mean something.
    func requireExplorerScreen(_ isExplorerScreen: Bool) throws {
        guard !isExplorerScreen else { return }
        if focus != nil { throw InputError(option: "--focus", allowed: "used with --chart all") }
        if select != nil { throw InputError(option: "--select", allowed: "used with --chart all") }
    }
}

/// Appends command lines to a file (the `y` key's commands.txt).
enum CommandLineFile {
    /// Appends `request.line` and a newline to `request.directory/request.fileName`, creating
    /// the folder and the file as needed; never follows a link at the file's name.
    static func append(_ request: CommandLineRequest) -> CommandLineOutcome {
        let path = request.directory.isEmpty ? request.fileName : request.directory + "/" + request.fileName
        do {
            _ = try FileSystem.createFolders(request.directory)
            try FileSystem.append(request.line + "\n", to: path)
            return .saved(line: request.line, path: path)
        } catch let error as FileError {
            return .failed(line: request.line, reason: error.description)
        } catch {
            return .failed(line: request.line, reason: FileError.line(for: error))
        }
    }
}
