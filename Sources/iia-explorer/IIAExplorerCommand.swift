import ArgumentParser
import Foundation
import IIATerminal

/// The `iia-explorer` command: the interactive explorer by default, and headless subcommands.
@main
struct IIAExplorerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iia-explorer",
        abstract: "Explore 'RLHF and IIA: Perverse Incentives' (Xu et al., 2024): when RLHF learns what most people like less.",
        discussion: """
            Numbers: whole-number options (--m1, --m2, --k, --fixed-m1, --sims, --seed, --points, \
            --repetitions, --width, the parts of --size, and --data with --sims) take \
            digits, optionally with an exponent (1000 or 1e3), and no sign or decimal point; other \
            numbers take plain decimals (-0.5, .25, 1e-3), never nan or inf. A negative value is read \
            as a value (--beta -1), and refused by name when out of range.
            \(WorkLimit.summary)
            """,
        subcommands: [TUICommand.self, SolveCommand.self, SweepCommand.self, SnapshotCommand.self, ExplainCommand.self, GalleryCommand.self, BenchCommand.self, TUISelfTestCommand.self],
        defaultSubcommand: TUICommand.self)

    /// Parses and runs; every error is one line on stderr and a non-zero exit.
    static func main() {
        // A file-size limit (ulimit -f) then fails a write with EFBIG instead of killing us.
        signal(SIGXFSZ, SIG_IGN)
        do {
            let names = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
            try ArgumentChecks.check(Array(CommandLine.arguments.dropFirst()), subcommands: names)
            var command = try parseAsRoot()
            try command.run()
        } catch let error as TerminalUnavailableError {
            FileHandle.standardError.write(Data("\(error.message)\n".utf8))
            Foundation.exit(1)
        } catch let error as InputError {
            FileHandle.standardError.write(Data("iia-explorer: \(error)\n".utf8))
            Foundation.exit(2)
        } catch let error as FileError {
            FileHandle.standardError.write(Data("iia-explorer: \(error)\n".utf8))
            Foundation.exit(1)
        } catch let error as NSError where isFoundationError(error) {
            FileHandle.standardError.write(Data("iia-explorer: \(FileError.line(for: error))\n".utf8))
            Foundation.exit(1)
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

    /// Whether `error` comes from Foundation (file and POSIX errors), not from the parser.
    static func isFoundationError(_ error: NSError) -> Bool {
        [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(error.domain)
    }
}
