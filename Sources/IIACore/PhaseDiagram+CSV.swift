extension PhaseDiagram {
    /// The diagram as CSV, as `sweep --over zeta,p1` writes it: a header `zeta,p1,` and the
    /// algorithms' names, then one row per cell, p*(1) ascending and, within each p*(1), zeta
    /// ascending; values in round-trip digits, empty where an algorithm does not apply (or a
    /// value is not finite).
    public var csv: String {
        var lines = [(["zeta", "p1"] + algorithms.map(\.name)).joined(separator: ",")]
        for row in 0..<grid.p1Count {
            for column in 0..<grid.zetaCount {
                let cells = [RoundTripNumber.text(grid.zeta(column: column)), RoundTripNumber.text(grid.p1(row: row))]
                    + algorithms.map { algorithm in
                        guard let value = value(algorithm, column: column, row: row), value.isFinite else { return "" }
                        return String(value)
                    }
                lines.append(cells.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
