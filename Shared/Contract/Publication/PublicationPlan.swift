import WorkingDays

// The publication plan (P3, §10.2-10.4), holds for parallel proceedings, and the archive step (T10).
extension PublicationAPI {
    /// `RecordPublicationPlan`: the plan for publishing and managing its impact. Each record is
    /// a new version of the plan; every version is kept. People are named by their role only.
    package struct RecordPublicationPlanRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// When the family was consulted about the publication arrangements (§10.3.2); absent
        /// while they have not been.
        package var familyConsultedOn: CivilDate?
        /// The family's wishes about publication, as they gave them (P3); needed once consulted.
        package var familyWishes: String?
        /// How the wishes are considered and the steps to minimise distress (§10.3.2).
        package var familyArrangements: String?
        /// How practitioners are informed of the date and supported (§10.3.3).
        package var practitionersInformed: String
        /// The central point of contact for media enquiries, by role (§10.4.1).
        package var mediaContact: String
        /// The strategic and press leads of the agencies involved, by role (§10.2.1).
        package var strategicLeads: [String]
        package init(
            caseReference: CaseReference, familyConsultedOn: CivilDate? = nil, familyWishes: String? = nil, familyArrangements: String? = nil,
            practitionersInformed: String, mediaContact: String, strategicLeads: [String]
        ) {
            self.caseReference = caseReference
            self.familyConsultedOn = familyConsultedOn
            self.familyWishes = familyWishes
            self.familyArrangements = familyArrangements
            self.practitionersInformed = practitionersInformed
            self.mediaContact = mediaContact
            self.strategicLeads = strategicLeads
        }
    }

    /// One version of the publication plan, as recorded.
    package struct PublicationPlan: Sendable, Equatable, Codable {
        /// Its version, from 1: the latest is in force.
        package var version: Int
        /// When the family was consulted, if they have been.
        package var familyConsultedOn: CivilDate?
        /// The family's wishes (P3).
        package var familyWishes: String?
        /// How they are considered.
        package var familyArrangements: String?
        /// How practitioners are informed.
        package var practitionersInformed: String
        /// The media contact, by role.
        package var mediaContact: String
        /// The strategic leads, by role.
        package var strategicLeads: [String]
        /// When recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String
        package init(
            version: Int, familyConsultedOn: CivilDate?, familyWishes: String?, familyArrangements: String?, practitionersInformed: String,
            mediaContact: String, strategicLeads: [String], recordedOn: CivilDate, recordedBy: String
        ) {
            self.version = version
            self.familyConsultedOn = familyConsultedOn
            self.familyWishes = familyWishes
            self.familyArrangements = familyArrangements
            self.practitionersInformed = practitionersInformed
            self.mediaContact = mediaContact
            self.strategicLeads = strategicLeads
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// `RecordPublicationPlan`'s answer: the version recorded.
    package struct RecordPublicationPlanResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The plan as recorded.
        package var plan: PublicationPlan
        package init(caseReference: CaseReference, plan: PublicationPlan) {
            self.caseReference = caseReference
            self.plan = plan
        }
    }

    /// Proceedings running alongside that publication waits for.
    package enum ParallelProceedings: String, WireEnum {
        /// A criminal trial.
        case trial
        /// A coroner's inquest.
        case inquest
        /// Other proceedings (family court, a disciplinary hearing...): say which in `reason`.
        case other
    }

    /// `RecordPublicationHold`: publication waits for parallel proceedings, to be reviewed on a date.
    package struct RecordPublicationHoldRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// What it waits for.
        package var proceedings: ParallelProceedings
        /// Why, without names (e.g. "the Crown Court trial listed for March").
        package var reason: String
        /// Who asked for it, by role (e.g. "Senior Investigating Officer").
        package var requestedBy: String
        /// When it was agreed.
        package var heldOn: CivilDate
        /// When it is to be reviewed.
        package var reviewOn: CivilDate
        package init(
            caseReference: CaseReference, proceedings: ParallelProceedings, reason: String, requestedBy: String, heldOn: CivilDate,
            reviewOn: CivilDate
        ) {
            self.caseReference = caseReference
            self.proceedings = proceedings
            self.reason = reason
            self.requestedBy = requestedBy
            self.heldOn = heldOn
            self.reviewOn = reviewOn
        }
    }

    /// A hold as recorded; `releasedOn` once released.
    package struct PublicationHold: Sendable, Equatable, Codable {
        /// Its number on the case, from 1.
        package var number: Int
        /// What it waits for.
        package var proceedings: ParallelProceedings
        /// Why.
        package var reason: String
        /// Who asked for it, by role.
        package var requestedBy: String
        /// When it was agreed.
        package var heldOn: CivilDate
        /// When it is to be reviewed.
        package var reviewOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String
        package init(
            number: Int, proceedings: ParallelProceedings, reason: String, requestedBy: String, heldOn: CivilDate, reviewOn: CivilDate,
            recordedBy: String
        ) {
            self.number = number
            self.proceedings = proceedings
            self.reason = reason
            self.requestedBy = requestedBy
            self.heldOn = heldOn
            self.reviewOn = reviewOn
            self.recordedBy = recordedBy
        }
    }

    /// `RecordPublicationHold`'s answer.
    package struct RecordPublicationHoldResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The hold as recorded.
        package var hold: PublicationHold
        package init(caseReference: CaseReference, hold: PublicationHold) {
            self.caseReference = caseReference
            self.hold = hold
        }
    }

    /// `ReleasePublicationHold`: the proceedings no longer hold publication.
    package struct ReleasePublicationHoldRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The hold's number.
        package var holdNumber: Int
        /// When it was released.
        package var releasedOn: CivilDate
        /// Why (e.g. "the trial concluded").
        package var reason: String
        package init(caseReference: CaseReference, holdNumber: Int, releasedOn: CivilDate, reason: String) {
            self.caseReference = caseReference
            self.holdNumber = holdNumber
            self.releasedOn = releasedOn
            self.reason = reason
        }
    }

    /// A release as recorded.
    package struct PublicationHoldRelease: Sendable, Equatable, Codable {
        /// The hold released.
        package var holdNumber: Int
        /// When.
        package var releasedOn: CivilDate
        /// Why.
        package var reason: String
        /// Who recorded it.
        package var recordedBy: String
        package init(holdNumber: Int, releasedOn: CivilDate, reason: String, recordedBy: String) {
            self.holdNumber = holdNumber
            self.releasedOn = releasedOn
            self.reason = reason
            self.recordedBy = recordedBy
        }
    }

    /// `ReleasePublicationHold`'s answer: the release, and the holds still standing.
    package struct ReleasePublicationHoldResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The release as recorded.
        package var release: PublicationHoldRelease
        /// The numbers of the holds still standing.
        package var holdsStanding: [Int]
        package init(caseReference: CaseReference, release: PublicationHoldRelease, holdsStanding: [Int]) {
            self.caseReference = caseReference
            self.release = release
            self.holdsStanding = holdsStanding
        }
    }

    /// `RecordArchived`: the report, published over a year ago, archived and available on
    /// request (T10, §10.5.2).
    package struct RecordArchivedRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// When it was archived.
        package var archivedOn: CivilDate
        /// Where it is available on request (e.g. "the Safeguarding Partnership Board's business unit").
        package var availableOnRequestFrom: String
        package init(caseReference: CaseReference, archivedOn: CivilDate, availableOnRequestFrom: String) {
            self.caseReference = caseReference
            self.archivedOn = archivedOn
            self.availableOnRequestFrom = availableOnRequestFrom
        }
    }

    /// The archive step as recorded.
    package struct ArchiveRecord: Sendable, Equatable, Codable {
        /// When.
        package var archivedOn: CivilDate
        /// Where it is available on request.
        package var availableOnRequestFrom: String
        /// Who recorded it.
        package var recordedBy: String
        package init(archivedOn: CivilDate, availableOnRequestFrom: String, recordedBy: String) {
            self.archivedOn = archivedOn
            self.availableOnRequestFrom = availableOnRequestFrom
            self.recordedBy = recordedBy
        }
    }

    /// `RecordArchived`'s answer: the record and the deadlines (T10 met).
    package struct RecordArchivedResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The record.
        package var archived: ArchiveRecord
        /// The deadlines that apply now.
        package var deadlines: [Deadline]
        package init(caseReference: CaseReference, archived: ArchiveRecord, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.archived = archived
            self.deadlines = deadlines
        }
    }
}
