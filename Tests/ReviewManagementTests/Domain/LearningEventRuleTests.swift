import Contract
import RPC
import Testing
import WorkingDays

@testable import ReviewManagementService

/// §8.8 and Appendices 12-15 on the domain type: the workshop's arrangements, invitations,
/// attendance, one-to-one conversations, learning points, the feedback session, the letters
/// and the advisory quality markers.
@Suite("The reflective learning workshop and the quality markers: §8.8, Appendices 12-15, on the domain type")
struct LearningEventRuleTests {
    static let clock = ReviewFixture.clock()
    static let practitioner = "Fictional Practitioner"

    /// The workshop request for `date`, with every arrangement given.
    static func workshop(_ date: String = "2025-04-05") -> ReviewManagementAPI.ScheduleLearningEventRequest {
        .init(
            caseReference: Fixtures.reference(1), kind: .practitionersWorkshop, date: Fixtures.date(date), startsAt: "09:45", endsAt: "13:00",
            venue: "Fictional Hall, Testshire", feedbackSessionDate: Fixtures.date("2025-06-02"))
    }

    /// An invitation of `name` sent on `on`.
    static func invite(_ name: String = practitioner, agency: String = "Fictional Health", on: String = "2025-04-04")
        -> ReviewManagementAPI.InviteToLearningEventRequest
    {
        .init(
            caseReference: Fixtures.reference(1), name: name, role: "Health visitor", agency: agency, kind: .practitioner,
            invitedOn: Fixtures.date(on))
    }

    /// A local review with the workshop on `date` and the practitioner invited as invitee 1.
    static func invited(workshop date: String = "2025-04-05") throws(ReviewManagementError) -> Review {
        var review = ReviewFixture.commissioned()
        review.learningEvents.append(try review.schedulingLearningEvent(workshop(date), by: ReviewFixture.team, clock: clock))
        review.learningInvitations.append(try review.invitingToLearningEvent(invite(on: "2025-04-04"), by: ReviewFixture.team, clock: clock))
        return review
    }

    /// `invited()` with invitee 1's attendance recorded.
    static func held(_ attendance: ReviewManagementAPI.LearningEventAttendance = .attended) throws(ReviewManagementError) -> Review {
        var review = try invited()
        review.learningAttendance.append(
            try review.recordingLearningEventAttendance(
                .init(caseReference: review.reference, invitee: 1, attendance: attendance), by: ReviewFixture.team, clock: clock))
        return review
    }

    @Test(
        "ScheduleLearningEvent refuses timings not HH:MM or ending before they start, a blank venue, a feedback session not after the workshop",
        arguments: [
            (Change<ReviewManagementAPI.ScheduleLearningEventRequest>("9:45") { $0.startsAt = "9:45" }, "startsAt"),
            (Change("25:00") { $0.startsAt = "25:00" }, "startsAt"), (Change("13:60") { $0.endsAt = "13:60" }, "endsAt"),
            (Change("ends before it starts") { $0.endsAt = "09:00" }, "endsAt"), (Change("blank venue") { $0.venue = " " }, "venue"),
            (Change("feedback on the day") { $0.feedbackSessionDate = Fixtures.date("2025-04-05") }, "feedbackSessionDate"),
        ])
    func arrangements(change: Change<ReviewManagementAPI.ScheduleLearningEventRequest>, path: String) throws {
        let review = ReviewFixture.commissioned()
        let error = refusal { () throws(ReviewManagementError) in
            try review.schedulingLearningEvent(change.applied(to: Self.workshop()), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix("\(path): ") == true, "\(error.map(message) ?? "accepted")")
        let event = try review.schedulingLearningEvent(Self.workshop(), by: ReviewFixture.team, clock: Self.clock)
        #expect(event.startsAt == "09:45" && event.endsAt == "13:00" && event.venue == "Fictional Hall, Testshire")
    }

    @Test("§8.8: an invitation, attendance or feedback session before any workshop is scheduled is refused naming §8.8")
    func workshopFirst() {
        let review = ReviewFixture.commissioned()
        let errors = [
            refusal { () throws(ReviewManagementError) in try review.invitingToLearningEvent(Self.invite(), by: ReviewFixture.team, clock: Self.clock)
            },
            refusal { () throws(ReviewManagementError) in
                try review.recordingLearningEventAttendance(
                    .init(caseReference: review.reference, invitee: 1, attendance: .attended), by: ReviewFixture.team, clock: Self.clock)
            },
            refusal { () throws(ReviewManagementError) in
                try review.recordingFeedbackSession(
                    .init(caseReference: review.reference, on: Fixtures.today), by: ReviewFixture.team, clock: Self.clock)
            },
        ]
        for error in errors {
            #expect(error?.rpcError.code == .failedPrecondition)
            #expect(error.map(message)?.hasPrefix("§8.8: no reflective learning workshop is scheduled") == true)
        }
    }

    @Test(
        "InviteToLearningEvent refuses a blank name, role or agency, a date outside the commission to today or after the workshop, a second invitation",
        arguments: [
            (Change<ReviewManagementAPI.InviteToLearningEventRequest>("blank name") { $0.name = "" }, "name"),
            (Change("blank role") { $0.role = " " }, "role"), (Change("blank agency") { $0.agency = "" }, "agency"),
            (Change("before the commission") { $0.invitedOn = Fixtures.date("2025-04-02") }, "invitedOn"),
            (Change("after today") { $0.invitedOn = Fixtures.date("2025-04-08") }, "invitedOn"),
            (Change("after the workshop") { $0.invitedOn = Fixtures.date("2025-04-06") }, "invitedOn"),
            (Change("invited twice") { $0.name = " fictional practitioner" }, "name"),
        ])
    func invitationFields(change: Change<ReviewManagementAPI.InviteToLearningEventRequest>, path: String) throws {
        let review = try Self.invited()
        let request = change.applied(to: Self.invite("Another Practitioner", on: "2025-04-04"))
        let error = refusal { () throws(ReviewManagementError) in
            try review.invitingToLearningEvent(request, by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix("\(path): ") == true, "\(error.map(message) ?? "accepted")")
        #expect(error.map(message)?.contains(Self.practitioner) == false, "an error never names the invitee")
        let second = try review.invitingToLearningEvent(Self.invite("Another Practitioner"), by: ReviewFixture.team, clock: Self.clock)
        #expect(second.invitee == 2)
    }

    @Test("§8.8: attendance is refused for someone not invited (INVALID_ARGUMENT invitee) and before the event's date (FAILED_PRECONDITION)")
    func attendanceRules() throws {
        let review = try Self.invited()
        let stranger = refusal { () throws(ReviewManagementError) in
            try review.recordingLearningEventAttendance(
                .init(caseReference: review.reference, invitee: 2, attendance: .attended), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(stranger?.rpcError.code == .invalidArgument)
        #expect(stranger.map(message)?.hasPrefix("invitee: no invitee 2 is invited") == true)

        var future = ReviewFixture.commissioned()
        future.learningEvents.append(try future.schedulingLearningEvent(Self.workshop("2025-04-20"), by: ReviewFixture.team, clock: Self.clock))
        future.learningInvitations.append(try future.invitingToLearningEvent(Self.invite(), by: ReviewFixture.team, clock: Self.clock))
        let early = refusal { () throws(ReviewManagementError) in
            try future.recordingLearningEventAttendance(
                .init(caseReference: future.reference, invitee: 1, attendance: .attended), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(early?.rpcError.code == .failedPrecondition)
        #expect(early.map(message)?.hasPrefix("§8.8: the workshop on 2025-04-20 has not taken place yet") == true)
        let onTheDay = try future.recordingLearningEventAttendance(
            .init(caseReference: future.reference, invitee: 1, attendance: .sentApologies), by: ReviewFixture.team,
            clock: ReviewFixture.clock(Fixtures.date("2025-04-20")))
        #expect(onTheDay.attendance == .sentApologies)
    }

    @Test(
        "Appendix 12: a one-to-one conversation is for an invitee who did not attend; an attendee's is refused, and `with` is required",
        arguments: [
            (
                ReviewManagementAPI.LearningEventAttendance.attended, "Fictional Lead Reviewer",
                Optional("Appendix 12: invitee 1 attended the workshop")
            ),
            (.sentApologies, " ", "with: "), (.sentApologies, "Fictional Lead Reviewer", nil), (.didNotAttend, "Fictional Lead Reviewer", nil),
        ])
    func oneToOne(attendance: ReviewManagementAPI.LearningEventAttendance, with: String, refused: String?) throws {
        let review = try Self.held(attendance)
        let request = ReviewManagementAPI.RecordOneToOneConversationRequest(
            caseReference: review.reference, invitee: 1, on: Fixtures.today, with: with)
        let error = refusal { () throws(ReviewManagementError) in
            try review.recordingOneToOneConversation(request, by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error.map(message)?.hasPrefix(refused ?? "") ?? (refused == nil), "\(error.map(message) ?? "accepted")")
        #expect((error == nil) == (refused == nil))
    }

    @Test(
        "RecordLearningPoints: at least one theme or point, each with its text and at least one agency, the field path named",
        arguments: [
            (
                Change<ReviewManagementAPI.RecordLearningPointsRequest>("none") {
                    $0.themes = []; $0.learningPoints = []
                }, "learningPoints"
            ),
            (Change("blank text") { $0.learningPoints[0].text = " " }, "learningPoints[0].text"),
            (Change("no agency") { $0.themes[0].agencies = [] }, "themes[0].agencies"),
            (Change("blank agency") { $0.learningPoints[0].agencies.append("") }, "learningPoints[0].agencies"),
        ])
    func learningPoints(change: Change<ReviewManagementAPI.RecordLearningPointsRequest>, path: String) throws {
        let review = ReviewFixture.commissioned()
        let request = ReviewManagementAPI.RecordLearningPointsRequest(
            caseReference: review.reference, themes: [.init(text: "Fictional: making space for children", agencies: ["Fictional Health"])],
            learningPoints: [.init(text: "Fictional: share concerns at once", agencies: ["Fictional Health", "Fictional Police"])])
        let error = refusal { () throws(ReviewManagementError) in
            try review.recordingLearningPoints(change.applied(to: request), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix("\(path): ") == true, "\(error.map(message) ?? "accepted")")
        #expect(try review.recordingLearningPoints(request, by: ReviewFixture.team, clock: Self.clock).version == 1)
    }

    @Test("Appendix 12: the feedback session follows the workshop held, on or after its date; milestones carry no names")
    func feedbackAndMilestones() throws {
        let invited = try Self.invited()
        let early = refusal { () throws(ReviewManagementError) in
            try invited.recordingFeedbackSession(
                .init(caseReference: invited.reference, on: Fixtures.today), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(early.map(message)?.hasPrefix("Appendix 12: the feedback session follows the workshop") == true)
        #expect(invited.learningWorkshopMilestones.map(\.event) == ["learningWorkshopScheduled"])

        var review = try Self.held()
        let before = refusal { () throws(ReviewManagementError) in
            try review.recordingFeedbackSession(
                .init(caseReference: review.reference, on: Fixtures.date("2025-04-04")), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(before.map(message)?.hasPrefix("on: ") == true)
        review.feedbackSessions.append(
            try review.recordingFeedbackSession(.init(caseReference: review.reference, on: Fixtures.today), by: ReviewFixture.team, clock: Self.clock)
        )
        #expect(
            review.learningWorkshopMilestones == [
                Milestone(event: "learningWorkshopScheduled", date: Fixtures.today),
                Milestone(event: "learningWorkshopHeld", date: Fixtures.date("2025-04-05")),
                Milestone(event: "feedbackSessionHeld", date: Fixtures.today),
            ])
        #expect(review.milestones.map(\.event).contains("feedbackSessionHeld"))
    }

    @Test("Appendix 12-13: the invitation holds the invitee's name, role, agency, the date, time and venue, and the briefing's headings")
    func invitationLetter() throws {
        let review = try Self.held(.sentApologies)
        let letter = try LearningEventRenderer.document(review, .init(caseReference: review.reference, kind: .invitation, invitee: 1))
        for expected in [
            Self.practitioner, "Health visitor", "Fictional Health", "Date: 2025-04-04", "Reflective Learning Workshop – 2025-04-05",
            "**Time:** 09:45 to 13:00", "**Venue:** Fictional Hall, Testshire", "hold 2025-06-02 in your diary",
            "# Briefing Note on the role and purpose of Reflective Learning Workshops", "## About the Reflective Learning Workshop",
            "## Important Principles", "## The Structure of the Workshop", "### Considering the Factual Information",
            "### Considering the Child's Lived Experience", "### Identifying Key Issues and Themes", "### Identifying Learning",
        ] {
            #expect(letter.document.contains(expected), "the letter lacks \(expected)")
        }
        #expect(letter.mediaType == "text/markdown")
        let agenda = try LearningEventRenderer.document(review, .init(caseReference: review.reference, kind: .agenda))
        #expect(agenda.document.contains("**Apologies:** \(Self.practitioner) (Health visitor, Fictional Health)"))
        #expect(agenda.document.contains("| 7. | Evaluation and Close |  | 1:00pm |"))
        let missing = refusal { () throws(ReviewManagementError) in
            try LearningEventRenderer.document(review, .init(caseReference: review.reference, kind: .invitation, invitee: 9))
        }
        #expect(missing.map(message)?.hasPrefix("invitee: no invitee 9") == true)
    }

    @Test(
        "Appendix 15 §4: the quality markers are advisory: answered no, unanswered or yes, V9 alone decides passes; all seven are listed",
        arguments: [ReviewManagementAPI.QualityMarkerAnswer.no, .partly, .yes])
    func qualityMarkersAdvisory(answer: ReviewManagementAPI.QualityMarkerAnswer) throws {
        var review = ReviewFixture.commissioned()
        review.reportVersions.append(
            try review.submittingReportDraft(Fixtures.reportDraft(review.reference), by: ReviewFixture.team, clock: Self.clock))
        let version = try #require(review.reportVersions.first)
        let unanswered = review.checklist(version)
        #expect(unanswered.passes)
        #expect(unanswered.qualityMarkers?.map(\.marker) == ReviewManagementAPI.QualityMarker.allCases)
        #expect(unanswered.qualityMarkers?.allSatisfy { $0.answer == nil } == true)

        review.qualityMarkers.append(
            try review.recordingQualityMarkers(
                .init(caseReference: review.reference, version: 1, answers: [.init(marker: .toneAppropriate, answer: answer, comment: "Fictional")]),
                by: ReviewFixture.team, clock: Self.clock))
        let answered = review.checklist(version)
        #expect(answered.passes, "a marker never decides passes")
        #expect(answered.entries == unanswered.entries)
        #expect(answered.qualityMarkers?.last == .init(marker: .toneAppropriate, answer: answer, comment: "Fictional"))
        #expect(answered.qualityMarkers?.filter { $0.answer != nil }.count == 1)
    }

    @Test(
        "RecordQualityMarkers refuses an unknown version, no answers, a marker answered twice",
        arguments: [
            (Change<ReviewManagementAPI.RecordQualityMarkersRequest>("unknown version") { $0.version = 2 }, "version: no report version 2"),
            (Change("no answers") { $0.answers = [] }, "answers: "),
            (Change("twice") { $0.answers.append(.init(marker: .toneAppropriate, answer: .no)) }, "answers[1].marker: "),
        ])
    func qualityMarkerFields(change: Change<ReviewManagementAPI.RecordQualityMarkersRequest>, prefix: String) throws {
        var review = ReviewFixture.commissioned()
        review.reportVersions.append(
            try review.submittingReportDraft(Fixtures.reportDraft(review.reference), by: ReviewFixture.team, clock: Self.clock))
        let request = ReviewManagementAPI.RecordQualityMarkersRequest(
            caseReference: review.reference, version: 1, answers: [.init(marker: .toneAppropriate, answer: .yes)])
        let error = refusal { () throws(ReviewManagementError) in
            try review.recordingQualityMarkers(change.applied(to: request), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "accepted")")
    }
}
