import Contract
import Testing
import WorkingDays

@testable import RapidReviewService

/// `recordingMeeting(_:by:clock:)`: R1 judged and recorded, R2-R6 refused naming the field.
@Suite("Recording the meeting: R1-R6, on the domain type")
struct MeetingRuleTests {
    static let meetingDate = Fixtures.Scenario.onTime.meetingDate
    static let clock = CaseFixture.clock()

    static func request(_ rapidReview: RapidReviewCase) -> RapidReviewAPI.RecordMeetingRequest {
        Fixtures.meeting(rapidReview.reference, on: meetingDate)
    }

    /// The fixture's meeting with only the partners `present` (and the school); each absent
    /// agency is listed as an omission with its reason, so R2 holds and only R1 is in play.
    static func meeting(_ rapidReview: RapidReviewCase, present: Set<PartnerKind>) -> RapidReviewAPI.RecordMeetingRequest {
        var request = request(rapidReview)
        let absent = Fixtures.participants.filter { !present.contains($0.partnerKind) }
        request.participants = Fixtures.participants.filter { present.contains($0.partnerKind) }
        request.omissions = absent.map { Omission(agency: $0.agency, reason: "Fictional: no representative was available") }
        return request
    }

    @Test(
        "R1: quorate only with the local authority, the police and health present; a meeting that is not is kept, with who was missing",
        arguments: [
            ([PartnerKind.localAuthority, .police, .health, .other], [PartnerKind]()),
            ([.localAuthority, .police, .health], []),
            ([.localAuthority, .health, .other], [.police]),
            ([.localAuthority, .police, .other], [.health]),
            ([.police, .health, .other], [.localAuthority]),
            ([.localAuthority, .other], [.police, .health]),
            ([.other], [.localAuthority, .police, .health]),
        ])
    func r1Quorum(present: [PartnerKind], missing: [PartnerKind]) throws {
        var rapidReview = try CaseFixture.rapidReview(through: .scheduled)
        let recorded = try rapidReview.recordingMeeting(
            Self.meeting(rapidReview, present: Set(present)), by: CaseFixture.panel, clock: Self.clock)
        #expect(recorded.quorate == missing.isEmpty)
        #expect(recorded.missingPartners == missing)
        #expect(recorded.number == 1)
        #expect(recorded.scheduleNumber == 1)
        rapidReview.meetings.append(recorded)
        #expect(rapidReview.state == (missing.isEmpty ? .awaitingRecommendation : .meetingNotQuorate))
        #expect((rapidReview.heldMeeting != nil) == missing.isEmpty)
        #expect((rapidReview.outcome != nil) == missing.isEmpty)
    }

    @Test("R1: after a meeting that was not quorate, a rescheduled quorate one is the Rapid Review meeting; the first is kept")
    func r1AfterNotQuorate() throws {
        var rapidReview = try CaseFixture.rapidReview(through: .scheduled)
        rapidReview.meetings.append(
            try rapidReview.recordingMeeting(Self.meeting(rapidReview, present: [.localAuthority, .other]), by: CaseFixture.panel, clock: Self.clock))
        let rescheduled = Fixtures.date("2025-04-07")
        rapidReview.schedule.append(
            try rapidReview.scheduling(
                .init(caseReference: rapidReview.reference, date: rescheduled, format: .telephone), by: CaseFixture.support, clock: Self.clock))
        #expect(rapidReview.state == .meetingScheduled)
        let held = try rapidReview.recordingMeeting(
            Fixtures.meeting(rapidReview.reference, on: rescheduled), by: CaseFixture.panel, clock: Self.clock)
        #expect(held.quorate)
        #expect(held.number == 2)
        #expect(held.scheduleNumber == 2)
        #expect(held.format == .telephone)
        rapidReview.meetings.append(held)
        #expect(rapidReview.heldMeeting == held)
        #expect(rapidReview.meetings.count == 2)
    }

    @Test(
        "R2-R6: a meeting record missing what Appendix 5 asks is refused naming the field and the rule",
        arguments: [
            (Change<RapidReviewAPI.RecordMeetingRequest>("no participants") { $0.participants = [] }, "participants", FrameworkRule.r2),
            (Change("a participant without a role") { $0.participants[1].role = "  " }, "participants[1].role", .r2),
            (Change("a participant without a name") { $0.participants[0].name = "" }, "participants[0].name", .r2),
            (Change("a participant without an agency") { $0.participants[2].agency = "" }, "participants[2].agency", .r2),
            (
                Change("an omission naming no agency") { $0.omissions = [Omission(agency: " ", reason: "Fictional: on leave")] },
                "omissions[0].agency", .r2
            ),
            (
                Change("an omission without its reason") { $0.omissions = [Omission(agency: "Testshire Youth Service", reason: "")] },
                "omissions[0].reason", .r2
            ),
            (Change("an agency asked for scoping, absent and unexplained") { $0.participants.removeLast() }, "omissions", .r2),
            (Change("documentation without the referral") { $0.documentation = ["scoping return: Testshire Police"] }, "documentation", .r3),
            (Change("documentation all blank") { $0.documentation = [" "] }, "documentation", .r3),
            (
                Change("all action taken, no details") { $0.immediateAction = ImmediateAction(allTaken: true) },
                "immediateAction.details", .r4
            ),
            (
                Change("action still needed, none listed") { $0.immediateAction = ImmediateAction(allTaken: false, details: "Fictional") },
                "immediateAction.actions", .r4
            ),
            (Change("an action without what") { $0.immediateAction.actions[0].what = "" }, "immediateAction.actions[0].what", .r4),
            (Change("an action without who") { $0.immediateAction.actions[0].who = " " }, "immediateAction.actions[0].who", .r4),
            (Change("an action to take without by when") { $0.immediateAction.actions[0].byWhen = nil }, "immediateAction.actions[0].byWhen", .r4),
            (Change("no criteria") { $0.criteria = [] }, "criteria", .r5),
            (Change("a criterion ticked twice") { $0.criteria = [.recurrentThemes, .recurrentThemes] }, "criteria[1]", .r5),
            (Change("none of the above with another") { $0.criteria = [.noneOfTheAbove, .crossBoundary] }, "criteria", .r5),
            (Change("no nature of harm") { $0.discussion.natureOfHarm = " " }, "discussion.natureOfHarm", .r6),
            (Change("no key issues") { $0.discussion.keyIssues = "" }, "discussion.keyIssues", .r6),
            (Change("learning with no one to share it") { $0.discussion.learningSharedBy = nil }, "discussion.learningSharedBy", .r6),
            (
                Change("legal advice sought, no details") { $0.discussion.legalAdvice = YesNoDetails(answer: true) },
                "discussion.legalAdvice.details", .r6
            ),
        ])
    func contentRules(change: Change<RapidReviewAPI.RecordMeetingRequest>, field: String, rule: FrameworkRule) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .scheduled)
        let error = try #require(
            refusal { try rapidReview.recordingMeeting(change.applied(to: Self.request(rapidReview)), by: CaseFixture.panel, clock: Self.clock) })
        #expect(error.field == field)
        #expect(error.rule == rule)
        #expect(error.message.hasPrefix("\(field): \(rule): "))
    }

    @Test(
        "R2-R6: what Appendix 5 allows is recorded",
        arguments: [
            Change<RapidReviewAPI.RecordMeetingRequest>("the fixture as it is") { _ in },
            Change("the school absent, its omission explained") {
                $0.participants.removeLast()
                $0.omissions = [Omission(agency: "testtown primary school ", reason: "Fictional: term had ended")]
            },
            Change("the referral in the request's documentation") { $0.documentation = ["Referral form", "scoping return: Testshire Police"] },
            Change("the LA notification as the documentation") { $0.documentation = ["LA notification to the National Panel"] },
            Change("all action taken, with details only") { $0.immediateAction = ImmediateAction(allTaken: true, details: "Fictional: done") },
            Change("an action done, with no date") { $0.immediateAction.actions[0] = ActionItem(what: "Fictional", who: "Police", done: true) },
            Change("none of the above alone") { $0.criteria = [.noneOfTheAbove] },
            Change("no immediate learning, no one to share it") {
                $0.discussion.immediateLearning = nil
                $0.discussion.learningSharedBy = nil
            },
            Change("legal advice sought, with details") { $0.discussion.legalAdvice = YesNoDetails(answer: true, details: "Fictional: counsel") },
        ])
    func contentAllowed(change: Change<RapidReviewAPI.RecordMeetingRequest>) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .scheduled)
        let recorded = try rapidReview.recordingMeeting(change.applied(to: Self.request(rapidReview)), by: CaseFixture.panel, clock: Self.clock)
        #expect(recorded.quorate)
        #expect(recorded.recordedBy == CaseFixture.panel)
        #expect(recorded.documentation.contains { $0.lowercased().hasPrefix("referral") || $0.lowercased().contains("notification") })
    }

    @Test(
        "R3: documentation counts as the referral or notification only when it is one, not when an entry merely has the word",
        arguments: [
            (["no notification", "scoping return: Testshire Police"], false), (["referral not received"], false),
            (["scoping return mentions the referral"], false), (["LA notification missing"], false),
            (["Referral form (Appendix 2)"], true), (["LA notification to the National Panel"], true), (["notification"], true),
            (["Serious incident notification, 21 March"], true), (["linked referral"], true),
        ])
    func r3FoundingDocument(documentation: [String], accepted: Bool) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .scheduled)
        var request = Self.request(rapidReview)
        request.documentation = documentation
        let error = refusal { try rapidReview.recordingMeeting(request, by: CaseFixture.panel, clock: Self.clock) }
        #expect(error == nil ? accepted : (!accepted && error?.field == "documentation" && error?.rule == .r3), "\(String(describing: error))")
    }

    @Test("R3: without documentation of its own, the meeting has intake's, blanks dropped")
    func documentationFromHandOver() throws {
        let rapidReview = try CaseFixture.rapidReview(through: .scheduled)
        let recorded = try rapidReview.recordingMeeting(Self.request(rapidReview), by: CaseFixture.panel, clock: Self.clock)
        #expect(recorded.documentation == rapidReview.handOver.documentation)
        var request = Self.request(rapidReview)
        request.documentation = [" referral ", "", "scoping return: Testshire Police"]
        let trimmed = try rapidReview.recordingMeeting(request, by: CaseFixture.panel, clock: Self.clock)
        #expect(trimmed.documentation == ["referral", "scoping return: Testshire Police"])
    }

    @Test(
        "T4, R1: a meeting is recorded only as scheduled, once held, and once quorate",
        arguments: [
            (Harness.Step.opened, "2025-04-03", FrameworkRule.t4),  // nothing scheduled
            (.scheduled, "2025-04-02", .t4),  // not the date scheduled
            (.meetingHeld, "2025-04-03", .r1),  // already held
        ])
    func order(step: Harness.Step, date: String, rule: FrameworkRule) throws {
        let rapidReview = try CaseFixture.rapidReview(through: step)
        let error = try #require(
            refusal {
                try rapidReview.recordingMeeting(
                    Fixtures.meeting(rapidReview.reference, on: Fixtures.date(date)), by: CaseFixture.panel, clock: Self.clock)
            })
        #expect(error.rule == rule)
        #expect(error.isOutOfOrder)
    }

    @Test("T4: a meeting is recorded once held: a date after today is refused naming meetingDate")
    func future() throws {
        let rapidReview = try CaseFixture.rapidReview(through: .scheduled)
        let error = refusal {
            try rapidReview.recordingMeeting(Self.request(rapidReview), by: CaseFixture.panel, clock: CaseFixture.clock(Fixtures.date("2025-04-02")))
        }
        #expect(
            error
                == RapidReviewError.invalidField(
                    path: "meetingDate", rule: nil, problem: "2025-04-03 is after today (2025-04-02); record the meeting once held"))
    }
}
