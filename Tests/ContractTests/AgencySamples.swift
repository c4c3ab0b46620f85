import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the agencies' messages (V6-V8), every field filled.
extension Samples {
    static let agencyRequest = ReviewManagementAPI.AgencyRequest(
        number: 1, agency: "Testshire Police",
        contact: .init(name: "Lee Contact", designation: "Safeguarding Lead", contactDetails: "Fictional: 01234 000000, lee@example.invalid"),
        asks: [.chronology, .informationReport], dueOn: date("2025-05-20"), requestedOn: date("2025-04-22"), requestedBy: "Rev.Team")

    static let requestAgencyInformation = Pair(
        request: ReviewManagementAPI.RequestAgencyInformationRequest(
            caseReference: reference, agency: agencyRequest.agency, contact: agencyRequest.contact, asks: agencyRequest.asks,
            dueOn: agencyRequest.dueOn),
        response: ReviewManagementAPI.RequestAgencyInformationResponse(
            caseReference: reference, request: .init(request: agencyRequest, outstanding: [.chronology, .informationReport], overdue: false)))

    static let agencyRequests = ReviewManagementAPI.AgencyRequests(
        caseReference: reference,
        requests: [.init(request: agencyRequest, outstanding: [.informationReport], overdue: true, escalatedTo: .caseReviewPanel)],
        outstanding: ["Testshire Police"], overdue: ["Testshire Police"])

    static let chronologyEntry = ReviewManagementAPI.ChronologyEntry(
        date: date("2024-03-05"), time: "09:30", event: "Fictional: a welfare visit, no answer", source: "Fictional: incident log 123",
        period: .inside)

    static let submitChronology = Pair(
        request: ReviewManagementAPI.SubmitChronologyRequest(caseReference: reference, agency: "Testshire Police", entries: [chronologyEntry]),
        response: ReviewManagementAPI.SubmitChronologyResponse(
            caseReference: reference, submission: .init(agency: "Testshire Police", kind: .chronology, version: 1), entries: 1))

    static let combinedChronology = Pair(
        request: ReviewManagementAPI.GetCombinedChronologyRequest(caseReference: reference, format: .csv),
        response: ReviewManagementAPI.CombinedChronology(
            caseReference: reference, sources: [.init(agency: "Testshire Police", kind: .chronology, version: 1)],
            entries: [.init(agency: "Testshire Police", entry: chronologyEntry)],
            csv: "date,time,agency,event,source,period\r\n"
                + "2024-03-05,09:30,Testshire Police,\"Fictional: a welfare visit, no answer\",Fictional: incident log 123,inside\r\n"))

    static let informationReport = ReviewManagementAPI.InformationReport(
        author: .init(
            name: "Alex Author", designation: "Testshire Police, Detective Sergeant", contactDetails: "Fictional: alex@example.invalid",
            involvement: .noInvolvement),
        completedOn: date("2025-05-10"),
        endorser: .init(
            name: "Sam Senior", designation: "Testshire Police, Detective Superintendent", contactDetails: "Fictional: sam@example.invalid",
            involvement: .noInvolvement),
        endorsedOn: date("2025-05-12"),
        parallelProcesses: .init(underway: true, details: "Fictional: a criminal investigation led by the SIO"),
        sources: .init(
            filesSecuredOn: date("2025-04-23"), filesSecuredBy: "Fictional: records manager", documentsReviewed: "Fictional: incident logs",
            interviews: "Fictional: two officers"),
        involvementSummary: .init(caseSummaryReviewed: true, corrections: "Fictional: none", context: "Fictional: a change of team"),
        analysis: "Fictional: analysis of involvement", goodPractice: "Fictional: prompt referral", keyLearning: "Fictional: sharing logs",
        singleAgencyLearning: .init(implemented: "Fictional: a briefing", planned: "Fictional: training"),
        multiAgencyLearning: "Fictional: a shared protocol", otherInformation: "Fictional: none")

    static let submitInformationReport = Pair(
        request: ReviewManagementAPI.SubmitInformationReportRequest(caseReference: reference, agency: "Testshire Police", report: informationReport),
        response: ReviewManagementAPI.SubmitInformationReportResponse(
            caseReference: reference, submission: .init(agency: "Testshire Police", kind: .informationReport, version: 1)))

    static let reviewSubmission = Pair(
        request: ReviewManagementAPI.ReviewSubmissionRequest(
            caseReference: reference, submission: .init(agency: "Testshire Police", kind: .informationReport, version: 1), outcome: .sentBack,
            question: "Fictional: what followed the strategy meeting?"),
        response: ReviewManagementAPI.ReviewSubmissionResponse(
            caseReference: reference,
            decision: .init(
                submission: .init(agency: "Testshire Police", kind: .informationReport, version: 1), outcome: .sentBack,
                question: "Fictional: what followed the strategy meeting?", decidedOn: date("2025-05-14"), decidedBy: "Jo.Lead")))

    static let escalateAgencyRequest = Pair(
        request: ReviewManagementAPI.EscalateAgencyRequestRequest(
            caseReference: reference, agency: "Testshire Police", level: .strategicSafeguardingLead,
            reason: "Fictional: the information report is three weeks overdue; the panel's reminder went unanswered"),
        response: ReviewManagementAPI.EscalateAgencyRequestResponse(
            caseReference: reference,
            escalations: [
                .init(
                    agency: "Testshire Police", requestNumber: 1, level: .caseReviewPanel, reason: "Fictional: overdue",
                    escalatedOn: date("2025-05-21"), escalatedBy: "Jo.Lead"),
                .init(
                    agency: "Testshire Police", requestNumber: 1, level: .strategicSafeguardingLead,
                    reason: "Fictional: the information report is three weeks overdue; the panel's reminder went unanswered",
                    escalatedOn: date("2025-06-10"), escalatedBy: "Sam.Panel"),
            ],
            next: .safeguardingPartners))
}
