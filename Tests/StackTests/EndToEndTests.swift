import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

#if canImport(Glibc)
    import Glibc
#endif

/// Steps of a Rapid Review for the stack tests, through the real calls.
enum RapidReviewSteps {
    static func date(_ text: String) -> CivilDate { StackFixture.date(text) }

    static func meeting(_ reference: CaseReference, on day: String) -> RapidReviewAPI.RecordMeetingRequest {
        RapidReviewAPI.RecordMeetingRequest(
            caseReference: reference,
            meeting: MeetingContent(
                meetingDate: date(day),
                participants: [
                    Participant(name: "Pat Placeholder", role: "Head of Safeguarding", agency: "Stack County Council", partnerKind: .localAuthority),
                    Participant(name: "Dana Sample", role: "Detective Inspector", agency: "Stack Police", partnerKind: .police),
                    Participant(name: "Chris Dummy", role: "Designated Nurse", agency: "Stack ICB", partnerKind: .health),
                ],
                caseSummary: "fictional summary, see the case file", immediateAction: ImmediateAction(allTaken: true, details: "none needed"),
                criteria: [.multiAgencyWorking],
                discussion: RapidReviewDiscussion(
                    natureOfHarm: "fictional", meetsSeriousHarm: true, keyIssues: "information sharing", immediateLearning: "fictional learning",
                    learningSharedBy: "partnership briefing", legalAdvice: YesNoDetails(answer: false))),
            format: .faceToFace)
    }

    /// The meeting on 2 April, a local CSPR (b) agreed and ratified, and the outcome submitted and
    /// shared on 3 April: rapid-review hands CommissionReview to review-management.
    static func recommendLocalReview(
        _ reference: CaseReference, _ rapidReview: RPCClient, panel: Metadata, chair: Metadata, staff: Metadata
    ) async throws {
        _ = try await rapidReview.call(
            RapidReviewAPI.scheduleMeeting, .init(caseReference: reference, date: date("2025-04-02"), format: .faceToFace),
            deadline: .seconds(10), metadata: panel)
        _ = try await rapidReview.call(RapidReviewAPI.recordMeeting, meeting(reference, on: "2025-04-02"), deadline: .seconds(10), metadata: panel)
        _ = try await rapidReview.call(
            RapidReviewAPI.agreeRecommendation,
            .init(caseReference: reference, decision: RecommendationDecision(recommendation: .localReview, reasons: "fictional reasons")),
            deadline: .seconds(10), metadata: panel)
        _ = try await rapidReview.call(RapidReviewAPI.ratify, .init(caseReference: reference), deadline: .seconds(10), metadata: chair)
        _ = try await rapidReview.call(
            RapidReviewAPI.recordSubmission,
            .init(
                caseReference: reference, submittedToNationalPanel: date("2025-04-03"),
                sharedWith: [
                    RapidReviewAPI.OutcomeShared(agency: "Stack Police", date: date("2025-04-03")),
                    RapidReviewAPI.OutcomeShared(agency: "Stack Primary School", date: date("2025-04-03"), referrer: true),
                ]), deadline: .seconds(10), metadata: staff)
    }
}

@Suite("The stack end to end", .serialized)
struct EndToEndTests {
    @Test("a referral walks through intake and the Rapid Review to its hand-over, and the gateway shows every step and deadline")
    func referralToHandOver() async throws {
        try await withStack(today: "2025-04-03", extra: ["CSPR_GATEWAY_CACHE_SECONDS": "0"]) { stack in
            let up = try await stack.up()
            #expect(up.contains("review-management ready on 127.0.0.1:\(stack.port("review-management"))"), "\(up)")
            #expect(throws: Never.self, "review-management's own principal is in the tokens file") { try stack.token("review-management") }
            let staff = bearer(try stack.token("partnership-support"))
            let panel = bearer(try stack.token("case-review-panel"))
            let chair = bearer(try stack.token("independent-chair"))
            let intake = stack.client("intake")
            let rapidReview = stack.client("rapid-review")
            let gateway = stack.client("gateway")
            func gatewayCase(_ reference: CaseReference) async throws -> GatewayAPI.CaseOverview {
                try await gateway.call(GatewayAPI.getCase, .init(caseReference: reference), deadline: .seconds(10), metadata: panel).case
            }

            // Referral received Monday 24 March 2025.
            let reference = try await intake.call(
                IntakeAPI.submitReferral, .init(referral: StackFixture.referral(child: "Endtoend Testchild")), deadline: .seconds(10), metadata: staff
            ).caseReference
            var seen = try await gatewayCase(reference)
            #expect(seen.stage == .intake)
            #expect(seen.deadlines.map(\.deadline.rule).sorted() == [.t2, .t3, .t4, .t6])
            // Today (3 April) T2 and T3 have passed unmet: overdue.
            #expect(seen.deadlines.first { $0.deadline.rule == .t2 }?.deadline.status == .overdue)

            _ = try await intake.call(
                IntakeAPI.sendScopingRequests, StackFixture.scopingRequestToPolice(reference), deadline: .seconds(10), metadata: staff)
            // The hand-over reaches rapid-review; the gateway sees the case there.
            let opened = await eventually(within: .seconds(15)) { (try? await gatewayCase(reference).stage) == .rapidReview }
            #expect(opened)
            seen = try await gatewayCase(reference)
            #expect(seen.reportedBy.sorted() == ["intake", "rapid-review"])
            #expect(seen.milestones.contains { $0.event == "handedToRapidReview" })

            try await RapidReviewSteps.recommendLocalReview(reference, rapidReview, panel: panel, chair: chair, staff: staff)

            seen = try await gatewayCase(reference)
            #expect(seen.stage == .review, "a local CSPR (b) was commissioned")
            let events = seen.milestones.map(\.event)
            for event in ["referralReceived", "scopingRequestsSent", "handedToRapidReview", "meetingHeld"] {
                #expect(events.contains(event), "\(event) missing from \(events)")
            }
            let rules = Set(seen.deadlines.map(\.deadline.rule))
            #expect(rules.isSuperset(of: [.t2, .t4, .t5, .t6]), "\(rules)")
            // §4.5.2: the meeting (handed to intake through rapid-review's outbox) retires the police's
            // missing return: a recorded fact, not an overdue T3.
            #expect(
                await eventually(within: .seconds(15)) {
                    guard let now = try? await gatewayCase(reference) else { return false }
                    return now.milestones.contains { $0.event == "scopingClosedWithReturnsMissing" }
                        && !now.deadlines.contains { $0.deadline.rule == .t3 }
                }, "intake still shows T3 open after the meeting")
            #expect(seen.deadlines.first { $0.deadline.rule == .t4 }?.deadline.status == .met)
            #expect(seen.deadlines.first { $0.deadline.rule == .t6 }?.deadline.status == .met)
            // The CommissionReview hand-over reaches review-management exactly once; the gateway
            // shows the case there, at stage review, with T7 six months from the ratification.
            let commissioned = await eventually(within: .seconds(15)) {
                (try? await gatewayCase(reference).reportedBy.contains("review-management")) == true
            }
            #expect(commissioned, "review-management never reported the case")
            seen = try await gatewayCase(reference)
            #expect(seen.stage == .review)
            #expect(seen.reportedBy.sorted() == ["intake", "rapid-review", "review-management"])
            #expect(seen.milestones.contains { $0.event == "reviewCommissioned" }, "\(seen.milestones.map(\.event))")
            let t7 = seen.deadlines.first { $0.deadline.rule == .t7 }?.deadline
            #expect(t7?.due == StackFixture.date("2025-10-03"), "T7: \(String(describing: t7))")
            #expect(t7?.status == .open)
            let outbox = try await stack.metrics("rapid-review")
            #expect(outbox["cspr_outbox_depth"] == 0)
            #expect(
                outbox["cspr_outbox_delivered_total"] == 2,
                "two hand-overs, each delivered once: RecordRapidReviewMeeting to intake, CommissionReview to review-management")
            let commissionedLines = stack.log("review-management").split(separator: "\n").filter {
                $0.contains("review commissioned") && $0.contains(reference.description)
            }
            #expect(commissionedLines.count == 1, "review-management commissioned the review \(commissionedLines.count) times")
            let review = try await stack.client("review-management").call(
                ReviewManagementAPI.getReview, .init(caseReference: reference), deadline: .seconds(10), metadata: panel)
            #expect(review.state == .commissioned)
            #expect(review.reviewKind == .localReview)
            let deadLetters = try await rapidReview.call(
                AdminAPI.listDeadLetters, .init(), deadline: .seconds(10), metadata: bearer(try stack.token("admin")))
            #expect(deadLetters.deadLetters.isEmpty)

            // `local.sh down` stops review-management with the rest.
            let reviewManagement = stack.pid("review-management")
            #expect(reviewManagement != nil)
            try await stack.down()
            #expect(reviewManagement.map { !Stack.alive($0) } == true, "review-management still running after local.sh down")
        }
    }

    @Test("rapid-review down while referrals are made and scoping requests sent: when it comes back every hand-over arrives exactly once")
    func peerDown() async throws {
        try await withStack(today: "2025-03-26") { stack in
            _ = try await stack.up()
            #expect(await stack.kill("rapid-review", SIGTERM))
            let staff = bearer(try stack.token("partnership-support"))
            let intake = stack.client("intake")
            var references: [CaseReference] = []
            for index in 0..<5 {
                let reference = try await intake.call(
                    IntakeAPI.submitReferral, .init(referral: StackFixture.referral(child: "Peerdown " + ["Ann", "Bea", "Cy", "Dot", "Eve"][index])),
                    deadline: .seconds(10), metadata: staff
                ).caseReference
                _ = try await intake.call(
                    IntakeAPI.sendScopingRequests, StackFixture.scopingRequestToPolice(reference), deadline: .seconds(10), metadata: staff)
                references.append(reference)
            }
            _ = try await stack.up()  // starts rapid-review again (the others are running)
            let viewer = bearer(try stack.token("panel-viewer"))
            let rapidReview = stack.client("rapid-review")
            let arrived = await eventually(within: .seconds(20)) {
                let statuses = try? await rapidReview.call(RapidReviewAPI.getStatuses, .init(), deadline: .seconds(5), metadata: viewer)
                return statuses?.statuses.count == 5
            }
            #expect(arrived)
            let statuses = try await rapidReview.call(RapidReviewAPI.getStatuses, .init(), deadline: .seconds(5), metadata: viewer).statuses
            #expect(statuses.map(\.reference).sorted() == references.sorted(), "each case opened once")
            #expect(
                try await intake.call(AdminAPI.listDeadLetters, .init(), deadline: .seconds(5), metadata: bearer(try stack.token("admin")))
                    .deadLetters.isEmpty)
        }
    }
}
