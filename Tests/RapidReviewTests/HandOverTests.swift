import Contract
import Foundation
import RPC
import RapidReviewService
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

@Suite("The CommissionReview hand-over to review-management, over real RPC")
struct HandOverTests {
    @Test("a full Rapid Review to ratification and submission: review-management, down at first, gets CommissionReview exactly once")
    func fullRapidReview() async throws {
        let directory = try TestDirectory.rapidReview()
        let receiverPort = try freePort()
        try await withHarness(reviewManagementPort: receiverPort) { harness in
            let reference = Fixtures.reference(90)
            let today = Fixtures.date(TestDirectory.today)
            try await harness.open(Fixtures.handOver(reference))
            try await harness.schedule(reference, on: Fixtures.date("2025-04-03"))
            #expect(try await harness.record(Fixtures.meeting(reference, on: Fixtures.date("2025-04-03"))).quorate)
            try await harness.agree(reference, Fixtures.decision(.localReview))
            let ratified = try await harness.ratify(reference)
            #expect(ratified.stage == .rapidReview, "the Rapid Review is complete when submitted")

            // review-management is down: the hand-over waits in the outbox, committed with the ratification.
            #expect(try await harness.pendingHandOvers(to: .reviewManagement).count == 1)
            let failed = try await eventually(within: .seconds(10)) {
                (try await harness.pendingHandOvers(to: .reviewManagement).first?.attempts ?? 0) >= 1
            }
            #expect(failed, "the relay never tried the receiver that was down")

            let receiver = try await startInProcess(StandInReviewManagement.definition, directory, port: receiverPort)
            let arrived = try await eventually(within: .seconds(20)) { try await StandInReviewManagement.commissioned(port: receiverPort).count >= 1 }
            #expect(arrived)
            // (intake, told of the meeting held, is not running here: only review-management's queue empties.)
            #expect(try await eventually(within: .seconds(5)) { try await harness.pendingHandOvers(to: .reviewManagement).isEmpty })

            let submitted = try await harness.submit(reference, on: today)
            #expect(submitted.complete)
            #expect(!submitted.submission.late)
            try await Task.sleep(for: .milliseconds(300))  // room for a duplicate to show up, if there were one
            let commissioned = try await StandInReviewManagement.commissioned(port: receiverPort)
            #expect(commissioned.count == 1)
            let request = try #require(commissioned.first?.request)
            #expect(
                request
                    == ReviewManagementAPI.CommissionReviewRequest(
                        caseReference: reference, reviewKind: .localReview, decisionDate: today, criteria: [.multiAgencyWorking, .recurrentThemes],
                        keyIssues: "Fictional: information sharing between agencies",
                        immediateLearning: "Fictional: health visitors to share concerns at once",
                        ruleSet: .surrey2019))
            await receiver.stop(grace: .seconds(1))
        }
    }

    @Test("every call about a case is in the audit trail with its case reference, the refused ones too")
    func audit() async throws {
        try await withStandInIntake { intake in
            try await withCase(91, through: .submitted, intakePort: intake) { harness, reference in
                _ = await captureRPCError { try await harness.ratify(reference) }
                _ = try await harness.call(RapidReviewAPI.getOutcomeDocument, .init(caseReference: reference), as: TestTokens.panel)
                let trail = try await harness.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
                #expect(
                    trail.entries.reversed().map(\.method) == [
                        "OpenRapidReview", "ScheduleMeeting", "RecordMeeting", "AgreeRecommendation", "Ratify", "RecordSubmission", "Ratify",
                        "GetOutcomeDocument",
                    ])
                #expect(trail.entries.first { $0.method == "OpenRapidReview" }?.principal == "intake")
                #expect(trail.entries.filter { $0.method == "Ratify" }.map(\.outcome).sorted() == ["FAILED_PRECONDITION", "OK"])
            }
        }
    }
}
