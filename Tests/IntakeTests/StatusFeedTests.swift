import Contract
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

/// intake's change feed (issue 12): `GetStatuses` pages through the kept statuses by change
/// version, and a reader that keeps asking from `next` sees every change once, at its latest.
@Suite("intake's change feed: paging, refusals and restarts")
struct StatusFeedTests {
    @Test("paging from no cursor lists every case once in version order; paging on lists exactly the cases changed since", arguments: [3, 5, 7])
    func paging(size: Int) async throws {
        try await FeedIntake.with { intake in
            var opened: [CaseReference] = []
            for number in 0..<25 { opened.append(try await intake.open(number)) }
            #expect(Set(opened).count == 25)

            let first = try await intake.readToEnd(after: nil, size: size)
            #expect(first.statuses.map(\.reference).sorted() == opened.sorted(), "every case exactly once")
            #expect(first.statuses.map(\.reference) == (try await FeedRow.order(intake.database)), "in change-version order")
            #expect(first.next.version == (try await intake.rows()).values.map(\.version).max())
            for status in first.statuses { #expect(status == (try await intake.recomputed(status.reference))) }

            // Changed: asked (two cases then also returned, one of them twice); a second referral of
            // an existing case, which leaves its status as it was; a refused return.
            let asked = [0, 3, 7, 11, 19].map { opened[$0] }
            for reference in asked { try await intake.ask(reference) }
            try await intake.returned(opened[3], from: "Testshire Police")
            try await intake.returned(opened[11], from: "Testshire Police")
            try await intake.returned(opened[11], from: "Testshire Children's Services")
            let linked = try await intake.open(20)
            #expect(linked == opened[20])
            let refused = await captureRPCError { try await intake.returned(opened[5], from: "Testshire Police") }
            #expect(refused?.code == .failedPrecondition)

            let second = try await intake.readToEnd(after: first.next, size: size)
            #expect(second.statuses.map(\.reference).sorted() == asked.sorted(), "exactly the changed cases, each once")
            for status in second.statuses { #expect(status == (try await intake.recomputed(status.reference)), "at its latest") }
            #expect(second.statuses.first { $0.reference == opened[11] }?.milestones.last?.event == "handedToRapidReview")
            #expect(second.next.version == (try await intake.rows()).values.map(\.version).max())

            let again = try await intake.page(after: second.next, size: size)
            #expect(again.statuses.isEmpty)
            #expect(again.next == second.next)
            #expect(again.more == false)
        }
    }

    @Test("a refused change leaves the status row and its version as they were, and the feed has nothing new", arguments: RefusedChange.allCases)
    func refusedChange(change: RefusedChange) async throws {
        try await FeedIntake.with { intake in
            let reference = try await intake.open(1)
            try await intake.ask(reference, ["Testshire Police"])
            try await intake.returned(reference, from: "Testshire Police")
            let before = try await intake.rows()
            let since = try #require(try await intake.page(after: nil).next)

            let refusal = await captureRPCError { try await change.make(intake, reference) }
            #expect(refusal?.code == change.code, "\(refusal?.description ?? "not refused")")
            #expect(try await intake.rows() == before)
            let page = try await intake.page(after: since)
            #expect(page.statuses.isEmpty)
            #expect(page.next == since)
        }
    }

    @Test("after a restart on the same data, paging on from the saved next misses nothing and repeats nothing")
    func restart() async throws {
        let directory = try TestDirectory()
        var intake = try await FeedIntake.start(directory)
        let (opened, saved, readBefore) = try await withStopping(intake, stop: { await $0.stop() }) { intake in
            var opened: [CaseReference] = []
            for number in 0..<12 { opened.append(try await intake.open(number)) }
            // Part way: two pages of five, then changes after the cursor and before it.
            let firstPage = try await intake.page(after: nil, size: 5)
            let secondPage = try await intake.page(after: firstPage.next, size: 5)
            #expect(secondPage.more == true)
            try await intake.ask(opened[1])
            try await intake.ask(opened[11])
            return (opened, try #require(secondPage.next), firstPage.statuses + secondPage.statuses)
        }

        intake = try await FeedIntake.start(directory)
        try await withStopping(intake, stop: { await $0.stop() }) { intake in
            try await intake.ask(opened[4])
            let rest = try await intake.readToEnd(after: saved, size: 5)
            // Before the cursor: 0-9, read. After it: 10 and 11 unchanged or changed, then the three asked.
            #expect(readBefore.map(\.reference) == Array(opened[0..<10]))
            #expect(rest.statuses.map(\.reference) == [opened[10], opened[1], opened[11], opened[4]])
            let held = latest(readBefore + rest.statuses)
            #expect(held.count == 12)
            for (reference, status) in held { #expect(status == (try await intake.recomputed(reference))) }
            #expect(rest.next.version == (try await intake.rows()).values.map(\.version).max())
        }
    }

    @Test("a cursor of another database, or a made-up feed, answers from the start and says it restarted")
    func otherFeed() async throws {
        let foreign = try await FeedIntake.with { other in
            _ = try await other.open(7)
            _ = try await other.open(8)
            return try #require(try await other.page(after: nil).next)
        }
        try await FeedIntake.with { intake in
            let opened = [try await intake.open(1), try await intake.open(2), try await intake.open(3)]
            let own = try #require(try await intake.page(after: nil).next)
            #expect(own.feed != foreign.feed)
            #expect(own.feed.count == 16)
            for cursor in [foreign, StatusCursor(feed: "0123456789abcdef", version: 1), StatusCursor(feed: "fedcba9876543210", version: 99)] {
                let page = try await intake.page(after: cursor, size: 2)
                #expect(page.restarted == true, "\(cursor)")
                #expect(page.statuses.map(\.reference) == Array(opened[0..<2]))
                #expect(page.next == StatusCursor(feed: own.feed, version: try #require(try await intake.rows()[opened[1]]).version))
                #expect(page.more == true)
                // From the cursor it gave, the reader is on this feed again.
                let rest = try await intake.page(after: page.next, size: 2)
                #expect(rest.restarted == nil)
                #expect(rest.statuses.map(\.reference) == [opened[2]])
            }
        }
    }

    @Test("a database with cases and no status rows (or only some) gets every case's status at start; the feed lists them all", arguments: [1, 2])
    func backfill(deletingEvery step: Int) async throws {
        let directory = try TestDirectory()
        let opened = try await FeedIntake.with(directory) { intake in
            var opened: [CaseReference] = []
            for number in 0..<6 { opened.append(try await intake.open(number)) }
            try await intake.ask(opened[0])
            try await intake.ask(opened[3])
            try await intake.returned(opened[3], from: "Testshire Police")
            return opened
        }
        // As a database from before statuses were kept: rows deleted while intake is stopped.
        let deleted = stride(from: 0, to: opened.count, by: step).map { opened[$0] }
        let database = try await Database.open(atPath: directory.data("intake").appendingPathComponent("intake.sqlite").path)
        for reference in deleted { try await database.write { try $0.execute("DELETE FROM case_status WHERE reference = ?", reference) } }
        #expect(try await FeedRow.all(database).count == opened.count - deleted.count)
        await database.close()

        try await FeedIntake.with(directory) { intake in
            let rows = try await intake.rows()
            #expect(Set(rows.keys) == Set(opened))
            let feed = try await intake.readToEnd(after: nil, size: 4)
            #expect(feed.statuses.map(\.reference).sorted() == opened.sorted())
            for status in feed.statuses { #expect(status == (try await intake.recomputed(status.reference))) }
            // The backfilled come after the rest: a reader holding the earlier versions still learns of them.
            let kept = opened.filter { !deleted.contains($0) }
            #expect(Array(feed.statuses.map(\.reference).suffix(deleted.count)).sorted() == deleted.sorted())
            #expect(kept.allSatisfy { reference in deleted.allSatisfy { (rows[reference]?.version ?? 0) < (rows[$0]?.version ?? 0) } })
        }
    }

    @Test(
        "a deadline state is judged on read: a status stored while T2 and T3 were open reads as overdue on a later today, with no write",
        arguments: [
            ("2025-03-26", DeadlineStatus.dueSoon, DeadlineStatus.open), ("2025-03-28", .overdue, .dueSoon), ("2025-04-02", .overdue, .overdue),
        ])
    func judgedOnRead(today: String, t2: DeadlineStatus, t3: DeadlineStatus) async throws {
        let directory = try TestDirectory()
        let (reference, stored) = try await FeedIntake.with(directory) { intake in
            let reference = try await intake.open(1)
            let status = try #require(try await intake.page(after: nil).statuses.first)
            #expect(status.deadlines.first { $0.rule == .t2 }?.status == .dueSoon)
            #expect(status.deadlines.first { $0.rule == .t3 }?.status == .open)
            return (reference, try await intake.rows())
        }
        try await FeedIntake.with(directory, today: today) { intake in
            let page = try await intake.page(after: nil)
            let status = try #require(page.statuses.first)
            #expect(status.deadlines.first { $0.rule == .t2 }?.status == t2)
            #expect(status.deadlines.first { $0.rule == .t3 }?.status == t3)
            #expect(status == (try await intake.recomputed(reference)))
            #expect(try await intake.rows() == stored, "judging wrote nothing")
            #expect(page.next?.version == stored[reference]?.version)
            // By reference too.
            let byReference = try await intake.client.call(
                IntakeAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer, deadline: .seconds(10))
            #expect(byReference.statuses == [status])
            // A second referral of the case leaves its status as it was: judged on another day, still no new version.
            #expect(try await intake.open(1) == reference)
            #expect(try await intake.rows() == stored)
        }
    }
}

extension FeedIntake {
    /// Starts intake on `directory` (kept between runs), runs `body`, and stops it however `body` ends.
    static func with<T>(_ directory: TestDirectory, today: String = "2025-03-26", _ body: (FeedIntake) async throws -> T) async throws -> T {
        let intake = try await start(directory, today: today)
        return try await withStopping(intake, stop: { await $0.stop() }, body)
    }
}

/// Changes intake refuses on a case asked of the police, who have returned their form.
enum RefusedChange: CaseIterable, Sendable, CustomStringConvertible {
    case returnFromAgencyNotAsked, requestToAgencyAlreadyAsked, returnBeforeRequest, secondReturn

    var description: String {
        switch self {
        case .returnFromAgencyNotAsked: "a return from an agency never asked"
        case .requestToAgencyAlreadyAsked: "a request to an agency already asked"
        case .returnBeforeRequest: "a return received before the request was sent"
        case .secondReturn: "a second return from the same agency"
        }
    }

    /// The code it is refused with.
    var code: RPCCode {
        switch self {
        case .returnFromAgencyNotAsked: .failedPrecondition
        case .requestToAgencyAlreadyAsked, .secondReturn: .alreadyExists
        case .returnBeforeRequest: .invalidArgument
        }
    }

    /// Makes the change on `reference`.
    func make(_ intake: FeedIntake, _ reference: CaseReference) async throws {
        switch self {
        case .returnFromAgencyNotAsked: try await intake.returned(reference, from: "Testshire Children's Services")
        case .requestToAgencyAlreadyAsked: try await intake.ask(reference, ["Testshire Police"])
        case .secondReturn: try await intake.returned(reference, from: "Testshire Police")
        case .returnBeforeRequest:
            let early = Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-24")
            _ = try await intake.client.call(
                IntakeAPI.recordScopingReturn, .init(caseReference: reference, scopingReturn: early), as: TestTokens.staff)
        }
    }
}
