@preconcurrency import CNcursesw
import IIAApp
import IIACharts

/// Hands out curses colour pairs for (foreground, background) combinations, creating each
/// pair with `init_pair` the first time it is needed.
///
/// Pair 0 is the terminal's default colours. Palette colours are mapped to the eight basic
/// colours in ``DisplayCapabilities/ColorMode/basic8`` mode, and every cell uses pair 0 in
/// ``DisplayCapabilities/ColorMode/none`` mode.
struct ColorPairCache {
    private struct Key: Hashable {
        var foreground: Int16
        var background: Int16
    }

    let mode: DisplayCapabilities.ColorMode
    /// The background the colours are for: without default colours, "default" is white on
    /// black for the dark theme and black on white for the light one.
    let theme: ThemeVariant
    /// Whether the terminal accepted `use_default_colors`, so -1 means "the default colour".
    let hasDefaultColors: Bool
    private var pairs: [Key: Int16] = [:]
    private var nextPair: Int32 = 1
    private let pairLimit: Int32

    init(mode: DisplayCapabilities.ColorMode, theme: ThemeVariant = .dark, hasDefaultColors: Bool, availablePairs: Int32) {
        self.mode = mode
        self.theme = theme
        self.hasDefaultColors = hasDefaultColors
        self.pairLimit = min(availablePairs, Int32(Int16.max))
    }

    /// The pair number for `style`'s colours (0 when colours are off or pairs ran out).
    mutating func pair(for style: CellStyle) -> Int16 {
        guard mode != .none else { return 0 }
        let key = Key(
            foreground: colorNumber(style.foreground, isForeground: true),
            background: colorNumber(style.background, isForeground: false))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard nextPair < pairLimit else { return 0 }
        let pair = Int16(nextPair)
        guard init_pair(pair, key.foreground, key.background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    private func colorNumber(_ color: TerminalColor, isForeground: Bool) -> Int16 {
        let mapped = mode == .basic8 ? color.basic : color
        switch mapped {
        case .default:
            if hasDefaultColors { return -1 }
            return Int16(isForeground == (theme == .dark) ? COLOR_WHITE : COLOR_BLACK)
        case .palette(let index):
            return Int16(index)
        }
    }
}
