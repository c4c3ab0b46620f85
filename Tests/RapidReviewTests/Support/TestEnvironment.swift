import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Obviously fictional tokens: one per principal the tests act as.
enum TestTokens {
    static let intake = "intake-token-0123456789abcdef"
    static let rapidReview = "rapid-review-token-0123456789abcdef"
    static let reviewManagement = "review-management-token-0123456789abcdef"
    static let panel = "panel-token-0123456789abcdef"
    static let chair = "chair-token-0123456789abcdef"
    static let support = "support-token-0123456789abcdef"
    static let viewer = "viewer-token-0123456789abcdef"
    static let admin = "admin-token-0123456789abcdef"

    static let file = """
        # test tokens: <token> <principal> <roles>
        \(intake) intake service
        \(rapidReview) rapid-review service
        \(reviewManagement) review-management service
        \(panel) Sam.Panel case-review-panel
        \(chair) Alex.Chair independent-chair
        \(support) Pat.Support partnership-support
        \(viewer) Vic.Viewer panel-viewer
        \(admin) Ops.Admin admin,auditor
        """
}

/// The shared test directory (ServiceTestSupport), with these tokens and rapid-review's
/// settings: the TESTSHIRE partnership, "today" Monday 7 April 2025, one event loop.
extension TestDirectory {
    /// "Today" of every service started from such a directory.
    static let today = "2025-04-07"

    static func rapidReview() throws -> TestDirectory {
        try TestDirectory(
            tokens: TestTokens.file,
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
func startRapidReviewProcess(_ directory: TestDirectory, port: Int, peers: [String: Int]) async throws -> ChildProcess {
    try await startServiceProcess("rapid-review", service: "rapid-review", directory, port: port, peers: peers)
}
