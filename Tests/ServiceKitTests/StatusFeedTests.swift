import Contract
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

/// ServiceKit's kept statuses on a service of its own: what a write records and what the
/// runner backfills at start, whatever the stage.
@Suite("StatusFeed and StatusBackfill")
struct StatusFeedTests {
    /// A stage with a table of cases whose status it cannot work out for the first `undecided`.
    static let feedTest = ServiceIdentity(name: "feed-test", defaultPort: 7193, rpcService: "cspr.test.v1.FeedTest")
    static let undecided = 250

    static let definition = ServiceDefinition(
        identity: feedTest, migrations: [Migration("cases", sql: "CREATE TABLE cases (reference TEXT PRIMARY KEY) STRICT;")],
        statuses: StatusBackfill(table: "cases", column: "reference") { _, _, reference in
            reference.sequence <= undecided ? nil : StatusFeedTests.status(reference, .open)
        }
    ) { _ in RouteTable() }

    static func reference(_ sequence: Int) -> CaseReference {
        guard let reference = CaseReference(partnership: "TESTSHIRE", year: 2025, sequence: sequence) else { fatalError("bad sequence") }
        return reference
    }

    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad date \(text)") }
        return date
    }

    /// A status with one T2 deadline due 26 March 2025, in `state`, met on `metOn`.
    static func status(_ reference: CaseReference, _ state: DeadlineStatus, metOn: String? = nil) -> CaseStatus {
        CaseStatus(
            reference: reference, stage: .intake, milestones: [Milestone(event: "referralReceived", date: date("2025-03-24"))],
            deadlines: [Deadline(rule: .t2, due: date("2025-03-26"), status: state, metOn: metOn.map(date), ruleSet: .surrey2019)])
    }

    static func versions(_ database: Database) async throws -> [CaseReference: Int64] {
        try await database.read { db in
            var versions: [CaseReference: Int64] = [:]
            for row in try db.query("SELECT reference, version FROM case_status") { versions[try row[0]] = try row[1] }
            return versions
        }
    }

    @Test(
        "recording a status equal to the stored one, or differing only in an unmet deadline's state judged on another day, adds no version; a change takes the next"
    )
    func record() async throws {
        let directory = try TestDirectory.serviceKit()
        let service = try await startInProcess(Self.definition, directory)
        try await withStopping(service, stop: { await $0.stop(grace: .seconds(1)) }) { service in
            let database = service.context.database
            let (first, second) = (Self.reference(1), Self.reference(2))
            for status in [Self.status(first, .dueSoon), Self.status(second, .open)] {
                try await database.write { try StatusFeed.record($0, status) }
            }
            #expect(try await Self.versions(database) == [first: 1, second: 2])

            for state in [DeadlineStatus.dueSoon, .overdue, .open] {
                try await database.write { try StatusFeed.record($0, Self.status(first, state)) }
            }
            #expect(try await Self.versions(database) == [first: 1, second: 2], "the same status judged on another day is no change")

            try await database.write { try StatusFeed.record($0, Self.status(first, .met, metOn: "2025-03-25")) }
            #expect(try await Self.versions(database) == [first: 3, second: 2])

            // Read on 27 March: the unmet deadline is overdue, the met one stays met.
            let clock = CaseClock(today: Self.date("2025-03-27"), calendar: WorkingCalendar())
            let page = try await database.read { try StatusFeed.answer($0, GetStatusesRequest(), clock: clock) }
            #expect(page.statuses == [Self.status(second, .overdue), Self.status(first, .met, metOn: "2025-03-25")])
        }
    }

    @Test("at start, every case without a status gets one; cases whose status cannot be worked out are passed over", .timeLimit(.minutes(1)))
    func backfill() async throws {
        let directory = try TestDirectory.serviceKit()
        let count = 450
        let empty = try await startInProcess(Self.definition, directory)
        try await empty.context.database.write { tx in
            for sequence in 1...count { try tx.execute("INSERT INTO cases (reference) VALUES (?)", Self.reference(sequence)) }
        }
        await empty.stop(grace: .seconds(1))

        let started = try await startInProcess(Self.definition, directory)
        try await withStopping(started, stop: { await $0.stop(grace: .seconds(1)) }) { service in
            let versions = try await Self.versions(service.context.database)
            #expect(Set(versions.keys) == Set((Self.undecided + 1...count).map(Self.reference)))
        }
    }
}
