import Foundation
import Testing

/// The explorer's `s` key when its screenshot folder cannot be written: the status line says
/// which path and why in one human line (no Foundation error dump), and nothing is left behind.
@Suite(.serialized)
struct ScreenshotFailureTests {
    @Test("s with an unwritable --screenshot-dir reports the path and the reason on the status line")
    func unwritableFolder() throws {
        let binary = try ExplorerBinary.path()
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file").path
        try "x".write(toFile: blocker, atomically: false, encoding: .utf8)
        for (directory, reason) in [(blocker + "/shots", "not a directory"), ("/proc/iia-shots", "no such file")] {
            let command = "exec \(TerminalEndToEndTests.environment) \(shellQuote(binary)) --screenshot-dir \(shellQuote(directory))"
            let tmux = try TmuxSession(command: command, width: 160, height: 40)
            defer { tmux.close() }
            #expect(try tmux.waitFor("algorithm").satisfied)
            try tmux.sendKeys("s")
            let shown = try tmux.waitFor("screenshot failed")
            #expect(shown.satisfied, "no failure shown:\n\(shown.screen)")
            let line = shown.screen.split(separator: "\n").first { $0.contains("screenshot failed") }.map(String.init) ?? ""
            #expect(line.contains("cannot create folder"), "\(line)")
            #expect(line.contains(reason), "\(line)")
            #expect(!shown.screen.contains("Error Domain"), "\(shown.screen)")
            try tmux.sendKeys("q")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["file"])
    }
}
