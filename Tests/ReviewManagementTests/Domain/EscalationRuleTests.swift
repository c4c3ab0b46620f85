import Contract
import RPC
import Testing
import WorkingDays

@testable import ReviewManagementService

/// §2.1.7 on the domain type: an overdue request escalates to the Case Review Panel, then the
/// agency's Strategic Safeguarding Lead, then the safeguarding partners, in that order.
@Suite("Escalation of an overdue request (§2.1.7), on the domain type")
struct EscalationRuleTests {
    static let police = AgencyFixture.agencies[0]
    /// The day after the request's due date (2025-05-01).
    static let late = ReviewFixture.clock(Fixtures.date("2025-05-02"))

    static func escalate(
        _ review: Review, _ level: ReviewManagementAPI.EscalationLevel, clock: CaseClock = late, reason: String = "Fictional: overdue"
    )
        throws(ReviewManagementError) -> Review
    {
        var updated = review
        updated.escalations.append(
            try review.escalating(.init(caseReference: review.reference, agency: police, level: level, reason: reason), by: "Rev.Team", clock: clock))
        return updated
    }

    @Test("§2.1.7: each step is recorded in order, panel, Strategic Safeguarding Lead, partners; none after the last")
    func inOrder() throws {
        var review = try AgencyFixture.asked([Self.police])
        for level in ReviewManagementAPI.EscalationLevel.allCases { review = try Self.escalate(review, level) }
        #expect(review.escalations.map(\.level) == [.caseReviewPanel, .strategicSafeguardingLead, .safeguardingPartners])
        #expect(review.escalations.map(\.requestNumber) == [1, 1, 1])
        #expect(review.agencyRequestsView(today: Self.late.today).requests.first?.escalatedTo == .safeguardingPartners)
        let after = refusal { () throws(ReviewManagementError) in try Self.escalate(review, .safeguardingPartners) }
        #expect(after.map(message)?.hasPrefix("§2.1.7: Testshire Police's request is already with the safeguarding partners") == true)
    }

    @Test(
        "§2.1.7: a step out of order is FAILED_PRECONDITION naming the next step",
        arguments: [
            ([], ReviewManagementAPI.EscalationLevel.strategicSafeguardingLead, "caseReviewPanel"),
            ([], .safeguardingPartners, "caseReviewPanel"),
            ([.caseReviewPanel], .safeguardingPartners, "strategicSafeguardingLead"),
            ([.caseReviewPanel], .caseReviewPanel, "strategicSafeguardingLead"),
        ] as [([ReviewManagementAPI.EscalationLevel], ReviewManagementAPI.EscalationLevel, String)])
    func outOfOrder(done: [ReviewManagementAPI.EscalationLevel], level: ReviewManagementAPI.EscalationLevel, next: String) throws {
        var review = try AgencyFixture.asked([Self.police])
        for step in done { review = try Self.escalate(review, step) }
        let error = refusal { () throws(ReviewManagementError) in try Self.escalate(review, level) }
        #expect(error?.rpcError.code == .failedPrecondition)
        #expect(
            error.map(message) == "§2.1.7: Testshire Police's request escalates to \(next) next, not \(level.rawValue)",
            "\(error.map(message) ?? "accepted")")
    }

    @Test("§2.1.7: a request not overdue is not escalated: due today or later, or nothing outstanding; a reason is required")
    func notOverdue() throws {
        let review = try AgencyFixture.asked([Self.police])
        let early = refusal { () throws(ReviewManagementError) in
            try Self.escalate(review, .caseReviewPanel, clock: ReviewFixture.clock(Fixtures.date("2025-05-01")))
        }
        #expect(early.map(message) == "§2.1.7: Testshire Police's request is not overdue: it is due on 2025-05-01")
        var given = try AgencyFixture.submitting(review, Self.police, [AgencyFixture.entry("2024-03-01", nil, "x")])
        given.informationReports.append(
            try given.submittingInformationReport(
                .init(caseReference: given.reference, agency: Self.police, report: AgencyFixture.report), by: "x", clock: ReviewFixture.clock()))
        let done = refusal { () throws(ReviewManagementError) in try Self.escalate(given, .caseReviewPanel) }
        #expect(done.map(message) == "§2.1.7: Testshire Police's request is not overdue: nothing is outstanding")
        let noReason = refusal { () throws(ReviewManagementError) in try Self.escalate(review, .caseReviewPanel, reason: " ") }
        #expect(noReason.map(message)?.hasPrefix("reason: ") == true)
    }
}
