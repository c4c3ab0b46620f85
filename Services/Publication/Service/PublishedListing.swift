import Contract
import ServiceKit
import Storage
import WorkingDays

/// The public listing's content: the publications as recorded, no text and no names (P4: the
/// anonymised report is at its address; the listing says only where and when).
enum PublishedListing {
    /// The title an entry shows: the hand-over carries none, so it is the document's kind and
    /// the case's reference.
    static func title(_ document: PublicationAPI.PublicationDocument, _ reference: CaseReference) -> String {
        switch document {
        case .report: "Local Child Safeguarding Practice Review \(reference)"
        case .improvementsInformation: "Information about improvements: \(reference)"
        }
    }

    /// Every publication recorded, newest first. Only `published_reports` is read: a report
    /// decided not to publish never has a row there (the information about improvements does,
    /// once published), and nothing scheduled but not yet published is shown.
    static func read(_ db: some DatabaseAccess) throws -> PublicationAPI.PublishedListing {
        let entries = try db.query("SELECT case_reference, record FROM published_reports").map { row in
            let reference: CaseReference = try row["case_reference"]
            let published = try JSONColumn.value(PublicationAPI.PublishedReport.self, row, "record", table: "published_reports")
            return PublicationAPI.PublishedEntry(
                caseReference: reference, title: title(published.document, reference), document: published.document,
                publishedOn: published.publishedOn, address: published.address)
        }
        return PublicationAPI.PublishedListing(
            published: entries.sorted { ($1.publishedOn, $0.caseReference) < ($0.publishedOn, $1.caseReference) })
    }
}
