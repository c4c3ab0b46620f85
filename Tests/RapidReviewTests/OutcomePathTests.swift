import Contract
import RPC
import RapidReviewService
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

@Suite("Each recommendation letter's path once ratified: commissioned, closed, referred elsewhere")
struct OutcomePathTests {
    @Test(
        "a, b, c, e: ratification hands CommissionReview to review-management and the case moves to review",
        arguments: [Recommendation.nationalReview, .localReview, .alternativeLearningReview, .singleAgencyReview])
    func commissioned(recommendation: Recommendation) async throws {
        let directory = try TestDirectory.rapidReview()
        let receiver = try await startInProcess(StandInReviewManagement.definition, directory)
        try await withHarness(reviewManagementPort: receiver.port) { harness in
            let reference = Fixtures.reference(60)
            try await harness.prepare(reference, through: .recommended, recommendation: recommendation)
            let ratified = try await harness.ratify(reference)
            #expect(ratified.ratification.path == .reviewCommissioned)
            // The Rapid Review is complete when its outcome is submitted; the stage moves then.
            #expect(ratified.stage == .rapidReview)
            #expect(try await harness.submit(reference, on: Fixtures.date(TestDirectory.today)).complete)
            let status = try await harness.call(RapidReviewAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer)
            #expect(status.statuses.first?.stage == .review)
            #expect(ratified.ratification.referredTo == nil)
            let arrived = try await eventually(within: .seconds(10)) {
                try await StandInReviewManagement.commissioned(port: receiver.port).count == 1
            }
            #expect(arrived)
            let commissioned = try await StandInReviewManagement.commissioned(port: receiver.port)
            #expect(commissioned.first?.request.reviewKind == recommendation)
            #expect(commissioned.first?.request.decisionDate == Fixtures.date(TestDirectory.today))
            #expect(commissioned.first?.idempotencyKey == "rapid-review/CommissionReview/\(reference)")
        }
        await receiver.stop(grace: .seconds(1))
    }

    @Test(
        "h, i: the case closes with the learning recorded; nothing goes to review-management",
        arguments: [Recommendation.noFurtherAction, .learningActedUpon])
    func closed(recommendation: Recommendation) async throws {
        try await withCase(61, through: .recommended, recommendation: recommendation) { harness, reference in
            let ratified = try await ratify(harness, reference, path: .closedWithLearning)
            let learning = try #require(ratified.ratification.learningRecorded)
            #expect(learning.contains("Fictional: health visitors to share concerns at once"))
            if recommendation == .noFurtherAction { #expect(learning.contains("No further learning to be gained: Fictional")) }
            try await expectNoHandOver(harness)
            #expect(try await harness.submit(reference, on: Fixtures.date(TestDirectory.today)).complete)
            let status = try await harness.call(RapidReviewAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer)
            #expect(status.statuses.first?.stage == .closed)
            #expect(status.statuses.first?.milestones.map(\.event).contains("closedWithLearning") == true)
        }
    }

    @Test(
        "d, f, g, j: the referral to the other process is recorded and the case closes here",
        arguments: [Recommendation.otherStatutoryReview, .multiAgencyAudit, .singleAgencyAudit, .other])
    func referredElsewhere(recommendation: Recommendation) async throws {
        try await withCase(62, through: .recommended, recommendation: recommendation) { harness, reference in
            let ratified = try await ratify(harness, reference, path: .referredElsewhere)
            let referredTo = try #require(ratified.ratification.referredTo)
            switch recommendation {
            case .otherStatutoryReview:
                #expect(referredTo == "DHR, SAR, MAPPA SFO or other: Fictional: a Domestic Homicide Review by the community safety partnership")
            case .multiAgencyAudit: #expect(referredTo == "Multi-Agency Audit")
            case .singleAgencyAudit: #expect(referredTo == "Single Agency Audit")
            default: #expect(referredTo == "Other: Fictional: a Domestic Homicide Review by the community safety partnership")
            }
            try await expectNoHandOver(harness)
            // The submission still follows (R10): the case is closed here, not forgotten.
            let submitted = try await harness.submit(reference, on: Fixtures.date(TestDirectory.today))
            #expect(submitted.complete)
            let status = try await harness.call(RapidReviewAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer)
            #expect(status.statuses.first?.stage == .closed)
        }
    }

    /// Ratifies `reference` and checks the path it takes; the stage moves only once the outcome is submitted.
    private func ratify(
        _ harness: Harness, _ reference: CaseReference, path: RapidReviewAPI.OutcomePath, sourceLocation: SourceLocation = #_sourceLocation
    )
        async throws -> RapidReviewAPI.RatifyResponse
    {
        let ratified = try await harness.ratify(reference)
        #expect(ratified.ratification.path == path, sourceLocation: sourceLocation)
        #expect(ratified.stage == .rapidReview, "complete only once submitted", sourceLocation: sourceLocation)
        return ratified
    }

    private func expectNoHandOver(_ harness: Harness) async throws {
        // The meeting held goes to intake whatever the outcome; nothing goes to review-management.
        let depth = try await harness.pendingHandOvers(to: .reviewManagement).count
        #expect(depth == 0, "a closed case put a hand-over in the outbox")
    }
}
