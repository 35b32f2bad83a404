import Foundation

/// Writes an output file whole or not at all, never replacing an existing file unless forced.
enum OutputFile {
    /// Writes `contents` to `path` through a temporary file in the same folder and a rename.
    static func write(_ contents: String, to path: String, force: Bool, option: String = "--output") throws {
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw InputError(option: option, allowed: "a file path, not a folder", got: path) }
            if !force { throw InputError(option: option, allowed: "a file that does not exist yet (or pass --force)", got: path) }
        }
        let folder = url.deletingLastPathComponent()
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(option: option, allowed: "a path in an existing folder", got: path)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        do {
            try Data(contents.utf8).write(to: temporary)
        } catch {
            try? manager.removeItem(at: temporary)
            throw InputError(option: option, allowed: "a writable path (\(error.localizedDescription))", got: path)
        }
        // rename(2) replaces atomically (--force); link(2) fails if the name exists, so a file
        // created meanwhile is never replaced either.
        let moved = force ? rename(temporary.path, path) == 0 : link(temporary.path, path) == 0
        let reason = String(cString: strerror(errno))
        unlink(temporary.path)
        if !moved {
            throw InputError(option: option, allowed: "a writable path that does not exist yet (\(reason))", got: path)
        }
    }
}
