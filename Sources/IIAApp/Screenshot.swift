import IIACharts

/// A screenshot the user asked for with `s`, carried by ``ExplorerCommand/saveScreenshot(_:)``.
///
/// The explorer cannot write files: the caller writes them (e.g. with `BufferExport.text` and
/// `BufferExport.svg`, never overwriting earlier ones) and reports back with
/// ``AppEvent/screenshotFinished(_:)``, which the status line then shows.
public struct ScreenshotRequest: Hashable, Sendable {
    /// The screen as it was when `s` was pressed: filled in by ``ExplorerModel/update(_:)``,
    /// which holds the derived value a screen needs (nil from the state's update alone).
    public var screen: CellBuffer?
    /// The directory to save into.
    public var directory: String
    /// The file name stem, e.g. "iia-explorer"; the caller appends a free number and the extensions.
    public var baseName: String
    /// `iia-explorer snapshot … --chart all …`, which prints the same screen (all but the status
    /// and key lines): the text file's first line (after "$ ") and the SVG's description.
    public var commandLine: String?

    public init(screen: CellBuffer? = nil, directory: String, baseName: String, commandLine: String? = nil) {
        self.screen = screen
        self.directory = directory
        self.baseName = baseName
        self.commandLine = commandLine
    }
}

/// How saving a screenshot went, reported by the caller.
public enum ScreenshotOutcome: Hashable, Sendable {
    /// The files written, e.g. ["screenshots/iia-explorer-001.txt", "screenshots/iia-explorer-001.svg"].
    case saved(paths: [String])
    /// Why nothing (or not everything) was written.
    case failed(reason: String)

    /// The status line text: "saved screenshots/iia-explorer-001.txt and .svg".
    public var message: String {
        switch self {
        case .failed(let reason):
            return "screenshot failed: \(reason)"
        case .saved(let paths):
            guard let first = paths.first else { return "screenshot: nothing saved" }
            let stem = Self.stem(first)
            var parts = [first]
            for path in paths.dropFirst() {
                parts.append(Self.stem(path) == stem ? String(path.dropFirst(stem.count)) : path)
            }
            let listed = parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
            return "saved \(listed)"
        }
    }

    /// The path without its extension.
    static func stem(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }
}
