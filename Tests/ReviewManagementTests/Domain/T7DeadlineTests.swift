import Contract
import Testing
import WorkingDays

@testable import ReviewManagementService

/// T7 on the domain type: its length by the review's kind, and the national path.
@Suite("T7: the review's deadline, on the domain type")
struct T7DeadlineTests {
    @Test(
        "T7: six calendar months from the decision for a local CSPR (b), three for another learning review (c, e), clamped to the month's end",
        arguments: [
            (Recommendation.localReview, "2025-04-03", "2025-10-03", "local CSPR"),
            (.localReview, "2026-08-31", "2027-02-28", "local CSPR"),
            (.alternativeLearningReview, "2025-04-03", "2025-07-03", "other learning review"),
            (.singleAgencyReview, "2024-11-30", "2025-02-28", "other learning review"),
        ])
    func lengths(kind: Recommendation, decided: String, due: String, subject: String) throws {
        let review = ReviewFixture.commissioned(kind: kind, decided: Fixtures.date(decided))
        let t7 = try #require(review.t7(ReviewFixture.clock(Fixtures.date(decided))))
        #expect(t7.rule == .t7)
        #expect(t7.due == Fixtures.date(due))
        #expect(t7.subject == subject)
        #expect(t7.metOn == nil)
        #expect(review.status(ReviewFixture.clock()).deadlines == [t7].map { $0.judged(on: Fixtures.today, calendar: WorkingCalendar()) })
    }

    @Test("T7 under wt-2023 counts the same months, and records the rule set", arguments: [Recommendation.localReview, .singleAgencyReview])
    func wt2023(kind: Recommendation) throws {
        let review = ReviewFixture.commissioned(kind: kind, ruleSet: .workingTogether2023)
        let t7 = try #require(review.t7(ReviewFixture.clock()))
        #expect(t7.ruleSet == .workingTogether2023)
        #expect(t7.due == Fixtures.date(kind == .localReview ? "2025-10-03" : "2025-07-03"))
    }

    @Test(
        "T7: a national review (a) starts no T7 until the National Panel declines and the partners commission locally; then it counts from their decision",
        arguments: [
            (
                ReviewManagementAPI.NationalPanelVerdict.accepted, nil as Recommendation?, nil as String?,
                ReviewManagementAPI.ReviewState.nationalReview
            ),
            (.declined, nil, nil, .notCommissionedLocally),
            (.declined, .localReview, "2025-10-04", .commissioned),
            (.declined, .alternativeLearningReview, "2025-07-04", .commissioned),
        ])
    func nationalPath(verdict: ReviewManagementAPI.NationalPanelVerdict, kind: Recommendation?, due: String?, state: ReviewManagementAPI.ReviewState)
        throws
    {
        var review = ReviewFixture.commissioned(kind: .nationalReview)
        #expect(review.t7(ReviewFixture.clock()) == nil)
        #expect(review.state == .awaitingNationalPanel)
        #expect(review.status(ReviewFixture.clock()).deadlines.isEmpty)
        let request = ReviewManagementAPI.RecordNationalPanelDecisionRequest(
            caseReference: review.reference, verdict: verdict, panelDecidedOn: Fixtures.date("2025-04-04"),
            partnersDecision: verdict == .declined ? Fixtures.partners(commission: kind) : nil)
        review.nationalPanelDecision = try review.recordingNationalPanelDecision(request, by: ReviewFixture.team, clock: ReviewFixture.clock())
        #expect(review.state == state)
        #expect(review.t7(ReviewFixture.clock())?.due == due.map(Fixtures.date))
        #expect(review.stage == (state == .notCommissionedLocally ? .closed : .review))
    }

    @Test(
        "T7: the National Panel's decision is refused, naming the field, when it does not fit the national path",
        arguments: [
            (
                Change<ReviewManagementAPI.RecordNationalPanelDecisionRequest>("declined without the partners' decision") {
                    $0.partnersDecision = nil
                },
                "partnersDecision: T7:"
            ),
            (Change("accepted with a partners' decision") { $0.verdict = .accepted }, "partnersDecision: T7:"),
            (
                Change("a local commission of an audit (f)") { $0.partnersDecision = Fixtures.partners(commission: .multiAgencyAudit) },
                "partnersDecision.reviewKind: T7:"
            ),
            (Change("a local commission without its kind") { $0.partnersDecision?.reviewKind = nil }, "partnersDecision.reviewKind: T7:"),
            (
                Change("the partners before the Panel") { $0.partnersDecision?.decidedOn = Fixtures.date("2025-04-03") },
                "partnersDecision.decidedOn: T7:"
            ),
            (
                Change("the partners in the future") { $0.partnersDecision?.decidedOn = Fixtures.date("2025-04-08") },
                "partnersDecision.decidedOn: T7:"
            ),
            (Change("no reasons") { $0.partnersDecision?.reasons = " " }, "partnersDecision.reasons:"),
            (Change("the Panel before the Rapid Review") { $0.panelDecidedOn = Fixtures.date("2025-04-02") }, "panelDecidedOn:"),
        ])
    func nationalRefusals(change: Change<ReviewManagementAPI.RecordNationalPanelDecisionRequest>, prefix: String) {
        let review = ReviewFixture.commissioned(kind: .nationalReview)
        let valid = ReviewManagementAPI.RecordNationalPanelDecisionRequest(
            caseReference: review.reference, verdict: .declined, panelDecidedOn: Fixtures.date("2025-04-04"),
            partnersDecision: Fixtures.partners(commission: .localReview))
        let error = refusal { () throws(ReviewManagementError) in
            try review.recordingNationalPanelDecision(change.applied(to: valid), by: ReviewFixture.team, clock: ReviewFixture.clock())
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "accepted")")
    }

    @Test("T7: a local commission (b, c, e) takes no National Panel decision, and a national one takes only one")
    func nationalDecisionOnlyOnce() throws {
        let local = ReviewFixture.commissioned(kind: .localReview)
        let request = ReviewManagementAPI.RecordNationalPanelDecisionRequest(
            caseReference: local.reference, verdict: .accepted, panelDecidedOn: Fixtures.date("2025-04-04"), partnersDecision: nil)
        let refused = refusal { () throws(ReviewManagementError) in
            try local.recordingNationalPanelDecision(request, by: ReviewFixture.team, clock: ReviewFixture.clock())
        }
        #expect(refused.map(message)?.hasPrefix("T7: the Rapid Review commissioned a localReview (b) locally") == true)
        var national = ReviewFixture.commissioned(kind: .nationalReview)
        national.nationalPanelDecision = try national.recordingNationalPanelDecision(request, by: ReviewFixture.team, clock: ReviewFixture.clock())
        let again = refusal { () throws(ReviewManagementError) in
            try national.recordingNationalPanelDecision(request, by: ReviewFixture.team, clock: ReviewFixture.clock())
        }
        #expect(again?.rpcError.code == .failedPrecondition)
        #expect(again.map(message)?.hasPrefix("T7: the National Panel's decision was recorded on 2025-04-07") == true)
    }
}
