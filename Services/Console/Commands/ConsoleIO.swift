import Foundation

/// Where `cspr` reads and writes: the process's own streams and environment, or a test's.
package struct ConsoleIO: Sendable {
    /// The environment (`CSPR_TOKEN`, `CSPR_<SERVICE>_URL`).
    package var environment: [String: String]
    /// All of standard input, for `-`.
    package var standardInput: @Sendable () -> Data
    /// Writes to standard output.
    package var output: @Sendable (String) -> Void
    /// Writes to standard error.
    package var errorOutput: @Sendable (String) -> Void

    package init(
        environment: [String: String], standardInput: @escaping @Sendable () -> Data, output: @escaping @Sendable (String) -> Void,
        errorOutput: @escaping @Sendable (String) -> Void
    ) {
        self.environment = environment
        self.standardInput = standardInput
        self.output = output
        self.errorOutput = errorOutput
    }

    /// The process's streams and environment.
    package static var process: ConsoleIO {
        ConsoleIO(
            environment: ProcessInfo.processInfo.environment, standardInput: { FileHandle.standardInput.readDataToEndOfFile() },
            output: { FileHandle.standardOutput.write(Data($0.utf8)) }, errorOutput: { FileHandle.standardError.write(Data($0.utf8)) })
    }
}
