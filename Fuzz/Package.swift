// swift-tools-version:6.0
// libFuzzer target for the HTTP request parser (issue #10): built by `make fuzz` with
// -sanitize=fuzzer,address. A package of its own so `make test` never builds it.
import PackageDescription

let package = Package(
    name: "sales-server-fuzz",
    dependencies: [
        // A symlink made by run.sh, so the dependency's identity does not depend on the clone's folder.
        .package(path: "sales-server"),
    ],
    targets: [
        .executableTarget(name: "HTTPParserFuzz", dependencies: [
            .product(name: "HTTPServer", package: "sales-server"),
        ], swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
