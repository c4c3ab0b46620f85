import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("RecordSubmission: the National Panel and every agency (R10, T5, T6)")
struct SubmissionTests {
    static let today = Fixtures.date(TestDirectory.today)

    @Test("T5: submitted within 2 working days of the meeting is on time; T5 and T6 are met")
    func onTime() async throws {
        try await withCase(52, .onTime, through: .ratified) { harness, reference in
            let recorded = try await harness.submit(reference, on: Self.today)
            #expect(!recorded.submission.late)
            #expect(recorded.submission.t6Met)
            #expect(recorded.deadlines.first { $0.rule == .t5 }?.status == .met)
            #expect(recorded.deadlines.first { $0.rule == .t6 }?.status == .met)
        }
    }

    @Test("T5: a submission more than 2 working days after the meeting is recorded, flagged late")
    func late() async throws {
        try await withCase(53, .lateSubmission, through: .ratified) { harness, reference in
            let recorded = try await harness.submit(reference, on: Self.today)
            #expect(recorded.submission.late)
            let t5 = try #require(recorded.deadlines.first { $0.rule == .t5 })
            #expect(t5.due == Fixtures.date("2025-04-03"))
            #expect(t5.status == .metLate)
            #expect(recorded.submission.t6Met, "T6 (7 April) is still met")
        }
    }

    @Test("T6: a Rapid Review completed after its 15 working days is recorded as missed")
    func t6Missed() async throws {
        try await withCase(54, .pastT6, through: .ratified) { harness, reference in
            let before = try await harness.rapidReview(reference)
            #expect(before.deadlines.first { $0.rule == .t6 }?.status == .overdue)
            let recorded = try await harness.submit(reference, on: Self.today)
            #expect(!recorded.submission.t6Met)
            let t6 = try #require(recorded.deadlines.first { $0.rule == .t6 })
            #expect(t6.due == Fixtures.date("2025-03-31"))
            #expect(t6.status == .metLate)
            #expect(t6.metOn == Self.today)
        }
    }

    static let everyone = Fixtures.sharing(on: today)

    /// Each former test of a submission refused, as a row: refused, naming the rule, changing nothing.
    static let refusedSubmissions: [RefusalCase] = [
        RefusalCase(
            "R10: the submission needs the ratified outcome", 50, through: .recommended,
            [
                Refusal(.failedPrecondition, "R10: the submission needs the ratified outcome; not ratified yet (Ratify)") {
                    try await $0.submit($1, on: today)
                }
            ]
        ),
        RefusalCase(
            "R10: the outcome goes to every agency asked for scoping and to the referrer, after the ratification", 51, through: .ratified,
            [
                Refusal(.invalidArgument, "sharedWith: R10: the outcome is shared with the referrer too") {
                    try await $0.submit($1, on: today, sharedWith: everyone.map { .init(agency: $0.agency, date: $0.date) })
                },
                Refusal(.invalidArgument, "sharedWith: R10: the outcome was not shared with Testshire Police") {
                    try await $0.submit($1, on: today, sharedWith: everyone.filter { $0.agency != Fixtures.police.name })
                },
                Refusal(.invalidArgument, "sharedWith: R10:") { try await $0.submit($1, on: today, sharedWith: []) },
                Refusal(.invalidArgument, "sharedWith[0].date: R10: 2025-04-04 is before the ratification on 2025-04-07") {
                    var early = everyone
                    early[0].date = Fixtures.date("2025-04-04")
                    try await $0.submit($1, on: today, sharedWith: early)
                },
                Refusal(.invalidArgument, "submittedToNationalPanel: R10: 2025-04-04 is before the ratification") {
                    try await $0.submit($1, on: Fixtures.date("2025-04-04"))
                },
            ],
            then: { harness, reference in
                let recorded = try await harness.submit(reference, on: today)
                #expect(recorded.complete)
                #expect(recorded.submission.sharedWith == everyone)
                try await harness.expect(
                    Refusal(.failedPrecondition, "R10: already submitted to the National Panel on 2025-04-07") { try await $0.submit($1, on: today) },
                    on: reference)
                let rapidReview = try await harness.rapidReview(reference)
                #expect(rapidReview.state == .submitted)
                #expect(rapidReview.outcome?.submittedToNationalPanel == today)
                #expect(rapidReview.milestones.map(\.event).suffix(2) == ["submittedToNationalPanel", "outcomeShared"])
            }),
        RefusalCase(
            "the panel or partnership support records the submission; a viewer may not", 55, through: .ratified,
            [.denied { _ = try await $0.call(RapidReviewAPI.recordSubmission, submission($1), as: TestTokens.viewer) }],
            then: { harness, reference in _ = try await harness.call(RapidReviewAPI.recordSubmission, submission(reference), as: TestTokens.panel) }),
    ]

    static func submission(_ reference: CaseReference) -> RapidReviewAPI.RecordSubmissionRequest {
        .init(caseReference: reference, submittedToNationalPanel: today, sharedWith: Fixtures.sharing(on: today))
    }

    @Test("R10: a submission the rules refuse is refused, naming the rule, and changes nothing", arguments: refusedSubmissions)
    func refusedSubmission(_ row: RefusalCase) async throws { try await row.check() }
}
