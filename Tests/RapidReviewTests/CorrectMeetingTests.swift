import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// `CorrectMeeting`: the panel corrects the quorate meeting's record before the chair ratifies.
/// The motivating case (issue 15's known limit): intake learns of more of the family after the
/// meeting, its text is refused at Ratify (P4), and until now nothing could correct it.
@Suite("Correcting the meeting's record (R1-R6, P4)")
struct CorrectMeetingTests {
    static let date = Fixtures.Scenario.onTime.meetingDate

    /// The meeting as first recorded, with `change` made to it.
    static func correction(
        _ reference: CaseReference, reason: String = "Fictional: a relative's name removed", _ change: (inout MeetingContent) -> Void = { _ in }
    )
        -> RapidReviewAPI.CorrectMeetingRequest
    {
        var content = Fixtures.meetingContent(on: date)
        change(&content)
        return RapidReviewAPI.CorrectMeetingRequest(caseReference: reference, meeting: content, reason: reason)
    }

    @Test("P4: text intake has since learnt is the family's refuses Ratify; corrected, the chair ratifies; the record as made is kept")
    func correctedThenRatified() async throws {
        try await withHarness(reviewManagementPort: try freePort()) { harness in
            let intake = try #require(harness.intake)
            let reference = Fixtures.reference(91)
            try await harness.prepare(reference, through: .recommended)
            intake.hold("information sharing")
            let refused = await captureRPCError { _ = try await harness.ratify(reference) }
            #expect(refused?.code == .failedPrecondition && refused?.message.hasPrefix("P4:") == true)

            // The correction is checked by intake too: the same words are refused, nothing kept.
            try await harness.expectRefused(reference, .failedPrecondition, "P4:") {
                _ = try await harness.call(RapidReviewAPI.correctMeeting, Self.correction(reference), as: TestTokens.panel)
            }
            let corrected = try await harness.call(
                RapidReviewAPI.correctMeeting,
                Self.correction(reference) { $0.discussion.keyIssues = "Fictional: how agencies shared concerns" }, as: TestTokens.panel)
            #expect(corrected.correction.number == 1 && corrected.correction.correctedBy == "Sam.Panel")

            let ratified = try await harness.ratify(reference)
            #expect(ratified.ratification.ratifiedBy == "Alex.Chair")
            let view = try await harness.rapidReview(reference)
            #expect(view.meetings.first?.meeting.discussion.keyIssues == "Fictional: how agencies shared concerns")
            #expect(view.meetingCorrections?.map(\.reason) == ["Fictional: a relative's name removed"])
            let kept = try await harness.service.context.database.read { db in
                try db.value("SELECT record FROM meetings WHERE case_reference = ?", reference) as String?
            }
            #expect(kept?.contains("information sharing between agencies") == true, "the record as first made is kept")
        }
    }

    @Test(
        "R1-R9: a correction is refused before a quorate meeting, for a moved date, without a reason, leaving a partner out, an omission unexplained or an action taken dropped, and after ratification; the chair may not correct",
        arguments: [
            ("before", RPCCode.failedPrecondition, "R1: only a quorate meeting's record is corrected"),
            ("date", .invalidArgument, "meeting.meetingDate: the meeting was held on"),
            ("reason", .invalidArgument, "reason: say why"),
            ("police", .invalidArgument, "meeting.participants: R1: the meeting was quorate; the corrected participants leave out police"),
            ("omission", .invalidArgument, "meeting.omissions: R2: Testshire Police was asked for scoping"),
            ("ratified", .failedPrecondition, "R9: the outcome was ratified on"),
            ("taken", .invalidArgument, "meeting.immediateAction.actions: R4: action 1 was recorded as taken"),
            ("chair", .permissionDenied, ""),
        ])
    func refused(_ what: String, _ code: RPCCode, _ prefix: String) async throws {
        try await withHarness(reviewManagementPort: try freePort()) { harness in
            let reference = Fixtures.reference(92)
            try await harness.prepare(reference, through: what == "before" ? .scheduled : what == "ratified" ? .ratified : .recommended)
            var request = Self.correction(reference)
            var token = TestTokens.panel
            switch what {
            case "date": request.meeting.meetingDate = Self.date.adding(days: 1)
            case "reason": request.reason = "  "
            case "police":
                // Its omission explained (R2), the police's absence still leaves the meeting inquorate (R1).
                request.meeting.participants.removeAll { $0.partnerKind == .police }
                request.meeting.omissions = [Omission(agency: Fixtures.police.name, reason: "Fictional: not available")]
            case "omission": request.meeting.participants.removeAll { $0.partnerKind == .police }
            case "taken":
                // Action 1 was taken since the meeting; a correction dropping it is refused.
                try await harness.actionDone(reference, on: Self.date)
                request.meeting.immediateAction = ImmediateAction(allTaken: true, actions: [], details: "Fictional: all taken at the meeting")
            case "chair": token = TestTokens.chair
            default: break
            }
            try await harness.expectRefused(reference, code, prefix) {
                _ = try await harness.call(RapidReviewAPI.correctMeeting, request, as: token)
            }
        }
    }
}
