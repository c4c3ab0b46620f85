import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

/// The feed's pages are sent as stored, each deadline not met judged in place: byte for byte
/// what decoding, judging and encoding the statuses again gives.
@Suite("Change pages judged in place")
struct StatusPageJSONTests {
    /// A fictional status with the fields a deadline can have: subjects, windows, extensions,
    /// met on time, late or outside the window, not met.
    static func status(_ number: Int, _ random: inout SplitMix64) -> CaseStatus {
        let base = StatusFeedTests.date("2025-03-03")
        let subjects: [String?] = [nil, "National Panel notified", "safeguarding partners told"]
        let deadlines = (0..<Int.random(in: 0...5, using: &random)).map { _ -> Deadline in
            let due = base.adding(days: Int.random(in: 0...60, using: &random))
            let metOn: CivilDate? = Bool.random(using: &random) ? due.adding(days: Int.random(in: -8...8, using: &random)) : nil
            let states: [DeadlineStatus] = metOn == nil ? [.open, .dueSoon, .overdue] : [.met, .metLate, .metOutsideWindow]
            return Deadline(
                rule: [TimescaleRule.t1, .t2, .t3, .t4, .t6].randomElement(using: &random) ?? .t2,
                subject: subjects.randomElement(using: &random) ?? nil, due: due,
                earliest: Bool.random(using: &random) ? due.adding(days: -6) : nil,
                originalDue: Bool.random(using: &random) ? due.adding(days: -3) : nil, status: states.randomElement(using: &random) ?? .open,
                metOn: metOn, ruleSet: Bool.random(using: &random) ? .surrey2019 : .workingTogether2023)
        }
        let milestones = (0..<Int.random(in: 0...3, using: &random)).map { index in
            Milestone(event: ["referralReceived", "scopingRequestsSent", "meetingHeld"][index], date: base.adding(days: index * 3))
        }
        return CaseStatus(
            reference: StatusFeedTests.reference(number), stage: CaseStage.allCases.randomElement(using: &random) ?? .intake,
            milestones: milestones, deadlines: deadlines)
    }

    @Test("a page sent as stored equals the page decoded, judged and encoded, on any day, any page size, any cursor", arguments: [7, 8, 9])
    func sameBytes(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let directory = try TestDirectory()
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("feed.sqlite").path)
        _ = try await database.migrate(StatusFeed.migrations)
        let statuses = (1...40).map { Self.status($0, &random) }
        try await database.write { tx in for status in statuses { try StatusFeed.record(tx, status) } }
        // Some change again: later versions.
        let changed = statuses.prefix(10).map { status in
            var again = status
            again.stage = .closed
            return again
        }
        try await database.write { tx in for status in changed { try StatusFeed.record(tx, status) } }
        let feed: String = try #require(try await database.read { try $0.value("SELECT id FROM status_feed") })

        for today in ["2025-03-03", "2025-03-20", "2025-04-17", "2025-12-24"] {
            let clock = CaseClock(today: StatusFeedTests.date(today), calendar: WorkingCalendar())
            let requests = [
                GetStatusesRequest(), GetStatusesRequest(pageSize: 7), GetStatusesRequest(since: StatusCursor(feed: feed, version: 33), pageSize: 5),
                GetStatusesRequest(since: StatusCursor(feed: feed, version: 50)),
                GetStatusesRequest(since: StatusCursor(feed: "0000000000000000", version: 3)),
            ]
            for request in requests {
                let (sent, decoded) = try await database.read { db in
                    (try StatusFeed.page(db, request, clock: clock), try JSONCodec.encode(try StatusFeed.answer(db, request, clock: clock)))
                }
                #expect(String(decoding: sent, as: UTF8.self) == String(decoding: decoded, as: UTF8.self), "on \(today), \(request)")
            }
        }
        // The pages say something worth comparing: on 24 December every deadline not met is overdue.
        let late = try await database.read { db in
            try StatusFeed.answer(db, GetStatusesRequest(), clock: CaseClock(today: StatusFeedTests.date("2025-12-24"), calendar: WorkingCalendar()))
        }
        #expect(late.statuses.flatMap(\.deadlines).contains { $0.status == .overdue })
        #expect(late.statuses.flatMap(\.deadlines).allSatisfy { $0.metOn != nil || $0.status == .overdue })
        await database.close()
        withExtendedLifetime(directory) {}
    }
}
