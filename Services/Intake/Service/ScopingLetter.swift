import Contract
import WorkingDays

/// Appendix 4, the letter requesting initial scoping information, filled in for one agency with
/// the return date (T3) written in. It names no child or family member: the form sent with it
/// does, to the agency's safeguarding lead only.
enum ScopingLetterRenderer {
    static func render(
        _ request: ScopingRequest, reference: CaseReference, format: IntakeAPI.LetterFormat, signatory: String?, queriesContact: String?,
        t3Due: CivilDate? = nil
    ) -> String {
        let bold: (String) -> String = { format == .markdown ? "**\($0)**" : $0 }
        let italic: (String) -> String = { format == .markdown ? "*\($0)*" : $0 }
        let returnBy = request.returnBy.map(DateWords.long) ?? "within 5 working days"
        var lines: [String] = []
        lines.append(request.contact.name)
        lines.append(request.agency.name)
        lines.append("Via email")
        lines.append("")
        lines.append(DateWords.long(request.dateSent))
        lines.append("")
        lines.append("Our reference: \(reference)")
        lines.append("")
        lines.append("Dear Safeguarding Lead,")
        lines.append("")
        let title = "Child Safeguarding Practice Review – Initial Scoping and Information Sharing"
        lines.append(format == .markdown ? "## \(title)" : title)
        lines.append("")
        lines.append(
            "We have received notification of a serious incident which may meet the criteria for a Child Safeguarding Practice Review. We will, therefore, be holding a Rapid Review to consider the case."
        )
        lines.append("")
        lines.append(
            "To inform the Rapid Review meeting, we need to gather the basic facts about the case and determine the extent of agency involvement with the child and/or any family members. This will help the Safeguarding Partners decide whether to undertake a formal Child Safeguarding Practice Review and to determine the most appropriate method to identify and cascade learning from this case."
        )
        lines.append("")
        lines.append("We are initially asking agencies to:")
        lines.append("")
        lines.append(
            "1. Clarify whether your organisation had any involvement with the subject child and/or named individuals within the family composition outlined in Section 1 of the attached form."
        )
        lines.append(
            "2. Complete the attached \(italic("Initial Scoping and Information Sharing")) form if you have had any involvement with the subject child or a member of their family."
        )
        lines.append(
            "3. Secure all records/files in relation to this case, ensuring that they are removed to a secure place where they are not accessible to agency personnel other than through you or your nominated representatives."
        )
        lines.append("4. Keep your agency's submission in relation to this case separate from the case records/files.")
        lines.append("")
        let returnSentence: String
        if let t3Due, let asked = request.returnBy, asked > t3Due {
            // Sent on or after T3's date: the letter asks for a day still ahead and says why.
            returnSentence =
                "This \(italic("Initial Scoping and Information Sharing Form")) would normally be returned to us within 5 working days of the referral, by \(DateWords.long(t3Due)). As this request reaches you after that date, please return it to us at the address included on the form \(bold("within \(IntakeCase.lateReturnWorkingDays) working days")) of this letter, that is by \(bold(returnBy))."
        } else {
            returnSentence =
                "This \(italic("Initial Scoping and Information Sharing Form")) should, therefore, be returned to us at the address included on the form \(bold("within 5 working days")). In this case this will be \(bold(returnBy))."
        }
        lines.append(
            "If the child or family is not known to your organisation, please confirm this in writing. We are required to hold the Rapid Review meeting and agree the way forward within timescales outlined in national guidance (currently within 15 working days). "
                + returnSentence)
        lines.append("")
        if let queriesContact, !queriesContact.isEmpty {
            lines.append("If you require any further information please contact \(bold(queriesContact)).")
            lines.append("")
        }
        lines.append("Yours sincerely,")
        lines.append("")
        lines.append(signatory?.isEmpty == false ? signatory ?? "" : "Partnership Support Team")
        lines.append("")
        lines.append("Enc: Initial Scoping and Information Sharing Form")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Dates as a letter writes them: "Monday 31 March 2025".
enum DateWords {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func long(_ date: CivilDate) -> String {
        "\(days[date.weekday.rawValue - 1]) \(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
