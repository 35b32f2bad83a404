import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Output files: --force replaces only a regular file, the gallery is written all or nothing,
/// and a file that cannot be written gets one line naming the path and the reason.
@Suite("Output files: what --force may replace, whole galleries, one-line file errors")
struct OutputSafetyTests {
    /// What is at `path` (lstat: a final symbolic link is not followed).
    static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    static func expectOneLine(_ outcome: ExplorerBinary.Outcome, _ phrases: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status != 0, sourceLocation: sourceLocation)
        let lines = outcome.standardError.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1, "\(outcome.standardError)", sourceLocation: sourceLocation)
        #expect(!outcome.standardError.contains("Error Domain"), "\(outcome.standardError)", sourceLocation: sourceLocation)
        for phrase in phrases {
            #expect(outcome.standardError.contains(phrase), "\(outcome.standardError) lacks \(phrase)", sourceLocation: sourceLocation)
        }
    }

    @Test("--force refuses a FIFO, a symbolic link, a folder and a device node, and leaves each as it was")
    func forceOnlyOverRegularFiles() throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let target = folder.appendingPathComponent("target.txt").path
        try "keep me\n".write(toFile: target, atomically: false, encoding: .utf8)
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let dangling = folder.appendingPathComponent("dangling.txt").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder.appendingPathComponent("none").path)
        let sub = folder.appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
        var cases: [(String, mode_t, String)] = [
            (fifo, S_IFIFO, "FIFO"), (link, S_IFLNK, "symbolic link"), (dangling, S_IFLNK, "symbolic link"), (sub, S_IFDIR, "folder"),
        ]
        // A device node (a second /dev/null) where the system lets us make one (as root).
        let device = folder.appendingPathComponent("null").path
        if mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 { cases.append((device, S_IFCHR, "character device")) }
        for (path, type, name) in cases {
            for force in [true, false] {
                let outcome = try ExplorerBinary.run(["snapshot", "--chart", "boundary", "--output", path] + (force ? ["--force"] : []))
                Self.expectOneLine(outcome, ["--output", name])
                #expect(Self.fileType(path) == type, "\(path) was replaced (force: \(force))")
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == (["dangling.txt", "link.txt", "pipe", "sub", "target.txt"] + (cases.count == 5 ? ["null"] : [])).sorted())
        let forced = try ExplorerBinary.run(["snapshot", "--chart", "boundary", "--output", target, "--force"])
        #expect(forced.status == 0 && Self.fileType(target) == S_IFREG)
        #expect(try String(contentsOfFile: target, encoding: .utf8) != "keep me\n")
    }

    @Test("/dev/null without --force is refused as an existing path, and stays a device")
    func deviceWithoutForce() throws {
        let outcome = try ExplorerBinary.run(["snapshot", "--chart", "boundary", "--output", "/dev/null"])
        Self.expectOneLine(outcome, ["--output", "/dev/null", "character device"])
        #expect(Self.fileType("/dev/null") == S_IFCHR)
    }

    @Test("paths that cannot be written get one line naming the path and the reason")
    func unwritablePaths() throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plain").path
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        Self.expectOneLine(try ExplorerBinary.run(["gallery", "--dir", "/proc/iia-gallery"]), ["cannot", "/proc/iia-gallery", "no such file"])
        Self.expectOneLine(try ExplorerBinary.run(["gallery", "--dir", file + "/shots"]), ["cannot", file, "not a directory"])
        Self.expectOneLine(try ExplorerBinary.run(["gallery", "--dir", file]), ["--dir", file])
        Self.expectOneLine(try ExplorerBinary.run(["snapshot", "--output", "/proc/iia-x.txt"]), ["cannot write /proc/iia-x.txt:"])
        Self.expectOneLine(try ExplorerBinary.run(["snapshot", "--output", file + "/x.txt"]), ["cannot write \(file)/x.txt: not a directory"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plain"])
    }

    /// The gallery's files in the order it writes them (svg, then txt, per shot; the figures svg only).
    static func galleryFiles() throws -> [(name: String, size: Int)] {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ExplorerBinary.run(["gallery", "--dir", "g"], in: folder)
        try #require(outcome.status == 0, "\(outcome.standardError)")
        let shots = outcome.standardOutput.split(separator: "\n").map { line in
            line.hasSuffix(" and .txt")
                ? (stem: String(line.dropFirst("wrote g/".count).dropLast(".svg and .txt".count)), exts: [".svg", ".txt"])
                : (stem: String(line.dropFirst("wrote g/".count).dropLast(".svg".count)), exts: [".svg"])
        }
        return try shots.flatMap { stem, exts in
            try exts.map { ext in
                let path = folder.appendingPathComponent("g/" + stem + ext).path
                return (stem + ext, (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            }
        }
    }

    /// The binary run under prlimit(1) with a file-size limit (writes past it fail with EFBIG).
    static func runLimited(fileSize: Int, _ arguments: [String], in folder: URL) throws -> ExplorerBinary.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--fsize=\(fileSize)", ExplorerBinary.url.path] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ExplorerBinary.Outcome(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    @Test("gallery on a 'full disk' (a file-size limit) leaves no partial set and says which file failed")
    func galleryAllOrNothing() throws {
        let files = try Self.galleryFiles()
        // The first file bigger than every earlier one: with the limit at the largest earlier
        // size, some files fit and a later one does not.
        let index = try #require(files.indices.dropFirst(2).first { i in files[i].size > files[..<i].map(\.size).max()! })
        let limit = files[..<index].map(\.size).max()!
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.runLimited(fileSize: limit, ["gallery", "--dir", "g"], in: folder)
        Self.expectOneLine(outcome, ["cannot write g/\(files[index].name)", "too large", "no screenshot was written"])
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("g").path)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test("gallery refuses before writing anything when a screenshot exists (without --force); with --force replaces all")
    func galleryExisting() throws {
        let folder = try ExplorerBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.galleryFiles()
        let last = try #require(files.last?.name)
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("g").path, withIntermediateDirectories: false)
        try "old\n".write(toFile: folder.appendingPathComponent("g/" + last).path, atomically: false, encoding: .utf8)
        Self.expectOneLine(try ExplorerBinary.run(["gallery", "--dir", "g"], in: folder), ["--dir", last])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("g").path) == [last])
        let forced = try ExplorerBinary.run(["gallery", "--dir", "g", "--force"], in: folder)
        #expect(forced.status == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("g").path)
        #expect(Set(written) == Set(files.map(\.name)))
    }
}
