import RPC
import WorkingDays

// MARK: - Parallel processes and the police liaison with the SIO and the CPS (§5.6, §6.2.3)

extension ReviewManagementAPI {
    /// A process running beside the review (§5.6.1).
    package enum ParallelProcessKind: String, WireEnum {
        /// A criminal investigation or proceedings.
        case criminalProceedings
        /// A coroner's inquest.
        case inquest
        /// A Domestic Homicide Review.
        case domesticHomicideReview
        /// A Safeguarding Adults Review.
        case safeguardingAdultsReview
        /// A MAPPA serious case review.
        case mappaReview
        /// An agency's or professional body's disciplinary procedure.
        case disciplinary
        /// An agency's serious incident investigation.
        case seriousIncident
        /// Another formal review or investigation (described).
        case other
    }

    /// Where a parallel process stands.
    package enum ParallelProcessStatus: String, WireEnum {
        /// Under way.
        case ongoing
        /// Paused or adjourned.
        case paused
        /// Finished.
        case concluded
    }

    /// Who the liaison was with (§6.2.3: the police representative liaises with the SIO and the CPS).
    package enum LiaisonParty: String, WireEnum {
        /// The Senior Investigating Officer.
        case seniorInvestigatingOfficer
        /// The Crown Prosecution Service.
        case crownProsecutionService
        /// The family liaison officer.
        case familyLiaison
        /// Someone else (named in the note).
        case other
    }

    /// One dated note of liaison about a parallel process.
    package struct LiaisonNote: Sendable, Equatable, Codable {
        /// When the liaison took place.
        package var heldOn: CivilDate
        /// With whom.
        package var with: LiaisonParty
        /// What was agreed or learned.
        package var note: String

        package init(heldOn: CivilDate, with: LiaisonParty, note: String) {
            self.heldOn = heldOn
            self.with = with
            self.note = note
        }
    }

    /// `RecordParallelProcess`'s request: registers a process (no `process`), or records a
    /// process's new status and a liaison note (`process` set).
    package struct RecordParallelProcessRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The process updated; absent to register a new one.
        package var process: Int?
        /// The kind; required to register, refused on an update.
        package var kind: ParallelProcessKind?
        /// What it is and who runs it; required to register.
        package var description: String?
        /// Where it stands now.
        package var status: ParallelProcessStatus
        /// A liaison note, if any.
        package var liaison: LiaisonNote?

        package init(
            caseReference: CaseReference, process: Int? = nil, kind: ParallelProcessKind? = nil, description: String? = nil,
            status: ParallelProcessStatus, liaison: LiaisonNote? = nil
        ) {
            self.caseReference = caseReference
            self.process = process
            self.kind = kind
            self.description = description
            self.status = status
            self.liaison = liaison
        }
    }

    /// One recorded step of a parallel process: its status then, and a liaison note.
    package struct ParallelProcessUpdate: Sendable, Equatable, Codable {
        /// Where it stood.
        package var status: ParallelProcessStatus
        /// The liaison note recorded with it.
        package var liaison: LiaisonNote?
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(status: ParallelProcessStatus, liaison: LiaisonNote?, recordedOn: CivilDate, recordedBy: String) {
            self.status = status
            self.liaison = liaison
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// A parallel process in the register, with every update (the first is its registration).
    package struct ParallelProcess: Sendable, Equatable, Codable {
        /// 1, 2, ... within the review.
        package var number: Int
        /// The kind.
        package var kind: ParallelProcessKind
        /// What it is and who runs it.
        package var description: String
        /// Where it stands now: the latest update's status.
        package var status: ParallelProcessStatus
        /// Every update, oldest first.
        package var updates: [ParallelProcessUpdate]

        package init(number: Int, kind: ParallelProcessKind, description: String, status: ParallelProcessStatus, updates: [ParallelProcessUpdate]) {
            self.number = number
            self.kind = kind
            self.description = description
            self.status = status
            self.updates = updates
        }
    }

    /// The process as it now stands.
    package struct RecordParallelProcessResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The process with every update.
        package var process: ParallelProcess

        package init(caseReference: CaseReference, process: ParallelProcess) {
            self.caseReference = caseReference
            self.process = process
        }
    }
}
