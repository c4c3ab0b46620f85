import RPC
import WorkingDays

// MARK: - Initial scoping: the requests and the returns (§4.3, Appendices 3-4; T2, T3)

extension IntakeAPI {
    /// The form a rendered letter is in.
    package enum LetterFormat: String, WireEnum {
        case text
        case markdown

        /// The text a bad value is refused with (pinned by tests and clients).
        package static let expectedValues = "expected text or markdown"
    }

    /// One agency to ask for initial scoping.
    package struct ScopingRequestDraft: Sendable, Equatable, Codable {
        package var agency: Agency
        /// The agency's safeguarding lead, to whom the letter is addressed.
        package var contact: Contact
        /// When the form and letter go (T2: within 2 working days of the referral).
        package var dateSent: CivilDate
        package init(agency: Agency, contact: Contact, dateSent: CivilDate) {
            self.agency = agency
            self.contact = contact
            self.dateSent = dateSent
        }
    }

    /// `SendScopingRequests`' request.
    package struct SendScopingRequestsRequest: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var requests: [ScopingRequestDraft]
        /// Text (default) or Markdown.
        package var letterFormat: LetterFormat?
        /// Who signs the letters, e.g. "Partnership Support Team".
        package var signatory: String?
        /// Who to contact with questions: name and telephone, written into the letter.
        package var queriesContact: String?
        package init(
            caseReference: CaseReference, requests: [ScopingRequestDraft], letterFormat: LetterFormat? = nil, signatory: String? = nil,
            queriesContact: String? = nil
        ) {
            self.caseReference = caseReference
            self.requests = requests
            self.letterFormat = letterFormat
            self.signatory = signatory
            self.queriesContact = queriesContact
        }
    }

    /// An Appendix 4 letter, filled in.
    package struct ScopingLetter: Sendable, Equatable, Codable {
        /// The agency it goes to.
        package var agency: String
        /// The letter.
        package var text: String
        package init(agency: String, text: String) {
            self.agency = agency
            self.text = text
        }
    }

    /// The requests as recorded (return date, late or not), their letters and T2.
    package struct SendScopingRequestsResponse: Sendable, Equatable, Codable {
        package var requests: [ScopingRequest]
        package var letters: [ScopingLetter]
        package var deadlines: [Deadline]
        package init(requests: [ScopingRequest], letters: [ScopingLetter], deadlines: [Deadline]) {
            self.requests = requests
            self.letters = letters
            self.deadlines = deadlines
        }
    }

    /// `RecordScopingReturn`'s request.
    package struct RecordScopingReturnRequest: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var scopingReturn: ScopingReturn
        package init(caseReference: CaseReference, scopingReturn: ScopingReturn) {
            self.caseReference = caseReference
            self.scopingReturn = scopingReturn
        }
    }

    /// Whether the return was late (T3), and which agencies are still to return.
    package struct RecordScopingReturnResponse: Sendable, Equatable, Codable {
        package var returnedLate: Bool
        package var deadline: Deadline
        /// Agencies asked that have not returned yet.
        package var outstanding: [String]
        package init(returnedLate: Bool, deadline: Deadline, outstanding: [String]) {
            self.returnedLate = returnedLate
            self.deadline = deadline
            self.outstanding = outstanding
        }
    }
}
