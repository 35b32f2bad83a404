/// The six themes. Contrast ratios (WCAG) are against the canvas (#1c1c1c dark, #ffffff light)
/// with the xterm RGB values; bands and regions are checked with what is drawn over them.
extension Theme {
    private static func fg(_ index: UInt8, bold: Bool = false) -> CellStyle { CellStyle(foreground: .palette(index), bold: bold) }
    private static func on(_ foreground: UInt8, _ background: UInt8, bold: Bool = false) -> CellStyle {
        CellStyle(foreground: .palette(foreground), background: .palette(background), bold: bold)
    }

    /// Dark, 256 colours: the explorer's original look, lifted where it was below AA.
    /// Series after Okabe-Ito: vermillion, orange, sky blue, reddish purple, blue, bluish green.
    static let darkPalette256: Theme = {
        var theme = Theme(variant: .dark, colorMode: .palette256)
        theme.dimText = fg(247)  // 6.4
        theme.error = fg(203, bold: true)  // 5.7
        theme.warning = fg(221)  // 12.3
        theme.good = fg(114)  // 9.8
        theme.accent = fg(80)  // 9.9
        theme.axis = fg(245)  // 4.9
        theme.reference = fg(247)  // 6.4; >= 4.7 on every band and region
        theme.marker = fg(250)  // 9.0
        theme.strong = fg(231, bold: true)
        theme.currentPoint = fg(226, bold: true)
        theme.point = fg(226, bold: true)
        theme.alternatePoint = fg(208, bold: true)
        theme.dataPart = fg(110)
        theme.regulariserPart = fg(114)
        theme.seriesStyles = [203, 214, 75, 175, 69, 36].map { fg($0) }  // 5.2 (blue) to 9.2
        theme.bandStyles = zip([203, 214, 75, 175, 69, 36], [52, 52, 17, 53, 18, 236]).map { on($0, $1) }
        theme.bandsUseBackground = true
        theme.m2Region = on(74, 17)  // 7.4
        theme.perverseRegion = on(210, 52)  // 6.1
        // Navy to ochre, luminance rising from 0.008 to 0.264: the white curve keeps >= 3.3, the yellow point >= 3.1.
        theme.heatmapRamp = [17, 18, 19, 24, 30, 65, 100, 136].map { CellStyle(background: .palette($0)) }
        theme.heatmapUsesBackground = true
        return theme
    }()

    /// Light, 256 colours: darker tones of the same hues on white, light tints for bands and regions.
    static let lightPalette256: Theme = {
        var theme = Theme(variant: .light, colorMode: .palette256)
        theme.dimText = fg(240)  // 7.1
        theme.error = fg(160, bold: true)  // 5.4
        theme.warning = fg(94)  // 5.7
        theme.good = fg(22)  // 8.0
        theme.accent = fg(24)  // 7.0
        theme.axis = fg(241)  // 6.1
        theme.reference = fg(240)  // >= 5.1 on every band and region
        theme.marker = fg(238)
        theme.strong = CellStyle(foreground: .palette(16), bold: true)
        theme.currentPoint = fg(90, bold: true)  // 8.8
        theme.point = fg(90, bold: true)
        theme.alternatePoint = fg(127, bold: true)  // 6.1
        theme.dataPart = fg(25)
        theme.regulariserPart = fg(22)
        // 4.7 (orange) to 10.6; the series whose glyphs are letters (o, x, T) keep 4.5 on every band.
        theme.seriesStyles = [160, 130, 25, 126, 20, 22].map { fg($0) }
        theme.bandStyles = zip([160, 130, 25, 126, 20, 22], [224, 230, 195, 225, 189, 194]).map { on($0, $1) }
        theme.bandsUseBackground = true
        theme.m2Region = on(19, 189)  // 9.3
        theme.perverseRegion = on(124, 224)  // 5.7
        // Blue to pale yellow, luminance 0.43 to 0.96: the black curve keeps >= 9.6, the purple point >= 4.0.
        theme.heatmapRamp = [111, 147, 153, 189, 195, 229].map { CellStyle(background: .palette($0)) }
        theme.heatmapUsesBackground = true
        return theme
    }()

    /// Dark, 8 colours: red and blue are too dark for text on a dark background (2.9 and 1.8),
    /// so errors are white on red (4.6), regions white on blue and red, and the series use
    /// yellow, white, cyan and green (repeating: their glyphs tell them apart).
    static let darkBasic8: Theme = {
        var theme = Theme(variant: .dark, colorMode: .basic8)
        theme.error = on(7, 1, bold: true)  // 4.6
        theme.warning = fg(3)  // 10.0
        theme.good = fg(2)  // 7.9
        theme.accent = fg(6)  // 8.6
        theme.reference = fg(7)  // 4.6 on the red region
        theme.strong = fg(7, bold: true)
        theme.currentPoint = fg(3, bold: true)
        theme.point = fg(3, bold: true)
        theme.alternatePoint = CellStyle(foreground: .palette(3), bold: true, reverse: true)
        theme.dataPart = fg(7)
        theme.regulariserPart = fg(2)
        theme.seriesStyles = [3, 7, 6, 2, 3, 7].map { fg($0) }
        theme.bandStyles = theme.seriesStyles
        theme.m2Region = on(7, 4)  // 7.5
        theme.perverseRegion = on(7, 1)  // 4.6
        // Shading glyphs, cyan for the lower half and yellow for the upper (both AA on black).
        theme.heatmapRamp = [fg(6), fg(3)]
        return theme
    }()

    /// Light, 8 colours: only black, red (5.8), blue (9.4) and magenta (4.7) are legible on
    /// white; warnings are black on yellow.
    static let lightBasic8: Theme = {
        var theme = Theme(variant: .light, colorMode: .basic8)
        theme.error = fg(1, bold: true)
        theme.warning = on(0, 3)  // 12.3
        theme.good = fg(4)
        theme.accent = fg(4)
        theme.currentPoint = fg(5, bold: true)
        theme.point = fg(5, bold: true)
        theme.alternatePoint = CellStyle(foreground: .palette(5), bold: true, reverse: true)  // white on magenta, 4.7
        theme.dataPart = .plain
        theme.regulariserPart = fg(5)
        theme.seriesStyles = [fg(1), fg(5), fg(4), .plain, fg(1), fg(4)]
        theme.bandStyles = theme.seriesStyles
        theme.m2Region = fg(4)
        theme.perverseRegion = fg(1)
        // Shading glyphs, blue for the lower half and red for the upper (both AA on white).
        theme.heatmapRamp = [fg(4), fg(1)]
        return theme
    }()

    /// No colour: attributes only (the defaults of every role).
    static let darkMonochrome = Theme(variant: .dark, colorMode: .none)
    static let lightMonochrome = Theme(variant: .light, colorMode: .none)
}
