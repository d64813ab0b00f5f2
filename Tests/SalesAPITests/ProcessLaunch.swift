#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Child processes for the tests, started with posix_spawn rather than Foundation's `Process`:
/// on Linux `Process.run()` crashes intermittently (an over-read of `dirent.d_name` while it
/// closes inherited descriptors, swift-corelibs-foundation #5472), which a clean-clone CI run hit.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    let output: FileHandle

    /// Starts `executable` (searched on PATH when it has no slash) with stdout and stderr piped.
    init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envStrings = environment.map { env in env.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envStrings?.forEach { free($0) } }
        var child: pid_t = 0
        let rc = envStrings.map { env in posix_spawnp(&child, executable, &actions, nil, argv, env) }
            ?? posix_spawnp(&child, executable, &actions, nil, argv, environ)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOENT)
        }
        pid = child
        output = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true)
    }

    func readToEnd() -> String { String(decoding: output.readDataToEndOfFile(), as: UTF8.self) }

    func terminate() { kill(pid, SIGTERM) }

    /// Waits for the child: its exit code, or nil when a signal ended it.
    func wait() -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : nil
    }
}
