import Contract
import Foundation
import ServiceTestSupport
import Testing

/// A person signed in to publication's pages over a real socket: the cookie and the session's
/// CSRF token, and form posts carrying both (and a hidden idempotency key when given). Each
/// exchange runs on a thread of its own: `PageBrowser` blocks on its socket, and the service in
/// this process needs the cooperative pool (two cores here) to answer it while other suites run.
struct PageSession: Sendable {
    /// An answer: status, headers, body.
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int
    let cookie: String
    let csrf: String

    /// Signs in with `token` and reads the CSRF token from `page`.
    static func signIn(_ harness: Harness, _ token: String, page: String = "/") async throws -> PageSession {
        let port = harness.service.port
        let (cookie, csrf) = try await offPool {
            let browser = PageBrowser(port: port)
            let (cookie, _) = try browser.signIn(token)
            return (cookie, try browser.csrfToken(cookie: cookie, page: page))
        }
        return PageSession(port: port, cookie: cookie, csrf: csrf)
    }

    /// A GET without a session.
    static func anonymousGet(_ harness: Harness, _ path: String) async throws -> Answer {
        let port = harness.service.port
        return try await offPool { answer(try PageBrowser(port: port).get(path)) }
    }

    func get(_ path: String) async throws -> Answer {
        let (port, cookie) = (port, cookie)
        return try await Self.offPool { Self.answer(try PageBrowser(port: port).get(path, cookie: cookie)) }
    }

    /// Posts `fields` with the CSRF token (unless `withToken` is false) and, when `key` is given,
    /// the form's idempotency key.
    func post(_ path: String, _ fields: [(String, String)], key: String? = nil, withToken: Bool = true) async throws -> Answer {
        var form = fields
        if withToken { form.append(("csrfToken", csrf)) }
        if let key { form.append(("idempotencyKey", key)) }
        let (port, cookie, sent) = (port, cookie, form.map { [$0.0, $0.1] })
        return try await Self.offPool {
            Self.answer(try PageBrowser(port: port).post(path, cookie: cookie, form: sent.map { ($0[0], $0[1]) }))
        }
    }

    private static func answer(_ answer: PageBrowser.Answer) -> Answer {
        Answer(status: answer.status, headers: answer.headers, body: answer.body)
    }

    /// Runs a blocking exchange on a thread of its own.
    private static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
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
