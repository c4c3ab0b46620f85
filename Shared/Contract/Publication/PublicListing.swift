import WorkingDays

extension PublicationAPI {
    /// One entry of the public listing (`GET /published.json`): what the partnership has
    /// published, and nothing held back. A report the partners decided not to publish is not
    /// listed; its information about improvements is, once published (P2).
    package struct PublishedEntry: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The title shown: the document and the case's reference (the hand-over carries no title).
        package var title: String
        /// The report, or the information about improvements.
        package var document: PublicationDocument
        /// When it was published.
        package var publishedOn: CivilDate
        /// Where it can be read.
        package var address: String
        package init(caseReference: CaseReference, title: String, document: PublicationDocument, publishedOn: CivilDate, address: String) {
            self.caseReference = caseReference
            self.title = title
            self.document = document
            self.publishedOn = publishedOn
            self.address = address
        }
    }

    /// `GET /published.json`: every publication, newest first.
    package struct PublishedListing: Sendable, Equatable, Codable {
        /// The entries, newest first (then by reference).
        package var published: [PublishedEntry]
        package init(published: [PublishedEntry]) { self.published = published }
    }
}
