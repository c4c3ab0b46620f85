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
        try await withCase(20, through: .scheduled) { harness, reference in
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
        try await withCase(21, through: .scheduled) { harness, reference in
            let json = String(decoding: try JSONCodec.encode(Fixtures.meeting(reference, on: Self.meetingDate)), as: UTF8.self)
            #expect(json.contains("\"partnerKind\":\"health\""))
            let reply = try await harness.client.callRaw(
                path: RapidReviewAPI.recordMeeting.path,
                json: Data(json.replacingOccurrences(of: "\"partnerKind\":\"health\"", with: "\"partnerKind\":\"ccg\"").utf8),
                deadline: .seconds(5), metadata: bearer(TestTokens.panel))
            #expect(try JSONCodec.decode(RapidReviewAPI.RecordMeetingResponse.self, from: reply).quorate)
        }
    }

    /// Each former test of an incomplete record: refused, naming the field, changing nothing; then, where the
    /// former test went on, the record put right is accepted.
    static let incompleteRecords = recordRows + immediateActionRows + criteriaRows + discussionRows

    static let recordRows: [RefusalCase] =
        [
            RefusalCase(
                "R2: each participant is listed with name, role and agency", 22, through: .scheduled,
                [
                    .record("participants[1].role: R2:") { $0.participants[1].role = "  " },
                    .record("participants: R2:") {
                        $0.participants[1].role = "  "
                        $0.participants = []
                    },
                ]),
            RefusalCase(
                "R2: an agency asked for scoping that took no part is listed as an omission, with its explanation", 23, through: .scheduled,
                [
                    .record("omissions: R2: Testtown Primary School was asked for scoping") { withoutSchool(&$0) },
                    .record("omissions[0].reason: R2:") {
                        withoutSchool(&$0)
                        $0.omissions = [Omission(agency: Fixtures.school.name, reason: " ")]
                    },
                ],
                then: { harness, reference in
                    var request = Fixtures.meeting(reference, on: meetingDate)
                    withoutSchool(&request)
                    request.omissions = [Omission(agency: "testtown primary school ", reason: "Fictional: half term; written submission provided")]
                    let recorded = try await harness.record(request)
                    #expect(recorded.quorate)
                    let meeting = try await harness.rapidReview(reference).meetings.first
                    #expect(meeting?.omissions == request.omissions)
                }),
            RefusalCase(
                "R3: the meeting has the referral and/or the LA notification; intake's list stands when none is given", 24, through: .scheduled,
                [.record("documentation: R3:") { $0.documentation = ["scoping return: Testshire Police"] }],
                then: { harness, reference in
                    var request = Fixtures.meeting(reference, on: meetingDate)
                    request.documentation = nil
                    try await harness.record(request)
                    let meeting = try await harness.rapidReview(reference).meetings.first
                    #expect(meeting?.documentation == Fixtures.handOver(reference).documentation)
                }),
        ]

    static let immediateActionRows = rows(
        "R4: immediate action is yes or no, with what was done, or what is needed, by whom and when", 25,
        [
            .record("immediateAction.actions: R4:") { $0.immediateAction = ImmediateAction(allTaken: false) },
            .record("immediateAction.details: R4:") { $0.immediateAction = ImmediateAction(allTaken: true) },
            .record("immediateAction.actions[0].who: R4:") {
                $0.immediateAction = ImmediateAction(allTaken: false, actions: [ActionItem(what: "safety plan", who: "")])
            },
            .record("immediateAction.actions[0].byWhen: R4:") {
                $0.immediateAction = ImmediateAction(allTaken: false, actions: [ActionItem(what: "safety plan", who: "Children's Services")])
            },
            .record("immediateAction.actions[0].what: R4:") {
                $0.immediateAction = ImmediateAction(allTaken: false, actions: [ActionItem(what: "", who: "Children's Services")])
            },
        ],
        putRight: { $0.immediateAction = ImmediateAction(allTaken: true, details: "Fictional: sibling safety plan agreed the day before") })

    static let criteriaRows = rows(
        "R5: any of the eight criteria, or none of the above, which is exclusive", 26,
        [
            .record("criteria: R5: noneOfTheAbove excludes the other criteria") { $0.criteria = [.recurrentThemes, .noneOfTheAbove] },
            .record("criteria: R5:") { $0.criteria = [] },
            .record("criteria[1]: R5:") { $0.criteria = [.recurrentThemes, .recurrentThemes] },
        ],
        putRight: { $0.criteria = [.noneOfTheAbove] })

    static let discussionRows = rows(
        "R6: the nature of the harm, the key issues, who shares the immediate learning, and legal advice's details", 27,
        [
            .record("discussion.natureOfHarm: R6:") { $0.discussion.natureOfHarm = "" },
            .record("discussion.keyIssues: R6:") { $0.discussion.keyIssues = " " },
            .record("discussion.learningSharedBy: R6:") { $0.discussion.learningSharedBy = nil },
            .record("discussion.legalAdvice.details: R6:") { $0.discussion.legalAdvice = YesNoDetails(answer: true) },
        ])

    /// One row per refusal of a former parameterized test (its title, the refusal in brackets); then, where
    /// the former test went on, the record changed by `putRight` instead is accepted.
    private static func rows(
        _ title: String, _ sequence: Int, _ refusals: [Refusal],
        putRight: (@Sendable (inout RapidReviewAPI.RecordMeetingRequest) -> Void)? = nil
    ) -> [RefusalCase] {
        var accepted: RefusalCase.Action?
        if let putRight {
            accepted = { harness, reference in
                var request = Fixtures.meeting(reference, on: meetingDate)
                putRight(&request)
                try await harness.record(request)
            }
        }
        return refusals.map { refusal in
            RefusalCase("\(title) (\(refusal.prefix))", sequence, through: .scheduled, [refusal], then: accepted)
        }
    }

    @Test("R2-R6: an incomplete record of the meeting is refused, naming the field, and changes nothing", arguments: incompleteRecords)
    func incompleteRecord(_ row: RefusalCase) async throws { try await row.check() }

    private static func withoutSchool(_ request: inout RapidReviewAPI.RecordMeetingRequest) {
        request.participants.removeAll { $0.agency == Fixtures.school.name }
    }

    @Test("the meeting recorded is the one scheduled, held by today; without a scheduled meeting there is nothing to record")
    func order() async throws {
        try await withCase(28, through: .opened) { harness, reference in
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
        try await withCase(29, through: .scheduled) { harness, reference in
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
