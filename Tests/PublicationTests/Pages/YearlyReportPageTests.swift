import Contract
import Foundation
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// The yearly report as a printable page over real sockets: `GetYearlyReport` run as the call,
/// its refusals shown (a year out of range beside the year, a stage that cannot be read at the top).
@Suite("publication's pages: the yearly report", .serialized)
struct YearlyReportPageTests {
    @Test("the year's figures as a printable document, audited as the call")
    func figures() async throws {
        try await YearlyReportTests().withStages { harness in
            let reference = Fixtures.reference(1)
            try await harness.prepare(Fixtures.preparation(reference))
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"))
            try await harness.passAnonymisationGate(reference)
            try await harness.recordPublished(reference, on: Fixtures.today)
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let page = try await session.get("/yearly-report?year=2027")
            #expect(page.status == 200)
            #expect(page.body.contains("<article class=\"document\">"))
            #expect(page.body.contains("<tr><td>T7</td><td>1</td><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td></tr>"))
            #expect(page.body.contains("<td>\(reference)</td><td>Report</td><td>11 January 2027</td><td>met</td><td>open</td>"))
            expectNoPersonalData(page.body)
            let entries = try await harness.service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "GetYearlyReport" && $0.principal == "Pub.Comms" && $0.outcome == "OK" })
        }
    }

    @Test("a year out of range is refused beside the year; a stage that cannot be read is named at the top")
    func refusals() async throws {
        try await withHarness { harness in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let year = try await session.get("/yearly-report?year=1999")
            #expect(year.status == 400)
            #expect(year.body.contains("href=\"#year\""))
            #expect(year.body.contains("id=\"year-error\""))
            let stage = try await session.get("/yearly-report?year=2027")
            #expect(stage.status == 503)
            #expect(stage.body.contains("intake: its statuses could not be read"))
            #expect(try await PageSession.signIn(harness, TestTokens.viewer).get("/yearly-report").status == 403)
        }
    }
}
