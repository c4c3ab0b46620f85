import Contract
import WorkingDays

extension Review {
    /// An agency's information report (§8.5, Appendix 9): asked of it, with its author and the
    /// date completed, and V7's conditions met. Names stay out of every error.
    func submittingInformationReport(_ request: ReviewManagementAPI.SubmitInformationReportRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.InformationReportSubmission
    {
        let key = try nextSubmission(request.agency, .informationReport, rule: .v7)
        let report = request.report
        if report.author.name.isBlank {
            throw .invalidField(path: "report.author.name", rule: nil, problem: "name the individual completing the report")
        }
        if report.completedOn > clock.today {
            throw .invalidField(path: "report.completedOn", rule: nil, problem: "\(report.completedOn) is after today (\(clock.today))")
        }
        try InformationReportRules.checkEndorsement(report, today: clock.today)
        return ReviewManagementAPI.InformationReportSubmission(key: key, report: report, submittedOn: clock.today, submittedBy: principal)
    }
}

/// V7: an information report is endorsed by a senior officer before it is submitted, and
/// neither its author nor its endorser had operational involvement in the case (declared).
/// Appendix 9 (Quality Assurance and Agency Sign Off), Appendix 11.
enum InformationReportRules {
    /// Refuses a report that is not endorsed, endorsed by its author, or whose author or
    /// endorser did not declare no operational involvement, in that order.
    static func checkEndorsement(_ report: ReviewManagementAPI.InformationReport, today: CivilDate) throws(ReviewManagementError) {
        guard let endorser = report.endorser, !endorser.name.isBlank else {
            throw .outOfOrder(
                rule: .v7, problem: "the information report is not endorsed: a senior officer endorses it before it is submitted (report.endorser)")
        }
        guard let endorsedOn = report.endorsedOn else {
            throw .outOfOrder(rule: .v7, problem: "the information report lacks the date the senior officer endorsed it (report.endorsedOn)")
        }
        guard endorsedOn >= report.completedOn, endorsedOn <= today else {
            throw .invalidField(
                path: "report.endorsedOn", rule: .v7, problem: "\(endorsedOn) is not between completion (\(report.completedOn)) and today (\(today))")
        }
        if samePerson(endorser.name, report.author.name) {
            throw .outOfOrder(rule: .v7, problem: "the endorser is the report's author: a senior officer other than the author endorses it")
        }
        try checkDeclaration(report.author.involvement, of: "author", path: "report.author.involvement")
        try checkDeclaration(endorser.involvement, of: "endorser", path: "report.endorser.involvement")
    }

    private static func checkDeclaration(_ declaration: ReviewManagementAPI.InvolvementDeclaration?, of who: String, path: String)
        throws(ReviewManagementError)
    {
        switch declaration {
        case .noInvolvement:
            return
        case nil:
            throw .outOfOrder(rule: .v7, problem: "the \(who)'s declaration of no operational involvement in the case is missing (\(path))")
        case .involved:
            throw .outOfOrder(
                rule: .v7, problem: "the \(who) declared operational involvement in the case: someone with none completes and endorses the report")
        }
    }

    /// True when two names are the same person's as written: ignoring case and spacing.
    static func samePerson(_ lhs: String, _ rhs: String) -> Bool {
        func normalised(_ name: String) -> String { name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return normalised(lhs) == normalised(rhs)
    }
}
