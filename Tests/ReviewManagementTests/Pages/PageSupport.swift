import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// What the page tests share: a review taken to a step, the pages over real sockets, and a
/// signed-in session with its CSRF token.
enum Pages {
    /// Runs `body` with a fresh service holding review `sequence` taken through `step`.
    static func with(
        _ sequence: Int, through step: Harness.Step, _ body: (Harness, PageBrowser, CaseReference) async throws -> Void
    ) async throws {
        try await withReview(sequence, through: step) { harness, reference in
            try await body(harness, PageBrowser(port: harness.service.port), reference)
        }
    }

    /// A session of `token`'s holder and its CSRF token, read from `page`.
    static func session(_ browser: PageBrowser, _ token: String, page: String = "/") async throws -> (cookie: String, csrf: String) {
        let (cookie, _) = try await browser.signIn(token)
        return (cookie, try await browser.csrfToken(cookie: cookie, page: page))
    }

    /// A form's values as the fields a browser posts.
    static func fields(_ values: FormData) -> [(String, String)] { values.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    /// The audit entries of `method` (`page:<name>` for a page view).
    static func audited(_ harness: Harness, _ method: String) async throws -> [AuditEntry] {
        try await harness.service.context.database.read { try AuditTrail.entries($0) }.filter { $0.method == method }
    }
}
