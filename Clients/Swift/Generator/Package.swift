// swift-tools-version:6.0
// The code generator alone, in its own package, so that neither the server's build nor an
// integrator's build of the SDK ever compiles it: `make clients` runs it to regenerate
// Clients/Swift/Sources/SalesClient/Generated from docs/openapi.yaml.
import PackageDescription

let package = Package(
    name: "SalesClientGenerator",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: []
)
