import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// `RecordAdvanceCopy` through the service (T9); the counting itself is in Domain/AdvanceCopyRuleTests.
@Suite("RecordAdvanceCopy")
struct AdvanceCopyTests {
    @Test("T9: the earliest publication date appears once all three recipients have the version, counted from the latest")
    func t9EarliestOnceAllThree() async throws {
        try await withPrepared(1) { harness, reference in
            let first = try await harness.recordAdvanceCopy(reference, to: .nationalPanel, sentOn: Fixtures.date("2026-12-21"))
            #expect(
                first.copy
                    == .init(number: 1, recipient: .nationalPanel, reportVersion: 1, sentOn: Fixtures.date("2026-12-21"), recordedBy: "Pub.Comms"))
            #expect(first.earliestPublicationDate == nil)
            #expect(first.advanceCopiesMissing == [.ofsted, .secretaryOfState])
            try await harness.recordAdvanceCopy(reference, to: .ofsted, sentOn: Fixtures.date("2026-12-21"))
            let last = try await harness.recordAdvanceCopy(reference, to: .secretaryOfState, sentOn: Fixtures.date("2027-01-04"))
            #expect(last.advanceCopiesMissing.isEmpty)
            // Monday 4 January 2027 is the first of the 7 working days, Tuesday 12 the 7th: Wednesday 13 is the earliest.
            #expect(last.earliestPublicationDate == Fixtures.date("2027-01-13"))
            let publication = try await harness.publication(reference)
            #expect(publication.advanceCopies.count == 3)
            #expect(publication.earliestPublicationDate == Fixtures.date("2027-01-13"))
        }
    }

    @Test("P1: a copy dated before the board's approval is refused naming sentOn, and changes nothing")
    func p1CopyBeforeApproval() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(
                reference, .invalidArgument, "sentOn: P1: 2026-11-30 is before the board approved the report on 2026-12-01"
            ) {
                try await harness.recordAdvanceCopy(reference, to: .ofsted, sentOn: Fixtures.date("2026-11-30"))
            }
        }
    }

    @Test("T9: a copy of a version not held, or dated after today, is refused naming the field, and changes nothing")
    func t9CopyChecked() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(reference, .invalidArgument, "reportVersion: T9: version 2 is not held") {
                try await harness.recordAdvanceCopy(reference, to: .ofsted, version: 2, sentOn: Fixtures.today)
            }
            try await harness.expectRefused(reference, .invalidArgument, "sentOn: T9: 2027-01-12 is after today (2027-01-11)") {
                try await harness.recordAdvanceCopy(reference, to: .ofsted, sentOn: Fixtures.date("2027-01-12"))
            }
        }
    }

    @Test("an unknown recipient is INVALID_ARGUMENT naming recipient; a panel member may not record a copy")
    func recipientAndRole() async throws {
        try await withPrepared(1) { harness, reference in
            let body = #"{"caseReference":"\#(reference)","recipient":"thePress","reportVersion":1,"sentOn":"2027-01-04"}"#
            let raw = await captureRPCError {
                _ = try await harness.client.callRaw(
                    path: PublicationAPI.recordAdvanceCopy.path, json: Data(body.utf8), deadline: .seconds(10),
                    metadata: bearer(TestTokens.publication))
            }
            #expect(raw?.code == .invalidArgument)
            #expect(raw?.message.contains("recipient") == true, "\(raw?.message ?? "")")
            try await harness.expectRefused(reference, .permissionDenied, "") {
                try await harness.recordAdvanceCopy(reference, to: .ofsted, sentOn: Fixtures.today, as: TestTokens.panel)
            }
        }
    }
}
