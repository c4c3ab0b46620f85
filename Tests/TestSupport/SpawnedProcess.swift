import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawn`, for the tests that run real processes.
///
/// Foundation's `Process.run()` crashed the test runner (a SIGSEGV in a memcpy inside it) when
/// the runner held a few thousand descriptors, as it does while tests run services in process in
/// parallel; serialising the launches did not help. Here the child gets its three standard
/// descriptors and nothing else (glibc's `addclosefrom_np`), starts with no signal blocked or
/// ignored, and is reaped by polling its own pid only.
package final class SpawnedProcess: Sendable {
    /// How a child ended.
    package enum Exit: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)

        /// The exit code, or the signal's number (as Foundation's `terminationStatus` gave).
        package var status: Int32 {
            switch self {
            case .exited(let code), .signalled(let code): code
            }
        }
    }

    /// The child's process id.
    package let pid: pid_t
    private let exit = Mutex<Exit?>(nil)

    /// Starts `executable` (an absolute path) with `arguments`, this process's environment with
    /// `environment` over it, standard input from `standardInput` (nil: /dev/null), and its
    /// output to the descriptors given (which stay ours to close).
    package init(
        _ executable: String, arguments: [String], environment: [String: String] = [:], standardInput: Int32? = nil, standardOutput: Int32,
        standardError: Int32
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        var failed: Int32 = 0
        func check(_ result: Int32) { if failed == 0 && result != 0 { failed = result } }
        if let standardInput {
            check(posix_spawn_file_actions_adddup2(&actions, standardInput, 0))
        } else {
            check(posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0))
        }
        check(posix_spawn_file_actions_adddup2(&actions, standardOutput, 1))
        check(posix_spawn_file_actions_adddup2(&actions, standardError, 2))
        if let closeFrom = Self.addCloseFrom { check(closeFrom(&actions, 3)) }
        // The runner's threads may block or ignore signals (SIGPIPE is ignored); a child starts clean.
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        check(posix_spawnattr_setsigmask(&attributes, &none))
        check(posix_spawnattr_setsigdefault(&attributes, &all))
        check(posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)))
        guard failed == 0 else { throw SpawnError(executable: executable, code: failed) }

        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { arguments in
            (envp + [nil]).withUnsafeBufferPointer { environment in
                guard let arguments = arguments.baseAddress, let environment = environment.baseAddress else { return EINVAL }
                return posix_spawn(&child, executable, &actions, &attributes, arguments, environment)
            }
        }
        guard result == 0 else { throw SpawnError(executable: executable, code: result) }
        pid = child
    }

    deinit {
        guard exitStatus == nil else { return }
        kill(pid, SIGKILL)
        for _ in 0..<500 where exitStatus == nil { usleep(2000) }
    }

    /// How it ended, or nil while it runs (reaps it when it has ended).
    package var exitStatus: Exit? {
        exit.withLock { exit in
            if let exit { return exit }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            let signal = status & 0x7f
            exit = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
            return exit
        }
    }

    /// True while it runs.
    package var isRunning: Bool { exitStatus == nil }

    /// Sends `signal`, unless it has been reaped (its pid may then be another process's).
    package func send(_ signal: Int32) {
        exit.withLock { exit in
            if exit == nil { _ = kill(pid, signal) }
        }
    }

    /// Blocks this thread until it ends (for callers on a thread of their own).
    package func waitUntilExit() -> Exit {
        while true {
            if let exit = exitStatus { return exit }
            usleep(2000)
        }
    }

    /// Waits until it ends; past `timeout` it is killed and the error names `command`.
    @discardableResult
    package func waitForExit(within timeout: Duration, naming command: String) async throws -> Exit {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let exit = exitStatus { return exit }
            if ContinuousClock.now > deadline {
                send(SIGKILL)
                throw ChildProcessError.timedOut(command)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// A pipe whose ends are both close-on-exec (the child gets its end through dup2 only).
    package static func pipe() throws -> (read: FileHandle, write: FileHandle) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw SpawnError(executable: "pipe", code: errno) }
        // Marked at once; a child spawned in between still gets only its three (addclosefrom).
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (FileHandle(fileDescriptor: ends[0], closeOnDealloc: true), FileHandle(fileDescriptor: ends[1], closeOnDealloc: true))
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), declared only under
    /// `_GNU_SOURCE` and so not in Swift's Glibc module; nil on an older glibc, where the
    /// descriptors we open close-on-exec are still not inherited.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()
}

/// A child that could not be started.
package struct SpawnError: Error, CustomStringConvertible {
    let executable: String
    let code: Int32

    package var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
}
