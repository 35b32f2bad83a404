import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file or folder that could not be written: one line naming the path and the reason, e.g.
/// "cannot write /proc/x.svg: permission denied".
struct FileError: Error, CustomStringConvertible {
    /// What failed: "write", "create folder", ...
    var action: String
    var path: String
    /// The system's reason in lower case, e.g. "no space left on device".
    var reason: String
    /// Anything the user needs to know about what was (not) written.
    var note: String?

    init(_ action: String, _ path: String, reason: String, note: String? = nil) {
        self.action = action
        self.path = path
        self.reason = reason
        self.note = note
    }

    init(_ action: String, _ path: String, errno code: Int32, note: String? = nil) {
        self.init(action, path, reason: Self.reason(code), note: note)
    }

    var description: String { "cannot \(action) \(path): \(reason)" + (note.map { " (\($0))" } ?? "") }

    /// The system's message for an errno value, in lower case.
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    /// A Foundation or other error as one line: the path and POSIX reason when it has them.
    static func line(for error: Error) -> String {
        let nsError = error as NSError
        let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        let path = nsError.userInfo[NSFilePathErrorKey] as? String ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        var code: Int32?
        if nsError.domain == NSPOSIXErrorDomain { code = Int32(nsError.code) }
        if let underlying, underlying.domain == NSPOSIXErrorDomain { code = Int32(underlying.code) }
        let reason = code.map(reason) ?? nsError.localizedDescription.lowercased()
        if let path { return "cannot use \(path): \(reason)" }
        return reason.split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
}

/// What is at a path, without following a final symbolic link.
enum PathKind: Equatable {
    case missing, regularFile, folder, symbolicLink, fifo, characterDevice, blockDevice, socket
    /// lstat(2) failed for another reason than a missing name (errno).
    case unreachable(Int32)

    init(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            self = errno == ENOENT ? .missing : .unreachable(errno)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: self = .socket
        }
    }

    /// "a symbolic link", "a FIFO", ...
    var name: String {
        switch self {
        case .missing: return "missing"
        case .regularFile: return "a regular file"
        case .folder: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .fifo: return "a FIFO"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .unreachable(let code): return "unreachable (\(FileError.reason(code)))"
        }
    }
}

/// Plain POSIX file operations with errno-based errors.
enum FileSystem {
    /// Whether `path` is a folder (following symbolic links).
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Creates `path` and any missing parents; returns the folders it created, outermost first.
    static func createFolders(_ path: String) throws -> [String] {
        var created: [String] = []
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if isFolder(prefix) { continue }
            guard mkdir(prefix, 0o755) == 0 else {
                let code = errno
                removeFolders(created)
                // A file on the way: the folder cannot exist below it.
                if code == EEXIST && prefix.count < path.count { throw FileError("create folder", path, errno: ENOTDIR) }
                throw FileError("create folder", prefix, errno: code)
            }
            created.append(prefix)
        }
        return created
    }

    /// Removes the given folders, innermost first, where they are empty.
    static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }

    /// Writes `contents` into a new file at `path` (which must not exist) and flushes it to disk;
    /// removes the file again on failure. Throws a ``FileError`` naming `reportedPath`.
    static func writeNewFile(_ contents: String, to path: String, reportedPath: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw FileError("write", reportedPath, errno: errno) }
        var failure = writeAll(contents, to: descriptor)
        if failure == nil && fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS { failure = errno }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw FileError("write", reportedPath, errno: failure)
        }
    }

    /// Appends `contents` to the regular file at `path` (created when missing; a link, FIFO,
    /// device or folder there is refused). Throws a ``FileError`` naming `path`.
    static func append(_ contents: String, to path: String) throws {
        // Non-blocking, so that a FIFO at the name cannot hang the caller; only a regular file is written.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else { throw FileError("append to", path, errno: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw FileError("append to", path, reason: "not a regular file")
        }
        var failure = writeAll(contents, to: descriptor)
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if let failure { throw FileError("append to", path, errno: failure) }
    }

    /// Writes all of `contents` to an open file; returns errno on failure.
    private static func writeAll(_ contents: String, to descriptor: Int32) -> Int32? {
        var bytes = Array(contents.utf8)
        return bytes.withUnsafeMutableBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Moves the finished file `temporary` to `path`: replacing a regular file there when
    /// `replace`, otherwise only if the name is still free (link(2) never replaces).
    /// Returns errno on failure; `temporary` is gone either way.
    static func moveIntoPlace(_ temporary: String, to path: String, replace: Bool) -> Int32? {
        defer { unlink(temporary) }
        if replace {
            let kind = PathKind(path)
            guard kind == .missing || kind == .regularFile else { return EEXIST }
            return rename(temporary, path) == 0 ? nil : errno
        }
        if link(temporary, path) == 0 { return nil }
        let code = errno
        // File systems without hard links: rename after checking that the name is free.
        if code == EPERM || code == ENOTSUP || code == ENOSYS, PathKind(path) == .missing {
            return rename(temporary, path) == 0 ? nil : errno
        }
        return code
    }
}
