import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Where the package's built executables are: beside the running test bundle, else under
/// `.build/debug` of the package root.
package enum BuiltProducts {
    /// The package root (the directory holding Package.swift).
    package static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The path of executable `name`, or nil when it was not built.
    package static func executable(_ name: String) -> URL? {
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = argument0.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent(name))
            directory.deleteLastPathComponent()
        }
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() { candidates.append(bundle.appendingPathComponent(name)) }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/\(name)"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A child process with its stdout and stderr read line by line, killed when dropped.
package final class ChildProcess: @unchecked Sendable {
    // Process is not Sendable; it is only read after `run()` (pid, isRunning, status).
    private let process: Process
    private let buffer = LineBuffer()

    /// Starts `executable` with `arguments` and extra `environment`.
    package init(_ executable: URL, arguments: [String] = [], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        // Its standard error joins the same pipe rather than the test runner's: a child left
        // running by a crashed test must not hold the runner's output open (swift test would
        // wait for it forever).
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        self.process = process
        try ProcessLaunch.run(process)
        // Our copy of the write end must go, or the reader would never see the end of output.
        try? pipe.fileHandleForWriting.close()
        // A thread of its own reads the output with blocking reads until the end. (Foundation's
        // readabilityHandler, a dispatch source on the descriptor, crashed libdispatch here when
        // the pipe went away with the source still armed.)
        let buffer = self.buffer
        let reader = pipe.fileHandleForReading
        let thread = Thread {
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
            }
            try? reader.close()
        }
        thread.name = "child-output"
        thread.start()
    }

    deinit {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        // Polled rather than waitUntilExit(), which spins a run loop on whatever thread drops us.
        for _ in 0..<500 where process.isRunning { usleep(2000) }
    }

    /// The lines printed so far.
    package var output: [String] { buffer.lines.withLock { $0 } }

    /// The process id.
    package var pid: Int32 { process.processIdentifier }

    /// True while it runs.
    package var isRunning: Bool { process.isRunning }

    /// Waits until a printed line satisfies `match`, and returns it.
    package func waitForLine(timeout: Duration = .seconds(20), where match: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = output.first(where: match) { return line }
            if !process.isRunning {
                // Give the reader a moment for the last lines, then say why rather than wait on.
                try await Task.sleep(for: .milliseconds(100))
                if let line = output.first(where: match) { return line }
                throw ChildProcessError.timedOut("the process exited (status \(process.terminationStatus)) first; printed: \(output.suffix(5))")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ChildProcessError.timedOut("no matching line within \(timeout); printed: \(output.suffix(5))")
    }

    /// Sends `signal`.
    package func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for exit and returns the status (exit code, or the signal number for a signal).
    package func waitForExit(timeout: Duration = .seconds(20)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { throw ChildProcessError.timedOut("process still running after \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }
}

/// Output split into lines as it arrives.
private final class LineBuffer: Sendable {
    let lines = Mutex<[String]>([])
    private let partial = Mutex<Data>(Data())

    func append(_ chunk: Data) {
        partial.withLock { buffer in
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                lines.withLock { $0.append(line) }
            }
        }
    }
}

/// Failures of test child processes.
package enum ChildProcessError: Error, CustomStringConvertible {
    case timedOut(String)
    case notBuilt(String)

    package var description: String {
        switch self {
        case .timedOut(let what): "timed out: \(what)"
        case .notBuilt(let name): "executable \(name) was not built"
        }
    }
}

/// Runs a command to completion and returns its exit status and output (stdout and stderr);
/// `stdin` is written to its standard input.
package func runCommand(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60), stdin: String? = nil
) async throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
    process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-cmd-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: file) }
    let handle = try FileHandle(forWritingTo: file)
    process.standardOutput = handle
    process.standardError = handle
    if let stdin {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-stdin-\(UUID().uuidString)")
        try stdin.write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        process.standardInput = try FileHandle(forReadingFrom: input)
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    try ProcessLaunch.run(process)
    try await waitForExit(process, within: timeout, naming: "\(executable) \(arguments.joined(separator: " "))")
    try handle.close()
    let output = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    return (process.terminationStatus, output)
}

/// Runs `executable` to completion (no standard input) and returns its exit status, standard
/// output and standard error apart.
package func runCapturing(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60)
) async throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let directory = FileManager.default.temporaryDirectory
    let out = directory.appendingPathComponent("cspr-out-\(UUID().uuidString)")
    let err = directory.appendingPathComponent("cspr-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
    }
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try ProcessLaunch.run(process)
    try await waitForExit(process, within: timeout, naming: "\(executable.lastPathComponent) \(arguments.joined(separator: " "))")
    try outHandle.close()
    try errHandle.close()
    let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
    return (process.terminationStatus, stdout, stderr)
}

/// Waits for `process` to exit; past `timeout` it is terminated, and the error names `command`.
private func waitForExit(_ process: Process, within timeout: Duration, naming command: String) async throws {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
        if ContinuousClock.now > deadline {
            process.terminate()
            throw ChildProcessError.timedOut(command)
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Starts processes one at a time. Foundation's `Process.run()` crashed (a memcpy inside it)
/// when tests running in parallel started processes at the same moment; serialising the launch
/// costs nothing measurable.
package enum ProcessLaunch {
    private static let lock = NSLock()

    /// Runs `process`, holding the launch lock.
    package static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
