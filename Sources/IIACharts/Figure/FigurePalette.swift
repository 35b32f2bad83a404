/// The resolved colours, strokes and markers of every layer of a plot in a figure.
struct FigurePalette {
    let options: FigureOptions
    let seriesColors: [RGBColor]

    init(plot: Plot, options: FigureOptions) {
        self.options = options
        var next = 0
        seriesColors = plot.series.map { series in
            if let color = series.figure.color { return color }
            defer { next += 1 }
            return RGBColor.OkabeIto.cycle[next % RGBColor.OkabeIto.cycle.count]
        }
    }

    var theme: FigureTheme { options.theme }

    /// `color`, or its grey in a monochrome figure.
    func shown(_ color: RGBColor) -> RGBColor { options.monochrome ? color.grey : color }

    func series(_ index: Int) -> RGBColor {
        shown(seriesColors.indices.contains(index) ? seriesColors[index] : theme.text)
    }

    func line(_ look: FigureLook) -> RGBColor { shown(look.color ?? theme.reference) }

    func fill(_ look: FigureLook) -> RGBColor { shown(look.color ?? theme.reference) }

    /// An opaque tint: `color` mixed into the background (`opacity` of the colour).
    func tint(_ color: RGBColor, opacity: Double) -> RGBColor {
        let a = min(1, max(0, opacity.isFinite ? opacity : 0.25))
        func mix(_ c: UInt8, _ b: UInt8) -> UInt8 { UInt8(min(255, max(0, (Double(c) * a + Double(b) * (1 - a)).rounded()))) }
        let b = theme.background
        return RGBColor(mix(color.red, b.red), mix(color.green, b.green), mix(color.blue, b.blue))
    }

    /// The stroke width of a series.
    func seriesWidth(_ look: FigureLook) -> Double { scaled(look.width ?? 2) }

    /// The stroke width of a reference line.
    func lineWidth(_ look: FigureLook) -> Double { scaled(look.width ?? 1.2) }

    /// A width grown with the figure like the font.
    func scaled(_ width: Double) -> Double {
        let w = width.isFinite ? min(20, max(0.25, width)) : 1
        return w * options.fontSize / 13
    }
}
