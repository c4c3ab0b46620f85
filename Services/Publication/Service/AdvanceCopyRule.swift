import Contract
import WorkingDays

/// T9 (§10.5.1): the full report goes to the National Panel, Ofsted and the Secretary of State
/// no later than 7 working days before the publication date. The one place that decides the
/// earliest publication date; scheduling and the views all ask it.
enum AdvanceCopyRule {
    /// Working days between the latest advance copy and the publication date (T9's amount, counted back).
    static let workingDays = -Timescales.rule(.t9).amount

    /// Who must have a copy.
    static let recipients = PublicationAPI.AdvanceCopyRecipient.allCases

    /// When each recipient first received `version`. A copy of another version does not count:
    /// a revision after sending is sent again. A copy sent twice counts from the first sending,
    /// when the recipient first held the text.
    /// Copies of the other document (the report's, once the information about improvements is
    /// to be published instead) do not count either.
    static func firstSent(_ copies: [PublicationAPI.AdvanceCopy], version: Int, of document: PublicationAPI.PublicationDocument = .report)
        -> [PublicationAPI.AdvanceCopyRecipient: CivilDate]
    {
        var first: [PublicationAPI.AdvanceCopyRecipient: CivilDate] = [:]
        for copy in copies where copy.reportVersion == version && copy.document == document {
            first[copy.recipient] = min(first[copy.recipient] ?? copy.sentOn, copy.sentOn)
        }
        return first
    }

    /// The recipients without a copy of `version`, in the order of `recipients`.
    static func missing(_ copies: [PublicationAPI.AdvanceCopy], version: Int, of document: PublicationAPI.PublicationDocument = .report)
        -> [PublicationAPI.AdvanceCopyRecipient]
    {
        let sent = firstSent(copies, version: version, of: document)
        return recipients.filter { sent[$0] == nil }
    }

    /// The earliest publication date of `version`: the first day D whose 7th working day before
    /// it (D being day 0, working day or not: RULES.md) is on or after the latest of the three
    /// sendings. That is the day after the 7th working day counted from the latest sending,
    /// the sending day itself counting when it is a working day. FAILED_PRECONDITION naming T9
    /// and the recipients without a copy of `version`.
    static func earliestPublicationDate(
        _ copies: [PublicationAPI.AdvanceCopy], version: Int, of document: PublicationAPI.PublicationDocument = .report, calendar: WorkingCalendar
    ) throws(PublicationError) -> CivilDate {
        let sent = firstSent(copies, version: version, of: document)
        let missing = recipients.filter { sent[$0] == nil }
        guard missing.isEmpty, let latest = sent.values.max() else {
            throw .outOfOrder(
                rule: .t9,
                problem: "no advance copy of \(name(document, version)) to \(missing.map(\.rawValue).joined(separator: ", ")) is recorded; "
                    + "the National Panel, Ofsted and the Secretary of State each have the version published")
        }
        let firstCounted = calendar.isWorkingDay(latest) ? latest : calendar.nextWorkingDay(after: latest)
        return calendar.addingWorkingDays(workingDays - 1, to: firstCounted).adding(days: 1)
    }

    /// Refuses `publicationDate` for `version` when it is before the earliest date T9 allows,
    /// naming T9, the latest sending and the earliest date.
    static func check(
        publicationDate: CivilDate, _ copies: [PublicationAPI.AdvanceCopy], version: Int, of document: PublicationAPI.PublicationDocument = .report,
        calendar: WorkingCalendar
    ) throws(PublicationError) {
        let earliest = try earliestPublicationDate(copies, version: version, of: document, calendar: calendar)
        guard publicationDate >= earliest else {
            let latest = firstSent(copies, version: version, of: document).values.max().map { "\($0)" } ?? "-"
            throw .outOfOrder(
                rule: .t9,
                problem: "\(publicationDate) is fewer than \(workingDays) working days after the latest advance copy of \(name(document, version)) "
                    + "(\(latest)); the earliest publication date is \(earliest)")
        }
    }

    /// What T9 allows now: the earliest date, or nil, and who still needs a copy.
    static func standing(
        _ copies: [PublicationAPI.AdvanceCopy], version: Int, of document: PublicationAPI.PublicationDocument = .report, calendar: WorkingCalendar
    ) -> (earliest: CivilDate?, missing: [PublicationAPI.AdvanceCopyRecipient]) {
        (try? earliestPublicationDate(copies, version: version, of: document, calendar: calendar), missing(copies, version: version, of: document))
    }

    /// The document as messages name it: `report version 2`, `the information about improvements (version 1)`.
    static func name(_ document: PublicationAPI.PublicationDocument, _ version: Int) -> String {
        document == .report ? "report version \(version)" : "the information about improvements (version \(version))"
    }
}
