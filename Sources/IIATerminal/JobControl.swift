#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Whether our SIGTSTP handler is installed (job control available).
private let suspendHandlerInstalled = Atomic<Bool>(false)
/// The self-pipe written on SIGCONT; the run loop polls its read end (-1 until installed).
nonisolated(unsafe) private var resumeReadDescriptor: Int32 = -1
nonisolated(unsafe) private var resumeWriteDescriptor: Int32 = -1
/// Our SIGTSTP action, kept to reinstall it after the stop (preallocated for the handler).
nonisolated(unsafe) private var suspendAction: UnsafeMutablePointer<sigaction>?

/// Suspending and resuming the curses session, as other curses tools do.
///
/// - SIGTSTP (from `kill -TSTP`, or sent by ``suspendFromKeyboard()`` for Ctrl-Z, which raw mode
///   delivers as byte 26 instead of a signal): the handler leaves curses (`endwin`: normal screen,
///   cursor shown, tty modes restored), then stops the process with SIGTSTP's default action.
/// - SIGCONT (`fg`, `kill -CONT`, also after SIGSTOP): the handler writes one byte to a self-pipe;
///   the run loop then re-enters curses, takes the terminal's current size (it may have changed
///   while stopped) and repaints every cell, since the shell has drawn over the screen.
///
/// When SIGTSTP was inherited as "ignored" there is no job control (the convention shells follow):
/// no handler is installed and Ctrl-Z does nothing.
enum JobControl {
    /// The signals handled here.
    static let handled: [Int32] = [SIGTSTP, SIGCONT]

    /// Installs the SIGTSTP and SIGCONT handlers and the resume pipe. Call once, before curses
    /// starts (curses then keeps its own SIGTSTP handler out).
    static func install() {
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            for descriptor in descriptors {
                _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            }
            resumeReadDescriptor = descriptors[0]
            resumeWriteDescriptor = descriptors[1]
        }

        var continueAction = sigaction()
        continueAction.__sigaction_handler.sa_handler = continueSignalHandler
        sigemptyset(&continueAction.sa_mask)
        continueAction.sa_flags = SA_RESTART
        sigaction(SIGCONT, &continueAction, nil)

        var current = sigaction()
        sigaction(SIGTSTP, nil, &current)
        guard !signalActionIsIgnore(current) else { return }
        let action = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
        action.initialize(to: sigaction())
        action.pointee.__sigaction_handler.sa_handler = suspendSignalHandler
        sigemptyset(&action.pointee.sa_mask)
        action.pointee.sa_flags = SA_RESTART
        suspendAction = action
        sigaction(SIGTSTP, action, nil)
        suspendHandlerInstalled.store(true, ordering: .sequentiallyConsistent)
    }

    /// The read end of the resume pipe, readable after every SIGCONT (-1 if there is none).
    static var resumeDescriptor: Int32 { resumeReadDescriptor }

    /// Empties the resume pipe; returns whether a SIGCONT arrived since the last call.
    static func takeResume() -> Bool {
        guard resumeReadDescriptor >= 0 else { return false }
        var scratch = [UInt8](repeating: 0, count: 64)
        var resumed = false
        while read(resumeReadDescriptor, &scratch, scratch.count) > 0 { resumed = true }
        return resumed
    }

    /// Ctrl-Z: sends SIGTSTP to our process group, as the terminal would in cooked mode (so a
    /// wrapper shell in the same job stops too). Does nothing without job control.
    static func suspendFromKeyboard() {
        guard suspendHandlerInstalled.load(ordering: .sequentiallyConsistent) else { return }
        kill(0, SIGTSTP)
    }

    /// Signals that must reach the main thread (where curses runs): worker threads block them.
    static func blockAsynchronousSignalsInThisThread() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in FatalSignals.requestSignals + handled + [SIGWINCH] {
            sigaddset(&set, signal)
        }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }
}

private func suspendSignalHandler(_ signal: Int32) {
    let savedErrno = errno
    TerminalRestorer.suspend()
    // Stop with the default action; execution continues here after SIGCONT.
    resetToDefaultAction(SIGTSTP)
    unblockSignal(SIGTSTP)
    raise(SIGTSTP)
    if let action = suspendAction {
        sigaction(SIGTSTP, action, nil)
    }
    // Also when the stop was discarded (an orphaned process group has no shell to resume it),
    // the run loop must come back to curses.
    requestResume()
    errno = savedErrno
}

private func continueSignalHandler(_ signal: Int32) {
    let savedErrno = errno
    requestResume()
    errno = savedErrno
}

/// Wakes the run loop to re-enter curses and repaint (async-signal-safe).
private func requestResume() {
    var byte: UInt8 = 1
    if resumeWriteDescriptor >= 0 {
        _ = write(resumeWriteDescriptor, &byte, 1)
    }
}
