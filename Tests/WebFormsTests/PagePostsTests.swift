import Foundation
import H2
import ServiceTestSupport
import Storage
import Synchronization
import TestSupport
import Testing

@testable import WebForms

/// The forms' double-submit guard (`PagePosts`) on a real SQLite file: a post applied once per
/// key and principal, a second click waiting for the first, a refusal not remembered, and the
/// rows purged after their retention.
@Suite("Page posts: a double submit applied once")
struct PagePostsTests {
    /// How many times a post was applied, shared with the tasks that post.
    final class Runs: Sendable {
        private let count = Mutex(0)
        /// Counts one more; returns the count.
        func next() -> Int {
            count.withLock {
                $0 += 1; return $0
            }
        }
        var total: Int { count.withLock { $0 } }
    }

    static func withDatabase(_ body: (Database) async throws -> Void) async throws {
        let directory = try TestDirectory()
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("pages.sqlite").path)
        _ = try await database.migrate([PagePosts.migration])
        try await body(database)
        await database.close()
    }

    @Test("the same key twice applies once and answers the first page; another key or another person applies again")
    func onceByKey() async throws {
        try await Self.withDatabase { database in
            let runs = Runs()
            func post(_ key: String, as principal: String = "Pat.Support") async -> HTTPResponse {
                await PagePosts.once(database, key: key, principal: principal) {
                    let run = runs.next()
                    return (PageResponse.redirect("/done/\(run)"), "/done/\(run)")
                }
            }
            let first = await post("key-0001")
            let again = await post("key-0001")
            #expect(first.headers.first { $0.name == "location" }?.value == "/done/1")
            #expect(again.headers.first { $0.name == "location" }?.value == "/done/1")
            _ = await post("key-0002")
            _ = await post("")
            _ = await post("")
            #expect(runs.total == 4, "a new key, and each post without one, applies")
        }
    }

    @Test("a second click arriving while the first post runs waits for it and is answered with its page")
    func concurrentClicks() async throws {
        try await Self.withDatabase { database in
            let runs = Runs()
            let answers = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        let answer = await PagePosts.once(database, key: "key-race", principal: "Pat.Support") {
                            _ = runs.next()
                            try? await Task.sleep(for: .milliseconds(300))
                            return (PageResponse.redirect("/done"), "/done")
                        }
                        return answer.headers.first { $0.name == "location" }?.value
                    }
                }
                return await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(runs.total == 1)
            #expect(answers == ["/done", "/done"])
        }
    }

    @Test("a refused post is not remembered: the same key may be sent again once corrected")
    func refusalNotRemembered() async throws {
        try await Self.withDatabase { database in
            let refused = await PagePosts.once(database, key: "key-0003", principal: "Pat.Support") {
                (PageResponse.message(400, title: "There is a problem", text: "refused"), nil)
            }
            #expect(refused.status == 400)
            let applied = await PagePosts.once(database, key: "key-0003", principal: "Pat.Support") { (PageResponse.redirect("/done"), "/done") }
            #expect(applied.status == 303)
        }
    }

    @Test("rows older than the retention (7 days) are purged, newer ones kept")
    func purge() async throws {
        try await Self.withDatabase { database in
            let now = Date()
            try await database.write { tx in
                for (key, days) in [("old", 7.01), ("kept", 6.99)] {
                    try tx.execute(
                        "INSERT INTO page_posts (key, principal, location, posted) VALUES (?, 'Pat.Support', '/x', ?)", key,
                        ISO8601DateFormatter().string(from: now.addingTimeInterval(-days * 86400)))
                }
            }
            let deleted = try await database.write { tx in try PagePosts.purge(tx, now: now) }
            #expect(deleted == 1)
            let left = try await database.read { try $0.query("SELECT key FROM page_posts").map { try $0["key"] as String } }
            #expect(left == ["kept"])
        }
    }
}
