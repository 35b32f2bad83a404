import ArgumentParser
import Foundation
import IIAApp
import IIACharts
import IIACore

/// `iia-explorer gallery`: regenerates the README's screenshots in one go.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Write the README's screenshots (SVG and text) into a folder.")

    @Option(help: "The folder to write into (created if missing).")
    var dir: String = "screenshots"
    @Flag(help: "Replace screenshots that exist already.")
    var force = false
    @OptionGroup var themeOption: ThemeOptions

    /// One screenshot: a file name, what it shows, and how to render it.
    struct Shot {
        var name: String
        var parameters: ModelParameters
        var chart: String
        var width: Int
        var height: Int
        var simulations: Int = 0
        var algorithm: Algorithm = .rlpo
        /// The curves of a sweep figure (nil: all).
        var algorithms: [Algorithm]? = nil
    }

    static let shots: [Shot] = [
        Shot(name: "explorer-defaults-k2", parameters: .paperDefaults, chart: "all", width: 160, height: 48),
        Shot(name: "explorer-defaults-k4", parameters: ModelParameters(k: 4), chart: "all", width: 160, height: 48),
        Shot(name: "figure2-k2", parameters: .paperDefaults, chart: "data", width: 100, height: 28, simulations: 100),
        Shot(name: "figure2-k4", parameters: ModelParameters(k: 4), chart: "data", width: 100, height: 28, simulations: 100),
        Shot(name: "figure3-m2", parameters: .paperDefaults, chart: "m2", width: 100, height: 28),
        Shot(name: "boundary-k4", parameters: ModelParameters(k: 4), chart: "boundary", width: 100, height: 32),
        Shot(name: "section6-four-responses",
             parameters: ModelParameters(p1: 0.7, k: 4, queries: .fixed(m1Count: 3)), chart: "data", width: 100, height: 28),
        Shot(name: "logit-control-k4",
             parameters: ModelParameters(k: 4, choiceModel: .logit(rewardGap: 0.4)), chart: "data", width: 100, height: 28),
        Shot(
            name: "landscape-il-two-minima",
            parameters: ModelParameters(m1: 2, m2: 1469, p1: 0.873, zeta: 0.912, k: 7, beta: 10.941, dataSize: 18.4),
            chart: "landscape", width: 100, height: 30, algorithm: .il),
        Shot(name: "phase-k4", parameters: ModelParameters(k: 4), chart: "phase", width: 100, height: 32),
        Shot(name: "rankings-boundary-k4", parameters: ModelParameters(p1: 0.45, k: 4, responses: .ranking),
             chart: "boundary", width: 100, height: 32),
    ]

    /// One publication figure per chart (`snapshot --style figure`, 800 x 500 pixels).
    static let figures: [Shot] = [
        Shot(name: "figure-data", parameters: ModelParameters(k: 4), chart: "data", width: 800, height: 500, simulations: 100,
             algorithms: [.rlpo, .il]),
        Shot(name: "figure-m2", parameters: .paperDefaults, chart: "m2", width: 800, height: 500),
        Shot(name: "figure-boundary", parameters: ModelParameters(k: 4), chart: "boundary", width: 800, height: 500),
        Shot(
            name: "figure-landscape",
            parameters: ModelParameters(m1: 2, m2: 1469, p1: 0.873, zeta: 0.912, k: 7, beta: 10.941, dataSize: 18.4),
            chart: "landscape", width: 800, height: 500, algorithm: .il),
        Shot(name: "figure-phase", parameters: ModelParameters(k: 4), chart: "phase", width: 800, height: 500),
    ]

    func run() throws {
        let theme = try themeOption.variant()
        let files = Self.shots.flatMap { shot -> [(name: String, contents: String)] in
            let buffer = SnapshotCommand.buffer(
                parameters: shot.parameters, chart: ChartKind(rawValue: shot.chart), width: shot.width, height: shot.height,
                capabilities: DisplayCapabilities(ascii: false, colorMode: .palette256, theme: theme),
                simulations: shot.simulations, seed: 1, algorithm: shot.algorithm)
            return [(shot.name + ".svg", BufferExport.svg(buffer, theme: theme)), (shot.name + ".txt", BufferExport.text(buffer))]
        } + Self.figures.map { shot in
            let kind = ChartKind(rawValue: shot.chart) ?? .data
            let options = FigureOptions(title: ExplorerFigures.title(kind, parameters: shot.parameters, algorithm: shot.algorithm))
            return (shot.name + ".svg", SnapshotCommand.figure(kind, parameters: shot.parameters, options: options,
                                                               simulations: shot.simulations, seed: 1, algorithm: shot.algorithm,
                                                               selection: SweepSelection(algorithms: shot.algorithms)))
        }
        let written = try GalleryWriter(folder: dir, force: force).write(files)
        for path in written where path.hasSuffix(".svg") {
            print(Self.figures.contains { path.hasSuffix("/" + $0.name + ".svg") } ? "wrote \(path)" : "wrote \(path) and .txt")
        }
    }
}

/// Writes a set of files into a folder all together or not at all: each goes first into a
/// hidden staging folder inside the target folder, and only when all are written are they
/// moved into place. A failure while moving names the files already moved.
struct GalleryWriter {
    var folder: String
    var force: Bool

    /// Writes every file; returns their paths in order.
    func write(_ files: [(name: String, contents: String)]) throws -> [String] {
        let targets = files.map { (folder as NSString).appendingPathComponent($0.name) }
        switch PathKind(folder) {
        case .missing, .folder: break
        case .unreachable(let code): throw FileError("create folder", folder, errno: code)
        case .symbolicLink where FileSystem.isFolder(folder): break
        default: throw InputError(option: "--dir", allowed: "a folder (or a path to create one)", got: folder)
        }
        for target in targets where PathKind(target) != .missing {
            try OutputFile.checkTarget(target, force: force, option: "--dir")
        }
        let created = try FileSystem.createFolders(folder)
        let staging = (folder as NSString).appendingPathComponent(".gallery-\(getpid()).partial")
        guard mkdir(staging, 0o700) == 0 else {
            let code = errno
            FileSystem.removeFolders(created)
            throw FileError("write", targets.first ?? folder, errno: code, note: "no screenshot was written")
        }
        let staged = files.map { (staging as NSString).appendingPathComponent($0.name) }
        func removeStaging() {
            for path in staged { unlink(path) }
            rmdir(staging)
        }
        defer { removeStaging() }
        do {
            for (index, file) in files.enumerated() {
                try FileSystem.writeNewFile(file.contents, to: staged[index], reportedPath: targets[index])
            }
        } catch var error as FileError {
            removeStaging()
            FileSystem.removeFolders(created)
            error.note = "no screenshot was written"
            throw error
        }
        for index in targets.indices {
            if let code = FileSystem.moveIntoPlace(staged[index], to: targets[index], replace: force) {
                let moved = targets[..<index].map { ($0 as NSString).lastPathComponent }
                throw FileError(
                    "write", targets[index], errno: code,
                    note: moved.isEmpty ? "no screenshot was written" : "written before it: " + moved.joined(separator: ", "))
            }
        }
        return targets
    }
}
