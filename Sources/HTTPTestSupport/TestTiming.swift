import Foundation

/// Test support only. Every wait in the tests (socket receive timeouts, polling deadlines) is
/// multiplied by `SALES_TEST_TIME_SCALE` (default 1): under AddressSanitizer or ThreadSanitizer
/// the same code runs several times slower, and `make sanitize` sets a larger scale so a test
/// fails on what it checks, not on a wait sized for an uninstrumented build.
public enum TestTiming {
    public static let scale: Double = {
        guard let text = ProcessInfo.processInfo.environment["SALES_TEST_TIME_SCALE"],
              let value = Double(text), value >= 1 else { return 1 }
        return value
    }()

    /// `seconds` stretched by the scale.
    public static func scaled(_ seconds: Double) -> Double { seconds * scale }
}
