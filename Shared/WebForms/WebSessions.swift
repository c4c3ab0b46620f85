import Foundation
import RPC
import Storage

/// A browser's session after sign-in: who, with which roles, its CSRF token, and when it ends.
package struct WebSession: Sendable, Equatable {
    /// Who signed in, with the roles and agency of their token.
    package var principal: Principal
    /// The token every POST of this session carries in a hidden field.
    package var csrfToken: String
    /// When the person signed in.
    package var created: Date
    /// When the session was last used.
    package var lastSeen: Date
    /// The stored hash of the cookie's id.
    let idHash: String

    /// When it ends unless used again: the idle expiry, or the absolute one if sooner.
    package func ends(_ settings: SessionSettings) -> Date {
        min(lastSeen.addingTimeInterval(settings.idle), created.addingTimeInterval(settings.absolute))
    }
}

/// The sessions of a service's pages, in its own database. The cookie carries a random 256-bit
/// id; the table keeps only its SHA-256, so a copy of the database opens no session. A session
/// ends when idle too long, at its absolute expiry, or at sign-out (the row is deleted).
package enum WebSessions {
    /// The sessions table; every service with pages adds it to its migrations.
    package static let migrations = [
        Migration(
            "web sessions",
            sql: """
                CREATE TABLE web_sessions (
                    id_hash TEXT PRIMARY KEY,
                    principal TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    agency TEXT,
                    csrf_token TEXT NOT NULL,
                    created INTEGER NOT NULL,
                    last_seen INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX web_sessions_last_seen ON web_sessions(last_seen);
                """)
    ]

    /// Opens a session for `principal`; returns the cookie's value and the session. Sessions
    /// past their expiry are removed on the way.
    package static func open(_ tx: WriteTransaction, _ principal: Principal, now: Date, settings: SessionSettings) throws -> (
        cookie: String, session: WebSession
    ) {
        try purge(tx, now: now, settings: settings)
        let cookie = randomToken()
        let session = WebSession(principal: principal, csrfToken: randomToken(), created: now, lastSeen: now, idHash: hash(cookie))
        try tx.execute(
            "INSERT INTO web_sessions (id_hash, principal, roles, agency, csrf_token, created, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)",
            session.idHash, principal.name, principal.roles.sorted().joined(separator: ","), principal.agency, session.csrfToken,
            seconds(now), seconds(now))
        return (cookie, session)
    }

    /// The live session of a cookie's value, or nil (unknown, ended or expired). Reads only:
    /// a refused POST must change nothing, so the caller `touch`es it once the request passes.
    package static func find(_ db: some DatabaseAccess, cookie: String, now: Date, settings: SessionSettings) throws -> WebSession? {
        guard !cookie.isEmpty, cookie.count <= 128 else { return nil }
        guard let row = try db.queryOne("SELECT * FROM web_sessions WHERE id_hash = ?", hash(cookie)) else { return nil }
        let roles: String = try row["roles"]
        let session = WebSession(
            principal: Principal(name: try row["principal"], roles: Set(roles.split(separator: ",").map(String.init)), agency: try row["agency"]),
            csrfToken: try row["csrf_token"], created: date(try row["created"]), lastSeen: date(try row["last_seen"]), idHash: try row["id_hash"])
        return session.ends(settings) > now ? session : nil
    }

    /// How often a session's use is written: at most once this many seconds.
    package static let touchInterval: TimeInterval = 60

    /// Records that the session was used now (the idle expiry starts again).
    package static func touch(_ tx: WriteTransaction, _ session: WebSession, now: Date) throws {
        try tx.execute("UPDATE web_sessions SET last_seen = ? WHERE id_hash = ?", seconds(now), session.idHash)
    }

    /// Ends the session (sign-out): its cookie opens nothing any more.
    package static func end(_ tx: WriteTransaction, _ session: WebSession) throws {
        try tx.execute("DELETE FROM web_sessions WHERE id_hash = ?", session.idHash)
    }

    /// Removes every session past its idle or absolute expiry.
    package static func purge(_ tx: WriteTransaction, now: Date, settings: SessionSettings) throws {
        try tx.execute(
            "DELETE FROM web_sessions WHERE last_seen <= ? OR created <= ?", seconds(now) - Int64(settings.idle),
            seconds(now) - Int64(settings.absolute))
    }

    /// 32 random bytes from the system's generator, base64url without padding.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of a cookie's id.
    static func hash(_ cookie: String) -> String { SHA256.hex(Array(cookie.utf8)) }

    /// Two tokens compared in constant time (the CSRF check): the time taken says nothing of
    /// how much of one matched.
    package static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        var difference = UInt8(truncatingIfNeeded: x.count ^ y.count)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }

    private static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
    private static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}
