#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
@preconcurrency import CNcursesw

/// True while curses owns the screen; cleared by whoever restores it first.
private let cursesActive = Atomic<Bool>(false)
/// True while standard error is redirected into ``TerminalRestorer``'s capture file.
private let stderrCaptured = Atomic<Bool>(false)
/// Set once the handlers are installed (they stay for the life of the process).
private let handlersInstalled = Atomic<Bool>(false)

/// File descriptors of the stderr capture; written on the main thread before
/// `stderrCaptured` is set, read only by the single caller that clears it.
nonisolated(unsafe) private var capturedStderrFile: Int32 = -1
nonisolated(unsafe) private var savedStderr: Int32 = -1
/// Scratch space for copying the capture back (preallocated: signal handlers must not allocate).
nonisolated(unsafe) private var copyBuffer: UnsafeMutableRawPointer?
private let copyBufferSize = 4096
/// The handler that was installed before ours, per signal number (preallocated for the same reason).
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?
private let signalSlots = 65

/// Signals that end the process: restore, then exit with 128 + signal.
private let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT]
/// Signals of a crash: restore, then chain to the previous handler (the Swift backtracer).
private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

/// Puts the terminal back the way the shell expects it on every way out of the process:
/// normal exit, `exit()`, SIGTERM/SIGHUP/SIGINT and crashes (fatalError, bad access, …).
///
/// Curses leaves the alternate screen, shows the cursor and restores the tty modes (`endwin`);
/// anything written to standard error while curses was active is then replayed on the normal screen,
/// so a crash message stays visible above the backtrace.
enum TerminalRestorer {
    /// Installs the signal handlers and the `atexit` hook; call before curses starts. Idempotent.
    static func installHandlers() {
        guard !handlersInstalled.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let slots = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        slots.initialize(repeating: sigaction(), count: signalSlots)
        previousActions = slots
        copyBuffer = UnsafeMutableRawPointer.allocate(byteCount: copyBufferSize, alignment: 8)

        for signal in terminationSignals {
            var current = sigaction()
            sigaction(signal, nil, &current)
            // Respect an inherited "ignore" (nohup): the user asked for this signal to do nothing.
            if handlerIsIgnore(current) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = terminationSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, &slots[Int(signal)])
        }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = crashSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(signal, &action, &slots[Int(signal)])
        }
        atexit { TerminalRestorer.restore() }

        // A parent may have started us with these blocked (a mask is inherited across exec, and
        // many runtimes' worker threads block everything): unblock them, or SIGTERM would be
        // ignored and SIGWINCH would never report a resize.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in terminationSignals + crashSignals + [SIGWINCH] {
            sigaddset(&unblock, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Records that curses now owns the screen and redirects standard error into a capture file.
    static func cursesDidStart() {
        startCapturingStderr()
        cursesActive.store(true, ordering: .sequentiallyConsistent)
    }

    /// Ends curses and replays captured standard error; safe to call more than once and from a
    /// signal handler (only the first caller does the work).
    static func restore() {
        if cursesActive.exchange(false, ordering: .sequentiallyConsistent) {
            endwin()
        }
        stopCapturingStderr()
    }

    /// Whether curses is active (used to make ``TerminalSession/end()`` idempotent).
    static var isCursesActive: Bool { cursesActive.load(ordering: .sequentiallyConsistent) }

    // MARK: Standard error capture

    private static func startCapturingStderr() {
        guard !stderrCaptured.load(ordering: .sequentiallyConsistent) else { return }
        var template = Array("/tmp/iia-explorer-stderr-XXXXXX".utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            close(file)
            if saved >= 0 { close(saved) }
            return
        }
        capturedStderrFile = file
        savedStderr = saved
        stderrCaptured.store(true, ordering: .sequentiallyConsistent)
    }

    /// Async-signal-safe: only dup2, lseek, read, write and close.
    private static func stopCapturingStderr() {
        guard stderrCaptured.exchange(false, ordering: .sequentiallyConsistent) else { return }
        let file = capturedStderrFile, saved = savedStderr
        _ = dup2(saved, STDERR_FILENO)
        close(saved)
        if let buffer = copyBuffer, lseek(file, 0, SEEK_SET) == 0 {
            while true {
                let count = read(file, buffer, copyBufferSize)
                if count <= 0 { break }
                var offset = 0
                while offset < count {
                    let written = write(STDERR_FILENO, buffer + offset, count - offset)
                    if written <= 0 { break }
                    offset += written
                }
                if offset < count { break }
            }
        }
        close(file)
    }

    // MARK: Chaining

    fileprivate static func previousAction(_ signal: Int32) -> sigaction {
        guard let slots = previousActions, signal > 0, Int(signal) < signalSlots else { return sigaction() }
        return slots[Int(signal)]
    }
}

private func handlerIsIgnore(_ action: sigaction) -> Bool {
    (action.sa_flags & SA_SIGINFO) == 0
        && unsafeBitCast(action.__sigaction_handler, to: Int.self) == 1  // SIG_IGN
}

private func terminationSignalHandler(_ signal: Int32) {
    TerminalRestorer.restore()
    _exit(128 + signal)
}

private func crashSignalHandler(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
    TerminalRestorer.restore()
    // Reinstall the previous handler, then hand the signal over so the Swift backtrace still prints.
    var previous = TerminalRestorer.previousAction(signal)
    sigaction(signal, &previous, nil)
    if (previous.sa_flags & SA_SIGINFO) != 0, let handler = previous.__sigaction_handler.sa_sigaction {
        handler(signal, info, context)
        return
    }
    switch unsafeBitCast(previous.__sigaction_handler, to: Int.self) {
    case 0:  // SIG_DFL: deliver again with the default action once this handler returns.
        raise(signal)
    case 1:  // SIG_IGN
        return
    default:
        previous.__sigaction_handler.sa_handler?(signal)
    }
}
