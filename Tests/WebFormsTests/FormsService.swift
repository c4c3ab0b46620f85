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
