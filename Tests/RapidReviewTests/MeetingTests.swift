import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("RecordMeeting: quorum and the Appendix 5 record (R1-R6)")
struct MeetingTests {
    static let meetingDate = Fixtures.Scenario.onTime.meetingDate

    @Test("R1: a meeting without a police representative is recorded as not quorate, and no recommendation can be agreed at it")
    func notQuorate() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(20)
            try await harness.prepare(reference, through: .scheduled)
            var request = Fixtures.meeting(reference, on: Self.meetingDate)
            request.participants.removeAll { $0.partnerKind == .police }
            request.omissions = [Omission(agency: Fixtures.police.name, reason: "Fictional: the officer was called to an emergency")]
            let recorded = try await harness.record(request)
            #expect(!recorded.quorate)
            #expect(recorded.missingPartners == [.police])
            #expect(try await harness.rapidReview(reference).state == .meetingNotQuorate)
            try await harness.expectRefused(
                reference, .failedPrecondition, "R1: the meeting of 2025-04-03 was not quorate (no police representative)"
            ) {
                try await harness.agree(reference, Fixtures.decision(.localReview))
            }

            // The panel reconvenes, quorate, and the recommendation can then be agreed.
            try await harness.schedule(reference, on: Fixtures.date("2025-04-04"))
            let quorate = try await harness.record(Fixtures.meeting(reference, on: Fixtures.date("2025-04-04")))
            #expect(quorate.quorate)
            #expect(quorate.meetingNumber == 2)
            let agreed = try await harness.agree(reference, Fixtures.decision(.localReview))
            #expect(agreed.recommendation.meetingNumber == 2)
            let rapidReview = try await harness.rapidReview(reference)
            #expect(rapidReview.meetings.map(\.quorate) == [false, true])
            #expect(rapidReview.milestones.map(\.event).contains("meetingNotQuorate"))
        }
    }

    @Test("R1: the health partner counts whether sent as icb or ccg")
    func healthPartner() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(21)
            try await harness.prepare(reference, through: .scheduled)
            let json = String(decoding: try JSONCodec.encode(Fixtures.meeting(reference, on: Self.meetingDate)), as: UTF8.self)
            #expect(json.contains("\"partnerKind\":\"health\""))
            let reply = try await harness.client.callRaw(
                path: RapidReviewAPI.recordMeeting.path,
                json: Data(json.replacingOccurrences(of: "\"partnerKind\":\"health\"", with: "\"partnerKind\":\"ccg\"").utf8),
                deadline: .seconds(5), metadata: bearer(TestTokens.panel))
            #expect(try JSONCodec.decode(RapidReviewAPI.RecordMeetingResponse.self, from: reply).quorate)
        }
    }

    @Test("R2: each participant is listed with name, role and agency")
    func participantDetails() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(22)
            try await harness.prepare(reference, through: .scheduled)
            var request = Fixtures.meeting(reference, on: Self.meetingDate)
            request.participants[1].role = "  "
            try await harness.expectRefused(reference, .invalidArgument, "participants[1].role: R2:") { try await harness.record(request) }
            request.participants = []
            try await harness.expectRefused(reference, .invalidArgument, "participants: R2:") { try await harness.record(request) }
        }
    }

    @Test("R2: an agency asked for scoping that took no part is listed as an omission, with its explanation")
    func omissions() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(23)
            try await harness.prepare(reference, through: .scheduled)
            var request = Fixtures.meeting(reference, on: Self.meetingDate)
            request.participants.removeAll { $0.agency == Fixtures.school.name }
            try await harness.expectRefused(reference, .invalidArgument, "omissions: R2: Testtown Primary School was asked for scoping") {
                try await harness.record(request)
            }
            request.omissions = [Omission(agency: Fixtures.school.name, reason: " ")]
            try await harness.expectRefused(reference, .invalidArgument, "omissions[0].reason: R2:") { try await harness.record(request) }
            request.omissions = [Omission(agency: "testtown primary school ", reason: "Fictional: half term; written submission provided")]
            #expect(try await harness.record(request).quorate)
            #expect(try await harness.rapidReview(reference).meetings.first?.omissions == request.omissions)
        }
    }

    @Test("R3: the meeting has the referral and/or the LA notification; intake's list stands when none is given")
    func documentation() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(24)
            try await harness.prepare(reference, through: .scheduled)
            var request = Fixtures.meeting(reference, on: Self.meetingDate)
            request.documentation = ["scoping return: Testshire Police"]
            try await harness.expectRefused(reference, .invalidArgument, "documentation: R3:") { try await harness.record(request) }
            request.documentation = nil
            try await harness.record(request)
            #expect(try await harness.rapidReview(reference).meetings.first?.documentation == Fixtures.handOver(reference).documentation)
        }
    }

    @Test(
        "R4: immediate action is yes or no, with what was done, or what is needed, by whom and when",
        arguments: [
            (ImmediateAction(allTaken: false), "immediateAction.actions: R4:"),
            (ImmediateAction(allTaken: true), "immediateAction.details: R4:"),
            (ImmediateAction(allTaken: false, actions: [ActionItem(what: "safety plan", who: "")]), "immediateAction.actions[0].who: R4:"),
            (
                ImmediateAction(allTaken: false, actions: [ActionItem(what: "safety plan", who: "Children's Services")]),
                "immediateAction.actions[0].byWhen: R4:"
            ),
            (ImmediateAction(allTaken: false, actions: [ActionItem(what: "", who: "Children's Services")]), "immediateAction.actions[0].what: R4:"),
        ])
    func immediateAction(action: ImmediateAction, refusal: String) async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(25)
            try await harness.prepare(reference, through: .scheduled)
            var request = Fixtures.meeting(reference, on: Self.meetingDate)
            request.immediateAction = action
            try await harness.expectRefused(reference, .invalidArgument, refusal) { try await harness.record(request) }
            request.immediateAction = ImmediateAction(allTaken: true, details: "Fictional: sibling safety plan agreed the day before")
            try await harness.record(request)
        }
    }

    @Test(
        "R5: any of the eight criteria, or none of the above, which is exclusive",
        arguments: [
            ([Criterion.recurrentThemes, .noneOfTheAbove], "criteria: R5: noneOfTheAbove excludes the other criteria"),
            ([], "criteria: R5:"),
            ([Criterion.recurrentThemes, .recurrentThemes], "criteria[1]: R5:"),
        ])
    func criteria(criteria: [Criterion], refusal: String) async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(26)
            try await harness.prepare(reference, through: .scheduled)
            var request = Fixtures.meeting(reference, on: Self.meetingDate)
            request.criteria = criteria
            try await harness.expectRefused(reference, .invalidArgument, refusal) { try await harness.record(request) }
            request.criteria = [.noneOfTheAbove]
            try await harness.record(request)
        }
    }

    @Test(
        "R6: the nature of the harm, the key issues, who shares the immediate learning, and legal advice's details",
        arguments: [
            ("natureOfHarm", "discussion.natureOfHarm: R6:"), ("keyIssues", "discussion.keyIssues: R6:"),
            ("learningSharedBy", "discussion.learningSharedBy: R6:"), ("legalAdvice", "discussion.legalAdvice.details: R6:"),
        ])
    func discussion(field: String, refusal: String) async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(27)
            try await harness.prepare(reference, through: .scheduled)
            var request = Fixtures.meeting(reference, on: Self.meetingDate)
            switch field {
            case "natureOfHarm": request.discussion.natureOfHarm = ""
            case "keyIssues": request.discussion.keyIssues = " "
            case "learningSharedBy": request.discussion.learningSharedBy = nil
            default: request.discussion.legalAdvice = YesNoDetails(answer: true)
            }
            try await harness.expectRefused(reference, .invalidArgument, refusal) { try await harness.record(request) }
        }
    }

    @Test("the meeting recorded is the one scheduled, held by today; without a scheduled meeting there is nothing to record")
    func order() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(28)
            try await harness.prepare(reference, through: .opened)
            try await harness.expectRefused(reference, .failedPrecondition, "T4: record the meeting once it is scheduled; no meeting scheduled yet") {
                try await harness.record(Fixtures.meeting(reference, on: Self.meetingDate))
            }
            try await harness.schedule(reference, on: Self.meetingDate)
            try await harness.expectRefused(reference, .failedPrecondition, "T4: the meeting is scheduled for 2025-04-03, not 2025-04-04") {
                try await harness.record(Fixtures.meeting(reference, on: Fixtures.date("2025-04-04")))
            }
            try await harness.schedule(reference, on: Fixtures.date("2025-04-08"))
            try await harness.expectRefused(reference, .invalidArgument, "meetingDate: 2025-04-08 is after today") {
                try await harness.record(Fixtures.meeting(reference, on: Fixtures.date("2025-04-08")))
            }
            try await harness.schedule(reference, on: Self.meetingDate)
            try await harness.record(Fixtures.meeting(reference, on: Self.meetingDate))
            try await harness.expectRefused(reference, .failedPrecondition, "R1: a quorate meeting was already recorded on 2025-04-03") {
                try await harness.record(Fixtures.meeting(reference, on: Self.meetingDate))
            }
            let denied = await captureRPCError {
                _ = try await harness.call(RapidReviewAPI.recordMeeting, Fixtures.meeting(reference, on: Self.meetingDate), as: TestTokens.staff)
            }
            #expect(denied?.code == .permissionDenied)
        }
    }

    @Test("T4: the quorate meeting meets T4, and T5 runs from it")
    func deadlines() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(29)
            try await harness.prepare(reference, through: .scheduled)
            let recorded = try await harness.record(Fixtures.meeting(reference, on: Self.meetingDate))
            #expect(recorded.deadlines.map(\.rule) == [.t4, .t5, .t6])
            let t4 = try #require(recorded.deadlines.first { $0.rule == .t4 })
            #expect(t4.status == .met)
            #expect(t4.metOn == Self.meetingDate)
            let t5 = try #require(recorded.deadlines.first { $0.rule == .t5 })
            #expect(t5.due == Fixtures.date("2025-04-07"))
        }
    }
}
