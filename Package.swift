// swift-tools-version: 6.0
import PackageDescription

/// `-O` for debug builds as well (release builds are optimised anyway).
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "iia-explorer",
    platforms: [.macOS(.v15)],  // Synchronization (Atomic, Mutex); Linux is what is built and tested
    products: [
        // MARK: Public products
        .executable(name: "iia-explorer", targets: ["iia-explorer"]),
        .library(name: "IIACore", targets: ["IIACore"]),
        .library(name: "IIACharts", targets: ["IIACharts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: Numerical core (pure, no I/O)
        // Optimised in debug builds too: the tests solve millions of objectives (fuzz, grids),
        // which an unoptimised build makes 20-30 times slower.
        .target(name: "IIACore", swiftSettings: optimisedInDebug),

        // MARK: Rendering (pure: charts into a cell buffer, exporters to text/ANSI/SVG)
        .target(name: "IIACharts"),

        // MARK: The explorer as a state machine (model, update, view; no terminal)
        .target(name: "IIAApp", dependencies: ["IIACore", "IIACharts"]),

        // MARK: Terminal adapter (the only code that calls ncurses)
        // No pkgConfig: ncursesw's pkg-config flags are ones SwiftPM refuses (a warning on every
        // build); the module map links ncursesw and the header is on the default include path.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "IIATerminal", dependencies: ["CNcursesw", "IIAApp", "IIACharts"]),

        // MARK: Command line
        .executableTarget(
            name: "iia-explorer",
            dependencies: [
                "IIACore", "IIACharts", "IIAApp", "IIATerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .testTarget(name: "IIACoreTests", dependencies: ["IIACore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "IIAChartsTests", dependencies: ["IIACharts", "IIAApp", "IIACore"]),
        .testTarget(name: "IIAAppTests", dependencies: ["IIAApp", "IIACharts", "IIACore"]),
        .testTarget(name: "CLITests", dependencies: ["IIACore"]),
    ]
)
