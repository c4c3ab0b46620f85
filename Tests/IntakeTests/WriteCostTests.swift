import Contract
import ServiceKit
import ServiceTestSupport
import Storage
import Testing

@testable import IntakeService

/// What a write costs must not grow with the number of cases or of referrals linked to one
/// (issue 12): every statement a change runs on a case is an indexed search, never a scan.
@Suite("Intake's writes cost the same at any size")
struct WriteCostTests {
    @Test("every lookup a change makes is an indexed search in SQLite's query plan", arguments: CaseRows.Lookup.all.map(\.0))
    func indexed(sql: String) async throws {
        let directory = try TestDirectory()
        let intake = try await startInProcess(IntakeService.definition, directory)
        let count = CaseRows.Lookup.all.first { $0.0 == sql }?.1 ?? 0
        let plan = try await intake.context.database.read { db in
            try db.query("EXPLAIN QUERY PLAN " + sql, arguments: Array(repeating: "x", count: count)).map { try $0["detail"] as String }
        }
        await intake.stop(grace: .seconds(1))
        withExtendedLifetime(directory) {}
        #expect(!plan.isEmpty)
        #expect(plan.allSatisfy { $0.hasPrefix("SEARCH ") || $0.hasPrefix("USE TEMP B-TREE") }, "\(plan)")
    }

    @Test("a change to a case linked to many referrals reads none of their bodies; the case file still has them all")
    func linkedReferralsNotLoadedByChanges() async throws {
        let directory = try TestDirectory()
        let intake = try await startInProcess(IntakeService.definition, directory)
        let store = IntakeStore(database: intake.context.database, status: IntakeHandlers.status(intake.context))
        let reference = try #require(CaseReference("SURREY-2025-0001"))
        let first = Fixture.referral(received: "2025-03-24")
        try await intake.context.database.write { tx in
            let writer = IntakeWriter(tx: tx)
            try writer.insert(.opened(reference, by: first))
            var opened = try writer.require(reference)
            for day in 1...20 {
                let linked = opened.linking(Fixture.referral(received: "2025-03-\(24 + day % 2)"))
                try writer.update(opened, to: linked)
                opened = try writer.require(reference)
                #expect(opened.linkedReferrals.isEmpty, "a change loaded the linked referrals")
            }
        }
        #expect(try await store.intakeCase(reference).linkedReferrals.count == 20)
        await intake.stop(grace: .seconds(1))
        withExtendedLifetime(directory) {}
    }
}
