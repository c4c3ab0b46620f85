import Contract
import Foundation
import WorkingDays

/// Obviously fictional publication requests for the tests.
enum Fixtures {
    /// "Today" of every service test: Monday 11 January 2027 (`TestDirectory.publication`).
    static let todayText = "2027-01-11"
    static let today = date(todayText)
    /// The board's approval of every prepared report.
    static let approvedOn = date("2026-12-01")

    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// `TESTSHIRE-2026-<sequence>`.
    static func reference(_ sequence: Int) -> CaseReference {
        guard let reference = CaseReference("TESTSHIRE-2026-" + String(format: "%04d", sequence)) else { fatalError("bad reference \(sequence)") }
        return reference
    }

    static let reviewerName = "Jo Example"
    /// Where the reports are published.
    static let address = "https://testshire.example/cspr/TESTSHIRE-2026"

    /// T7 as review-management hands it over: due on 2026-12-20, met on the approval.
    static let t7 = Deadline(rule: .t7, due: date("2026-12-20"), status: .met, metOn: approvedOn, ruleSet: .surrey2019)

    /// review-management's hand-over of version `version`, approved on `approvedOn`.
    static func preparation(
        _ reference: CaseReference, version: Int = 1, approvedOn: CivilDate = approvedOn, t7: Deadline? = t7, delayNoticeOn: CivilDate? = nil
    ) -> PublicationAPI.PreparePublicationRequest {
        PublicationAPI.PreparePublicationRequest(
            caseReference: reference, reportVersion: version,
            sections: ReportSections(
                executiveSummary: "Fictional: a short summary.", whatHappened: "Fictional: Child A was injured at home.",
                whyDecisionsWereTaken: "Fictional: the threshold was judged not met.",
                howAgenciesWorkedTogether: "Fictional: information was not shared.",
                whetherShortcomingsAreGeneral: "Fictional: seen in other cases.", whatMustChange: "Fictional: a shared record of concerns.",
                goodPractice: "Fictional: the school nurse escalated promptly.", howAgenciesWillLearn: "Fictional: briefings and an audit.",
                // P4, §10.5.2: the published report names its reviewers.
                otherSections: [.init(title: "The reviewers", text: "Fictional: led by \(reviewerName), with Dana Sample.")]),
            approvedOn: approvedOn, reviewers: [reviewerName, "Dana Sample"],
            recommendations: [
                .init(number: 1, text: "Fictional: share concerns at once", owner: "Testshire Partnership", scope: .local, dueBy: date("2027-06-30"))
            ], ruleSet: .surrey2019,
            t7: t7, delayNoticeOn: delayNoticeOn)
    }
}
