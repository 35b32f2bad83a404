import IIACharts

/// The data behind the chart in focus, asked for with `x` and carried by
/// ``ExplorerCommand/exportChart(_:)``.
///
/// The explorer cannot write files: the caller writes ``csv`` to `<directory>/<baseName>-NNN.csv`
/// with the first number not taken (never overwriting) and reports back with
/// ``AppEvent/chartExportFinished(_:)``, which the status line then shows.
public struct ChartExportRequest: Hashable, Sendable {
    /// The chart exported.
    public var chart: ChartKind
    /// The CSV text: filled in by ``ExplorerModel/update(_:)``, which holds the derived value
    /// (nil from the state's update alone).
    public var csv: String?
    /// The directory to write into (the screenshot directory).
    public var directory: String
    /// The file name stem, e.g. "iia-explorer-data"; the caller appends a free number and ".csv".
    public var baseName: String

    public init(chart: ChartKind, csv: String? = nil, directory: String, baseName: String) {
        self.chart = chart
        self.csv = csv
        self.directory = directory
        self.baseName = baseName
    }
}

/// How writing a chart's CSV went, reported by the caller.
public enum ChartExportOutcome: Hashable, Sendable {
    /// The file written.
    case saved(path: String)
    /// Why nothing was written.
    case failed(reason: String)

    /// The status line text: "exported the chart's data to screenshots/iia-explorer-data-001.csv".
    public var message: String {
        switch self {
        case .saved(let path): return "exported the chart's data to \(path)"
        case .failed(let reason): return "export failed: \(reason)"
        }
    }
}
