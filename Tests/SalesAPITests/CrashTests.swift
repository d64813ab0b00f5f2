import Foundation
import Testing

/// A short run of scripts/crash-test.py (issue #10 item 1; `make crash-test` runs 50 kills at each
/// durability): kill -9 under a mixed write load of 32 connections, restart, and check integrity,
/// the invariants, replays of every acknowledged request and one effect per retried one.
@Suite struct CrashSafety {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func fiveKillsLoseNothingAcknowledged() throws {
        let script = Self.root.appendingPathComponent("scripts/crash-test.py").path
        let child = try ChildProcess("python3", [script, "--kills", "5", "--durability", "full", "--connections", "32", "--seed", "20261123",
                                                 "--binary", CommandLine.binary])
        let output = child.readToEnd()
        let status = child.wait()
        #expect(status == 0, "\(output)")
        #expect(output.contains("0 failures"), "\(output)")
    }
}
