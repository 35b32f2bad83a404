import Foundation

/// Files the explorer writes next to its screenshots under the first free number:
/// `<directory>/<baseName>-001.txt` and `.svg`, `…-002.csv`, never replacing one that exists.
enum NumberedFiles {
    /// Writes `files` (extension and contents) as `<baseName>-NNN.<extension>` with the first
    /// number none of them uses, creating the folder as needed; returns the paths. A file that
    /// fails leaves none of the set behind.
    static func write(_ files: [(extension: String, contents: String)], directory: String, baseName: String) throws -> [String] {
        _ = try FileSystem.createFolders(directory)
        let manager = FileManager.default
        for number in 1...9999 {
            let stem = (directory as NSString).appendingPathComponent(String(format: "%@-%03d", baseName, number))
            let paths = files.map { stem + "." + $0.extension }
            if paths.contains(where: manager.fileExists(atPath:)) { continue }
            var written: [String] = []
            do {
                for (path, file) in zip(paths, files) {
                    try OutputFile.write(file.contents, to: path, force: false, option: "--screenshot-dir")
                    written.append(path)
                }
            } catch {
                for path in written { unlink(path) }
                throw error
            }
            return paths
        }
        throw FileError("write", directory, reason: "no free file name (\(baseName)-001 to -9999 are taken)")
    }

    /// The status line's reason for a failed write: the error's own one line.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as FileError: return error.description
        case let error as InputError: return error.description
        default: return FileError.line(for: error)
        }
    }
}
