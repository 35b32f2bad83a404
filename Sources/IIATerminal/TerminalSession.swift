#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@preconcurrency import CNcursesw
import IIAApp
import IIACharts

/// The interactive terminal: checks that there is one, starts curses, drives a
/// ``TerminalProgram`` (keys, resizes, background work, drawing) and restores the terminal
/// on every way out.
///
/// Ctrl-Z, `kill -TSTP` and `kill -CONT` suspend and resume it as in other curses tools (see
/// ``JobControl``); every fatal signal restores the terminal first (see ``FatalSignals``).
///
/// Use it from the main thread only; curses is never called from any other thread.
///
/// ```swift
/// let session = try TerminalSession(ascii: false, noColor: false)
/// var program = MyProgram(capabilities: session.capabilities)
/// session.run(&program)
/// session.end()
/// ```
/// or, in one call, ``TerminalSession/run(ascii:noColor:theme:makeProgram:)``.
public final class TerminalSession {
    /// What this terminal can show, decided from the locale, TERM, `NO_COLOR` and the flags.
    public let capabilities: DisplayCapabilities

    private var screen: OpaquePointer?
    private let renderer: CellBufferRenderer
    /// Cancels the running program's background work (set while ``run(_:)`` runs).
    private var cancelWork: () -> Void = {}
    /// The size in the program's last `.resize` event.
    private var deliveredSize = (width: -1, height: -1)
    /// Decodes keys, reading escape sequences whole (see ``KeyReader``).
    private var keyReader: KeyReader

    /// Checks the preconditions, installs the restore handlers and starts curses
    /// (alternate screen, raw mode, no echo, hidden cursor, 25 ms Esc delay). Curses' keypad mode
    /// stays off: ``KeyReader`` decodes escape sequences itself.
    ///
    /// - Parameters:
    ///   - ascii: draw with ASCII only (`--ascii`); also chosen automatically when the locale is not UTF-8.
    ///   - noColor: no colours (`--no-color`); also chosen when `NO_COLOR` is set or the terminal has none.
    ///   - mouse: ask the terminal for mouse reports (xterm SGR 1006; `--no-mouse` turns it off).
    ///   - theme: the terminal's background (`--theme`), which the colours are chosen for.
    /// - Throws: ``TerminalUnavailableError`` when stdin or stdout is not a terminal, or TERM is unset,
    ///   `dumb` or unknown. Nothing has been drawn then.
    public init(ascii: Bool = false, noColor: Bool = false, mouse: Bool = false, theme: ThemeVariant = .dark) throws {
        try Self.checkStreams()
        let term = try Self.checkTerm()

        setlocale(LC_ALL, "")
        let utf8 = Self.localeIsUTF8()
        TerminalRestorer.installHandlers()

        guard let screen = newterm(nil, stdout, stdin) else {
            throw TerminalUnavailableError(reason: "TERM=\(term) is not a terminal type this system knows")
        }
        set_term(screen)
        self.screen = screen
        TerminalRestorer.cursesDidStart()

        raw()
        noecho()
        nonl()
        keypad(stdscr, false)
        nodelay(stdscr, true)
        leaveok(stdscr, true)
        curs_set(0)
        set_escdelay(25)
        keyReader = KeyReader()
        if mouse { TerminalRestorer.enableMouseReporting() }

        var colorMode = DisplayCapabilities.ColorMode.none
        var hasDefaultColors = false
        let noColorRequested = noColor || getenv("NO_COLOR") != nil
        if !noColorRequested, has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == OK
            if COLORS >= 256 {
                colorMode = .palette256
            } else if COLORS >= 8 {
                colorMode = .basic8
            }
        }
        capabilities = DisplayCapabilities(ascii: ascii || !utf8, colorMode: colorMode, theme: theme)
        renderer = CellBufferRenderer(capabilities: capabilities, hasDefaultColors: hasDefaultColors)
    }

    deinit {
        end()
    }

    /// Drives `program` until it is finished: sends the initial `.resize`, draws its view, then
    /// delivers keys, resizes and background-work reports, redrawing after each batch.
    /// Carries out the command of every update: work starts on a worker thread (cancelling the
    /// running work), `.quit` ends the loop.
    public func run<Program: TerminalProgram>(_ program: inout Program) {
        guard screen != nil else { return }
        var loop = RunLoopState(worker: BackgroundWorker<Program.Message>())
        cancelWork = { [worker = loop.worker] in worker.cancel() }
        defer {
            loop.worker.cancel()
            cancelWork = {}
        }
        deliverScreenSize(to: &program, &loop)
        renderer.invalidate()
        renderer.draw(program.view())

        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: loop.worker.reports.wakeReadDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: JobControl.resumeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        while !loop.finished {
            for index in descriptors.indices { descriptors[index].revents = 0 }
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 && errno != EINTR { break }
            // First: after a stop, curses is re-entered before anything else touches the screen.
            if descriptors[2].revents != 0 || ready < 0 {
                resumeIfContinued(&program, &loop)
            }
            // Also after EINTR: a SIGWINCH interrupts poll, and curses then reports KEY_RESIZE.
            if ready < 0 || descriptors[0].revents != 0 {
                if (descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL)) != 0
                    && (descriptors[0].revents & Int16(POLLIN)) == 0
                {
                    break  // The terminal went away.
                }
                readPendingInput(into: &program, &loop)
            }
            if descriptors[1].revents != 0 && !loop.finished {
                for message in loop.worker.takeReports() where !loop.finished {
                    deliver(.message(message), to: &program, &loop)
                }
            }
            if !loop.finished {
                renderer.draw(program.view())
            }
        }
    }

    /// Cancels background work and restores the terminal (leaves the alternate screen, shows the
    /// cursor, restores the tty modes). Idempotent; also done by `deinit` and on exit or signals.
    public func end() {
        cancelWork()
        guard let screen else { return }
        self.screen = nil
        let wasActive = TerminalRestorer.isCursesActive || TerminalRestorer.isCursesSuspended
        TerminalRestorer.restore()
        if wasActive { delscreen(screen) }
    }

    /// Starts a session, builds the program for its capabilities, runs it to the end and
    /// restores the terminal. Returns the finished program.
    ///
    /// - Throws: ``TerminalUnavailableError`` (print its ``TerminalUnavailableError/message`` and
    ///   exit non-zero), or whatever `makeProgram` throws (the terminal is restored first).
    @discardableResult
    public static func run<Program: TerminalProgram>(
        ascii: Bool = false, noColor: Bool = false, mouse: Bool = false, theme: ThemeVariant = .dark,
        makeProgram: (DisplayCapabilities) throws -> Program
    ) throws -> Program {
        let session = try TerminalSession(ascii: ascii, noColor: noColor, mouse: mouse, theme: theme)
        defer { session.end() }
        var program = try makeProgram(session.capabilities)
        session.run(&program)
        return program
    }

    /// Runs ``AdapterSelfTestProgram`` (for `iia-explorer tui-selftest` and end-to-end tests).
    public static func runSelfTest(ascii: Bool = false, noColor: Bool = false, mouse: Bool = false) throws {
        try run(ascii: ascii, noColor: noColor, mouse: mouse) { AdapterSelfTestProgram(capabilities: $0) }
    }

    // MARK: Private

    /// The run loop's own state: the worker for the program's background work, and whether
    /// the program asked to quit.
    private struct RunLoopState<Message: Sendable> {
        let worker: BackgroundWorker<Message>
        var finished = false
    }

    /// Delivers one input and carries out the command the program returns.
    private func deliver<Program: TerminalProgram>(
        _ input: ProgramInput<Program.Message>, to program: inout Program, _ loop: inout RunLoopState<Program.Message>
    ) {
        switch program.update(input) {
        case .none: break
        case .startWork(let work): loop.worker.start(work)
        case .cancelWork: loop.worker.cancel()
        case .quit: loop.finished = true
        }
    }

    /// After SIGCONT (see ``JobControl``): re-enters curses if it was left for a stop, adopts the
    /// terminal's size if it changed meanwhile, and makes the next draw repaint every cell, since
    /// the shell (or anything else) has drawn over the screen.
    private func resumeIfContinued<Program: TerminalProgram>(_ program: inout Program, _ loop: inout RunLoopState<Program.Message>) {
        guard JobControl.takeResume() else { return }
        _ = TerminalRestorer.resumeAfterSuspend()
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0,
            Int32(size.ws_row) != getmaxy(stdscr) || Int32(size.ws_col) != getmaxx(stdscr)
        {
            resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        }
        // Curses may have taken the new size already (a SIGWINCH while stopped) and queued its
        // KEY_RESIZE where no poll sees it: compare with what the program was last told.
        if deliveredSize != (Int(getmaxx(stdscr)), Int(getmaxy(stdscr))) {
            deliverScreenSize(to: &program, &loop)
        }
        clearok(curscr, true)
        renderer.invalidate()
    }

    /// Tells the program the screen's current size.
    private func deliverScreenSize<Program: TerminalProgram>(to program: inout Program, _ loop: inout RunLoopState<Program.Message>) {
        deliveredSize = (Int(getmaxx(stdscr)), Int(getmaxy(stdscr)))
        deliver(.resize(width: deliveredSize.width, height: deliveredSize.height), to: &program, &loop)
    }

    /// Reads every pending key and delivers them in order; an escape sequence that has begun is
    /// read to its end (waiting at most the escape delay for each further byte).
    private func readPendingInput<Program: TerminalProgram>(into program: inout Program, _ loop: inout RunLoopState<Program.Message>) {
        while !loop.finished, let inputs = keyReader.next() {
            for input in inputs where !loop.finished {
                switch input {
                case .key(let key):
                    deliver(.key(key), to: &program, &loop)
                case .mouse(let event):
                    if TerminalRestorer.isMouseReporting { deliver(.mouse(event), to: &program, &loop) }
                case .suspend:
                    JobControl.suspendFromKeyboard()
                case .resize:
                    renderer.invalidate()
                    deliverScreenSize(to: &program, &loop)
                }
            }
        }
    }

    private static func checkStreams() throws {
        if isatty(STDIN_FILENO) == 0 {
            throw TerminalUnavailableError(reason: "stdin is not a terminal")
        }
        if isatty(STDOUT_FILENO) == 0 {
            throw TerminalUnavailableError(reason: "stdout is not a terminal")
        }
    }

    private static func checkTerm() throws -> String {
        guard let value = getenv("TERM"), case let term = String(cString: value), !term.isEmpty else {
            throw TerminalUnavailableError(reason: "TERM is not set")
        }
        if term == "dumb" {
            throw TerminalUnavailableError(reason: "TERM=dumb cannot show it")
        }
        return term
    }

    private static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased().filter { $0 != "-" && $0 != "_" }
        return name == "UTF8"
    }
}
