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
package final class ChildProcess: Sendable {
    private let process: SpawnedProcess
    private let buffer = LineBuffer()

    /// Starts `executable` with `arguments` and extra `environment`.
    package init(_ executable: URL, arguments: [String] = [], environment: [String: String] = [:]) throws {
        let pipe = try SpawnedProcess.pipe()
        // Its standard error joins the same pipe rather than the test runner's: a child left
        // running by a crashed test must not hold the runner's output open (swift test would
        // wait for it forever).
        process = try SpawnedProcess(
            executable.path, arguments: arguments, environment: environment, standardOutput: pipe.write.fileDescriptor,
            standardError: pipe.write.fileDescriptor)
        // Our copy of the write end must go, or the reader would never see the end of output.
        try? pipe.write.close()
        // A thread of its own reads the output with blocking reads until the end. (Foundation's
        // readabilityHandler, a dispatch source on the descriptor, crashed libdispatch here when
        // the pipe went away with the source still armed.)
        let buffer = self.buffer
        let reader = pipe.read
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

    /// The lines printed so far.
    package var output: [String] { buffer.lines.withLock { $0 } }

    /// The process id.
    package var pid: Int32 { process.pid }

    /// True while it runs.
    package var isRunning: Bool { process.isRunning }

    /// Waits until a printed line satisfies `match`, and returns it.
    package func waitForLine(timeout: Duration = .seconds(20), where match: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = output.first(where: match) { return line }
            if let exit = process.exitStatus {
                // Give the reader a moment for the last lines, then say why rather than wait on.
                try await Task.sleep(for: .milliseconds(100))
                if let line = output.first(where: match) { return line }
                throw ChildProcessError.timedOut("the process exited (status \(exit.status)) first; printed: \(output.suffix(5))")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ChildProcessError.timedOut("no matching line within \(timeout); printed: \(output.suffix(5))")
    }

    /// Sends `signal`.
    package func send(_ signal: Int32) { process.send(signal) }

    /// Waits for exit and returns the status (exit code, or the signal number for a signal).
    package func waitForExit(timeout: Duration = .seconds(20)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let exit = process.exitStatus { return exit.status }
            if ContinuousClock.now > deadline { throw ChildProcessError.timedOut("process still running after \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
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
    let output = try TemporaryOutput()
    var input: FileHandle?
    if let stdin {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-stdin-\(UUID().uuidString)")
        try stdin.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        input = try FileHandle(forReadingFrom: file)
    }
    defer { try? input?.close() }
    // A bare name is looked up on PATH by env, as a shell would.
    let process = try SpawnedProcess(
        executable.hasPrefix("/") ? executable : "/usr/bin/env", arguments: executable.hasPrefix("/") ? arguments : [executable] + arguments,
        environment: environment, standardInput: input?.fileDescriptor, standardOutput: output.descriptor, standardError: output.descriptor)
    let exit = try await process.waitForExit(within: timeout, naming: "\(executable) \(arguments.joined(separator: " "))")
    return (exit.status, output.text())
}

/// Runs `executable` to completion (no standard input) and returns its exit status, standard
/// output and standard error apart.
package func runCapturing(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60)
) async throws -> (status: Int32, stdout: String, stderr: String) {
    let out = try TemporaryOutput()
    let err = try TemporaryOutput()
    let process = try SpawnedProcess(
        executable.path, arguments: arguments, environment: environment, standardOutput: out.descriptor, standardError: err.descriptor)
    let exit = try await process.waitForExit(within: timeout, naming: "\(executable.lastPathComponent) \(arguments.joined(separator: " "))")
    return (exit.status, out.text(), err.text())
}

/// A temporary file a child writes its output to (a file, not a pipe, so that nothing started
/// meanwhile can hold it open and nothing waits for a reader); removed when dropped.
package final class TemporaryOutput {
    private let file = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-out-\(UUID().uuidString)")
    private let handle: FileHandle

    package init() throws {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        handle = try FileHandle(forWritingTo: file)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: file)
    }

    /// The descriptor to give the child.
    package var descriptor: Int32 { handle.fileDescriptor }

    /// What was written so far.
    package func text() -> String { (try? String(contentsOf: file, encoding: .utf8)) ?? "" }
}
