import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The shared test directory (ServiceTestSupport), with its tokens and rapid-review's
/// settings: the TESTSHIRE partnership, "today" Monday 7 April 2025, one event loop.
extension TestDirectory {
    /// "Today" of every service started from such a directory.
    static let today = "2025-04-07"

    static func rapidReview() throws -> TestDirectory {
        try TestDirectory(
            settings: ["CSPR_TODAY": today, "CSPR_PARTNERSHIP": "TESTSHIRE", "CSPR_GRACE_SECONDS": "2", "CSPR_LOOPS": "1"])
    }
}

/// The built rapid-review executable (product `rapid-review`, target RapidReviewMain).
func rapidReviewExecutable() throws -> URL {
    guard let executable = BuiltProducts.executable("rapid-review") ?? BuiltProducts.executable("RapidReviewMain") else {
        throw ChildProcessError.notBuilt("rapid-review")
    }
    return executable
}

/// Starts the rapid-review executable as its own process and waits until it logs "ready".
func startRapidReviewProcess(_ directory: TestDirectory, port: Int, peers: [ServiceIdentity: Int]) async throws -> ChildProcess {
    try await startServiceProcess("rapid-review", service: .rapidReview, directory, port: port, peers: peers)
}
