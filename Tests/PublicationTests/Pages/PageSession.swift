import Contract
import Foundation
import ServiceTestSupport
import Testing

/// A person signed in to publication's pages over a real socket: the cookie and the session's
/// CSRF token, and form posts carrying both (and a hidden idempotency key when given).
/// (`PageBrowser` runs each exchange on a thread of its own, off the cooperative pool.)
struct PageSession: Sendable {
    /// An answer: status, headers, body.
    typealias Answer = PageBrowser.Answer

    let port: Int
    let cookie: String
    let csrf: String

    /// Signs in with `token` and reads the CSRF token from `page`.
    static func signIn(_ harness: Harness, _ token: String, page: String = "/") async throws -> PageSession {
        let browser = PageBrowser(port: harness.service.port)
        let (cookie, _) = try await browser.signIn(token)
        return PageSession(port: browser.port, cookie: cookie, csrf: try await browser.csrfToken(cookie: cookie, page: page))
    }

    /// A GET without a session.
    static func anonymousGet(_ harness: Harness, _ path: String) async throws -> Answer {
        try await PageBrowser(port: harness.service.port).get(path)
    }

    func get(_ path: String) async throws -> Answer { try await PageBrowser(port: port).get(path, cookie: cookie) }

    /// Posts `fields` with the CSRF token (unless `withToken` is false) and, when `key` is given,
    /// the form's idempotency key.
    func post(_ path: String, _ fields: [(String, String)], key: String? = nil, withToken: Bool = true) async throws -> Answer {
        var form = fields
        if withToken { form.append(("csrfToken", csrf)) }
        if let key { form.append(("idempotencyKey", key)) }
        return try await PageBrowser(port: port).post(path, cookie: cookie, form: form)
    }
}

/// A date's three inputs.
func dateFields(_ name: String, _ text: String) -> [(String, String)] {
    let parts = text.split(separator: "-").map { String(Int($0) ?? 0) }
    return [("\(name).day", parts[2]), ("\(name).month", parts[1]), ("\(name).year", parts[0])]
}

/// What no page of publication shows: the report's text and the reviewers' names (the
/// fixtures' report names "Jo Example" and "Dana Sample" and tells of "Child A").
func expectNoPersonalData(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for text in [Fixtures.reviewerName, "Dana Sample", "Child A", "Fictional: a short summary"] {
        #expect(!body.contains(text), "a page shows \(text)", sourceLocation: sourceLocation)
    }
}
