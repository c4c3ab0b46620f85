import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Oversight over RPC: the parallel process register, a delay extending T7, a forecast past T7
/// making T8 due until the notice, checkpoints; all read in `GetReview`, none of it personal in
/// the status feed.
@Suite("Oversight over RPC: parallel processes, T7 extended, T8, checkpoints")
struct OversightTests {
    typealias API = ReviewManagementAPI

    @Test("parallel processes: registered with kind and description, updated with dated liaison notes with the SIO and the CPS, read in GetReview")
    func parallelProcesses() async throws {
        try await withReview(40, through: .commissioned) { harness, reference in
            let team = ReviewTokens.reviewTeam
            let registered = try await harness.call(
                API.recordParallelProcess,
                .init(
                    caseReference: reference, kind: .criminalProceedings, description: "Fictional: Testshire Police investigation", status: .ongoing),
                as: team)
            #expect(registered.process.number == 1)
            let note = API.LiaisonNote(heldOn: Fixtures.today, with: .seniorInvestigatingOfficer, note: "Fictional: no contact with the father yet")
            let updated = try await harness.call(
                API.recordParallelProcess, .init(caseReference: reference, process: 1, status: .paused, liaison: note), as: team)
            #expect(updated.process.status == .paused)
            #expect(updated.process.updates.map(\.liaison) == [nil, note])
            try await harness.expectRefused(reference, .invalidArgument, "kind: give the kind") {
                _ = try await harness.call(
                    API.recordParallelProcess, .init(caseReference: reference, description: "Fictional", status: .ongoing), as: team)
            }
            try await harness.expectRefused(reference, .invalidArgument, "process: no parallel process 7") {
                _ = try await harness.call(API.recordParallelProcess, .init(caseReference: reference, process: 7, status: .concluded), as: team)
            }
            let review = try await harness.review(reference)
            #expect(review.oversight?.parallelProcesses == [updated.process])
            #expect(review.milestones.map(\.event).contains("parallelProcessRegistered"))
        }
    }

    @Test(
        "T7 extended over RPC: the police's request decided extends T7 with the original kept; T8 shows when a forecast passes it, met by the notice")
    func t7ExtendedThenT8() async throws {
        try await withReview(41, through: .agreed) { harness, reference in
            let team = ReviewTokens.reviewTeam
            let decision = API.RecordDelayDecisionRequest(
                caseReference: reference, requestedBy: "Testshire Police (SIO)", decidedBy: "Case Review Panel", decidedOn: Fixtures.today,
                reason: "Fictional: the police asked to delay contact with the family", newDue: Fixtures.date("2025-12-03"))
            var missingWhy = decision
            missingWhy.reason = nil
            try await harness.expectRefused(reference, .invalidArgument, "reason: T7: ") {
                _ = try await harness.call(API.recordDelayDecision, missingWhy, as: TestTokens.panel)
            }
            let extended = try await harness.call(API.recordDelayDecision, decision, as: TestTokens.panel)
            #expect(extended.deadlines.map(\.due) == [Fixtures.date("2025-12-03")])
            #expect(extended.deadlines.map(\.originalDue) == [Fixtures.date("2025-10-03")])

            // Within the extended date: no T8; the notice is refused.
            let within = try await harness.call(
                API.recordForecastCompletion, .init(caseReference: reference, forecastCompletion: Fixtures.date("2025-11-28")), as: team)
            #expect(within.deadlines.map(\.rule) == [.t7])
            let notice = API.RecordDelayNoticeRequest(
                caseReference: reference, nationalPanelInformedOn: Fixtures.today, secretaryOfStateInformedOn: Fixtures.today,
                reason: "Fictional: the trial is listed for January")
            try await harness.expectRefused(reference, .failedPrecondition, "T8: no completion forecast passes T7's due date (2025-12-03)") {
                _ = try await harness.call(API.recordDelayNotice, notice, as: team)
            }

            let past = try await harness.call(
                API.recordForecastCompletion, .init(caseReference: reference, forecastCompletion: Fixtures.date("2026-02-27")), as: team)
            let t8 = try #require(past.deadlines.first { $0.rule == .t8 })
            #expect((t8.due, t8.status, t8.subject) == (Fixtures.today, .dueSoon, "National Panel and Secretary of State informed"))
            let feed = try await harness.page(after: nil).statuses.first { $0.reference == reference }
            #expect(feed?.deadlines.map(\.rule) == [.t7, .t8])

            let met = try await harness.call(API.recordDelayNotice, notice, as: team)
            #expect(met.deadlines.first { $0.rule == .t8 }?.status == .met)
            let review = try await harness.review(reference)
            #expect(review.oversight?.delayDecisions.map(\.reason) == decision.reason.map { [$0] })
            #expect(review.oversight?.forecasts.count == 2)
            #expect(review.oversight?.delayNotices.map(\.reason) == notice.reason.map { [$0] })
            let status = try await harness.page(after: nil).statuses.first { $0.reference == reference }
            let text = String(describing: status)
            #expect(!text.contains("Police") && !text.contains("trial") && !text.contains("Case Review Panel"), "no names or reasons in the status")
        }
    }

    @Test("checkpoints: progress and quality with written requests to the reviewer, listed in GetReview; findings required")
    func checkpoints() async throws {
        try await withReview(42, through: .agreed) { harness, reference in
            let request = API.RecordCheckpointRequest(
                caseReference: reference, kind: .quality, heldOn: Fixtures.today, findings: "Fictional: the chronology lacks health entries",
                requestsToReviewer: ["Fictional: add the GP's entries"])
            let recorded = try await harness.call(API.recordCheckpoint, request, as: TestTokens.panel)
            #expect(recorded.checkpoint.number == 1)
            var blank = request
            blank.requestsToReviewer = [" "]
            try await harness.expectRefused(reference, .invalidArgument, "requestsToReviewer[0]: ") {
                _ = try await harness.call(API.recordCheckpoint, blank, as: TestTokens.panel)
            }
            #expect(try await harness.review(reference).oversight?.checkpoints == [recorded.checkpoint])
        }
    }
}
