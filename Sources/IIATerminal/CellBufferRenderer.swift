@preconcurrency import CNcursesw
import IIAApp
import IIACharts

/// Draws a ``CellBuffer`` into curses' standard screen, touching only the cells that changed
/// since the previous frame, then refreshes once. Main thread only.
final class CellBufferRenderer {
    private var previous: CellBuffer?
    private var previousScreenSize: (rows: Int32, columns: Int32) = (-1, -1)
    private var colorPairs: ColorPairCache
    private let ascii: Bool
    /// Scratch wide-character string for `setcchar` (spacing character, combining marks, 0).
    private let characters = UnsafeMutablePointer<wchar_t>.allocate(capacity: Int(CCHARW_MAX) + 1)
    private let boldAttribute = iia_a_bold()
    private let reverseAttribute = iia_a_reverse()
    private let dimAttribute = iia_a_dim()

    init(capabilities: DisplayCapabilities, hasDefaultColors: Bool) {
        self.ascii = capabilities.ascii
        self.colorPairs = ColorPairCache(
            mode: capabilities.colorMode, theme: capabilities.theme, hasDefaultColors: hasDefaultColors, availablePairs: COLOR_PAIRS)
    }

    deinit {
        characters.deallocate()
    }

    /// Forgets the previous frame, so the next ``draw(_:)`` repaints every cell.
    func invalidate() {
        previous = nil
    }

    /// Draws `buffer` at the top-left corner, clipped to the screen, and refreshes.
    func draw(_ buffer: CellBuffer) {
        let rows = getmaxy(stdscr), columns = getmaxx(stdscr)
        let full: Bool
        if let previous, previous.width == buffer.width, previous.height == buffer.height,
            previousScreenSize == (rows, columns)
        {
            full = false
        } else {
            full = true
            // Only curses' own buffer is erased; refresh still sends just the differences.
            werase(stdscr)
        }
        let visibleRows = min(buffer.height, Int(max(rows, 0)))
        let visibleColumns = min(buffer.width, Int(max(columns, 0)))
        buffer.cells.withUnsafeBufferPointer { cells in
            for y in 0..<visibleRows {
                let rowStart = y * buffer.width
                for x in 0..<visibleColumns {
                    let cell = cells[rowStart + x]
                    if !full, let previous, previous.cells[rowStart + x] == cell { continue }
                    put(cell, x: Int32(x), y: Int32(y))
                }
            }
        }
        wnoutrefresh(stdscr)
        doupdate()
        previous = buffer
        previousScreenSize = (rows, columns)
    }

    private func put(_ cell: Cell, x: Int32, y: Int32) {
        fillCharacters(cell.character)
        var attributes = iia_a_normal()
        if cell.style.bold { attributes |= boldAttribute }
        if cell.style.reverse { attributes |= reverseAttribute }
        if cell.style.dim { attributes |= dimAttribute }
        let pair = colorPairs.pair(for: cell.style)
        var complex = cchar_t()
        setcchar(&complex, characters, attributes, pair, nil)
        mvadd_wch(y, x, &complex)  // ERR at the bottom-right corner is expected: the cell is still written.
    }

    /// Writes `character` as a null-terminated wide string into `characters`: one printable,
    /// single-width scalar plus any combining marks; anything else becomes "?" (or a space for controls).
    private func fillCharacters(_ character: Character) {
        var count = 0
        for scalar in character.unicodeScalars {
            let value = scalar.value
            if count == 0 {
                let replacement: UInt32?
                if value < 0x20 || (value >= 0x7F && value < 0xA0) {
                    replacement = 0x20
                } else if value < 0x7F {
                    replacement = nil
                } else if ascii || iia_wcwidth(wchar_t(bitPattern: value)) != 1 {
                    replacement = 0x3F  // "?"
                } else {
                    replacement = nil
                }
                characters[0] = wchar_t(bitPattern: replacement ?? value)
                count = 1
                if replacement != nil { break }
            } else {
                guard count < Int(CCHARW_MAX) - 1, !ascii,
                    iia_wcwidth(wchar_t(bitPattern: value)) == 0
                else { break }
                characters[count] = wchar_t(bitPattern: value)
                count += 1
            }
        }
        if count == 0 {
            characters[0] = 0x20
            count = 1
        }
        characters[count] = 0
    }
}
