import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The reflective learning workshop (§8.8, Appendices 12-14) and the quality markers
/// (Appendix 15 §4) over RPC: each step recorded, refused steps changing nothing, the letters
/// rendered, the milestones in the feed without names, every call audited.
@Suite("The reflective learning workshop and the quality markers over RPC")
struct LearningWorkshopTests {
    static let practitioner = "Fictional Workshop Practitioner"

    /// The workshop on `date`, with its timings, venue and feedback date.
    static func schedule(_ harness: Harness, _ reference: CaseReference, on date: String) async throws {
        _ = try await harness.call(
            ReviewManagementAPI.scheduleLearningEvent,
            .init(
                caseReference: reference, kind: .practitionersWorkshop, date: Fixtures.date(date), startsAt: "09:45", endsAt: "13:00",
                venue: "Fictional Hall", feedbackSessionDate: Fixtures.date("2025-06-02")), as: ReviewTokens.reviewTeam)
    }

    /// Invites `name` on 2025-04-04.
    @discardableResult
    static func invite(_ harness: Harness, _ reference: CaseReference, _ name: String = practitioner) async throws(RPCError)
        -> ReviewManagementAPI.InviteToLearningEventResponse
    {
        try await harness.call(
            ReviewManagementAPI.inviteToLearningEvent,
            .init(
                caseReference: reference, name: name, role: "Health visitor", agency: "Fictional Health", kind: .practitioner,
                invitedOn: Fixtures.date("2025-04-04")), as: ReviewTokens.reviewTeam)
    }

    static func attendance(_ harness: Harness, _ reference: CaseReference, _ invitee: Int, _ attendance: ReviewManagementAPI.LearningEventAttendance)
        async throws(RPCError)
    {
        _ = try await harness.call(
            ReviewManagementAPI.recordLearningEventAttendance, .init(caseReference: reference, invitee: invitee, attendance: attendance),
            as: ReviewTokens.reviewTeam)
    }

    @Test(
        "§8.8: scheduled, invited, attended or apologised, a one-to-one instead, learning points, feedback: in GetReview and the feed, no names in the feed"
    )
    func fullWorkshop() async throws {
        try await withReview(80, through: .agreed) { harness, reference in
            try await harness.appoint(reference)
            try await Self.schedule(harness, reference, on: "2025-04-05")
            #expect(try await Self.invite(harness, reference).invitation.invitee == 1)
            #expect(try await Self.invite(harness, reference, "Fictional Line Manager").invitation.invitee == 2)
            try await Self.attendance(harness, reference, 1, .attended)
            try await Self.attendance(harness, reference, 2, .sentApologies)
            _ = try await harness.call(
                ReviewManagementAPI.recordOneToOneConversation,
                .init(caseReference: reference, invitee: 2, on: Fixtures.today, with: "Fictional Lead Reviewer"), as: ReviewTokens.reviewTeam)
            let learning = try await harness.call(
                ReviewManagementAPI.recordLearningPoints,
                .init(
                    caseReference: reference, themes: [.init(text: "Fictional: space for children", agencies: ["Fictional Health"])],
                    learningPoints: [.init(text: "Fictional: share concerns", agencies: ["Fictional Health", "Fictional Police"])]),
                as: ReviewTokens.reviewTeam)
            #expect(learning.learning.version == 1)
            _ = try await harness.call(
                ReviewManagementAPI.recordFeedbackSession, .init(caseReference: reference, on: Fixtures.today), as: ReviewTokens.reviewTeam)

            let view = try #require(try await harness.review(reference).learningWorkshop)
            #expect(view.invitees.map(\.attendance) == [.attended, .sentApologies])
            #expect(view.invitees[1].oneToOneConversations?.map(\.with) == ["Fictional Lead Reviewer"])
            #expect(view.event?.venue == "Fictional Hall")
            #expect(view.facilitator != nil, "the lead reviewer facilitates")
            #expect(view.learning?.learningPoints.first?.agencies == ["Fictional Health", "Fictional Police"])
            #expect(view.feedbackSession?.on == Fixtures.today)

            let statuses = try await harness.call(ReviewManagementAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer)
            let events = statuses.statuses.first?.milestones.map(\.event) ?? []
            for event in ["learningWorkshopScheduled", "learningWorkshopHeld", "feedbackSessionHeld"] { #expect(events.contains(event)) }
            let text = String(decoding: try JSONCodec.encode(statuses), as: UTF8.self)
            #expect(!text.contains(Self.practitioner) && !text.contains("Fictional Line Manager"), "a name in the status")
        }
    }

    @Test(
        "§8.8: attendance before the event and for someone not invited, a one-to-one for an attendee, feedback before the workshop: refused, nothing changes"
    )
    func refusals() async throws {
        try await withReview(81, through: .agreed) { harness, reference in
            try await harness.expectRefused(reference, .failedPrecondition, "§8.8: no reflective learning workshop is scheduled") {
                try await Self.invite(harness, reference)
            }
            try await Self.schedule(harness, reference, on: "2025-04-20")
            try await Self.invite(harness, reference)
            try await harness.expectRefused(reference, .failedPrecondition, "§8.8: the workshop on 2025-04-20 has not taken place yet") {
                try await Self.attendance(harness, reference, 1, .attended)
            }
            try await harness.expectRefused(reference, .invalidArgument, "invitee: no invitee 2") {
                try await Self.attendance(harness, reference, 2, .attended)
            }
            try await harness.expectRefused(reference, .failedPrecondition, "Appendix 12: the feedback session follows the workshop") {
                _ = try await harness.call(
                    ReviewManagementAPI.recordFeedbackSession, .init(caseReference: reference, on: Fixtures.today), as: ReviewTokens.reviewTeam)
            }
            try await Self.schedule(harness, reference, on: "2025-04-07")
            try await Self.attendance(harness, reference, 1, .attended)
            try await harness.expectRefused(reference, .failedPrecondition, "Appendix 12: invitee 1 attended the workshop") {
                _ = try await harness.call(
                    ReviewManagementAPI.recordOneToOneConversation,
                    .init(caseReference: reference, invitee: 1, on: Fixtures.today, with: "Fictional Lead Reviewer"), as: ReviewTokens.reviewTeam)
            }
            try await harness.expectRefused(reference, .invalidArgument, "themes[0].agencies: ") {
                _ = try await harness.call(
                    ReviewManagementAPI.recordLearningPoints,
                    .init(caseReference: reference, themes: [.init(text: "Fictional", agencies: [])], learningPoints: []), as: ReviewTokens.reviewTeam
                )
            }
        }
    }

    @Test("Appendices 12-14: GetLearningEventDocument renders the invitation with the briefing and the agenda; every call is audited")
    func documentsAudited() async throws {
        try await withReview(82, through: .agreed) { harness, reference in
            try await Self.schedule(harness, reference, on: "2025-04-05")
            try await Self.invite(harness, reference)
            let letter = try await harness.call(
                ReviewManagementAPI.getLearningEventDocument, .init(caseReference: reference, kind: .invitation, invitee: 1),
                as: ReviewTokens.reviewTeam)
            for expected in [Self.practitioner, "2025-04-05", "09:45 to 13:00", "Fictional Hall", "## Important Principles"] {
                #expect(letter.document.contains(expected), "the letter lacks \(expected)")
            }
            let agenda = try await harness.call(
                ReviewManagementAPI.getLearningEventDocument, .init(caseReference: reference, kind: .agenda), as: ReviewTokens.reviewTeam)
            #expect(agenda.document.contains("**Membership:** \(Self.practitioner)"))
            let trail = try await harness.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
            for method in ["InviteToLearningEvent", "GetLearningEventDocument"] {
                #expect(trail.entries.contains { $0.method == method }, "\(method) not audited")
            }
            let viewer = await captureRPCError {
                _ = try await harness.call(
                    ReviewManagementAPI.getLearningEventDocument, .init(caseReference: reference, kind: .agenda), as: TestTokens.viewer)
            }
            #expect(viewer?.code == .permissionDenied)
        }
    }

    @Test("Appendix 15 §4: RecordQualityMarkers shows the seven markers on the checklist, answered or not, and never changes passes")
    func qualityMarkers() async throws {
        try await withReview(83, through: .agreed) { harness, reference in
            let draft = try await harness.submitReport(Fixtures.reportDraft(reference))
            #expect(draft.checklist.qualityMarkers?.count == 7)
            let answered = try await harness.call(
                ReviewManagementAPI.recordQualityMarkers,
                .init(caseReference: reference, version: 1, answers: [.init(marker: .conclusionsTransparent, answer: .no, comment: "Fictional")]),
                as: ReviewTokens.reviewTeam)
            #expect(answered.checklist.passes)
            #expect(answered.checklist.qualityMarkers?.first { $0.marker == .conclusionsTransparent }?.answer == .no)
            #expect(try await harness.review(reference).report?.checklists.first == answered.checklist)
            try await harness.expectRefused(reference, .invalidArgument, "version: no report version 2") {
                _ = try await harness.call(
                    ReviewManagementAPI.recordQualityMarkers,
                    .init(caseReference: reference, version: 2, answers: [.init(marker: .toneAppropriate, answer: .yes)]), as: ReviewTokens.reviewTeam
                )
            }
        }
    }
}
