// swift-tools-version:6.0
// sales-server: a sales-lifecycle REST API on our own HTTP/1.1 server (see docs/architecture.md).
import PackageDescription

let package = Package(
    name: "sales-server",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sales-server", targets: ["sales-server"]),
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "SalesCore", targets: ["SalesCore"]),
        .library(name: "SalesStore", targets: ["SalesStore"]),
        .library(name: "SalesAPI", targets: ["SalesAPI"]),
        .library(name: "SalesJSON", targets: ["SalesJSON"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Linux system calls Swift's Glibc module does not export (epoll, eventfd, accept4).
        .target(name: "CLinuxShims"),
        // Locked<Value>: a pthread mutex ThreadSanitizer can see (Sources/Locking/Locked.swift).
        .target(name: "Locking"),
        // HTTP/1.1 on POSIX sockets. Knows nothing about sales.
        .target(name: "HTTPServer", dependencies: ["CLinuxShims", "Locking"]),
        // System libraries (Debian: zlib1g-dev, libssl-dev; `make deps` installs them).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // PostgreSQL's client library (Debian: libpq-dev), for the second store (issue 18).
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // Strict JSON parsing that keeps number text (exact money/quantities) and a byte writer.
        .target(name: "SalesJSON"),
        // Domain: money, quantities, rules. Knows neither HTTP nor SQLite.
        .target(name: "SalesCore"),
        // Embeds docs/openapi.yaml and migrations/*.sql at build time (nothing generated is committed).
        .plugin(name: "EmbedFiles", capability: .buildTool()),
        // Persistence on SQLite through GRDB.
        .target(name: "SalesStore", dependencies: [
            "SalesCore", "SalesJSON", "Locking", "CLibPQ",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ], plugins: ["EmbedFiles"]),
        // HTTP handlers, conventions, wiring.
        .target(name: "SalesAPI", dependencies: [
            "HTTPServer", "SalesCore", "SalesStore", "SalesJSON", "CZlib", "CCrypto", "Locking",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Yams", package: "Yams"),
        ], plugins: ["EmbedFiles"]),
        .executableTarget(name: "sales-server", dependencies: [
            "SalesAPI", "HTTPServer", "SalesStore",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // A raw-socket HTTP client and server harness shared by the test targets.
        .target(name: "HTTPTestSupport", dependencies: ["HTTPServer", "Locking"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPTestSupport", "Locking"]),
        .testTarget(name: "SalesCoreTests", dependencies: ["SalesCore", "HTTPTestSupport"]),
        .testTarget(name: "SalesJSONTests", dependencies: ["SalesJSON"]),
        .testTarget(name: "SalesStoreTests", dependencies: ["SalesStore", "Locking"]),
        .testTarget(name: "SalesAPITests", dependencies: ["SalesAPI", "HTTPServer", "HTTPTestSupport", "SalesStore", "SalesCore", "Locking",
                                                          .product(name: "GRDB", package: "GRDB.swift"),
                                                          .product(name: "Logging", package: "swift-log"),
                                                          .product(name: "Yams", package: "Yams")]),
    ]
)
