import Contract
import Testing
import WorkingDays

@testable import RapidReviewService

/// `submitting(_:by:clock:)`: R10's recipients, T5 and T6 met or late, on the domain type.
@Suite("Recording the submission: R10, T5, T6, on the domain type")
struct SubmissionRuleTests {
    static let clock = CaseFixture.clock()

    static func request(_ rapidReview: RapidReviewCase, on date: CivilDate, sharedWith: [RapidReviewAPI.OutcomeShared]? = nil)
        -> RapidReviewAPI.RecordSubmissionRequest
    {
        .init(caseReference: rapidReview.reference, submittedToNationalPanel: date, sharedWith: sharedWith ?? Fixtures.sharing(on: date))
    }

    @Test(
        "R10: the outcome goes to every relevant agency, the referrer marked, once each, between ratification and today",
        arguments: [
            (Change<[RapidReviewAPI.OutcomeShared]>("shared with no one") { $0 = [] }, "sharedWith", FrameworkRule?.some(.r10)),
            (Change("an entry naming no agency") { $0[0].agency = " " }, "sharedWith[0].agency", .r10),
            (
                Change("an agency listed twice") { $0.append(.init(agency: " testshire police", date: Fixtures.date("2025-04-07"))) },
                "sharedWith[4].agency", .r10
            ),
            (Change("shared before the ratification") { $0[1].date = Fixtures.date("2025-04-02") }, "sharedWith[1].date", .r10),
            (Change("shared after today") { $0[2].date = Fixtures.date("2025-04-08") }, "sharedWith[2].date", nil),
            (Change("no referrer marked") { $0[3].referrer = false }, "sharedWith", .r10),
            (Change("the ICB left out") { $0.remove(at: 2) }, "sharedWith", .r10),
            (
                Change("the referring school left out") {
                    $0.removeLast(); $0[0].referrer = true
                }, "sharedWith", .r10
            ),
        ])
    func recipients(change: Change<[RapidReviewAPI.OutcomeShared]>, field: String, rule: FrameworkRule?) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .ratified)
        let sharedWith = change.applied(to: Fixtures.sharing(on: Self.clock.today))
        let error = try #require(
            refusal {
                try rapidReview.submitting(
                    Self.request(rapidReview, on: Self.clock.today, sharedWith: sharedWith), by: CaseFixture.support, clock: Self.clock)
            })
        #expect(error.field == field)
        #expect(error.rule == rule)
    }

    @Test(
        "R10: recipients beyond those asked, dates anywhere from ratification to today, and agency names in any case are accepted",
        arguments: [
            Change<[RapidReviewAPI.OutcomeShared]>("as the fixture shares it") { _ in },
            Change("another agency too") { $0.append(.init(agency: "Testshire Youth Service", date: Fixtures.date("2025-04-04"))) },
            Change("on the ratification day") { $0[0].date = Fixtures.date("2025-04-03") },
            Change("names trimmed and in another case") { $0[1].agency = "  TESTSHIRE POLICE " },
        ])
    func recipientsAccepted(change: Change<[RapidReviewAPI.OutcomeShared]>) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .ratified)
        let submission = try rapidReview.submitting(
            Self.request(rapidReview, on: Self.clock.today, sharedWith: change.applied(to: Fixtures.sharing(on: Self.clock.today))),
            by: CaseFixture.support, clock: Self.clock)
        #expect(!submission.sharedWith.contains { $0.agency.hasPrefix(" ") || $0.agency.hasSuffix(" ") })
        #expect(submission.recordedBy == CaseFixture.support)
    }

    @Test(
        "R10: only the ratified outcome goes to the National Panel, on a date from the ratification to today",
        arguments: [("2025-04-02", FrameworkRule?.some(.r10)), ("2025-04-08", nil)])
    func submittedOn(date: String, rule: FrameworkRule?) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .ratified)
        let error = refusal {
            try rapidReview.submitting(Self.request(rapidReview, on: Fixtures.date(date)), by: CaseFixture.support, clock: Self.clock)
        }
        #expect(error?.field == "submittedToNationalPanel")
        #expect(error?.rule == rule)
    }

    @Test(
        "R10: a submission needs the ratified outcome, and is recorded once",
        arguments: [Harness.Step.opened, .meetingHeld, .recommended, .submitted])
    func order(step: Harness.Step) throws {
        let rapidReview = try CaseFixture.rapidReview(through: step)
        let error = refusal {
            try rapidReview.submitting(Self.request(rapidReview, on: Self.clock.today), by: CaseFixture.support, clock: Self.clock)
        }
        #expect(error?.isOutOfOrder == true)
        #expect(error?.rule == .r10)
    }

    @Test(
        "T5, T6: a submission after 2 working days from the meeting is late; after 15 from the referral T6 is missed; neither is refused",
        arguments: [
            // Referral 24 March, meeting Thursday 3 April: T5 due Monday 7 April, T6 due 14 April.
            (Fixtures.Scenario.onTime, "2025-04-03", false, true),
            (.onTime, "2025-04-07", false, true),
            (.onTime, "2025-04-08", true, true),
            (.onTime, "2025-04-14", true, true),
            (.onTime, "2025-04-15", true, false),
            // Referral 10 March, meeting 25 March: T5 due 27 March, T6 due 31 March.
            (.pastT6, "2025-03-27", false, true),
            (.pastT6, "2025-03-28", true, true),
            (.pastT6, "2025-03-31", true, true),
            (.pastT6, "2025-04-01", true, false),
            // Referral 17 March, meeting Tuesday 1 April: T5 due 3 April, T6 due 7 April.
            (.lateSubmission, "2025-04-03", false, true),
            (.lateSubmission, "2025-04-07", true, true),
        ])
    func t5AndT6(scenario: Fixtures.Scenario, submitted: String, late: Bool, t6Met: Bool) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .ratified, scenario)
        let date = Fixtures.date(submitted)
        let submission = try rapidReview.submitting(Self.request(rapidReview, on: date), by: CaseFixture.support, clock: CaseFixture.clock(date))
        #expect(submission.late == late)
        #expect(submission.t6Met == t6Met)
        #expect(submission.submittedToNationalPanel == date)
        var submitted = rapidReview
        submitted.submission = submission
        #expect(submitted.state == .submitted)
        #expect(submitted.stage == .review, "a local CSPR was commissioned")
    }
}
