#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IIAApp
import IIACharts

/// A tiny ``TerminalProgram`` that exercises the terminal adapter: it shows the terminal size,
/// the last key pressed and the progress of background work.
///
/// Keys: `q`, Esc or Ctrl-C quit; `w` starts background work that reports 1…10 every 50 ms;
/// `c` crashes on purpose (fatalError) to check that the terminal is restored on a crash.
/// Reachable as the hidden `iia-explorer tui-selftest` command.
public struct AdapterSelfTestProgram: TerminalProgram {
    /// One report of the background work: its generation and the counter it reached.
    public struct Tick: Hashable, Sendable {
        public var generation: Int
        public var counter: Int
    }


    /// What the adapter decided the terminal can show.
    public let capabilities: DisplayCapabilities
    /// Size from the last resize event.
    public private(set) var width = 0
    public private(set) var height = 0
    /// Description of the last key, "none" before the first.
    public private(set) var lastKey = "none"
    /// Number of resize events received.
    public private(set) var resizeCount = 0
    /// Generation of the newest work, and the last counter value it reported.
    public private(set) var workGeneration = 0
    public private(set) var workProgress: Int?

    /// Creates the program for a terminal with `capabilities`.
    public init(capabilities: DisplayCapabilities) {
        self.capabilities = capabilities
    }

    public mutating func update(_ input: ProgramInput<Tick>) -> TerminalCommand<Tick> {
        switch input {
        case .resize(let width, let height):
            self.width = width
            self.height = height
            resizeCount += 1
        case .key(let key):
            lastKey = Self.describe(key)
            switch key {
            case .character("q"), .escape, .controlC:
                return .quit
            case .character("c"):
                fatalError("AdapterSelfTestProgram: deliberate crash (c pressed)")
            case .character("w"):
                workGeneration += 1
                workProgress = 0
                let generation = workGeneration
                return .startWork(BackgroundWork { isCancelled, report in
                    for counter in 1...10 {
                        usleep(50_000)
                        if isCancelled() { return }
                        report(Tick(generation: generation, counter: counter))
                    }
                })
            default:
                break
            }
        case .mouse(let event):
            lastKey = "mouse \(event.action.rawValue) \(event.x),\(event.y)"
        case .message(let tick):
            if tick.generation == workGeneration {
                workProgress = tick.counter
            }
        }
        return .none
    }

    public func view() -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let title = CellStyle(foreground: .palette(15), background: .palette(24), bold: true)
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", style: title))
        buffer.put(" IIA terminal self-test", x: 0, y: 0, style: title)
        buffer.put("size: \(width)x\(height)", x: 1, y: 2)
        buffer.put("last key: \(lastKey)", x: 1, y: 3, style: CellStyle(bold: true))
        let work: String
        if let workProgress {
            work = "work: \(workProgress)/10" + (workProgress == 10 ? " done" : "")
                + " (generation \(workGeneration))"
        } else {
            work = "work: idle"
        }
        buffer.put(work, x: 1, y: 4)
        let colors: String
        switch capabilities.colorMode {
        case .none: colors = "none"
        case .basic8: colors = "8"
        case .palette256: colors = "256"
        }
        buffer.put("display: \(capabilities.ascii ? "ascii" : "unicode"), colors \(colors)", x: 1, y: 5)
        let rule: Character = capabilities.ascii ? "-" : "─"
        buffer.put(String(repeating: rule, count: max(0, width - 2)), x: 1, y: 6, style: CellStyle(dim: true))
        let swatches: [UInt8] = [1, 2, 3, 4, 5, 6, 196, 46, 21, 226]
        for (index, color) in swatches.enumerated() {
            buffer.put("  ", x: 1 + 3 * index, y: 7, style: CellStyle(background: .palette(color)))
        }
        buffer.put("reverse", x: 1, y: 8, style: CellStyle(reverse: true))
        if !capabilities.ascii {
            buffer.put("braille ⣿⡇ box ┌┐", x: 10, y: 8)
        }
        buffer.put("q quit  w background work  c crash", x: 1, y: max(9, height - 1), style: CellStyle(dim: true))
        return buffer
    }

    private static func describe(_ key: Key) -> String {
        switch key {
        case .character(let character): return "'\(character)'"
        default: return "\(key)"
        }
    }
}
