#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
@preconcurrency import CNcursesw

/// True while curses owns the screen; cleared by whoever restores it first.
private let cursesActive = Atomic<Bool>(false)
/// True while curses was left for a job-control stop and has not been re-entered yet.
private let cursesSuspended = Atomic<Bool>(false)
/// True while standard error is redirected into ``TerminalRestorer``'s capture file.
private let stderrCaptured = Atomic<Bool>(false)
/// Set once the handlers are installed (they stay for the life of the process).
private let handlersInstalled = Atomic<Bool>(false)
/// Whether the session asked for mouse reports (kept across a job-control stop).
private let mouseWanted = Atomic<Bool>(false)
/// Whether the terminal is sending mouse reports now; cleared by whoever turns them off first.
private let mouseReporting = Atomic<Bool>(false)

/// File descriptors of the stderr capture; written on the main thread before
/// `stderrCaptured` is set, read only by the single caller that clears it.
nonisolated(unsafe) private var capturedStderrFile: Int32 = -1
nonisolated(unsafe) private var savedStderr: Int32 = -1
/// Scratch space for copying the capture back (preallocated: signal handlers must not allocate).
nonisolated(unsafe) private var copyBuffer: UnsafeMutableRawPointer?
private let copyBufferSize = 4096

/// Puts the terminal back the way the shell expects it on every way out of the process:
/// normal exit, `exit()`, fatal signals and crashes (see ``FatalSignals``), and for the
/// length of a job-control stop (see ``JobControl``).
///
/// Curses leaves the alternate screen, shows the cursor and restores the tty modes (`endwin`);
/// anything written to standard error while curses was active is then replayed on the normal screen,
/// so a crash message stays visible above the backtrace.
enum TerminalRestorer {
    /// Installs the signal handlers and the `atexit` hook; call before curses starts (curses then
    /// leaves these signals alone). Idempotent.
    static func installHandlers() {
        guard !handlersInstalled.exchange(true, ordering: .sequentiallyConsistent) else { return }
        copyBuffer = UnsafeMutableRawPointer.allocate(byteCount: copyBufferSize, alignment: 8)
        FatalSignals.install()
        JobControl.install()
        atexit { TerminalRestorer.restore() }

        // A parent may have started us with these blocked (a mask is inherited across exec, and
        // many runtimes' worker threads block everything): unblock them, or SIGTERM would be
        // ignored and SIGWINCH would never report a resize.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in FatalSignals.handled + JobControl.handled + [SIGWINCH] {
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
        mouseWanted.store(false, ordering: .sequentiallyConsistent)
        disableMouseReporting()
        if cursesActive.exchange(false, ordering: .sequentiallyConsistent) {
            endwin()
        }
        stopCapturingStderr()
    }

    /// Leaves curses for a job-control stop (like ``restore()``, but remembers to come back).
    /// Async-signal-safe in the same sense as ``restore()``.
    static func suspend() {
        disableMouseReporting()
        if cursesActive.exchange(false, ordering: .sequentiallyConsistent) {
            cursesSuspended.store(true, ordering: .sequentiallyConsistent)
            endwin()
        }
        stopCapturingStderr()
    }

    /// After a stop: records that curses owns the screen again (the next refresh re-enters it) and
    /// captures standard error again. Returns whether curses had been suspended. Main thread only.
    static func resumeAfterSuspend() -> Bool {
        guard cursesSuspended.exchange(false, ordering: .sequentiallyConsistent) else { return false }
        cursesDidStart()
        if mouseWanted.load(ordering: .sequentiallyConsistent) { enableMouseReporting() }
        return true
    }

    // MARK: Mouse reporting

    /// Asks the terminal for mouse reports: clicks and releases (1000), drags (1002), in the SGR
    /// encoding (1006). Written straight to the terminal (curses' own mouse support picks the
    /// encoding from TERM: X10 under tmux). Every way out turns them off again.
    static func enableMouseReporting() {
        mouseWanted.store(true, ordering: .sequentiallyConsistent)
        guard !mouseReporting.exchange(true, ordering: .sequentiallyConsistent) else { return }
        writeToTerminal("\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h")
    }

    /// Turns mouse reports off (async-signal-safe: one write of a static string); safe to call
    /// more than once.
    static func disableMouseReporting() {
        guard mouseReporting.exchange(false, ordering: .sequentiallyConsistent) else { return }
        writeToTerminal("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l")
    }

    /// Whether the terminal was asked for mouse reports and not told to stop.
    static var isMouseReporting: Bool { mouseReporting.load(ordering: .sequentiallyConsistent) }

    private static func writeToTerminal(_ text: StaticString) {
        var offset = 0
        while offset < text.utf8CodeUnitCount {
            let written = write(STDOUT_FILENO, text.utf8Start + offset, text.utf8CodeUnitCount - offset)
            if written <= 0 { break }
            offset += written
        }
    }

    /// Whether curses is active (used to make ``TerminalSession/end()`` idempotent).
    static var isCursesActive: Bool { cursesActive.load(ordering: .sequentiallyConsistent) }

    /// Whether curses was started and is now left for a stop (so ``TerminalSession/end()`` must
    /// still release the screen).
    static var isCursesSuspended: Bool { cursesSuspended.load(ordering: .sequentiallyConsistent) }

    // MARK: Standard error capture

    private static func startCapturingStderr() {
        guard !stderrCaptured.load(ordering: .sequentiallyConsistent) else { return }
        var template = Array("/tmp/iia-explorer-stderr-XXXXXX".utf8CString)
        let file = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard file >= 0 else { return }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
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
}

/// Whether `action` is SIG_IGN (an inherited "ignore" that the user asked for, e.g. `nohup`).
func signalActionIsIgnore(_ action: sigaction) -> Bool {
    (action.sa_flags & SA_SIGINFO) == 0
        && unsafeBitCast(action.__sigaction_handler, to: Int.self) == 1  // SIG_IGN
}

/// Whether `action` is SIG_DFL.
func signalActionIsDefault(_ action: sigaction) -> Bool {
    (action.sa_flags & SA_SIGINFO) == 0
        && unsafeBitCast(action.__sigaction_handler, to: Int.self) == 0  // SIG_DFL
}

/// Sets `signal` to its default action (async-signal-safe).
func resetToDefaultAction(_ signal: Int32) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = nil  // SIG_DFL
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(signal, &action, nil)
}

/// Unblocks `signal` for the calling thread (async-signal-safe).
func unblockSignal(_ signal: Int32) {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
}
