/// A plot's legend laid out on its rows: the entries shown (full or short text) and, when some
/// entry that names a drawn layer does not fit, a note saying how many are left out
/// ("+2 not shown: <hint>", "+2 not shown" or "+2", the longest that fits). Layers naming an
/// entry that is not shown are not drawn, so every layer drawn is named.
struct PlotLegendLayout: Equatable {
    /// An entry placed: its index in the legend, row index, column offset and the text used.
    struct Placed: Equatable {
        var item: Int
        var row: Int
        var column: Int
        var text: String
        /// Columns taken: key, a space, text.
        var width: Int
    }

    var placed: [Placed] = []
    /// The note on left-out entries: row index, column offset, text.
    var note: Placed?

    /// The legend entries shown.
    var shown: Set<Int> { Set(placed.map(\.item)) }

    /// The entries some layer names (only these make a note; others may simply be dropped).
    static func named(_ plot: Plot) -> Set<Int> {
        Set(plot.series.flatMap(\.legendItems) + plot.bands.flatMap(\.legendItems) + plot.marginLabels.flatMap(\.legendItems))
    }

    /// The layout of `plot`'s legend after `prefix` in `rows` rows of `width` columns: the one
    /// leaving out the least of the named entries (the legend is in order of importance: a
    /// layout keeping an earlier entry wins; then full texts before short ones, longer notes first).
    static func make(_ plot: Plot, prefix: String, width: Int, rows: Int) -> PlotLegendLayout {
        guard rows > 0, width > 0 else { return PlotLegendLayout() }
        let named = named(plot)
        let full = plot.legend.map(\.text), short = plot.legend.map { $0.shortText ?? $0.text }
        var best: (missing: [Int], layout: PlotLegendLayout)?
        for texts in full == short ? [full] : [full, short] {
            let plain = layout(plot.legend, texts: texts, prefix: prefix, width: width, rows: rows, reserve: 0)
            if named.isSubset(of: plain.shown) { return plain }
            for form in 0..<3 {
                var candidate = plain, missing = named.subtracting(plain.shown).sorted()
                for _ in 0..<2 {
                    let note = noteText(missing.count, hint: plot.legendOverflowHint, form: form)
                    candidate = layout(plot.legend, texts: texts, prefix: prefix, width: width, rows: rows,
                                       reserve: note.count + Legend.separator)
                    missing = named.subtracting(candidate.shown).sorted()
                }
                candidate.addNote(noteText(missing.count, hint: plot.legendOverflowHint, form: form), prefix: prefix, width: width, rows: rows)
                guard candidate.note != nil else { continue }
                if best.map({ keepsMore(missing, than: $0.missing) }) ?? true { best = (missing, candidate) }
            }
        }
        return best?.layout ?? layout(plot.legend, texts: full, prefix: prefix, width: width, rows: rows, reserve: 0)
    }

    /// Whether leaving out `a` keeps more important entries than leaving out `b` (both sorted):
    /// the first entry where they differ is left out by `b`; else `a` leaves fewer out.
    static func keepsMore(_ a: [Int], than b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x > y }
        return a.count < b.count
    }

    /// "+N not shown: hint", "+N not shown", "+N" (forms 0, 1, 2).
    static func noteText(_ count: Int, hint: String?, form: Int) -> String {
        switch form {
        case 0: return hint.map { "+\(count) not shown: \($0)" } ?? "+\(count) not shown"
        case 1: return "+\(count) not shown"
        default: return "+\(count)"
        }
    }

    /// Entries left to right, two apart, over `rows` rows (the last `reserve` columns of the
    /// last row kept free); an entry that does not fit is skipped.
    static func layout(
        _ items: [LegendItem], texts: [String], prefix: String, width: Int, rows: Int, reserve: Int
    ) -> PlotLegendLayout {
        var result = PlotLegendLayout()
        var row = 0, column = prefix.isEmpty ? 0 : prefix.count + Legend.separator
        func limit(_ row: Int) -> Int { row == rows - 1 ? width - reserve : width }
        for (index, item) in items.enumerated() {
            let itemWidth = item.key.count + (item.key.isEmpty ? 0 : 1) + texts[index].count
            if column > 0 && column + itemWidth > limit(row) {
                if row + 1 < rows && itemWidth <= limit(row + 1) { row += 1; column = 0 } else { continue }
            }
            guard column + itemWidth <= limit(row) else { continue }
            result.placed.append(Placed(item: index, row: row, column: column, text: texts[index], width: itemWidth))
            column += itemWidth + Legend.separator
        }
        return result
    }

    /// Puts the note at the end of the last row (when it fits).
    mutating func addNote(_ text: String, prefix: String, width: Int, rows: Int) {
        let last = rows - 1
        let onLast = placed.filter { $0.row == last }
        var column = last == 0 && !prefix.isEmpty ? prefix.count + Legend.separator : 0
        if let end = onLast.last { column = end.column + end.width + Legend.separator }
        note = column + text.count <= width ? Placed(item: -1, row: last, column: column, text: text, width: text.count) : nil
    }
}
