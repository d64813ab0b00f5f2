// swift-tools-version:6.0
// The Swift SDK for sales-server (README "For integrators"): the client generated from
// docs/openapi.yaml by swift-openapi-generator (committed under Sources/SalesClient/Generated;
// `make clients` regenerates it), and a small hand-written layer on top — API-key auth, an
// Idempotency-Key per logical call kept across retries, problem+json as a Swift error, lists as
// AsyncSequences, webhook signature verification.
import PackageDescription

let package = Package(
    name: "SalesClient",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "SalesClient", targets: ["SalesClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .target(
            name: "SalesClient",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "SalesClientTests", dependencies: ["SalesClient"]),
    ]
)
