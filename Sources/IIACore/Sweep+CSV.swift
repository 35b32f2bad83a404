extension Sweep {
    /// The sweep as CSV, as the `sweep` command prints it and the explorer's `x` key exports it:
    /// a header `x,<algorithm>…` (with simulated data also `<algorithm>_q10,<algorithm>_q90` for
    /// the band), then one row per grid point; x in its shortest round-trip form, P(M1) as
    /// Swift prints a Double. A value that is not a number (SLiC on rankings, which does not
    /// apply) leaves its cell empty: the column stays, its cells hold numbers or nothing.
    public var csv: String {
        var header = ["x"] + series.map(\.algorithm.name)
        if simulations > 0 {
            let (lo, hi) = (Int(Sweep.bandQuantiles.lower * 100), Int(Sweep.bandQuantiles.upper * 100))
            for series in series { header += ["\(series.algorithm.name)_q\(lo)", "\(series.algorithm.name)_q\(hi)"] }
        }
        var lines = [header.joined(separator: ",")]
        for (index, x) in xs.enumerated() {
            var cells = [RoundTripNumber.text(x)] + series.map { Self.cell($0.values[index]) }
            if simulations > 0 {
                for series in series {
                    if let lower = series.lower, let upper = series.upper {
                        cells += [Self.cell(lower[index]), Self.cell(upper[index])]
                    }
                }
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A finite value as Swift prints a Double; empty otherwise (never "nan" or "inf").
    static func cell(_ value: Double) -> String { value.isFinite ? String(value) : "" }
}
