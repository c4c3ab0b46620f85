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
        caseReference: reference, state: .published, stage: .publication, preparation: preparePublication.request, preparedOn: date("2025-09-11"),
        reportVersion: 1,
        advanceCopies: [
            .init(number: 1, recipient: .nationalPanel, reportVersion: 1, sentOn: date("2025-09-15"), recordedBy: "Pub.Comms"),
            .init(number: 2, recipient: .ofsted, reportVersion: 1, sentOn: date("2025-09-15"), recordedBy: "Pub.Comms"),
        ], earliestPublicationDate: nil, advanceCopiesMissing: [.secretaryOfState], schedules: [publicationSchedule], published: publishedReport,
        repositorySubmissions: [repositorySubmission], delayNotices: [publicationDelayNotice],
        milestones: [
            Milestone(event: "publicationPrepared", date: date("2025-09-11")), Milestone(event: "advanceCopySent", date: date("2025-09-15")),
        ],
        deadlines: [t10Deadline])

    static let publicationSchedule = PublicationAPI.PublicationSchedule(
        number: 1, reportVersion: 1, publicationDate: date("2025-10-01"), address: "https://testshire.example/cspr/TESTSHIRE-2025-0007",
        scheduledOn: date("2025-09-23"), recordedBy: "Pub.Comms")

    static let publishedReport = PublicationAPI.PublishedReport(
        reportVersion: 1, publishedOn: date("2025-10-01"), address: "https://testshire.example/cspr/TESTSHIRE-2025-0007", recordedBy: "Pub.Comms")

    static let repositorySubmission = PublicationAPI.RepositorySubmission(
        number: 2, repository: "mailto:information@nspcc.org.uk", submittedOn: date("2025-10-02"),
        acknowledgedOn: date("2025-10-06"), recordedBy: "Pub.Comms")

    static let publicationDelayNotice = ReviewManagementAPI.DelayNotice(
        number: 1, nationalPanelInformedOn: date("2025-09-24"), secretaryOfStateInformedOn: date("2025-09-25"), reason: "Fictional: a trial",
        recordedOn: date("2025-09-25"), recordedBy: "Pub.Comms")

    static let t10Deadline = Deadline(
        rule: .t10, subject: "archived after a year, then available on request", due: date("2026-10-01"), status: .open, ruleSet: .surrey2019)

    static let t8Deadline = Deadline(
        rule: .t8, subject: "National Panel and Secretary of State informed of a publication after six months", due: date("2025-09-23"),
        status: .met, metOn: date("2025-09-25"), ruleSet: .surrey2019)

    static let schedulePublication = Pair(
        request: PublicationAPI.SchedulePublicationRequest(
            caseReference: reference, publicationDate: date("2025-10-01"), address: "https://testshire.example/cspr/TESTSHIRE-2025-0007"),
        response: PublicationAPI.SchedulePublicationResponse(caseReference: reference, schedule: publicationSchedule, deadlines: [t8Deadline]))

    static let recordPublished = Pair(
        request: PublicationAPI.RecordPublishedRequest(
            caseReference: reference, publishedOn: date("2025-10-01"), address: "https://testshire.example/cspr/TESTSHIRE-2025-0007"),
        response: PublicationAPI.RecordPublishedResponse(caseReference: reference, published: publishedReport, deadlines: [t10Deadline]))

    static let recordRepositorySubmission = Pair(
        request: PublicationAPI.RecordRepositorySubmissionRequest(
            caseReference: reference, submittedOn: date("2025-10-02"), acknowledgedOn: date("2025-10-06")),
        response: PublicationAPI.RecordRepositorySubmissionResponse(caseReference: reference, submission: repositorySubmission))

    static let publicationRecordDelayNotice = Pair(
        request: ReviewManagementAPI.RecordDelayNoticeRequest(
            caseReference: reference, nationalPanelInformedOn: date("2025-09-24"), secretaryOfStateInformedOn: date("2025-09-25"),
            reason: "Fictional: a trial"),
        response: PublicationAPI.RecordDelayNoticeResponse(caseReference: reference, notice: publicationDelayNotice, deadlines: [t8Deadline]))

    static let listPublications = Pair(
        request: PublicationAPI.ListPublicationsRequest(pageSize: 100, offset: 200),
        response: PublicationAPI.ListPublicationsResponse(
            publications: [
                .init(
                    caseReference: reference, state: .planning, stage: .publication, reportVersion: 1, earliestPublicationDate: date("2025-10-01"),
                    nextDeadline: nil, overdue: false)
            ], total: 201))

    static let notPublishingDecision = PublicationAPI.NotPublishingDecision(
        decidedOn: date("2025-09-20"), reasons: "Fictional: the child's siblings would be identified",
        decidedBy: "Fictional: the three safeguarding partners", caseReviewPanelAgreed: true, recordedBy: "Pub.Comms")

    static let decideNotToPublish = Pair(
        request: PublicationAPI.DecideNotToPublishRequest(
            caseReference: reference, decidedOn: date("2025-09-20"), reasons: "Fictional: the child's siblings would be identified",
            decidedBy: "Fictional: the three safeguarding partners", caseReviewPanelAgreed: true),
        response: PublicationAPI.DecideNotToPublishResponse(caseReference: reference, decision: notPublishingDecision, state: .notPublishingReport))

    /// `GetPublication` after a decision not to publish: the information about improvements published instead.
    static let publicationOfImprovements: PublicationAPI.Publication = {
        var publication = Samples.publication
        publication.notPublishingDecision = notPublishingDecision
        publication.document = .improvementsInformation
        publication.advanceCopies.append(
            .init(
                number: 3, recipient: .ofsted, reportVersion: 1, sentOn: date("2025-09-22"), recordedBy: "Pub.Comms",
                document: .improvementsInformation))
        publication.published?.document = .improvementsInformation
        return publication
    }()
}
