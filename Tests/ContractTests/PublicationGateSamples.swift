import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the anonymisation gate (P4, V10), the publication plan and
/// holds (P3) and the archive step (T10), every field filled.
extension Samples {
    static let disclosureCheck = PublicationAPI.DisclosureCheck(
        number: 2, reportVersion: 2, checkedOn: date("2025-09-12"), checkedBy: "Pub.Comms",
        findings: [
            .init(kind: .name, whose: "mother", foundBy: "intake", section: "whatHappened", offset: 28, length: 21, line: 2),
            .init(kind: .genogram, foundBy: "publication", section: "otherSections[0].title", offset: 0, length: 8, line: 1),
            .init(kind: .reviewerNotNamed, whose: "lead reviewer", foundBy: "publication"),
        ])

    static let checkReportForDisclosure = Pair(
        request: PublicationAPI.CheckReportForDisclosureRequest(caseReference: reference, reportVersion: 2),
        response: PublicationAPI.CheckReportForDisclosureResponse(caseReference: reference, check: disclosureCheck))

    static let anonymisationSignOff = PublicationAPI.AnonymisationSignOff(
        number: 1, reportVersion: 2, checkNumber: 3, signedOffBy: "Fictional Signer", role: "Partnership business manager",
        signedOffOn: date("2025-09-15"), recordedBy: "Pub.Comms")

    static let signOffAnonymisation = Pair(
        request: PublicationAPI.SignOffAnonymisationRequest(
            caseReference: reference, reportVersion: 2, signedOffBy: "Fictional Signer", role: "Partnership business manager",
            signedOffOn: date("2025-09-15")),
        response: PublicationAPI.SignOffAnonymisationResponse(caseReference: reference, signOff: anonymisationSignOff))

    static let reportRevision = PublicationAPI.ReportRevision(
        reportVersion: 2, sections: reportSections, reason: "Fictional: a pseudonym replaces a name", revisedOn: date("2025-09-12"),
        recordedBy: "Pub.Comms")

    static let reviseReport = Pair(
        request: PublicationAPI.ReviseReportRequest(
            caseReference: reference, sections: reportSections, reason: "Fictional: a pseudonym replaces a name"),
        response: PublicationAPI.ReviseReportResponse(
            caseReference: reference, revision: reportRevision, advanceCopiesMissing: [.nationalPanel, .ofsted, .secretaryOfState]))

    static let publicationPlan = PublicationAPI.PublicationPlan(
        version: 2, familyConsultedOn: date("2025-09-16"), familyWishes: "Fictional: not before the anniversary",
        familyArrangements: "Fictional: the family liaison officer visits the day before",
        practitionersInformed: "Senior managers brief frontline staff the week before", mediaContact: "Partnership communications lead",
        strategicLeads: ["Police strategic lead", "Children's Services press lead"], recordedOn: date("2025-09-17"), recordedBy: "Pub.Comms")

    static let recordPublicationPlan = Pair(
        request: PublicationAPI.RecordPublicationPlanRequest(
            caseReference: reference, familyConsultedOn: date("2025-09-16"), familyWishes: "Fictional: not before the anniversary",
            familyArrangements: "Fictional: the family liaison officer visits the day before",
            practitionersInformed: "Senior managers brief frontline staff the week before", mediaContact: "Partnership communications lead",
            strategicLeads: ["Police strategic lead", "Children's Services press lead"]),
        response: PublicationAPI.RecordPublicationPlanResponse(caseReference: reference, plan: publicationPlan))

    static let publicationHold = PublicationAPI.PublicationHold(
        number: 1, proceedings: .inquest, reason: "Fictional: the inquest listed for November", requestedBy: "Coroner's officer",
        heldOn: date("2025-09-18"), reviewOn: date("2025-11-03"), recordedBy: "Pub.Comms")

    static let recordPublicationHold = Pair(
        request: PublicationAPI.RecordPublicationHoldRequest(
            caseReference: reference, proceedings: .inquest, reason: "Fictional: the inquest listed for November", requestedBy: "Coroner's officer",
            heldOn: date("2025-09-18"), reviewOn: date("2025-11-03")),
        response: PublicationAPI.RecordPublicationHoldResponse(caseReference: reference, hold: publicationHold))

    static let publicationHoldRelease = PublicationAPI.PublicationHoldRelease(
        holdNumber: 1, releasedOn: date("2025-11-03"), reason: "Fictional: the inquest concluded", recordedBy: "Pub.Comms")

    static let releasePublicationHold = Pair(
        request: PublicationAPI.ReleasePublicationHoldRequest(
            caseReference: reference, holdNumber: 1, releasedOn: date("2025-11-03"), reason: "Fictional: the inquest concluded"),
        response: PublicationAPI.ReleasePublicationHoldResponse(caseReference: reference, release: publicationHoldRelease, holdsStanding: [2]))

    static let archiveRecord = PublicationAPI.ArchiveRecord(
        archivedOn: date("2026-10-01"), availableOnRequestFrom: "the Partnership Board's business unit", recordedBy: "Pub.Comms")

    static let recordArchived = Pair(
        request: PublicationAPI.RecordArchivedRequest(
            caseReference: reference, archivedOn: date("2026-10-01"), availableOnRequestFrom: "the Partnership Board's business unit"),
        response: PublicationAPI.RecordArchivedResponse(
            caseReference: reference, archived: archiveRecord,
            deadlines: [Deadline(rule: .t10, due: date("2026-10-01"), status: .met, metOn: date("2026-10-01"), ruleSet: .surrey2019)]))

    /// GetPublication with the gate and the plan shown.
    static let publicationWithGateAndPlan: PublicationAPI.Publication = {
        var publication = Samples.publication
        publication.anonymisation = .init(
            revisions: [reportRevision], checks: [disclosureCheck], signOffs: [anonymisationSignOff], passed: true)
        publication.planning = .init(
            plans: [publicationPlan], holds: [publicationHold], releases: [publicationHoldRelease], holdsStanding: [],
            nextHoldReview: date("2025-11-03"), archived: archiveRecord)
        return publication
    }()
}
