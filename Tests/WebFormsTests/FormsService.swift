import Contract
import Foundation
import H2
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import WebForms

/// A small service with pages, built the way intake's are: sessions in its own database, one
/// page that writes (a note, posted) and one that reads, for the roles of an RPC method.
enum FormsService {
    static let identity = ServiceIdentity(name: "test-forms", defaultPort: 7193, rpcService: "cspr.test.v1.Forms")
    static let addNote = Method<Note, Note>(service: identity.rpcService, name: "AddNote", roles: .roles(.partnershipSupport))

    struct Note: Codable, Sendable, Equatable {
        var text: String
    }

    static let definition = ServiceDefinition(
        identity: identity,
        migrations: WebSessions.migrations + [Migration("notes", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;")],
        settings: SessionSettings.load(environment:), state: { context, settings in (context, settings) },
        routes: { _ in RouteTable() },
        pages: { state in
            let (context, settings) = state
            var routes = PageRoutes()
            routes.get("/notes", name: "notes", roles: addNote.info.roles) { request in
                request.page(title: "Notes", body: "<form method=\"post\" action=\"/notes\">\(FormContext.csrf(request.session))</form>")
            }
            routes.post("/notes", name: "notes", roles: addNote.info.roles) { request in
                let text = request.form["text"]
                do {
                    try await context.database.write { tx in try tx.execute("INSERT INTO notes (text) VALUES (?)", text) }
                } catch {
                    return PageResponse.message(503, title: "Try again", text: "Not saved.")
                }
                return PageResponse.redirect("/notes")
            }
            return WebPages(
                serviceName: "test-forms", database: context.database, tokens: context.tokens, settings: settings, logger: context.logger,
                routes: routes)
        })

    /// How many notes were saved.
    static func notes(_ service: RunningService) async throws -> Int {
        try await service.context.database.read { try $0.value("SELECT count(*) FROM notes") ?? 0 }
    }

    /// The sessions' rows, with their last use.
    static func sessions(_ service: RunningService) async throws -> [Int64] {
        try await service.context.database.read { db in
            try db.query("SELECT last_seen FROM web_sessions ORDER BY last_seen").map { try $0["last_seen"] }
        }
    }
}

/// One HTTP/1.1 exchange over a real socket, as a browser sends it.
struct Browser {
    let port: Int
    var origin: String { "http://127.0.0.1:\(port)" }

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    func get(_ path: String, cookie: String? = nil) throws -> Answer {
        try exchange("GET", path, cookie: cookie, form: nil, headers: [])
    }

    func post(_ path: String, cookie: String? = nil, form: [(String, String)], headers: [(String, String)]? = nil) throws -> Answer {
        try exchange("POST", path, cookie: cookie, form: form, headers: headers ?? [("Origin", origin)])
    }

    private func exchange(_ method: String, _ path: String, cookie: String?, form: [(String, String)]?, headers: [(String, String)]) throws -> Answer
    {
        let connection = try RawConnection(port: port)
        let body = form.map { $0.map { "\(FormData.encode($0.0))=\(FormData.encode($0.1))" }.joined(separator: "&") } ?? ""
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let cookie { request += "Cookie: \(cookie)\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if form != nil { request += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n" }
        connection.send(request + "\r\n" + body)
        guard let response = connection.readHTTP1Response() else { throw BrowserError.noAnswer }
        return Answer(status: response.status, headers: response.headers, body: response.body)
    }

    /// Signs in with `token`; the cookie (`name=value`) and the Set-Cookie line.
    func signIn(_ token: String) throws -> (cookie: String, setCookie: String) {
        let answer = try post(WebPages.signInPath, form: [("token", token), ("next", "/notes")])
        guard answer.status == 303, let line = answer.headers["set-cookie"], let pair = line.split(separator: ";").first else {
            throw BrowserError.notSignedIn(answer.status)
        }
        return (String(pair), line)
    }

    /// The session's CSRF token, read from a page's hidden field.
    func csrfToken(cookie: String) throws -> String {
        let page = try get("/notes", cookie: cookie)
        guard let range = page.body.range(of: "name=\"csrfToken\" value=\"") else { throw BrowserError.noToken }
        return String(page.body[range.upperBound...].prefix { $0 != "\"" })
    }
}

enum BrowserError: Error {
    case noAnswer
    case notSignedIn(Int)
    case noToken
}
