/// The frame layers: legend, caption, axes.
extension PlotRenderer {
    /// Lays the chart out (legend rows, caption row, y labels as wide as their ticks need), draws
    /// the legend and the caption; returns the frame and the y ticks.
    static func drawFrame(
        _ plot: Plot, into buffer: inout CellBuffer, rect: Rect
    ) -> (frame: ChartFrame, yTicks: [(row: Int, label: String)]) {
        let legendRows = Legend.rowsNeeded(plot.legend, prefix: plot.y.title, width: rect.width)
        func frame(_ labelWidth: Int) -> ChartFrame {
            ChartFrame(rect: rect, legendRows: legendRows, caption: plot.caption != nil, yLabelWidth: labelWidth,
                       rightMargin: plot.rightMargin, secondLabels: plot.x.secondary != nil)
        }
        var chartFrame: ChartFrame, yTicks: [(row: Int, label: String)]
        switch plot.y.range {
        case .unit:
            let dotsPerRow = plot.appearance.ascii ? 1 : 4
            chartFrame = frame(3)
            yTicks = chartFrame.unitYTicks(dotsPerRow: dotsPerRow)
            if yTicks.allSatisfy({ $0.label.count <= 2 }) {
                chartFrame = frame(2)
                yTicks = chartFrame.unitYTicks(dotsPerRow: dotsPerRow)
            }
        case .fitted:
            chartFrame = frame(4)
            let range = fittedRange(plot)
            let height = chartFrame.plot.height
            let values = height >= 3
                ? AxisTicks.linearTicks(lower: range.lower, upper: range.upper, maxCount: max(2, min(6, height / 2 + 1))) : []
            let labels = values.map { AxisTicks.countLabel($0) }
            let labelWidth = max(1, labels.map(\.count).max() ?? 1)
            if labelWidth != 4 { chartFrame = frame(labelWidth) }
            let ascii = plot.appearance.ascii
            let axis = LinearAxis(lower: range.lower, upper: range.upper, count: max(1, height * (ascii ? 1 : 4)), flipped: true)
            yTicks = zip(values, labels).map { value, label in
                (row: chartFrame.plot.y + min(height - 1, max(0, Int(saturating: axis.position(value)) / (ascii ? 1 : 4))),
                 label: label)
            }
        }
        Legend.draw(plot.legend, prefix: chartFrame.legendRows.isEmpty ? "" : plot.y.title, prefixStyle: plot.appearance.title,
                    into: &buffer, rect: rect, rows: chartFrame.legendRows)
        drawCaption(plot.caption, row: chartFrame.captionRow, into: &buffer, rect: rect)
        return (chartFrame, yTicks)
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
