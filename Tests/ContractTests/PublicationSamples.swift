import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the publication service's messages, every field filled.
extension Samples {
    static let advanceCopy = PublicationAPI.AdvanceCopy(
        number: 3, recipient: .secretaryOfState, reportVersion: 1, sentOn: date("2025-09-22"), recordedBy: "Pub.Comms")

    static let recordAdvanceCopy = Pair(
        request: PublicationAPI.RecordAdvanceCopyRequest(
            caseReference: reference, recipient: .secretaryOfState, reportVersion: 1, sentOn: date("2025-09-22")),
        response: PublicationAPI.RecordAdvanceCopyResponse(
            caseReference: reference, copy: advanceCopy, earliestPublicationDate: date("2025-10-01"), advanceCopiesMissing: []))

    static let publication = PublicationAPI.Publication(
        caseReference: reference, state: .planning, stage: .publication, preparation: preparePublication.request, preparedOn: date("2025-09-11"),
        reportVersion: 1,
        advanceCopies: [
            .init(number: 1, recipient: .nationalPanel, reportVersion: 1, sentOn: date("2025-09-15"), recordedBy: "Pub.Comms"),
            .init(number: 2, recipient: .ofsted, reportVersion: 1, sentOn: date("2025-09-15"), recordedBy: "Pub.Comms"),
        ], earliestPublicationDate: nil, advanceCopiesMissing: [.secretaryOfState],
        milestones: [
            Milestone(event: "publicationPrepared", date: date("2025-09-11")), Milestone(event: "advanceCopySent", date: date("2025-09-15")),
        ],
        deadlines: [])

    static let listPublications = Pair(
        request: PublicationAPI.ListPublicationsRequest(pageSize: 100, offset: 200),
        response: PublicationAPI.ListPublicationsResponse(
            publications: [
                .init(
                    caseReference: reference, state: .planning, stage: .publication, reportVersion: 1, earliestPublicationDate: date("2025-10-01"),
                    nextDeadline: nil, overdue: false)
            ], total: 201))
}
