import ArgumentParser
import Foundation
import IIATerminal

/// The `iia-explorer` command: the interactive explorer by default, and headless subcommands.
@main
struct IIAExplorerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iia-explorer",
        abstract: "Explore 'RLHF and IIA: Perverse Incentives' (Xu et al., 2024): when RLHF learns what most people like less.",
        subcommands: [TUICommand.self, SolveCommand.self, SweepCommand.self, SnapshotCommand.self, ExplainCommand.self, GalleryCommand.self, BenchCommand.self, TUISelfTestCommand.self],
        defaultSubcommand: TUICommand.self)

    /// Parses and runs; every error is one line on stderr and a non-zero exit.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as TerminalUnavailableError {
            FileHandle.standardError.write(Data("\(error.message)\n".utf8))
            Foundation.exit(1)
        } catch let error as InputError {
            FileHandle.standardError.write(Data("iia-explorer: \(error)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("iia-explorer: \(message) (see iia-explorer --help)\n".utf8))
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}
