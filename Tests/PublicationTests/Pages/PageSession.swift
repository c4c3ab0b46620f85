import Contract
import Foundation
import ServiceTestSupport
import Testing

/// A person signed in to publication's pages over a real socket: the cookie and the session's
/// CSRF token, and form posts carrying both (and a hidden idempotency key when given).
struct PageSession {
    let browser: PageBrowser
    let cookie: String
    let csrf: String

    /// Signs in with `token` and reads the CSRF token from `page`.
    static func signIn(_ harness: Harness, _ token: String, page: String = "/") throws -> PageSession {
        let browser = PageBrowser(port: harness.service.port)
        let (cookie, _) = try browser.signIn(token)
        return PageSession(browser: browser, cookie: cookie, csrf: try browser.csrfToken(cookie: cookie, page: page))
    }

    func get(_ path: String) throws -> PageBrowser.Answer { try browser.get(path, cookie: cookie) }

    /// Posts `fields` with the CSRF token and, when `key` is given, the form's idempotency key.
    func post(_ path: String, _ fields: [(String, String)], key: String? = nil) throws -> PageBrowser.Answer {
        var form = fields + [("csrfToken", csrf)]
        if let key { form.append(("idempotencyKey", key)) }
        return try browser.post(path, cookie: cookie, form: form)
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
