// swift-tools-version:6.0
// The iOS shell as a Swift package: the core's generated bindings (LyktCore), the shell's
// testable logic (LyktShell, Foundation only) and its tests. The SwiftUI app in Lykt/ is built
// by the XcodeGen spec (project.yml) on top of the LyktShell product.
//
// Generated/ is made by a script, never committed:
// - on a Mac, scripts/build-xcframework.sh puts LyktCoreFFI.xcframework (the core, static, for
//   iPhone and the simulator) and LyktCore/LyktCore.swift there;
// - on Linux, scripts/test-swift.sh puts the C header, a module map that links liblykt_ffi.so
//   and LyktCore/LyktCore.swift there, and runs `swift test` with the same targets.
import PackageDescription

#if os(Linux)
    let coreLibrary = Target.systemLibrary(name: "LyktCoreFFI", path: "Generated/LyktCoreFFI")
#else
    let coreLibrary = Target.binaryTarget(
        name: "LyktCoreFFI", path: "Generated/LyktCoreFFI.xcframework")
#endif

let package = Package(
    name: "LyktShell",
    platforms: [.iOS(.v17)],
    products: [
        .library(name: "LyktShell", targets: ["LyktShell", "LyktCore"])
    ],
    targets: [
        coreLibrary,
        .target(
            name: "LyktCore", dependencies: ["LyktCoreFFI"], path: "Generated/LyktCore",
            // The generated bindings are written for the Swift 5 language mode.
            swiftSettings: [.swiftLanguageMode(.v5)]),
        .target(name: "LyktShell", dependencies: ["LyktCore"]),
        .testTarget(name: "LyktShellTests", dependencies: ["LyktShell", "LyktCore"]),
    ]
)
