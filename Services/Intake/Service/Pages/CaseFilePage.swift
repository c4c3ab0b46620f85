import Contract
import ServiceKit
import WebForms
import WorkingDays

/// The case file (R3): every form as received, as a printable document, one section (a new
/// A4 page on print) per form.
enum CaseFilePage {
    /// Where a case's file is: `/case-file/<reference>`.
    static let prefix = "/case-file/"

    /// The document of `file`; its links for the reader's `roles`.
    static func body(_ file: IntakeAPI.CaseFile, dashboard: String?, roles: Set<String> = []) -> String {
        var html =
            "<p class=\"screen-only\">Case <strong>\(HTML.escape(file.caseReference.description))</strong>. Print this page for the case file.</p>\n"
        if let referral = file.referral { html += section("Referral (Appendix 2)", referralRows(referral)) }
        for (index, referral) in file.linkedReferrals.enumerated() {
            html += section("Linked referral \(index + 1) (R3)", referralRows(referral))
        }
        if let notification = file.notification {
            html += section(
                "The local authority's notification",
                rows([
                    ("Name of child", notification.child.name), ("Date of the incident", notification.incident.date.description),
                    ("Date the local authority became aware", notification.becameAware.description),
                    ("Notified by", "\(notification.notifiedBy.name), \(notification.notifiedBy.agencyAndDesignation)"),
                ]))
        }
        var requests = "<table><thead><tr><th scope=\"col\">Agency</th><th scope=\"col\">Sent</th><th scope=\"col\">Return by</th>"
        requests += "<th scope=\"col\">Returned</th></tr></thead><tbody>\n"
        for request in file.scopingRequests {
            let returned = file.scopingReturns.first { AgencyKey.of($0.agency.name) == AgencyKey.of(request.agency.name) }
            requests += "<tr><td>\(HTML.escape(request.agency.name))</td><td>\(request.dateSent)\(request.sentLate == true ? " (late)" : "")</td>"
            requests +=
                "<td>\(request.returnBy.map(\.description) ?? "")</td><td>\(returned.map { $0.dateReceived.description } ?? "Not yet")</td></tr>\n"
        }
        html += section("Scoping requests (T2, T3)", file.scopingRequests.isEmpty ? "<p>None sent yet.</p>\n" : requests + "</tbody></table>\n")
        for scopingReturn in file.scopingReturns {
            html += section(
                "Scoping return: \(scopingReturn.agency.name)",
                rows([
                    ("Completed by", "\(scopingReturn.completedBy.name), \(scopingReturn.completedBy.agencyAndDesignation)"),
                    ("Date completed", scopingReturn.dateCompleted.description), ("Date received", scopingReturn.dateReceived.description),
                    ("Known to the agency", scopingReturn.knownToAgency ? "Yes" : "No"),
                    ("Anomalies in the family composition", scopingReturn.familyDetailAnomalies ?? ""),
                    ("Involvement", scopingReturn.involvementSummary ?? ""), ("Practice", scopingReturn.practiceAnalysis ?? ""),
                    ("Working together", scopingReturn.partnershipConcerns ?? ""),
                    ("Other agencies involved", scopingReturn.otherAgenciesInvolved ?? ""),
                    ("Further information", scopingReturn.furtherInformation ?? ""),
                    ("Records secured on", scopingReturn.recordsSecuredOn?.description ?? ""),
                ]))
        }
        return html + IntakePages.caseLinks(file.caseReference.description, dashboard: dashboard, roles: roles)
    }

    private static func referralRows(_ referral: Referral) -> String {
        var answers: [(String, String)] = [
            ("Name of child", referral.child.person.name), ("Date of birth", referral.child.person.dateOfBirth?.description ?? ""),
            ("Death or serious harm", referral.child.incident.kind == .death ? "Death" : "Serious harm"),
            ("Date of the incident", referral.child.incident.date.description), ("Date of referral", referral.dateOfReferral.description),
            ("Date received", referral.dateReceived.description),
            ("Referred by", "\(referral.referrer.name), \(referral.referrer.agencyAndDesignation)"),
        ]
        for (index, member) in referral.familyMembers.enumerated() {
            answers.append(("Family member \(index + 1)", "\(member.person.name) (\(member.relationshipToChild))"))
        }
        for involvement in referral.agenciesInvolved {
            answers.append(("Agency involved", "\(involvement.agency.name): \(involvement.reasonForInvolvement)"))
        }
        answers += [("Outline of the circumstances", referral.caseBackground), ("Reason for referral", referral.reasonForReferral)]
        return rows(answers)
    }

    private static func rows(_ answers: [(String, String)]) -> String {
        "<dl class=\"answers\">\n"
            + answers.filter { !$0.1.isEmpty }.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd><dd></dd>" }.joined(separator: "\n")
            + "\n</dl>\n"
    }

    private static func section(_ heading: String, _ body: String) -> String {
        "<section>\n<h2>\(HTML.escape(heading))</h2>\n\(body)</section>\n"
    }
}
