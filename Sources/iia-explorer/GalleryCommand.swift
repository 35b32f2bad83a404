import ArgumentParser
import Foundation
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

    /// One screenshot: a file name, what it shows, and how to render it.
    struct Shot {
        var name: String
        var parameters: ModelParameters
        var chart: String
        var width: Int
        var height: Int
        var simulations: Int = 0
        var algorithm: Algorithm = .rlpo
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
    ]

    func run() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for shot in Self.shots {
            let buffer = SnapshotCommand.buffer(
                parameters: shot.parameters, chart: shot.chart, width: shot.width, height: shot.height,
                ascii: false, color: true, simulations: shot.simulations, seed: 1, algorithm: shot.algorithm)
            let base = (dir as NSString).appendingPathComponent(shot.name)
            try OutputFile.write(BufferExport.svg(buffer), to: base + ".svg", force: force, option: "--dir")
            try OutputFile.write(BufferExport.text(buffer), to: base + ".txt", force: force, option: "--dir")
            print("wrote \(base).svg and .txt")
        }
    }
}
