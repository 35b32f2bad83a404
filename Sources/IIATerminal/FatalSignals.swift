#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The handler that was installed before ours, per signal number (preallocated: signal handlers
/// must not allocate).
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?
private let signalSlots = 65
/// Two descriptors for the pipe that answers the backtracer's prompt (preallocated as well).
nonisolated(unsafe) private var promptPipe: UnsafeMutablePointer<Int32>?

/// Every signal that ends the process restores the terminal first, then ends the process promptly
/// with that signal's default action (so the parent sees "killed by SIGxxx", status 128 + n in a shell).
///
/// Two kinds are told apart:
/// - A *request to end*: SIGTERM, SIGHUP, SIGINT and SIGQUIT always, and SIGSEGV, SIGBUS, SIGILL,
///   SIGTRAP, SIGABRT, SIGFPE when another process sent them (`kill`: `si_code` ≤ 0 and a sender
///   other than us). Nothing went wrong inside, so there is no backtrace: one line
///   "iia-explorer: ended by signal SIGSEGV" on standard error, then the default action.
/// - A *crash*: one of the six crash signals raised by a fault or by this process itself
///   (a Swift runtime trap such as `fatalError`, or `abort()`). The previous handler — the Swift
///   runtime's backtracer — still prints its backtrace on the restored screen. Users run without
///   `SWIFT_BACKTRACE`, and the runtime decides at start-up that on a terminal its backtracer is
///   interactive: after the backtrace it would wait 30 s for a key, and if it returned for a signal
///   that was not a fault the app would resume with the terminal half restored. So standard input
///   is first replaced by a pipe holding one newline, which the backtracer reads at once as "any
///   other key to quit"; and when the previous handler returns, the default action ends the process,
///   so it can never resume.
///
/// Handlers are installed only where the inherited action is not "ignore" for the request signals
/// (`nohup`), and always for the crash signals.
enum FatalSignals {
    /// Signals that only ever mean "end now".
    static let requestSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    /// Signals of a crash when raised inside the process.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    /// All signals handled here.
    static var handled: [Int32] { requestSignals + crashSignals }

    /// Installs the handlers, remembering the previous ones (the Swift runtime's for the crash
    /// signals and SIGQUIT). Call once, before curses starts.
    static func install() {
        let slots = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        slots.initialize(repeating: sigaction(), count: signalSlots)
        previousActions = slots
        let pipeEnds = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        pipeEnds.initialize(repeating: -1, count: 2)
        promptPipe = pipeEnds

        for signal in handled {
            var current = sigaction()
            sigaction(signal, nil, &current)
            if requestSignals.contains(signal) && signalActionIsIgnore(current) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = fatalSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(signal, &action, &slots[Int(signal)])
        }
    }

    fileprivate static func previousAction(_ signal: Int32) -> sigaction {
        guard let slots = previousActions, signal > 0, Int(signal) < signalSlots else { return sigaction() }
        return slots[Int(signal)]
    }
}

private func fatalSignalHandler(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
    TerminalRestorer.restore()
    if isCrashSignal(signal) && !sentByAnotherProcess(info) {
        answerBacktracerPrompt()
        chainToPreviousHandler(signal, info, context)
    } else {
        writeEndedBySignal(signal)
    }
    endWithDefaultAction(signal)
}

/// A switch rather than the array: nothing in a handler may allocate or take a lock.
private func isCrashSignal(_ signal: Int32) -> Bool {
    switch signal {
    case SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE: return true
    default: return false
    }
}

/// `kill`, `sigqueue` and `tgkill` give `si_code` ≤ 0 (SI_USER, SI_QUEUE, SI_TKILL, …); a fault
/// gives a positive code. `abort()` and `raise()` use `tgkill` too, so our own pid counts as a crash.
private func sentByAnotherProcess(_ info: UnsafeMutablePointer<siginfo_t>?) -> Bool {
    guard let info else { return false }
    return info.pointee.si_code <= 0 && info.pointee._sifields._kill.si_pid != getpid()
}

/// Replaces standard input with a pipe holding one newline, so the backtracer's
/// "Press space to interact, D to debug, or any other key to quit" ends at once.
private func answerBacktracerPrompt() {
    guard let ends = promptPipe, pipe(ends) == 0 else { return }
    var newline: UInt8 = 10
    _ = write(ends[1], &newline, 1)
    close(ends[1])
    if ends[0] != STDIN_FILENO {
        _ = dup2(ends[0], STDIN_FILENO)
        close(ends[0])
    }
}

private func chainToPreviousHandler(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
    var previous = FatalSignals.previousAction(signal)
    sigaction(signal, &previous, nil)
    if (previous.sa_flags & SA_SIGINFO) != 0, let handler = previous.__sigaction_handler.sa_sigaction {
        handler(signal, info, context)
    } else if !signalActionIsDefault(previous) && !signalActionIsIgnore(previous) {
        previous.__sigaction_handler.sa_handler?(signal)
    }
}

/// Ends the process with `signal`'s default action; never returns.
private func endWithDefaultAction(_ signal: Int32) -> Never {
    resetToDefaultAction(signal)
    unblockSignal(signal)
    raise(signal)
    _exit(128 + signal)  // Not reached: every handled signal's default action ends the process.
}

private func writeEndedBySignal(_ signal: Int32) {
    writeStatic("iia-explorer: ended by signal ")
    writeStatic(signalName(signal))
    writeStatic("\n")
}

private func writeStatic(_ text: StaticString) {
    _ = write(STDERR_FILENO, text.utf8Start, text.utf8CodeUnitCount)
}

private func signalName(_ signal: Int32) -> StaticString {
    switch signal {
    case SIGTERM: return "SIGTERM"
    case SIGHUP: return "SIGHUP"
    case SIGINT: return "SIGINT"
    case SIGQUIT: return "SIGQUIT"
    case SIGSEGV: return "SIGSEGV"
    case SIGBUS: return "SIGBUS"
    case SIGILL: return "SIGILL"
    case SIGTRAP: return "SIGTRAP"
    case SIGABRT: return "SIGABRT"
    case SIGFPE: return "SIGFPE"
    default: return "(unknown)"
    }
}
