import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

@testable import IntakeService

/// Issue 17, item 9: intake numbers cases past 9,999 a year, and one principal's writes are
/// limited by `CSPR_WRITE_RATE`.
@Suite("Case numbers and the write rate (issue 17, item 9)")
struct CaseNumberTests {
    @Test("item 9: the 10,000th case of a year is SURREY-2025-10000; after 999999 the year is exhausted")
    func pastNineThousand() async throws {
        let directory = try TestDirectory()
        let intake = try await startInProcess(IntakeService.definition, directory)
        let (tenThousandth, last, exhausted) = try await intake.context.database.write { tx in
            let writer = IntakeWriter(tx: tx)
            try tx.execute("INSERT INTO case_sequence (year, last) VALUES (2025, 9999)")
            let tenThousandth = try writer.allocateReference(partnership: "SURREY", year: 2025)
            try tx.execute("UPDATE case_sequence SET last = 999998 WHERE year = 2025")
            let last = try writer.allocateReference(partnership: "SURREY", year: 2025)
            let exhausted = try? writer.allocateReference(partnership: "SURREY", year: 2025)
            return (tenThousandth, last, exhausted)
        }
        await intake.stop(grace: .seconds(1))
        withExtendedLifetime(directory) {}
        #expect(tenThousandth.description == "SURREY-2025-10000")
        #expect(last.description == "SURREY-2025-999999")
        #expect(exhausted == nil)
    }

    @Test("item 9: with CSPR_WRITE_RATE=0.01 (a burst of one) a token's 2nd write is RESOURCE_EXHAUSTED, audited, and leaves no case; reads go on")
    func rateLimited() async throws {
        try await RunningIntake.with(extra: ["CSPR_WRITE_RATE": "0.01"]) { intake in
            for index in 1...1 { _ = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Child \(index) Testcase"))) }
            let error = await captureRPCError { _ = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Child 2 Testcase"))) }
            #expect(error?.code == .resourceExhausted)
            #expect(error?.message.hasPrefix("writes by Pat.Support are limited to 0.01 a second (CSPR_WRITE_RATE); retry after ") == true)
            #expect(try await intake.cases().count == 1)
            let trail = try await intake.client.call(AdminAPI.getAuditTrail, .init(), as: TestTokens.admin)
            #expect(trail.entries.contains { $0.method == "SubmitReferral" && $0.outcome == "RESOURCE_EXHAUSTED" })
        }
    }
}
