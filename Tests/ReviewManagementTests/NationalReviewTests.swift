import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("A national review (a): T7 waits for the National Panel and the partners")
struct NationalReviewTests {
    @Test(
        "T7: a national review has no T7 and no ToR until the National Panel declines and the partners commission locally; T7 counts from their decision"
    )
    func declinedThenLocal() async throws {
        try await withReview(20, through: .commissioned, kind: .nationalReview) { harness, reference in
            let waiting = try await harness.review(reference)
            #expect(waiting.state == .awaitingNationalPanel)
            #expect(waiting.deadlines.isEmpty)
            #expect(waiting.reviewKind == nil)
            try await harness.expectRefused(reference, .failedPrecondition, "V1: no local review is commissioned: a national review (a) waits") {
                try await harness.draft(reference)
            }
            try await harness.expectRefused(reference, .invalidArgument, "partnersDecision: T7: the National Panel declined") {
                try await harness.recordNationalPanelDecision(
                    .init(caseReference: reference, verdict: .declined, panelDecidedOn: Fixtures.date("2025-04-04"), partnersDecision: nil))
            }
            let recorded = try await harness.recordNationalPanelDecision(
                .init(
                    caseReference: reference, verdict: .declined, panelDecidedOn: Fixtures.date("2025-04-04"),
                    partnersDecision: Fixtures.partners(commission: .alternativeLearningReview, on: Fixtures.date("2025-04-07"))))
            #expect(recorded.state == .commissioned)
            #expect(recorded.deadlines.map(\.due) == [Fixtures.date("2025-07-07")])
            #expect(recorded.deadlines.map(\.subject) == ["other learning review"])
            try await harness.draft(reference)
            let review = try await harness.review(reference)
            #expect(review.reviewKind == .alternativeLearningReview)
            #expect(
                review.milestones.map(\.event) == [
                    "nationalReviewRecommended", "nationalPanelDeclined", "reviewCommissioned", "termsOfReferenceDrafted",
                ])
            try await harness.expectRefused(reference, .failedPrecondition, "T7: the National Panel's decision was recorded on 2025-04-07") {
                try await harness.recordNationalPanelDecision(
                    .init(caseReference: reference, verdict: .accepted, panelDecidedOn: Fixtures.date("2025-04-04"), partnersDecision: nil))
            }
        }
    }

    @Test("T7: the National Panel accepting the national review starts no local T7; a local commission takes no Panel decision")
    func accepted() async throws {
        try await withReview(21, through: .commissioned, kind: .nationalReview) { harness, reference in
            let recorded = try await harness.recordNationalPanelDecision(
                .init(caseReference: reference, verdict: .accepted, panelDecidedOn: Fixtures.date("2025-04-04"), partnersDecision: nil),
                as: ReviewTokens.reviewTeam)
            #expect(recorded.state == .nationalReview)
            #expect(recorded.deadlines.isEmpty)
            let local = Fixtures.reference(22)
            try await harness.prepare(local, through: .commissioned)
            try await harness.expectRefused(local, .failedPrecondition, "T7: the Rapid Review commissioned a localReview (b) locally") {
                try await harness.recordNationalPanelDecision(
                    .init(caseReference: local, verdict: .accepted, panelDecidedOn: Fixtures.date("2025-04-04"), partnersDecision: nil))
            }
        }
    }
}
