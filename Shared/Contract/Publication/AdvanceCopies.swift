import WorkingDays

extension PublicationAPI {
    /// Who receives the full report ahead of publication (T9, §10.5.1).
    package enum AdvanceCopyRecipient: String, WireEnum {
        /// The Child Safeguarding Practice Review Panel.
        case nationalPanel
        /// Ofsted.
        case ofsted
        /// The Secretary of State (Department for Education).
        case secretaryOfState
    }

    /// What is published: the report, or, when the partners decided not to publish it (P2), the
    /// information about the improvements to be made, published instead on the same timescale.
    package enum PublicationDocument: String, WireEnum {
        /// The review's report.
        case report
        /// The information about improvements published instead of the report (P2, §10.1).
        case improvementsInformation
    }

    /// `RecordAdvanceCopy`: a report version (or the information about improvements) sent to one
    /// recipient, and when.
    package struct RecordAdvanceCopyRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Who it went to.
        package var recipient: AdvanceCopyRecipient
        /// The report version sent.
        package var reportVersion: Int
        /// When it was sent.
        package var sentOn: CivilDate
        /// What was sent; the report when absent.
        package var document: PublicationDocument?
        package init(
            caseReference: CaseReference, recipient: AdvanceCopyRecipient, reportVersion: Int, sentOn: CivilDate, document: PublicationDocument? = nil
        ) {
            self.caseReference = caseReference
            self.recipient = recipient
            self.reportVersion = reportVersion
            self.sentOn = sentOn
            self.document = document
        }
    }

    /// An advance copy as recorded.
    package struct AdvanceCopy: Sendable, Equatable, Codable {
        /// Its number on the case, from 1, in the order recorded.
        package var number: Int
        /// Who it went to.
        package var recipient: AdvanceCopyRecipient
        /// The report version sent.
        package var reportVersion: Int
        /// When it was sent.
        package var sentOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String
        /// What was sent.
        package var document: PublicationDocument
        package init(
            number: Int, recipient: AdvanceCopyRecipient, reportVersion: Int, sentOn: CivilDate, recordedBy: String,
            document: PublicationDocument = .report
        ) {
            self.document = document
            self.number = number
            self.recipient = recipient
            self.reportVersion = reportVersion
            self.sentOn = sentOn
            self.recordedBy = recordedBy
        }
    }

    /// `RecordAdvanceCopy`'s answer: the copy, and what T9 now allows.
    package struct RecordAdvanceCopyResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The copy as recorded.
        package var copy: AdvanceCopy
        /// The earliest publication date T9 allows for the version to be published; nil while
        /// a recipient has no copy of it.
        package var earliestPublicationDate: CivilDate?
        /// The recipients still without a copy of the version to be published.
        package var advanceCopiesMissing: [AdvanceCopyRecipient]
        package init(
            caseReference: CaseReference, copy: AdvanceCopy, earliestPublicationDate: CivilDate?, advanceCopiesMissing: [AdvanceCopyRecipient]
        ) {
            self.caseReference = caseReference
            self.copy = copy
            self.earliestPublicationDate = earliestPublicationDate
            self.advanceCopiesMissing = advanceCopiesMissing
        }
    }
}
