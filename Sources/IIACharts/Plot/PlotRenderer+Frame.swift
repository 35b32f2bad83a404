/// The frame layers: legend, caption, axes.
extension PlotRenderer {
    /// Lays the chart out (legend rows, caption row, y labels as wide as their ticks need), draws
    /// the legend and the caption; returns the frame, the y ticks and the legend entries shown.
    static func drawFrame(
        _ plot: Plot, into buffer: inout CellBuffer, rect: Rect
    ) -> (frame: ChartFrame, yTicks: [(row: Int, label: String)], legend: Set<Int>) {
        let legendRows = Legend.rowsNeeded(plot.legend, prefix: plot.y.title, width: rect.width)
        func frame(_ labelWidth: Int) -> ChartFrame {
            ChartFrame(rect: rect, legendRows: legendRows, caption: plot.caption != nil, yLabelWidth: labelWidth,
                       rightMargin: plot.rightMargin, secondLabels: plot.x.secondary != nil)
        }
        var chartFrame: ChartFrame, yTicks: [(row: Int, label: String)]
        switch plot.y.range {
        case .unit:
            chartFrame = frame(3)
            var ticks = evenUnitTicks(height: chartFrame.plot.height)
            if ticks.values.allSatisfy({ AxisTicks.fractionLabel($0).count <= 2 }) {
                chartFrame = frame(2)
                ticks = evenUnitTicks(height: chartFrame.plot.height)
            }
            chartFrame.plot = Rect(x: chartFrame.plot.x, y: chartFrame.plot.y + ticks.drop, width: chartFrame.plot.width,
                                   height: chartFrame.plot.height - ticks.drop)
            let top = chartFrame.plot.y, height = chartFrame.plot.height
            yTicks = ticks.values.map { value in
                (row: top + Int(((1 - value) * Double(height - 1)).rounded()), label: AxisTicks.fractionLabel(value))
            }
        case .fitted:
            (chartFrame, yTicks) = fittedFrame(plot, frame: frame)
        }
        let title = chartFrame.legendRows.isEmpty ? "" : plot.y.title
        let legend = PlotLegendLayout.make(plot, prefix: title, width: rect.width, rows: chartFrame.legendRows.count)
        drawLegend(plot, legend, title: title, rows: chartFrame.legendRows, into: &buffer, rect: rect)
        drawCaption(plot.caption, row: chartFrame.captionRow, into: &buffer, rect: rect)
        return (chartFrame, yTicks, legend.shown)
    }

    /// The ticks of a 0…1 axis on a plot `height` rows tall, evenly spaced in rows: n equal steps
    /// (tenths, fifths, quarters or halves) on a plot whose height less one is a multiple of n,
    /// the top `drop` rows (at most 3) left blank when that makes the steps fit.
    static func evenUnitTicks(height: Int) -> (values: [Double], drop: Int) {
        guard height >= 3 else { return (height >= 1 ? [1] : [], 0) }
        var best: (cost: Int, values: [Double], drop: Int)?
        for drop in 0...min(3, height - 3) {
            let span = height - drop - 1
            for steps in [10, 5, 4, 2] where span % steps == 0 && span / steps >= 2 {
                let rows = span / steps
                let cost = 3 * drop + max(0, rows - 6) + (rows < 3 ? 1 : 0)
                if best.map({ cost < $0.cost }) ?? true {
                    best = (cost, (0...steps).map { 1 - Double($0) / Double(steps) }, drop)
                }
            }
        }
        return best.map { ($0.values, $0.drop) } ?? ([1, 0], 0)
    }

    /// The frame and y ticks of a fitted axis: round values over the series' range, on evenly
    /// spaced rows (see ``FittedYAxis``).
    static func fittedFrame(
        _ plot: Plot, frame: (Int) -> ChartFrame
    ) -> (ChartFrame, [(row: Int, label: String)]) {
        var chartFrame = frame(4)
        let height = chartFrame.plot.height
        let axis = FittedYAxis(range: fittedRange(plot), height: height)
        let labels = axis.ticks.map { AxisTicks.countLabel($0.value) }
        let labelWidth = max(1, labels.map(\.count).max() ?? 1)
        if labelWidth != 4 { chartFrame = frame(labelWidth) }
        let bottom = chartFrame.plot.y + height - 1
        let ticks = zip(axis.ticks, labels).map { tick, label in (row: bottom - tick.rowsUp, label: label) }
        return (chartFrame, ticks)
    }

    /// The y title, the legend entries shown and the note on those left out.
    static func drawLegend(
        _ plot: Plot, _ legend: PlotLegendLayout, title: String, rows: [Int], into buffer: inout CellBuffer, rect: Rect
    ) {
        guard let first = rows.first else { return }
        if !title.isEmpty { buffer.put(title, x: rect.x, y: first, style: plot.appearance.title, clip: rect) }
        for placed in legend.placed {
            let item = plot.legend[placed.item]
            var x = rect.x + placed.column
            if !item.keyCells.isEmpty, item.keyCells.count == item.key.count {
                // A key drawn cell by cell (a colour scale).
                for cell in item.keyCells where x < rect.maxX {
                    buffer[x, rows[placed.row]] = cell
                    x += 1
                }
            } else {
                x = buffer.put(item.key, x: x, y: rows[placed.row], style: item.keyStyle, clip: rect)
            }
            if !item.key.isEmpty { x += 1 }
            buffer.put(placed.text, x: x, y: rows[placed.row], style: item.textStyle, clip: rect)
        }
        if let note = legend.note {
            buffer.put(note.text, x: rect.x + note.column, y: rows[note.row], style: plot.appearance.axis, clip: rect)
        }
    }

    /// The caption's parts joined while they fit (see ``PlotCaption``).
    static func drawCaption(_ caption: PlotCaption?, row: Int?, into buffer: inout CellBuffer, rect: Rect) {
        guard let caption, let row else { return }
        var text = ""
        for part in caption.parts {
            let next = text.isEmpty ? part : text + ", " + part
            if next.count <= rect.width {
                text = next
            } else if text.isEmpty {
                if let fallback = caption.fallback {
                    guard fallback.count <= rect.width else { return }
                    text = fallback
                } else {
                    text = String(part.prefix(rect.width))
                }
            }
        }
        buffer.put(text, x: rect.x, y: row, style: caption.style, clip: rect)
    }

    /// The axes with their ticks and titles, then the marks on the x axis line.
    static func drawAxes(_ geometry: PlotGeometry, yTicks: [(row: Int, label: String)], into buffer: inout CellBuffer) {
        let plot = geometry.description, area = geometry.area, sx = geometry.dotsPerCell.x
        let values: [Double]
        switch plot.x.ticks {
        case .automatic:
            switch geometry.x {
            case .log(let axis): values = AxisTicks.logTicks(lower: axis.lower, upper: axis.upper)
            case .linear: values = AxisTicks.linearTicks(lower: plot.x.lower, upper: plot.x.upper, maxCount: max(2, area.width / 9))
            }
        case .values(let narrow, let wide, let wideFrom):
            values = area.width >= wideFrom ? wide : narrow
        }
        let placed = values.compactMap { value in geometry.x.tickDot(value).map { (value: value, column: area.x + $0 / sx) } }
        let xTicks = placed.map { (column: $0.column, label: plot.x.format.label($0.value)) }
        let secondary = plot.x.secondary.map { labels in
            placed.map { (column: $0.column, label: labels.format.label(labels.intercept + labels.slope * $0.value)) }
        } ?? []
        geometry.frame.drawAxes(
            into: &buffer, yTicks: yTicks, xTicks: xTicks, xTitle: plot.x.title, longXTitle: plot.x.longTitle,
            appearance: plot.appearance, secondXTicks: secondary, secondXTitle: plot.x.secondary?.title ?? "")
        guard let axisRow = geometry.frame.axisRow else { return }
        for mark in plot.axisMarks {
            guard let dot = geometry.x.lineDot(mark.x) else { continue }
            buffer.put(mark.text, x: area.x + dot / sx, y: axisRow, style: mark.style, clip: geometry.frame.rect)
        }
    }
}
