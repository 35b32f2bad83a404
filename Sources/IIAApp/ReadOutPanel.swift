import IIACharts
import IIACore

/// The read-out under the sliders, full (a sentence under each algorithm) or compact (one line
/// each with a verdict word, and a line naming the majority). Both share the heading, the
/// numeric columns and the Monte Carlo estimate.
struct ReadOutPanel {
    let view: ExplorerView

    /// Where a layout's columns start.
    struct Columns {
        var label: Int, probability: Int, logOdds: Int, minimizer: Int, iterations: Int, monteCarlo: Int
    }

    /// Columns of the full read-out.
    static let full = Columns(label: 0, probability: 18, logOdds: 31, minimizer: 42, iterations: 59, monteCarlo: 66)
    /// Columns of the compact read-out; with Monte Carlo the Newton column gives way to the
    /// simulated estimate, and the verdict word follows.
    static let compact = Columns(label: 0, probability: 17, logOdds: 30, minimizer: 39, iterations: 55, monteCarlo: 55)
    static let compactVerdict = (expected: 62, monteCarlo: 69)

    var state: ExplorerState { view.state }
    var derived: ExplorerDerived { view.derived }
    var ascii: Bool { view.ascii }
    var monteCarloOn: Bool { state.simulations > 0 }

    func drawFull(into buffer: inout CellBuffer, rect: Rect) {
        let c = Self.full
        drawHeading(c, into: &buffer, rect: rect)
        buffer.put("Newton", x: rect.x + c.iterations, y: rect.y, style: view.headingStyle, clip: rect)
        if monteCarloOn {
            drawProgress(x: rect.x + c.monteCarlo, into: &buffer, rect: rect)
        } else {
            let heading = "at |D| = \(NumberFormatting.compact(state.parameters.dataSize))"
            buffer.put(heading, x: rect.x + c.monteCarlo, y: rect.y, style: view.dimStyle, clip: rect)
        }
        for (index, result) in derived.results.enumerated() {
            let y = rect.y + 1 + 2 * index
            guard y < rect.maxY else { break }
            var fields = numericFields(result, c, short: false)
            if result.isApplicable { fields.append(RowField(String(result.iterations), column: c.iterations)) }
            if monteCarloOn && result.isApplicable { fields.append(RowField(monteCarloText(for: result.algorithm), column: c.monteCarlo)) }
            putRow(fields, y: y, into: &buffer, rect: rect)
            let verdict = derived.verdicts[index]
            buffer.put("  " + verdict.sentence(ascii: ascii), x: rect.x, y: y + 1, style: view.style(verdict.sentenceTone), clip: rect)
        }
    }

    /// One line per algorithm: the numbers and a verdict word ("perverse", "aligned",
    /// "inclusive", ...), then a line naming the majority and the inclusive target.
    func drawCompact(into buffer: inout CellBuffer, rect: Rect) {
        let c = Self.compact
        guard rect.height > 0 else { return }
        let verdictColumn = monteCarloOn ? Self.compactVerdict.monteCarlo : Self.compactVerdict.expected
        drawHeading(c, into: &buffer, rect: rect)
        if monteCarloOn {
            drawProgress(x: rect.x + c.monteCarlo, into: &buffer, rect: rect)
            buffer.put("verdict", x: rect.x + verdictColumn, y: rect.y, style: view.headingStyle, clip: rect)
        } else {
            buffer.put("Newton", x: rect.x + c.iterations, y: rect.y, style: view.headingStyle, clip: rect)
            buffer.put("verdict", x: rect.x + verdictColumn, y: rect.y, style: view.headingStyle, clip: rect)
            let size = "|D| = \(NumberFormatting.compact(state.parameters.dataSize))"
            buffer.put(size, x: rect.x + verdictColumn + 8, y: rect.y, style: view.dimStyle, clip: rect)
        }
        for (index, result) in derived.results.enumerated() {
            let y = rect.y + 1 + index
            guard y < rect.maxY else { break }
            let verdict = derived.verdicts[index]
            let last = monteCarloOn
                ? RowField(monteCarloText(for: result.algorithm), column: c.monteCarlo)
                : RowField(String(result.iterations), column: c.iterations)
            let fields = numericFields(result, c, short: true)
                + (result.isApplicable ? [last] : [])
                + [RowField(verdict.word, column: verdictColumn, style: view.style(verdict.tone))]
            putRow(fields, y: y, into: &buffer, rect: rect)
        }
        let footerY = rect.y + 1 + derived.results.count
        if footerY < rect.maxY {
            buffer.put(ReadOut.majorityLine(state.parameters, ascii: ascii), x: rect.x + 2, y: footerY, style: view.dimStyle, clip: rect)
        }
    }

    // MARK: Shared parts

    /// The headings of the columns both read-outs have.
    func drawHeading(_ c: Columns, into buffer: inout CellBuffer, rect: Rect) {
        for (text, column) in [("algorithm", c.label), ("P(M1)", c.probability), ("log-odds", c.logOdds), ("minimiser", c.minimizer)] {
            buffer.put(text, x: rect.x + column, y: rect.y, style: view.headingStyle, clip: rect)
        }
    }

    /// "MC 40/100": the datasets simulated so far.
    func drawProgress(x: Int, into buffer: inout CellBuffer, rect: Rect) {
        let progress = derived.monteCarlo.map { "MC \($0.completed)/\($0.total)" } ?? "MC 0/\(state.simulations)"
        buffer.put(progress, x: x, y: rect.y, style: view.headingStyle, clip: rect)
    }

    /// The algorithm's name, P(M1), its log-odds and whether the minimiser exists; for an
    /// algorithm that does not apply (SLiC on rankings) "n/a for rankings" and, in the compact
    /// read-out, the first clause of the reason (the full read-out's sentence gives all of it).
    func numericFields(_ result: AlgorithmResult, _ c: Columns, short: Bool) -> [RowField] {
        let parameters = state.parameters
        let label = RowField(ReadOut.label(result.algorithm, k: parameters.k, responses: parameters.responses),
                             column: c.label, style: view.headingStyle)
        guard result.isApplicable else {
            var text = PolicyVerdict.notApplicableText
            if short, let reason = result.algorithm.inapplicabilityReason(for: parameters.responses) {
                text += ": " + (reason.split(separator: ":").first.map(String.init) ?? reason)
            }
            return [label, RowField(text, column: c.probability, style: view.dimStyle)]
        }
        let minimizerStyle = result.minimizerExists ? CellStyle.plain : view.theme.warning
        return [
            label,
            RowField(NumberFormatting.probability(logOdds: result.logOdds, ascii: ascii), column: c.probability),
            RowField(NumberFormatting.logOdds(result.logOdds, ascii: ascii), column: c.logOdds),
            RowField(ReadOut.minimizer(result, short: short), column: c.minimizer, style: minimizerStyle),
        ]
    }

    /// "0.0031±0.0002" (mean and standard error at the current parameters), "…" before data.
    func monteCarloText(for algorithm: Algorithm) -> String {
        guard let estimate = derived.monteCarlo?.estimates.first(where: { $0.algorithm == algorithm }) else {
            return ascii ? "..." : "…"
        }
        let mean = NumberFormatting.probability(estimate.mean, ascii: ascii)
        guard estimate.mean.isFinite, let error = estimate.standardError, error.isFinite else { return mean }
        return mean + (ascii ? "+-" : "±") + NumberFormatting.probability(error, ascii: ascii)
    }

    /// One field of a read-out row: its text, the column it starts at when there is room, its style.
    struct RowField {
        var text: String
        var column: Int
        var style = CellStyle.plain

        init(_ text: String, column: Int, style: CellStyle = .plain) {
            self.text = text
            self.column = column
            self.style = style
        }
    }

    /// Puts the fields at their columns, except that a field never starts less than one blank
    /// after the previous one ends: extreme values shift the rest of the row right (clipped at
    /// the edge) instead of running into the next column.
    func putRow(_ fields: [RowField], y: Int, into buffer: inout CellBuffer, rect: Rect) {
        var nextFree = rect.x
        for field in fields {
            let x = max(rect.x + field.column, nextFree)
            guard x < rect.maxX else { return }
            buffer.put(field.text, x: x, y: y, style: field.style, clip: rect)
            nextFree = x + field.text.count + 1
        }
    }
}
