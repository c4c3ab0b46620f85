import Contract
import Foundation
import ServiceTestSupport
import TestSupport
import Testing

/// The notice of delay (T8), holds (P3) and the archive step (T10) as forms over real sockets:
/// refusals naming their rule, beside their field when they have one, nothing changed.
@Suite("publication's pages: the notice of delay, holds, the archive step", .serialized)
struct HoldAndNoticePagesTests {
    @Test(
        "T8: a notice with no late date is refused naming T8; once the date passes T7's due date, one without a reason is refused beside it, then recorded"
    )
    func delayNotice() async throws {
        try await withPrepared(361) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let dates = dateFields("nationalPanelInformedOn", Fixtures.todayText) + dateFields("secretaryOfStateInformedOn", Fixtures.todayText)
            let early = try await session.post("/delay-notice/\(reference)", dates + [("reason", "Fictional: a trial")], key: "notice-early")
            #expect(early.status == 400)
            #expect(early.body.contains("T8: no publication date passes T7"))
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2027-01-04"))
            try await harness.passAnonymisationGate(reference)
            try await harness.schedule(reference, on: Fixtures.date("2027-01-13"))
            let page = try await session.get("/publications/\(reference)")
            #expect(page.body.contains("href=\"/delay-notice/\(reference)\""))
            let rows = try await harness.tableRows()
            let missing = try await session.post("/delay-notice/\(reference)", dates, key: "notice-missing")
            #expect(missing.status == 400)
            #expect(missing.body.contains("id=\"reason-error\""))
            #expect(missing.body.contains("Reason: T8: give the reason for the delay"))
            #expect(try await harness.tableRows() == rows)
            let recorded = try await session.post("/delay-notice/\(reference)", dates + [("reason", "Fictional: a trial")], key: "notice")
            #expect(recorded.status == 303)
            #expect(try await harness.publication(reference).delayNotices.count == 1)
        }
    }

    @Test("P3: a hold recorded once for a double submit, shown to release, released")
    func holdAndRelease() async throws {
        try await withPrepared(362) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let hold =
                [("proceedings", "trial"), ("reason", "Fictional: the Crown Court trial"), ("requestedBy", "Senior Investigating Officer")]
                + dateFields("heldOn", Fixtures.todayText) + dateFields("reviewOn", "2027-03-01")
            #expect(try await session.post("/hold/\(reference)", hold, key: "hold").status == 303)
            #expect(try await session.post("/hold/\(reference)", hold, key: "hold").status == 303)
            #expect(try await harness.publication(reference).planning?.holdsStanding == [1])
            let form = try await session.get("/hold-release/\(reference)")
            #expect(form.body.contains("Hold 1: trial, to be reviewed on 1 March 2027"))
            let released = try await session.post(
                "/hold-release/\(reference)",
                [("holdNumber", "1"), ("reason", "Fictional: the trial concluded")] + dateFields("releasedOn", Fixtures.todayText),
                key: "release")
            #expect(released.status == 303)
            #expect(try await harness.publication(reference).planning?.holdsStanding == [])
        }
    }

    @Test("T10: the archive step before anything is published is refused naming T10; a date after today beside its field")
    func archive() async throws {
        try await withPrepared(363) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let fields = [("availableOnRequestFrom", "the Partnership Board's business unit")]
            let early = try await session.post("/archive/\(reference)", fields + dateFields("archivedOn", Fixtures.todayText), key: "archive-early")
            #expect(early.status == 400)
            #expect(early.body.contains("T10: nothing is published yet"))
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-02"))
            try await harness.passAnonymisationGate(reference)
            try await harness.recordPublished(reference, on: Fixtures.today)
            let future = try await session.post("/archive/\(reference)", fields + dateFields("archivedOn", "2027-01-12"), key: "archive-future")
            #expect(future.status == 400)
            #expect(future.body.contains("id=\"archivedOn-error\""))
            #expect(future.body.contains("Archived on: T10: 2027-01-12 is after today"))
            #expect(try await harness.publication(reference).planning?.archived == nil)
        }
    }
}
