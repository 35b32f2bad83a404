import ArgumentParser
import IIACharts

/// `--theme dark|light`: the background the colours are chosen for (tui, snapshot, gallery).
struct ThemeOptions: ParsableArguments {
    @Option(help: "The background the colours are for: dark or light (default dark). Every text keeps a contrast of at least 4.5:1.")
    var theme: String?

    /// The theme asked for, dark by default.
    func variant() throws -> ThemeVariant {
        guard let theme else { return .dark }
        guard let variant = ThemeVariant(rawValue: theme.lowercased()) else {
            throw InputError(option: "--theme", allowed: "dark or light", got: theme)
        }
        return variant
    }
}
