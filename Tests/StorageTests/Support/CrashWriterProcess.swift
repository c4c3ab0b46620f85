import Foundation
import TestSupport

/// Runs the `StorageCrashWriter` executable and SIGKILLs it part way through.
enum CrashWriterProcess {
    /// What a killed run acknowledged, and how it ended.
    struct Outcome: Sendable {
        /// Every id the writer printed before it died, i.e. every write it was told was durable.
        let acknowledged: [Int64]
        /// True when the process ended by our SIGKILL, not on its own.
        let wasKilled: Bool
    }

    /// Why the writer could not be run.
    enum Failure: Error, CustomStringConvertible {
        /// The executable was not found next to the test binary or above it.
        case executableNotFound(searched: [String])

        var description: String {
            switch self {
            case .executableNotFound(let searched):
                "StorageCrashWriter not found; build it with `swift build --build-tests`. Searched: \(searched)"
            }
        }
    }

    /// The executable SwiftPM built beside the test bundle: the test binary's directory or one above it.
    static func executableURL() throws -> URL {
        let starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? ".")]
        var searched: [String] = []
        for start in starts {
            var directory = start.hasDirectoryPath ? start : start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("StorageCrashWriter")
                searched.append(candidate.path)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw Failure.executableNotFound(searched: searched)
    }

    /// Starts the writer on `databasePath` in `mode`, waits for `killAfter` acknowledgements,
    /// SIGKILLs it, and returns every id it acknowledged up to its death.
    ///
    /// The child is driven from a thread of its own: reading its pipe blocks, and blocking
    /// one of the few threads of Swift's cooperative pool would stall other tests.
    static func runAndKill(databasePath: String, mode: String, killAfter: Int) async throws -> Outcome {
        let executable = try executableURL()
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result {
                        try run(executable, databasePath: databasePath, mode: mode, killAfter: killAfter)
                    })
            }
            thread.start()
        }
    }

    private static func run(_ executable: URL, databasePath: String, mode: String, killAfter: Int) throws -> Outcome {
        let output = try SpawnedProcess.pipe()
        let process = try SpawnedProcess(
            executable.path, arguments: [databasePath, mode], standardOutput: output.write.fileDescriptor,
            standardError: FileHandle.standardError.fileDescriptor)
        // Our copy of the write end must go, or reading to the end would wait for ourselves.
        try? output.write.close()

        let reader = output.read
        var lines = LineBuffer()
        while lines.ids.count < killAfter {
            let chunk = reader.availableData
            if chunk.isEmpty { break }  // the writer ended on its own: reported through wasKilled
            lines.append(chunk)
        }
        process.send(SIGKILL)
        let exit = process.waitUntilExit()
        lines.append(reader.readDataToEndOfFile())
        let killed = exit == .signalled(SIGKILL)
        return Outcome(acknowledged: lines.ids, wasKilled: killed)
    }
}

/// Splits the writer's output into ids, keeping an incomplete last line until its newline arrives.
private struct LineBuffer {
    private(set) var ids: [Int64] = []
    private var pending = Data()

    mutating func append(_ data: Data) {
        pending.append(data)
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
            pending = Data(pending[pending.index(after: newline)...])
            if let id = Int64(line) { ids.append(id) }
        }
    }
}
