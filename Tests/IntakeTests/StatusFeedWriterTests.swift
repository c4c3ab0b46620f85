import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import Synchronization
import TestSupport
import Testing
import WorkingDays

@testable import IntakeService

#if canImport(Glibc)
    import Glibc
#endif

/// The change feed under writers: a reader following `next` while cases are written ends up
/// holding what a full read holds, and a status is written in the transaction of its case, so a
/// kill between the two never leaves one without the other.
@Suite("intake's change feed under concurrent writers and a kill")
struct StatusFeedWriterTests {
    @Test("a reader following next while four writers open and change cases ends holding a full read, each case as recomputed")
    func concurrentWriters() async throws {
        try await FeedIntake.with { intake in
            let writing = Writing()
            async let reading = Self.follow(intake, until: writing)
            let opened: [CaseReference]
            do {
                opened = try await withThrowingTaskGroup(of: [CaseReference].self) { group in
                    for writer in 0..<4 {
                        group.addTask {
                            var mine: [CaseReference] = []
                            for index in 0..<6 {
                                let reference = try await intake.open(writer * 100 + index)
                                mine.append(reference)
                                if index % 2 == 0 { try await intake.ask(reference) }
                                if index % 4 == 0 { try await intake.returned(reference, from: "Testshire Police") }
                            }
                            return mine
                        }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
            } catch {
                writing.finish()
                throw error
            }
            writing.finish()
            let (seen, next) = try await reading

            let held = latest(seen)
            let full = try await intake.readToEnd(after: nil, size: GetStatusesRequest.maxPageSize)
            #expect(full.statuses.count == 24)
            #expect(held == latest(full.statuses), "the reader holds what a full read holds")
            #expect(Set(held.keys) == Set(opened), "no case missing")
            let listed = try await intake.client.call(IntakeAPI.listCases, .init(), as: TestTokens.staff, deadline: .seconds(10)).cases
            #expect(Set(listed.map(\.caseReference)) == Set(opened))
            for (reference, status) in held { #expect(status == (try await intake.recomputed(reference)), "\(reference)") }
            #expect(next == full.next)
        }
    }

    /// Pages from the start following `next` until the writers have finished and a page asked
    /// after that says no more are waiting.
    static func follow(_ intake: FeedIntake, until writing: Writing) async throws -> (statuses: [CaseStatus], next: StatusCursor) {
        var statuses: [CaseStatus] = []
        var cursor: StatusCursor?
        while true {
            try Task.checkCancellation()
            let finished = writing.finished
            let page = try await intake.page(after: cursor, size: 4)
            FeedPage.check(page, after: cursor, size: 4)
            statuses += page.statuses
            let next = try #require(page.next)
            cursor = next
            if page.more == false {
                if finished { return (statuses, next) }
                // Caught up with the writers: a moment for them before asking again.
                try await Task.sleep(for: .milliseconds(5))
            }
        }
    }

    @Test("kill -9 while writers submit: every case in the file has a status row equal to its recomputed status, and every row its case")
    func killed() async throws {
        let directory = try TestDirectory()
        let today = "2025-03-26"
        let port = try freePort()
        let process = try await startServiceProcess(
            "intake", service: .intake, directory, port: port, peers: [.rapidReview: try freePort()], extra: ["CSPR_TODAY": today])
        let client = RPCClient(host: "127.0.0.1", port: port)
        let acknowledged = Acknowledged()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    // Until the kill refuses a call: each referral opens a case; every other one is also asked.
                    for index in 0... {
                        let referral = Fixture.referral(child: FeedChildren.child(writer * 1000 + index))
                        guard
                            let opened = try? await client.call(
                                IntakeAPI.submitReferral, .init(referral: referral), as: TestTokens.staff, deadline: .seconds(3))
                        else { return }
                        acknowledged.add(opened.caseReference)
                        guard index % 2 == 0 else { continue }
                        let drafts = FeedChildren.agencies.map { Fixture.draft($0, kind: FeedChildren.kind($0), sent: "2025-03-25") }
                        guard
                            (try? await client.call(
                                IntakeAPI.sendScopingRequests, .init(caseReference: opened.caseReference, requests: drafts), as: TestTokens.staff,
                                deadline: .seconds(3))) != nil
                        else { return }
                    }
                }
            }
            #expect(await eventually(within: .seconds(20)) { acknowledged.references.count >= 40 })
            process.send(SIGKILL)
            _ = try await process.waitForExit()
            try await group.waitForAll()
        }

        // The file as the kill left it, before a restart's backfill could fill a gap.
        let clock = CaseClock(today: Fixture.date(today), calendar: WorkingCalendar())
        let database = try await Database.open(atPath: directory.data("intake").appendingPathComponent("intake.sqlite").path)
        let (cases, rows) = try await database.read { db in
            let cases = try CaseRows.allReferences(db).compactMap { try CaseRows.load(db, $0) }
            let rows = try db.query("SELECT reference, status FROM case_status").map { row -> (CaseReference, CaseStatus) in
                (try row[0], try JSONCodec.decode(CaseStatus.self, from: Data((try row[1] as String).utf8)))
            }
            return (cases, Dictionary(uniqueKeysWithValues: rows))
        }
        await database.close()
        #expect(Set(cases.map(\.reference)).isSuperset(of: acknowledged.references), "an acknowledged referral was lost")
        #expect(Set(rows.keys) == Set(cases.map(\.reference)), "a case without its status, or a status without its case")
        for intakeCase in cases {
            let stored = rows[intakeCase.reference]?.judged(on: clock.today, calendar: clock.calendar)
            #expect(stored == intakeCase.status(clock: clock, ruleSet: .surrey2019), "\(intakeCase.reference)")
        }
        #expect(cases.contains { !$0.requests.isEmpty }, "no case was asked before the kill")

        // Restarted: nothing to backfill, and the feed lists every case as GetCase works it out.
        let restarted = try await startServiceProcess(
            "intake", service: .intake, directory, port: port, peers: [.rapidReview: try freePort()], extra: ["CSPR_TODAY": today])
        let feed = try await client.call(
            IntakeAPI.getStatuses, .init(pageSize: GetStatusesRequest.maxPageSize), as: TestTokens.service(.gateway), deadline: .seconds(10))
        #expect(feed.more == false)
        #expect(feed.statuses.map(\.reference).sorted() == cases.map(\.reference).sorted())
        for status in feed.statuses {
            let recomputed = try await client.call(IntakeAPI.getCase, .init(caseReference: status.reference), as: TestTokens.panel).status
            #expect(status == recomputed, "\(status.reference)")
        }
        #expect(!restarted.output.contains { $0.contains("statuses recorded for earlier cases") })
        restarted.send(SIGTERM)
        #expect(try await restarted.waitForExit() == 0)
    }
}

/// Whether the writers of a test have finished.
final class Writing: Sendable {
    private let done = Mutex(false)

    var finished: Bool { done.withLock { $0 } }

    func finish() { done.withLock { $0 = true } }
}

/// The cases whose referral intake acknowledged.
final class Acknowledged: Sendable {
    private let held = Mutex<[CaseReference]>([])

    var references: [CaseReference] { held.withLock { $0 } }

    func add(_ reference: CaseReference) { held.withLock { $0.append(reference) } }
}
