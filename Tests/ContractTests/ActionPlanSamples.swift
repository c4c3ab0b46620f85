import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the action plan's messages (P6, Appendix 16), every field filled.
extension Samples {
    static let actionPlanItem = PublicationAPI.ActionPlanItem(
        number: 1, source: .recommendation, recommendationNumber: 1, agreedAction: "Fictional: a shared record of concerns",
        ownerAgency: "Testshire Health", leadOfficer: "Named Nurse for Safeguarding", targetDate: date("2026-03-31"), addedOn: date("2025-10-02"),
        addedBy: "Pub.Comms",
        progress: [
            PublicationAPI.ProgressUpdate(
                date: date("2025-12-01"), text: "Fictional: briefings given to 4 teams", rag: .amber, recordedBy: "Pub.Comms")
        ],
        closure: PublicationAPI.SustainedEvidence(
            evidence: "Fictional: an audit of 20 cases shows concerns shared at once", judgedOn: date("2026-04-20"), judgedBy: "Case Review Panel",
            recordedBy: "Sam.Panel"), status: .closed)

    static let addActionPlanItem = Pair(
        request: PublicationAPI.AddActionPlanItemRequest(
            caseReference: reference, source: .recommendation, recommendationNumber: 1, agreedAction: "Fictional: a shared record of concerns",
            ownerAgency: "Testshire Health", leadOfficer: "Named Nurse for Safeguarding", targetDate: date("2026-03-31")),
        response: PublicationAPI.ActionPlanItemResponse(caseReference: reference, item: actionPlanItem, stage: .closed))

    static let recordActionProgress = PublicationAPI.RecordActionProgressRequest(
        caseReference: reference, itemNumber: 1, date: date("2025-12-01"), text: "Fictional: briefings given to 4 teams", rag: .amber)

    static let closeActionPlanItem = PublicationAPI.CloseActionPlanItemRequest(
        caseReference: reference, itemNumber: 1, evidence: "Fictional: an audit of 20 cases shows concerns shared at once",
        judgedOn: date("2026-04-20"),
        judgedBy: "Case Review Panel")

    static let actionPlan = PublicationAPI.ActionPlan(
        caseReference: reference, stage: .actionPlan,
        items: [
            actionPlanItem,
            PublicationAPI.ActionPlanItem(
                number: 2, source: .rapidReviewImmediateAction, recommendationNumber: nil, agreedAction: "Fictional: a 7-minute briefing",
                ownerAgency: "Testshire Police", leadOfficer: "Detective Inspector", targetDate: date("2025-11-30"), addedOn: date("2025-10-02"),
                addedBy: "Pub.Comms"),
        ],
        recommendationsWithoutItems: [2],
        deadlines: [
            Deadline(
                rule: .p6, subject: "action plan item 1: target date", due: date("2026-03-31"), status: .metLate, metOn: date("2026-04-20"),
                ruleSet: .surrey2019),
            Deadline(rule: .p6, subject: "action plan item 2: target date", due: date("2025-11-30"), status: .overdue, ruleSet: .surrey2019),
        ], learningPlans: [learningPlan])

    static let learningPlan = PublicationAPI.LearningPlan(
        number: 1, how: "Fictional: a 7-minute briefing for team meetings and a multi-agency learning event",
        audiences: ["Testshire Health", "Testshire Police", "Testshire Children's Services"], byWhen: date("2026-01-31"),
        recordedOn: date("2025-10-02"),
        recordedBy: "Pub.Comms")

    static let recordLearningPlan = Pair(
        request: PublicationAPI.RecordLearningPlanRequest(
            caseReference: reference, how: learningPlan.how, audiences: learningPlan.audiences, byWhen: learningPlan.byWhen),
        response: PublicationAPI.RecordLearningPlanResponse(caseReference: reference, plan: learningPlan))

    static let nationalLearning = PublicationAPI.NationalLearning(
        number: 1, nationalReview: "Fictional: National Panel thematic review of safeguarding infants",
        learningTaken: "Fictional: a local audit of pre-birth assessments",
        byWhen: date("2026-06-30"), recordedOn: date("2025-10-02"), recordedBy: "Sam.Panel")

    static let recordNationalLearning = Pair(
        request: PublicationAPI.RecordNationalLearningRequest(
            nationalReview: nationalLearning.nationalReview, learningTaken: nationalLearning.learningTaken, byWhen: nationalLearning.byWhen),
        response: nationalLearning)

    static let listNationalLearning = Pair(
        request: PublicationAPI.ListNationalLearningRequest(pageSize: 10, offset: 0),
        response: PublicationAPI.ListNationalLearningResponse(learning: [nationalLearning], total: 1))
}

extension Samples {
    static let publishedListing = PublicationAPI.PublishedListing(published: [
        PublicationAPI.PublishedEntry(
            caseReference: reference, title: "Local Child Safeguarding Practice Review TESTSHIRE-2025-0007", document: .report,
            publishedOn: date("2025-10-01"), address: "https://testshire.example/cspr/TESTSHIRE-2025-0007")
    ])
}

extension Samples {
    static let yearlyReport = PublicationAPI.YearlyReport(
        year: 2025, judgedOn: date("2025-12-31"),
        publications: [
            PublicationAPI.YearlyPublication(
                caseReference: reference, document: .report, publishedOn: date("2025-10-01"),
                address: "https://testshire.example/cspr/TESTSHIRE-2025-0007",
                t9: .met, t10: .open, extended: false)
        ],
        recommendations: [
            PublicationAPI.YearlyRecommendation(
                caseReference: reference,
                recommendation: .init(
                    number: 1, text: "Fictional: share concerns at once", owner: "Testshire Partnership", scope: .local, dueBy: date("2026-03-31")),
                items: 1, closedItems: 1)
        ],
        actionItems: [PublicationAPI.YearlyActionItem(caseReference: reference, item: actionPlanItem, timeliness: .late)],
        timescales: [PublicationAPI.RuleFigures(rule: .t7, met: 3, late: 1, outsideWindow: 0, open: 2, extended: 1)],
        sources: [PublicationAPI.FigureSource(stage: "review-management", statuses: 6, pages: 1)])

    static let getYearlyReport = Pair(
        request: PublicationAPI.GetYearlyReportRequest(year: 2025, format: .json),
        response: PublicationAPI.GetYearlyReportResponse(year: 2025, report: yearlyReport, csv: "timescales\r\nrule,met\r\n"))
}
