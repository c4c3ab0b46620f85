import Foundation
import H2
import RPC
import ServiceKit
import Storage

/// A service's pages behind sign-in (FORMS.md): `GET`/`POST /sign-in` (the person pastes the
/// token of the tokens file once), `POST /sign-out`, `/style.css`, and the service's own pages
/// (`PageRoutes`), each for the roles of the RPC method it stands for.
///
/// Every request to a page needs a live session; every POST also needs the session's CSRF
/// token (compared in constant time) and an `Origin` of this service (or, without `Origin`,
/// `Sec-Fetch-Site: same-origin`). A refused POST changes nothing, the session's last use
/// included. The log names the page and the principal, never a value posted.
package struct WebPages: HTTPHandler {
    /// The hidden field of every POST that carries the session's CSRF token.
    package static let csrfField = "csrfToken"
    /// Sign-in and sign-out.
    package static let (signInPath, signOutPath) = ("/sign-in", "/sign-out")

    private let serviceName: String
    private let database: Database
    private let tokens: TokensFile
    private let settings: SessionSettings
    private let logger: Logger
    private let routes: PageRoutes
    private let now: @Sendable () -> Date

    /// The pages of `serviceName` (its title on the sign-in page), with its sessions in
    /// `database` (`WebSessions.migrations` among its schema steps).
    package init(
        serviceName: String, database: Database, tokens: TokensFile, settings: SessionSettings, logger: Logger, routes: PageRoutes,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.serviceName = serviceName
        self.database = database
        self.tokens = tokens
        self.settings = settings
        self.logger = logger
        self.routes = routes
        self.now = now
    }

    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        // Refused before sessions or parsing, signed in or not (issue 17: no unbounded input).
        if request.head.method == "POST", FormData.fieldCount(request.body) > FormData.maxFields {
            logger.info("page", ["page": .string("too-many-fields"), "method": .string("POST"), "status": .int(413)])
            return PageResponse.message(
                413, title: "The form is too large", text: "A form may have at most \(FormData.maxFields) fields; nothing was saved.")
        }
        let target = request.head.path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = target.first.map(String.init) ?? "/"
        let query = FormData(query: target.count > 1 ? String(target[1]) : "")
        let method = request.head.method == "HEAD" ? "GET" : request.head.method
        var principal: String?
        var pageName = "other"
        let response: HTTPResponse
        switch (method, path) {
        case ("GET", StyleSheet.path):
            pageName = "stylesheet"
            response = PageResponse.stylesheet()
        case ("GET", Self.signInPath):
            pageName = "sign-in"
            response = PageResponse.html(SignInPage.render(service: serviceName, next: Self.safeNext(query["next"]), refused: false))
        case ("POST", Self.signInPath):
            pageName = "sign-in"
            (response, principal) = await signIn(request)
        default:
            let found = routes.find(method: method, path: path)
            pageName = found?.name ?? "other"
            (response, principal) = await page(request, path: path, query: query, route: found, method: method)
        }
        var fields: [String: LogValue] = ["page": .string(pageName), "method": .string(method), "status": .int(response.status)]
        if let principal { fields["principal"] = .string(principal) }
        logger.info("page", fields)
        return response
    }

    /// `POST /sign-in`: a known token opens a session; any other is refused without saying
    /// why (unknown, malformed or empty look the same).
    private func signIn(_ request: HTTPRequest) async -> (HTTPResponse, String?) {
        guard Self.sameOrigin(request.head, overTLS: settings.overTLS) else { return (refusedPost(), nil) }
        let form = FormData(request.body)
        let next = Self.safeNext(form["next"])
        guard let principal = tokens.principal(for: form["token"].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return (PageResponse.html(SignInPage.render(service: serviceName, next: next, refused: true), status: 401), nil)
        }
        let (now, settings) = (now(), settings)
        do {
            let (cookie, _) = try await database.write { tx in try WebSessions.open(tx, principal, now: now, settings: settings) }
            return (PageResponse.redirect(next, setCookie: SessionCookie.set(cookie, settings)), principal.name)
        } catch {
            logger.error("a session could not be opened", ["errorType": .string("\(type(of: error))")])
            return (PageResponse.message(503, title: "Try again", text: "The session could not be opened. Try again shortly."), principal.name)
        }
    }

    /// A page behind sign-in: the session, then for a POST the origin and the CSRF token,
    /// then the role; only then is the session's use recorded and the page run.
    private func page(_ request: HTTPRequest, path: String, query: FormData, route: PageRoutes.Route?, method: String) async -> (
        HTTPResponse, String?
    ) {
        let isSignOut = method == "POST" && path == Self.signOutPath
        guard route != nil || isSignOut else {
            if method != "GET" && method != "POST" { return (PageResponse.message(405, title: "Not allowed", text: "Pages are read with GET."), nil) }
            return (PageResponse.message(404, title: "Page not found", text: "There is no such page."), nil)
        }
        let (now, settings) = (now(), settings)
        let cookie = SessionCookie.value(in: request.head.headers, settings) ?? ""
        let session: WebSession?
        do {
            session = try await database.read { try WebSessions.find($0, cookie: cookie, now: now, settings: settings) }
        } catch {
            return (PageResponse.message(503, title: "Try again", text: "The session could not be read. Try again shortly."), nil)
        }
        guard let session else {
            if method == "GET" { return (PageResponse.redirect("\(Self.signInPath)?next=\(FormData.encode(path))"), nil) }
            return (
                PageResponse.message(
                    403, title: "Your session has ended", text: "Nothing was saved: your session has ended. Sign in again, then send the form again."),
                nil
            )
        }
        let name = session.principal.name
        var form = FormData(values: [:])
        if method == "POST" {
            form = FormData(request.body)
            guard Self.sameOrigin(request.head, overTLS: settings.overTLS),
                WebSessions.constantTimeEqual(form[Self.csrfField], session.csrfToken)
            else { return (refusedPost(), name) }
        }
        if isSignOut {
            do {
                try await database.write { tx in try WebSessions.end(tx, session) }
            } catch {
                return (PageResponse.message(503, title: "Try again", text: "You could not be signed out. Try again."), name)
            }
            return (PageResponse.redirect(Self.signInPath, setCookie: SessionCookie.clear(settings)), name)
        }
        guard let route else { return (PageResponse.message(404, title: "Page not found", text: "There is no such page."), name) }
        guard !session.principal.roles.isDisjoint(with: route.roles) else {
            return (
                PageResponse.message(
                    403, title: "Not allowed",
                    text: "\(name) may not use this page; it needs one of the roles: \(route.roles.sorted().joined(separator: ", ")).",
                    session: session, settings: settings),
                name
            )
        }
        var touched = session
        // A write per page read would queue every view behind the service's writes: the use is
        // recorded at most once a minute (a minute of an idle expiry of 30 is nothing).
        if now.timeIntervalSince(session.lastSeen) >= WebSessions.touchInterval {
            touched.lastSeen = now
            do {
                try await database.write { tx in try WebSessions.touch(tx, session, now: now) }
            } catch {
                return (PageResponse.message(503, title: "Try again", text: "The session could not be kept. Try again shortly."), name)
            }
        }
        let pageRequest = PageRequest(
            path: path, query: query, form: form, session: touched, settings: settings, parameter: route.parameter(of: path), database: database,
            logger: logger)
        return (await route.handler(pageRequest), name)
    }

    private func refusedPost() -> HTTPResponse {
        PageResponse.message(
            403, title: "The form was refused",
            text: "Nothing was saved: the form did not come from this service's page. Open the page again and send it from there.")
    }

    /// A `next` that stays on this service: a path, never `//host` or a scheme.
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next != signOutPath else { return "/" }
        return next
    }

    /// True when a POST comes from this service's own pages: its `Origin` is this host (the
    /// scheme by `CSPR_PAGES_TLS`), or, without one, `Sec-Fetch-Site` says same-origin. Under
    /// the pages' `Referrer-Policy: no-referrer` a browser sends `Origin: null` for its own
    /// form posts, so `null` counts as no `Origin`; `Sec-Fetch-Site` then decides (another
    /// site's form says `cross-site` there).
    static func sameOrigin(_ head: HTTPRequestHead, overTLS: Bool) -> Bool {
        if let origin = head.headers["origin"], origin != "null" {
            guard let host = head.authority ?? head.headers["host"] else { return false }
            return origin == "\(overTLS ? "https" : "http")://\(host)"
        }
        return head.headers["sec-fetch-site"] == "same-origin"
    }
}
