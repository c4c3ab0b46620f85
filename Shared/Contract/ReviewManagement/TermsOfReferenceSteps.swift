import RPC
import WorkingDays

// MARK: - Drafting, agreeing and changing the terms of reference (V1, V2)

extension ReviewManagementAPI {
    /// How a version of the terms of reference came about.
    package enum TermsOfReferenceOrigin: String, WireEnum {
        /// Drafted or redrafted before agreement.
        case draft
        /// The agreed version with its key lines of enquiry changed, with the panel's approval (V2).
        case keyLinesOfEnquiryChanged
    }

    /// `DraftTermsOfReference`'s request: the whole form, a new version each time.
    package struct DraftTermsOfReferenceRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The terms of reference as drafted.
        package var termsOfReference: TermsOfReference

        package init(caseReference: CaseReference, termsOfReference: TermsOfReference) {
            self.caseReference = caseReference
            self.termsOfReference = termsOfReference
        }
    }

    /// One version of the terms of reference; every version stays readable.
    package struct TermsOfReferenceVersion: Sendable, Equatable, Codable {
        /// 1 for the first draft, then 2, 3...
        package var version: Int
        /// A draft, or a change of the key lines of enquiry after agreement.
        package var origin: TermsOfReferenceOrigin
        /// The form.
        package var termsOfReference: TermsOfReference
        /// When it was written.
        package var writtenOn: CivilDate
        /// Who wrote it.
        package var writtenBy: String

        package init(version: Int, origin: TermsOfReferenceOrigin, termsOfReference: TermsOfReference, writtenOn: CivilDate, writtenBy: String) {
            self.version = version
            self.origin = origin
            self.termsOfReference = termsOfReference
            self.writtenOn = writtenOn
            self.writtenBy = writtenBy
        }
    }

    /// The version drafted and what V1 still asks for before the panel can agree it.
    package struct DraftTermsOfReferenceResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version just written.
        package var version: TermsOfReferenceVersion
        /// The fields V1 needs that this version lacks, by path (empty: ready to agree).
        package var missingForAgreement: [String]

        package init(caseReference: CaseReference, version: TermsOfReferenceVersion, missingForAgreement: [String]) {
            self.caseReference = caseReference
            self.version = version
            self.missingForAgreement = missingForAgreement
        }
    }

    /// `AgreeTermsOfReference`'s request: the Case Review Panel agrees one version (V1).
    package struct AgreeTermsOfReferenceRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version agreed: the latest draft (naming it keeps a stale one from being agreed).
        package var version: Int
        /// When the panel agreed it.
        package var agreedOn: CivilDate

        package init(caseReference: CaseReference, version: Int, agreedOn: CivilDate) {
            self.caseReference = caseReference
            self.version = version
            self.agreedOn = agreedOn
        }
    }

    /// The panel's agreement.
    package struct TermsOfReferenceAgreement: Sendable, Equatable, Codable {
        /// The version agreed.
        package var version: Int
        /// When the panel agreed it.
        package var agreedOn: CivilDate
        /// Who recorded it for the panel.
        package var agreedBy: String

        package init(version: Int, agreedOn: CivilDate, agreedBy: String) {
            self.version = version
            self.agreedOn = agreedOn
            self.agreedBy = agreedBy
        }
    }

    /// The agreement recorded.
    package struct AgreeTermsOfReferenceResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The agreement.
        package var agreement: TermsOfReferenceAgreement
        /// `termsOfReferenceAgreed`.
        package var state: ReviewState

        package init(caseReference: CaseReference, agreement: TermsOfReferenceAgreement, state: ReviewState) {
            self.caseReference = caseReference
            self.agreement = agreement
            self.state = state
        }
    }

    /// `ChangeKeyLinesOfEnquiry`'s request: after agreement, the new key lines with the
    /// panel's approval and its reason (V2, §5.3.1).
    package struct ChangeKeyLinesOfEnquiryRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The key lines of enquiry as they now stand (the whole list).
        package var keyLinesOfEnquiry: [String]
        /// Why they change.
        package var reason: String
        /// When the panel approved the change.
        package var approvedOn: CivilDate

        package init(caseReference: CaseReference, keyLinesOfEnquiry: [String], reason: String, approvedOn: CivilDate) {
            self.caseReference = caseReference
            self.keyLinesOfEnquiry = keyLinesOfEnquiry
            self.reason = reason
            self.approvedOn = approvedOn
        }
    }

    /// A change of the key lines of enquiry as approved: from one version to the next.
    package struct KeyLinesOfEnquiryChange: Sendable, Equatable, Codable {
        /// 1 for the first change, then 2, 3...
        package var number: Int
        /// The version changed.
        package var fromVersion: Int
        /// The version it made.
        package var toVersion: Int
        /// The panel's reason.
        package var reason: String
        /// When the panel approved it.
        package var approvedOn: CivilDate
        /// Who recorded the approval for the panel.
        package var approvedBy: String

        package init(number: Int, fromVersion: Int, toVersion: Int, reason: String, approvedOn: CivilDate, approvedBy: String) {
            self.number = number
            self.fromVersion = fromVersion
            self.toVersion = toVersion
            self.reason = reason
            self.approvedOn = approvedOn
            self.approvedBy = approvedBy
        }
    }

    /// The change recorded and the version it made.
    package struct ChangeKeyLinesOfEnquiryResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The change.
        package var change: KeyLinesOfEnquiryChange
        /// The new version in force.
        package var version: TermsOfReferenceVersion

        package init(caseReference: CaseReference, change: KeyLinesOfEnquiryChange, version: TermsOfReferenceVersion) {
            self.caseReference = caseReference
            self.change = change
            self.version = version
        }
    }
}
