import Testing
import IIACharts
import IIACore
@testable import IIAApp

@Suite struct LayoutTests {
    func chartTitlesShown(_ screen: String) -> [ChartKind] {
        ChartKind.allCases.filter { screen.contains($0.title) }
    }

    @Test func eightyByTwentyFourShowsEverySliderTheReadOutAndOneChart() {
        let model = makeModel()
        let screen = model.screen
        for slider in model.visibleSliders { #expect(screen.contains(slider.label), "\(slider.label)") }
        for algorithm in Algorithm.allCases { #expect(screen.contains(algorithm.name)) }
        #expect(screen.contains("P(M1)") && screen.contains("log-odds") && screen.contains("minimiser"))
        #expect(screen.contains("F(zeta)"))
        #expect(chartTitlesShown(screen) == [.data])
        #expect(model.view().line(23).hasPrefix("? help"))
        #expect(model.view().width == 80 && model.view().height == 24)
    }

    @Test func tabCyclesTheChartInFocus() {
        var model = makeModel()
        model.press(.tab)
        #expect(model.focusedChart == .m2)
        #expect(chartTitlesShown(model.screen) == [.m2])
        model.press(.tab)
        #expect(chartTitlesShown(model.screen) == [.boundary])
        model.press(.tab)
        #expect(chartTitlesShown(model.screen) == [.landscape])
        model.press(.tab)
        #expect(chartTitlesShown(model.screen) == [.phase])
        model.press(.tab)
        #expect(model.focusedChart == .data)
        model.press(.backTab)
        #expect(model.focusedChart == .phase)
    }

    @Test func oneSixtyByFortyEightShowsAllFiveCharts() {
        let model = makeModel(width: 160, height: 48)
        let screen = model.screen
        #expect(chartTitlesShown(screen) == ChartKind.allCases)
        for slider in model.visibleSliders { #expect(screen.contains(slider.label)) }
        for algorithm in Algorithm.allCases { #expect(screen.contains(algorithm.name)) }
    }

    @Test func tooSmallSaysSoAndRecovers() {
        var model = makeModel(width: 80, height: 24)
        _ = model.update(.resize(width: 60, height: 20))
        let small = model.screen
        #expect(small.contains("needs at least 80 x 24"))
        #expect(small.contains("now 60 x 20"))
        #expect(!small.contains("RLPO"))
        _ = model.update(.resize(width: 120, height: 40))
        let large = model.screen
        #expect(!large.contains("needs at least"))
        for slider in model.visibleSliders { #expect(large.contains(slider.label)) }
        // Below 160 columns three charts fit under the read-out: the phase chart only when focused.
        #expect(chartTitlesShown(large) == ChartKind.allCases.filter { $0 != .phase })
        // One dimension too small is enough to say so.
        _ = model.update(.resize(width: 200, height: 23))
        #expect(model.screen.contains("now 200 x 23"))
    }

    @Test func inBetweenSizesShowAsMuchAsFits() {
        // The compact read-out (one line per algorithm) leaves room for the other charts from
        // 31 rows; below that the full sentences are shown when they fit.
        #expect(chartTitlesShown(makeModel(width: 100, height: 24).screen).count == 1)
        #expect(chartTitlesShown(makeModel(width: 100, height: 30).screen).count == 1)
        #expect(makeModel(width: 100, height: 30).layout.fullReadOut)
        #expect(chartTitlesShown(makeModel(width: 100, height: 31).screen).count == ChartKind.allCases.count - 1)
        #expect(!makeModel(width: 100, height: 31).layout.fullReadOut)
        #expect(chartTitlesShown(makeModel(width: 100, height: 35).screen).count == ChartKind.allCases.count - 1)
        #expect(chartTitlesShown(makeModel(width: 200, height: 30).screen).count == 1)
    }

    @Test func everySizeRendersWithoutCrashing() {
        var model = makeModel()
        for (w, h) in [(0, 0), (1, 1), (10, 3), (79, 24), (80, 23), (80, 24), (81, 25), (133, 37), (159, 47), (160, 48), (250, 70)] {
            _ = model.update(.resize(width: w, height: h))
            let buffer = model.view()
            #expect(buffer.width == w && buffer.height == h)
            model.press(.character("?"))
            #expect(model.view().width == w)
            model.press(.character("?"))
        }
    }

    @Test func theBottomLineShowsTheKeysThatMatterNow() {
        var model = makeModel()
        #expect(model.view().line(23).contains("q quit"))
        model.press(.enter)
        #expect(model.view().line(23).contains("Enter apply"))
        #expect(model.view().line(23).contains("Esc cancel"))
        model.press(.escape)
        model.press(.character("?"))
        #expect(model.view().line(23).contains("close help"))
    }

    @Test func noColourMeansNoColouredCells() {
        var model = makeModel(ModelParameters(k: 4), capabilities: DisplayCapabilities(ascii: true, colorMode: .none))
        model.press(.character("z"))  // an error message, normally red
        model.press(.character("?"))
        let buffer = model.view()
        #expect(buffer.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        #expect(buffer.cells.allSatisfy { $0.character.isASCII }, "ASCII mode draws ASCII only")
        let coloured = makeModel(ModelParameters(k: 4)).view()
        #expect(coloured.cells.contains { $0.style.foreground != .default })
    }
}

@Suite struct HelpAndQuitTests {
    @Test func questionMarkTogglesTheHelpOverlay() {
        var model = makeModel()
        model.press(.character("?"))
        #expect(model.isShowingHelp)
        let screen = model.screen
        #expect(screen.contains("Home / End"))
        #expect(screen.contains("Tab / Shift-Tab"))
        for preset in Preset.all { #expect(screen.contains(preset.name), "\(preset.number)") }
        model.press(.character("?"))
        #expect(!model.isShowingHelp)
        #expect(!model.screen.contains("Home / End"))
    }

    @Test func escapeAndQCloseTheOverlayFirst() {
        var model = makeModel()
        var commands = model.press(.character("?"), .escape)
        #expect(!commands.quits && !model.isShowingHelp)
        commands = model.press(.character("?"), .character("q"))
        #expect(!commands.quits && !model.isShowingHelp)
    }

    @Test(arguments: [Key.character("q"), .controlC])
    func quitKeysFinish(key: Key) {
        var model = ExplorerModel()
        #expect(model.update(.resize(width: 80, height: 24)) != .quit)
        #expect(model.press(key).quits)
        #expect(model.press(key) == [.quit])
    }

    @Test func controlCQuitsEvenWhileTypingOrInHelp() {
        var typing = makeModel()
        #expect(typing.press(.enter, .controlC).quits)
        var help = makeModel()
        #expect(help.press(.character("?"), .controlC).quits)
    }
}
