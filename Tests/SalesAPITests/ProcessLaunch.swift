import Foundation

/// Foundation's `Process.run()` on Linux is not safe to call from several threads at once (a
/// clean-clone CI run crashed inside it when the CLI tests and the webhook test's Python
/// verifier started processes together), so the tests start processes one at a time.
private let processLaunchLock = NSLock()

func launch(_ process: Process) throws {
    processLaunchLock.lock()
    defer { processLaunchLock.unlock() }
    try process.run()
}
