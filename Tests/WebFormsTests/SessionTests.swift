import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing

@testable import WebForms

/// Sign-in, the session cookie, expiry and the CSRF checks over real sockets, against a small
/// service with pages started as the runner starts every service.
@Suite("Sign-in, sessions and CSRF over real sockets", .serialized)
struct SessionTests {
    static func withService(extra: [String: String] = [:], _ body: (RunningService, PageBrowser) async throws -> Void) async throws {
        let directory = try TestDirectory()
        let service = try await startInProcess(FormsService.definition, directory, extra: extra)
        try await withStopping(service, stop: { await $0.stop(grace: .seconds(1)) }) { service in
            try await body(service, PageBrowser(port: service.port))
        }
    }

    @Test("sign-in answers a cookie that is HttpOnly, SameSite=Strict, Path=/, and neither Secure nor __Host- without TLS")
    func cookieWithoutTLS() async throws {
        try await Self.withService { _, browser in
            let (cookie, line) = try await browser.signIn(TestTokens.staff)
            #expect(cookie.hasPrefix("cspr-session="))
            let attributes = Set(line.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes == ["Path=/", "HttpOnly", "SameSite=Strict"])
            #expect(cookie.count > "cspr-session=".count + 40, "the id is 256 random bits")
        }
    }

    @Test("behind a TLS proxy the cookie is __Host- and Secure, and a post's origin must be https")
    func cookieBehindTLS() async throws {
        try await Self.withService(extra: ["CSPR_PAGES_TLS": "proxy"]) { service, browser in
            let https = [("Origin", "https://127.0.0.1:\(browser.port)")]
            let answer = try await browser.post(WebPages.signInPath, form: [("token", TestTokens.staff)], headers: https)
            let line = try #require(answer.headers["set-cookie"])
            #expect(line.hasPrefix("__Host-cspr-session="))
            let attributes = Set(line.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes == ["Path=/", "HttpOnly", "SameSite=Strict", "Secure"])
            // The same sign-in from plain http is another origin.
            let plain = try await browser.post(WebPages.signInPath, form: [("token", TestTokens.staff)])
            #expect(plain.status == 403 && plain.headers["set-cookie"] == nil)
            #expect(try await FormsService.sessions(service).count == 1)
        }
    }

    @Test("a form of exactly the field limit is read; one field over is refused 413 before sign-in or session, nothing opened")
    func fieldLimit() async throws {
        try await Self.withService { service, browser in
            let padding = (0..<(FormData.maxFields - 1)).map { ("f\($0)", "") }
            let atLimit = try await browser.post(WebPages.signInPath, form: [("token", TestTokens.staff)] + padding)
            #expect(atLimit.status == 303 && atLimit.headers["set-cookie"] != nil)
            let over = try await browser.post(WebPages.signInPath, form: [("token", TestTokens.staff), ("g", "")] + padding)
            #expect(over.status == 413 && over.headers["set-cookie"] == nil)
            #expect(over.body.contains("at most 5000 fields"))
            #expect(try await FormsService.sessions(service).count == 1)
        }
    }

    @Test("a refused token opens no session and says it was refused, not why")
    func refusedToken() async throws {
        try await Self.withService { service, browser in
            let answer = try await browser.post(WebPages.signInPath, form: [("token", "unknown-token-0123456789abcdef")])
            #expect(answer.status == 401)
            #expect(answer.headers["set-cookie"] == nil)
            #expect(answer.body.contains("The token was not accepted"))
            #expect(!answer.body.contains("unknown-token"))
            #expect(try await FormsService.sessions(service).isEmpty)
        }
    }

    @Test("a page without a session sends the browser to sign in; the session id is stored hashed")
    func signInFirst() async throws {
        try await Self.withService { service, browser in
            let answer = try await browser.get("/notes")
            #expect(answer.status == 303)
            #expect(answer.headers["location"] == "/sign-in?next=%2Fnotes")
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let id = String(cookie.dropFirst("cspr-session=".count))
            let stored: [String] = try await service.context.database.read { db in
                try db.query("SELECT id_hash FROM web_sessions").map { try $0["id_hash"] }
            }
            #expect(stored == [SHA256.hex(Array(id.utf8))])
            #expect(try await browser.get("/notes", cookie: cookie).status == 200)
        }
    }

    @Test("a role the page's method does not allow is refused")
    func roleRefused() async throws {
        try await Self.withService { service, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.panel)
            #expect(try await browser.get("/notes", cookie: cookie).status == 403)
            #expect(try await FormsService.notes(service) == 0)
        }
    }

    @Test("a POST with the session's token from its own page is applied")
    func postApplied() async throws {
        try await Self.withService { service, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let token = try await browser.csrfToken(cookie: cookie, page: "/notes")
            let answer = try await browser.post("/notes", cookie: cookie, form: [("csrfToken", token), ("text", "fictional note")])
            #expect(answer.status == 303)
            #expect(try await FormsService.notes(service) == 1)
            // Without Origin, a browser's Sec-Fetch-Site: same-origin is enough (no-referrer sends Origin: null).
            let fetched = try await browser.post(
                "/notes", cookie: cookie, form: [("csrfToken", token), ("text", "second")],
                headers: [("Origin", "null"), ("Sec-Fetch-Site", "same-origin")])
            #expect(fetched.status == 303)
            #expect(try await FormsService.notes(service) == 2)
        }
    }

    @Test(
        "a refused POST changes nothing, not even the session's last use",
        arguments: ["no token", "another session's token", "another origin", "another site", "no origin at all"])
    func refusedPost(_ refusal: String) async throws {
        try await Self.withService { service, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let (otherCookie, _) = try await browser.signIn(TestTokens.staff)
            let token = try await browser.csrfToken(cookie: cookie, page: "/notes")
            let otherToken = try await browser.csrfToken(cookie: otherCookie, page: "/notes")
            #expect(token != otherToken)
            let before = try await FormsService.sessions(service)
            try await Task.sleep(for: .seconds(1.1))
            var form = [("text", "must not be saved")]
            var headers = [("Origin", browser.origin)]
            switch refusal {
            case "no token": break
            case "another session's token": form.append(("csrfToken", otherToken))
            case "another origin":
                form.append(("csrfToken", token))
                headers = [("Origin", "http://attacker.example")]
            case "another site":
                form.append(("csrfToken", token))
                headers = [("Origin", "null"), ("Sec-Fetch-Site", "cross-site")]
            default:
                form.append(("csrfToken", token))
                headers = []
            }
            let answer = try await browser.post("/notes", cookie: cookie, form: form, headers: headers)
            #expect(answer.status == 403)
            #expect(answer.body.contains("Nothing was saved"))
            #expect(try await FormsService.notes(service) == 0)
            #expect(try await FormsService.sessions(service) == before)
        }
    }

    @Test("after sign-out the cookie and its CSRF token change nothing")
    func afterSignOut() async throws {
        try await Self.withService { service, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let token = try await browser.csrfToken(cookie: cookie, page: "/notes")
            let out = try await browser.post(WebPages.signOutPath, cookie: cookie, form: [("csrfToken", token)])
            #expect(out.status == 303)
            #expect(out.headers["set-cookie"]?.contains("Max-Age=0") == true)
            #expect(try await FormsService.sessions(service).isEmpty)
            let answer = try await browser.post("/notes", cookie: cookie, form: [("csrfToken", token), ("text", "after sign-out")])
            #expect(answer.status == 403)
            #expect(try await FormsService.notes(service) == 0)
            #expect(try await browser.get("/notes", cookie: cookie).status == 303)
        }
    }

    @Test("a session ends when idle too long, and at its absolute expiry however used")
    func expiry() async throws {
        try await Self.withService(extra: ["CSPR_SESSION_IDLE_MINUTES": "30", "CSPR_SESSION_MAX_HOURS": "12"]) { service, browser in
            let settings = SessionSettings(idle: 30 * 60, absolute: 12 * 3600)
            let principal = Principal(name: "Pat.Support", roles: ["partnership-support"])
            let now = Date()
            // Opened 31 minutes ago and not used since: idle.
            let idle = try await service.context.database.write { tx in
                try WebSessions.open(tx, principal, now: now.addingTimeInterval(-31 * 60), settings: settings).cookie
            }
            // Opened 29 minutes ago: still live.
            let live = try await service.context.database.write { tx in
                try WebSessions.open(tx, principal, now: now.addingTimeInterval(-29 * 60), settings: settings).cookie
            }
            // Opened 12 hours ago, used a minute ago: past its absolute expiry.
            let old = try await service.context.database.write { tx in
                let opened = try WebSessions.open(tx, principal, now: now.addingTimeInterval(-12 * 3600 - 1), settings: settings)
                try WebSessions.touch(tx, opened.session, now: now.addingTimeInterval(-60))
                return opened.cookie
            }
            #expect(try await browser.get("/notes", cookie: "cspr-session=\(idle)").status == 303)
            #expect(try await browser.get("/notes", cookie: "cspr-session=\(live)").status == 200)
            #expect(try await browser.get("/notes", cookie: "cspr-session=\(old)").status == 303)
            let page = try await browser.get("/notes", cookie: "cspr-session=\(live)")
            #expect(page.body.contains("Your session ends at"))
        }
    }

    @Test("a page read records the session's use at most once a minute: the idle expiry starts again, without a write per view")
    func touchedOncePerMinute() async throws {
        try await Self.withService { service, browser in
            let principal = Principal(name: "Pat.Support", roles: ["partnership-support"])
            let now = Date()
            let (recent, earlier) = try await service.context.database.write { tx in
                let recent = try WebSessions.open(tx, principal, now: now.addingTimeInterval(-30), settings: SessionSettings()).cookie
                let earlier = try WebSessions.open(tx, principal, now: now.addingTimeInterval(-90), settings: SessionSettings()).cookie
                return (recent, earlier)
            }
            let before = try await FormsService.sessions(service)
            #expect(try await browser.get("/notes", cookie: "cspr-session=\(recent)").status == 200)
            #expect(try await browser.get("/notes", cookie: "cspr-session=\(earlier)").status == 200)
            let after = try await FormsService.sessions(service)
            // The one used 30 s ago kept its time; the one used 90 s ago now reads as just used.
            #expect(before.count == 2 && after.count == 2)
            #expect(after.contains(before[1]) && !after.contains(before[0]))
            #expect((after.max() ?? 0) >= before[1] + 29)
        }
    }
}
