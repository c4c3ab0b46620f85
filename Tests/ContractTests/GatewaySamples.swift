import Contract
import Foundation
import WorkingDays

/// Obviously fictional gateway messages, every field filled, for the golden tests.
enum GatewaySamples {
    static let asOf = Date(timeIntervalSince1970: 1_742_821_530)  // 2025-03-24T13:05:30Z
    static let today = Samples.date("2025-03-24")

    static let outage = GatewayAPI.StageOutage(
        stage: "rapid-review", service: ServiceIdentity.rapidReview.rpcService, since: Date(timeIntervalSince1970: 1_742_821_500), code: "UNAVAILABLE"
    )

    static let overview = GatewayAPI.CaseOverview(
        reference: Samples.reference, stage: .rapidReview,
        milestones: [
            Milestone(event: "referralReceived", date: Samples.date("2025-03-17")),
            Milestone(event: "scopingRequestsSent", date: Samples.date("2025-03-18")),
        ],
        deadlines: [
            GatewayAPI.TrackedDeadline(
                Deadline(rule: .t2, due: Samples.date("2025-03-19"), status: .met, metOn: Samples.date("2025-03-18"), ruleSet: .surrey2019),
                workingDaysLeft: nil, reportedBy: "intake"),
            GatewayAPI.TrackedDeadline(
                Deadline(
                    rule: .t4, due: Samples.date("2025-04-03"), earliest: Samples.date("2025-03-26"), originalDue: Samples.date("2025-04-02"),
                    status: .open, ruleSet: .surrey2019),
                workingDaysLeft: 8, reportedBy: "rapid-review"),
        ],
        nextDeadline: GatewayAPI.TrackedDeadline(
            Deadline(
                rule: .t4, due: Samples.date("2025-04-03"), earliest: Samples.date("2025-03-26"), originalDue: Samples.date("2025-04-02"),
                status: .open, ruleSet: .surrey2019),
            workingDaysLeft: 8, reportedBy: "rapid-review"),
        urgency: .onTrack, reportedBy: ["intake", "rapid-review"])

    static let listRequest = GatewayAPI.ListCasesRequest(stage: .rapidReview, overdueOnly: true, dueWithinWorkingDays: 5, pageSize: 50, offset: 100)

    static let list = GatewayAPI.ListCasesResponse(cases: [overview], total: 101, offset: 100, unavailable: [outage], asOf: asOf, today: today)

    static let getCase = GatewayAPI.GetCaseResponse(case: overview, unavailable: [outage], asOf: asOf, today: today)

    static let summary = GatewayAPI.GetSummaryResponse(
        totalCases: 3,
        casesByStage: CaseStage.allCases.map { GatewayAPI.StageCount(stage: $0, count: $0 == .intake ? 2 : $0 == .rapidReview ? 1 : 0) },
        overdueCases: 1, overdueByRule: [GatewayAPI.RuleCount(rule: .t3, count: 1)],
        rapidReviewTimeliness: [
            GatewayAPI.RapidReviewTimeliness(
                period: .thisYear, from: Samples.date("2025-01-01"), to: today, decided: 4, withinTimescale: 3),
            GatewayAPI.RapidReviewTimeliness(
                period: .last12Months, from: Samples.date("2024-03-25"), to: today, decided: 0, withinTimescale: 0),
        ],
        unavailable: [outage], asOf: asOf, today: today)
}
