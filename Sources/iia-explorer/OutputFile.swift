import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes an output file whole or not at all, never replacing an existing file unless forced,
/// and with --force replacing only a regular file (never a link, FIFO, device or folder).
enum OutputFile {
    /// Refuses `path` unless it is free, or (with `force`) a regular file, in an existing folder.
    static func checkTarget(_ path: String, force: Bool, option: String) throws {
        let kind = PathKind(path)
        switch kind {
        case .missing: break
        case .regularFile:
            if !force { throw InputError(option: option, allowed: "a file that does not exist yet (or pass --force)", got: path) }
        case .folder:
            throw InputError(option: option, allowed: "a file path, not a folder", got: path)
        case .unreachable(let code):
            throw FileError("write", path, errno: code)
        default:
            throw InputError(option: option, allowed: "a new path or (with --force) a regular file, not \(kind.name)", got: path)
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard FileSystem.isFolder(folder.isEmpty ? "." : folder) else {
            throw InputError(option: option, allowed: "a path in an existing folder", got: path)
        }
    }

    /// The temporary name next to `path` that a write goes through.
    static func temporaryPath(for path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).\(getpid()).partial"
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// Writes `contents` to `path` through a temporary file in the same folder and a rename.
    static func write(_ contents: String, to path: String, force: Bool, option: String = "--output") throws {
        try checkTarget(path, force: force, option: option)
        let temporary = temporaryPath(for: path)
        try FileSystem.writeNewFile(contents, to: temporary, reportedPath: path)
        if let code = FileSystem.moveIntoPlace(temporary, to: path, replace: force) {
            if code == EEXIST {
                let allowed = force
                    ? "a new path or a regular file (something else took its place while writing)"
                    : "a file that does not exist yet (one appeared while writing)"
                throw InputError(option: option, allowed: allowed, got: path)
            }
            throw FileError("write", path, errno: code)
        }
    }
}
