import Contract
import WorkingDays

/// The publication plan (P3, §10.2-10.4), the holds for parallel proceedings and the archive
/// step (T10, §10.5.2).
extension Publication {
    /// A version of the plan (P3): the family's wishes once they were consulted, how
    /// practitioners are informed, the media contact and the strategic leads, by role. Dates
    /// between the board's approval (P1: planning starts then) and today.
    func recordingPlan(_ request: PublicationAPI.RecordPublicationPlanRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.PublicationPlan
    {
        let wishes = Self.trimmed(request.familyWishes)
        if let consulted = request.familyConsultedOn {
            guard consulted >= preparation.approvedOn, consulted <= clock.today else {
                throw .invalidField(
                    path: "familyConsultedOn", rule: .p1,
                    problem: "\(consulted) is not between the board's approval (\(preparation.approvedOn)) and today (\(clock.today))")
            }
            guard wishes != nil else {
                throw .invalidField(path: "familyWishes", rule: .p3, problem: "record the family's wishes about publication, as they gave them")
            }
        } else if wishes != nil {
            throw .invalidField(path: "familyConsultedOn", rule: .p3, problem: "say when the family was consulted")
        }
        guard let practitioners = Self.trimmed(request.practitionersInformed) else {
            throw .invalidField(path: "practitionersInformed", rule: .p3, problem: "say how practitioners are informed and supported (§10.3.3)")
        }
        guard let media = Self.trimmed(request.mediaContact) else {
            throw .invalidField(path: "mediaContact", rule: .p3, problem: "name the central point of contact for media enquiries by role (§10.4.1)")
        }
        let leads = request.strategicLeads.compactMap { Self.trimmed($0) }
        guard !leads.isEmpty, leads.count == request.strategicLeads.count else {
            throw .invalidField(path: "strategicLeads", rule: .p3, problem: "list the agencies' strategic and press leads by role (§10.2.1)")
        }
        return PublicationAPI.PublicationPlan(
            version: plans.count + 1, familyConsultedOn: request.familyConsultedOn, familyWishes: wishes,
            familyArrangements: Self.trimmed(request.familyArrangements), practitionersInformed: practitioners, mediaContact: media,
            strategicLeads: leads, recordedOn: clock.today, recordedBy: principal)
    }

    /// The holds not released, oldest first.
    var holdsStanding: [PublicationAPI.PublicationHold] {
        let released = Set(holdReleases.map(\.holdNumber))
        return holds.filter { !released.contains($0.number) }
    }

    /// A hold for parallel proceedings: before publication, agreed between the approval and
    /// today, to be reviewed after it was agreed.
    func recordingHold(_ request: PublicationAPI.RecordPublicationHoldRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.PublicationHold
    {
        if let published {
            throw .outOfOrder(
                rule: .t10, problem: "\(AdvanceCopyRule.name(published.document, published.reportVersion)) was published on \(published.publishedOn)")
        }
        guard let reason = Self.trimmed(request.reason) else {
            throw .invalidField(path: "reason", rule: .p3, problem: "say what the proceedings are, without names")
        }
        guard let requestedBy = Self.trimmed(request.requestedBy) else {
            throw .invalidField(path: "requestedBy", rule: .p3, problem: "say who asked for the hold, by role")
        }
        guard request.heldOn >= preparation.approvedOn, request.heldOn <= clock.today else {
            throw .invalidField(
                path: "heldOn", rule: .p1,
                problem: "\(request.heldOn) is not between the board's approval (\(preparation.approvedOn)) and today (\(clock.today))")
        }
        guard request.reviewOn > request.heldOn else {
            throw .invalidField(path: "reviewOn", rule: .p3, problem: "\(request.reviewOn) is not after the hold (\(request.heldOn))")
        }
        return PublicationAPI.PublicationHold(
            number: holds.count + 1, proceedings: request.proceedings, reason: reason, requestedBy: requestedBy, heldOn: request.heldOn,
            reviewOn: request.reviewOn, recordedBy: principal)
    }

    /// A hold released: one standing, on a day between the hold and today, with the reason.
    func releasingHold(_ request: PublicationAPI.ReleasePublicationHoldRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.PublicationHoldRelease
    {
        guard let hold = holds.first(where: { $0.number == request.holdNumber }) else {
            throw .invalidField(path: "holdNumber", rule: .p3, problem: "there is no hold \(request.holdNumber)")
        }
        if let release = holdReleases.first(where: { $0.holdNumber == hold.number }) {
            throw .outOfOrder(rule: .p3, problem: "hold \(hold.number) was released on \(release.releasedOn)")
        }
        guard request.releasedOn >= hold.heldOn, request.releasedOn <= clock.today else {
            throw .invalidField(
                path: "releasedOn", rule: .p3, problem: "\(request.releasedOn) is not between the hold (\(hold.heldOn)) and today (\(clock.today))")
        }
        guard let reason = Self.trimmed(request.reason) else {
            throw .invalidField(path: "reason", rule: .p3, problem: "say why the hold is released")
        }
        return PublicationAPI.PublicationHoldRelease(holdNumber: hold.number, releasedOn: request.releasedOn, reason: reason, recordedBy: principal)
    }

    /// Refuses scheduling or publishing while a hold stands, naming it and its review date.
    func checkNoHoldStanding() throws(PublicationError) {
        guard let hold = holdsStanding.first else { return }
        throw .outOfOrder(
            rule: .p3,
            problem: "publication is held for \(Self.words(hold.proceedings)) (hold \(hold.number), to be reviewed on \(hold.reviewOn)); "
                + "ReleasePublicationHold first")
    }

    /// The archive step (T10): once published, not before the year it stays available has
    /// passed, not after today, once; with where it is available on request.
    func recordingArchived(_ request: PublicationAPI.RecordArchivedRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.ArchiveRecord
    {
        guard let published else {
            throw .outOfOrder(rule: .t10, problem: "nothing is published yet; a report is archived a year after publication (RecordPublished first)")
        }
        if let archived { throw .outOfOrder(rule: .t10, problem: "the report was archived on \(archived.archivedOn)") }
        guard request.archivedOn <= clock.today else {
            throw .invalidField(path: "archivedOn", rule: .t10, problem: "\(request.archivedOn) is after today (\(clock.today))")
        }
        if let due = Timescales.rule(.t10, ruleSet).due(from: published.publishedOn, calendar: clock.calendar), request.archivedOn < due {
            throw .outOfOrder(
                rule: .t10,
                problem: "published on \(published.publishedOn), it stays available for at least a year: not archived before \(due)")
        }
        guard let from = Self.trimmed(request.availableOnRequestFrom) else {
            throw .invalidField(path: "availableOnRequestFrom", rule: .t10, problem: "say where the archived report is available on request")
        }
        return PublicationAPI.ArchiveRecord(archivedOn: request.archivedOn, availableOnRequestFrom: from, recordedBy: principal)
    }

    /// The plan's, the holds' and the archive's steps, as milestones (events and dates only).
    /// A hold's review date is not a deadline: no timescale of the framework sets it (README).
    var planMilestones: [Milestone] {
        plans.map { Milestone(event: "publicationPlanRecorded", date: $0.recordedOn) }
            + holds.map { Milestone(event: "publicationHeld", date: $0.heldOn) }
            + holdReleases.map { Milestone(event: "publicationHoldReleased", date: $0.releasedOn) }
    }

    /// The plan, holds and archive as `GetPublication` shows them.
    var planningView: PublicationAPI.PublicationPlanningView {
        let standing = holdsStanding
        return PublicationAPI.PublicationPlanningView(
            plans: plans, holds: holds, releases: holdReleases, holdsStanding: standing.map(\.number),
            nextHoldReview: standing.map(\.reviewOn).min(), archived: archived)
    }

    /// The proceedings as a refusal names them.
    static func words(_ proceedings: PublicationAPI.ParallelProceedings) -> String {
        switch proceedings {
        case .trial: "a trial"
        case .inquest: "an inquest"
        case .other: "other proceedings"
        }
    }

    /// The text with its ends trimmed, or nil when nothing is left.
    static func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
