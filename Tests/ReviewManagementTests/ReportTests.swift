import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

@Suite("The report over RPC: V9, V10, the board's approval and the PreparePublication hand-over")
struct ReportTests {
    /// An agreed review with the lead reviewer and team, and the complete report drafted.
    static func drafted(_ harness: Harness, _ reference: CaseReference) async throws {
        try await harness.prepare(reference, through: .agreed)
        try await harness.appoint(reference)
        try await harness.setTeam(reference)
        let draft = try await harness.submitReport(Fixtures.reportDraft(reference))
        #expect(draft.version.version == 1)
        #expect(draft.checklist.passes)
    }

    @Test("V9: a full review to approval; publication, down at first, gets PreparePublication exactly once")
    func v9ApprovalHandsOverOnce() async throws {
        let directory = try TestDirectory.reviewReport()
        let publicationPort = try freePort()
        try await withReportHarness(publicationPort: publicationPort) { harness in
            let reference = Fixtures.reference(70)
            try await Self.drafted(harness, reference)
            try await harness.confirmTermsMet(reference)
            try await harness.endorse(reference)
            let approval = try await harness.approve(reference)
            #expect(approval.step == .init(version: 1, on: Fixtures.today, recordedBy: "Bo.Board"))

            let review = try await harness.review(reference)
            #expect(review.state == .reportApproved)
            #expect(review.milestones.last?.event == "reportApproved")
            #expect(review.deadlines.first { $0.rule == .t7 }?.metOn == Fixtures.today)
            #expect(review.report?.approval?.version == 1)

            // Publication is down: the hand-over waits in the outbox, committed with the approval.
            let database = harness.service.context.database
            #expect(try await database.read { try Outbox.metrics($0) }.depth == 1)
            let failed = try await eventually(within: .seconds(10)) { try await database.read { try Outbox.metrics($0) }.failedAttempts >= 1 }
            #expect(failed, "the relay never tried the receiver that was down")

            let receiver = try await startInProcess(StandInPublication.definition, directory, port: publicationPort)
            let arrived = try await eventually(within: .seconds(20)) { try await StandInPublication.prepared(port: publicationPort).count >= 1 }
            #expect(arrived)
            #expect(try await eventually(within: .seconds(5)) { try await database.read { try Outbox.metrics($0) }.depth == 0 })

            // A second approval is refused and queues nothing more.
            try await harness.expectRefused(reference, .failedPrecondition, "V9: the board approved report version 1") {
                try await harness.approve(reference)
            }
            try await Task.sleep(for: .milliseconds(300))  // room for a duplicate to show up, if there were one
            let prepared = try await StandInPublication.prepared(port: publicationPort)
            #expect(prepared.count == 1)
            #expect(prepared.first?.idempotencyKey == "review-management/PreparePublication/\(reference)")
            let request = try #require(prepared.first?.request)
            #expect(
                request
                    == PublicationAPI.PreparePublicationRequest(
                        caseReference: reference, reportVersion: 1, sections: Fixtures.reportSections, approvedOn: Fixtures.today,
                        reviewers: [Fixtures.reviewerName] + Fixtures.fullTeam.map(\.name),
                        recommendations: [
                            .init(
                                number: 1, text: "Fictional: share concerns at once", owner: "Testshire Partnership", scope: .local,
                                dueBy: Fixtures.date("2025-12-31")),
                            .init(
                                number: 2, text: "Fictional: national guidance on records", owner: "Department for Education", scope: .national,
                                dueBy: Fixtures.date("2026-06-30")),
                        ],
                        // T7 as the review shows it, met on the approval; no notice of delay recorded.
                        ruleSet: .surrey2019, t7: review.deadlines.first { $0.rule == .t7 }, delayNoticeOn: nil))
            #expect(request.t7?.metOn == Fixtures.today)
            await receiver.stop(grace: .seconds(1))
        }
    }

    @Test("V9: approval refused until the checklist passes, the ToR is confirmed met and the recommendations endorsed; nothing queued")
    func v9ApprovalRefused() async throws {
        try await withReportHarness(publicationPort: try freePort()) { harness in
            let reference = Fixtures.reference(71)
            try await harness.prepare(reference, through: .agreed)
            try await harness.appoint(reference)
            var sections = Fixtures.reportSections
            sections.goodPractice = nil
            let draft = try await harness.submitReport(Fixtures.reportDraft(reference, sections))
            #expect(draft.checklist.entries.filter { !$0.met }.map(\.item) == [.goodPractice])
            #expect(try await harness.review(reference).state == .reportDrafted)
            try await harness.expectRefused(reference, .failedPrecondition, "V9: report version 1 cannot be approved: the section on good practice") {
                try await harness.approve(reference)
            }
            try await harness.submitReport(Fixtures.reportDraft(reference))
            try await harness.expectRefused(reference, .failedPrecondition, "V9: report version 2 cannot be approved: the review team's") {
                try await harness.approve(reference, version: 2)
            }
            try await harness.confirmTermsMet(reference, version: 2)
            try await harness.expectRefused(reference, .failedPrecondition, "V9: report version 2 cannot be approved: the board's endorsement") {
                try await harness.approve(reference, version: 2)
            }
            let database = harness.service.context.database
            #expect(try await database.read { try Outbox.metrics($0) }.depth == 0)
        }
    }

    @Test("V10, V9: a genogram in the text refused naming V10; endorsement of a recommendation without a date refused naming it; roles")
    func v10AndEndorsementRefused() async throws {
        try await withReportHarness(publicationPort: try freePort()) { harness in
            let reference = Fixtures.reference(72)
            try await harness.prepare(reference, through: .agreed)
            var sections = Fixtures.reportSections
            sections.otherSections = [.init(title: "Family tree", text: "Fictional: the Genogram of the family")]
            try await harness.expectRefused(reference, .invalidArgument, "sections.otherSections[0].text: V10: ") {
                try await harness.submitReport(Fixtures.reportDraft(reference, sections))
            }
            var recommendations = Fixtures.reportRecommendations
            recommendations[1].dueBy = nil
            try await harness.submitReport(Fixtures.reportDraft(reference, Fixtures.reportSections, recommendations))
            try await harness.expectRefused(reference, .failedPrecondition, "V9: recommendation 2 of report version 1 does not say by when") {
                try await harness.endorse(reference)
            }
            try await harness.expectRefused(reference, .permissionDenied, "") { try await harness.endorse(reference, as: ReviewTokens.reviewTeam) }
            try await harness.expectRefused(reference, .permissionDenied, "") { try await harness.approve(reference, as: TestTokens.panel) }
        }
    }
}
