// swift-tools-version:6.0
// Benchmarks: our server and a Hummingbird 2 peer, built side by side. Kept out of the main
// package so the product never builds Hummingbird or SwiftNIO.
import PackageDescription

let package = Package(
    name: "sales-server-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // A symlink made by run.sh, so the dependency's identity is "sales-server" whatever the
        // clone's folder is called.
        .package(path: "sales-server"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .executableTarget(name: "peer-hummingbird", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "SalesAPI", package: "sales-server"),
            .product(name: "SalesStore", package: "sales-server"),
            .product(name: "SalesCore", package: "sales-server"),
        ]),
    ]
)
