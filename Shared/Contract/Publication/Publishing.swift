import WorkingDays

extension PublicationAPI {
    /// `SchedulePublication`: the date and the address the report is to be published at.
    package struct SchedulePublicationRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The publication date: at least 7 working days after the latest advance copy (T9).
        package var publicationDate: CivilDate
        /// The web address it will be published at (http or https).
        package var address: String
        package init(caseReference: CaseReference, publicationDate: CivilDate, address: String) {
            self.caseReference = caseReference
            self.publicationDate = publicationDate
            self.address = address
        }
    }

    /// A publication date and address as scheduled; a later one replaces it, both kept.
    package struct PublicationSchedule: Sendable, Equatable, Codable {
        /// Its number on the case, from 1.
        package var number: Int
        /// The report version to be published.
        package var reportVersion: Int
        /// The publication date.
        package var publicationDate: CivilDate
        /// Where it will be published.
        package var address: String
        /// When it was scheduled.
        package var scheduledOn: CivilDate
        /// Who scheduled it.
        package var recordedBy: String
        /// What is to be published: the report, or the information about improvements (P2).
        package var document: PublicationDocument
        package init(
            number: Int, reportVersion: Int, publicationDate: CivilDate, address: String, scheduledOn: CivilDate, recordedBy: String,
            document: PublicationDocument = .report
        ) {
            self.document = document
            self.number = number
            self.reportVersion = reportVersion
            self.publicationDate = publicationDate
            self.address = address
            self.scheduledOn = scheduledOn
            self.recordedBy = recordedBy
        }
    }

    /// `SchedulePublication`'s answer: the schedule and the deadlines it sets.
    package struct SchedulePublicationResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The schedule as recorded.
        package var schedule: PublicationSchedule
        /// The deadlines that apply now (T8 when the date passes T7's due date with no notice).
        package var deadlines: [Deadline]
        package init(caseReference: CaseReference, schedule: PublicationSchedule, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.schedule = schedule
            self.deadlines = deadlines
        }
    }

    /// `RecordPublished`: the report was published, on this date at this address (P5, T10).
    package struct RecordPublishedRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// When it was published.
        package var publishedOn: CivilDate
        /// Where (http or https).
        package var address: String
        package init(caseReference: CaseReference, publishedOn: CivilDate, address: String) {
            self.caseReference = caseReference
            self.publishedOn = publishedOn
            self.address = address
        }
    }

    /// The publication as recorded.
    package struct PublishedReport: Sendable, Equatable, Codable {
        /// The report version published.
        package var reportVersion: Int
        /// When.
        package var publishedOn: CivilDate
        /// Where.
        package var address: String
        /// Who recorded it.
        package var recordedBy: String
        /// What was published: the report, or the information about improvements (P2).
        package var document: PublicationDocument
        package init(reportVersion: Int, publishedOn: CivilDate, address: String, recordedBy: String, document: PublicationDocument = .report) {
            self.document = document
            self.reportVersion = reportVersion
            self.publishedOn = publishedOn
            self.address = address
            self.recordedBy = recordedBy
        }
    }

    /// `RecordPublished`'s answer: the publication and the deadlines that follow (T10's archive step).
    package struct RecordPublishedResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The publication as recorded.
        package var published: PublishedReport
        /// The deadlines that apply now.
        package var deadlines: [Deadline]
        package init(caseReference: CaseReference, published: PublishedReport, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.published = published
            self.deadlines = deadlines
        }
    }

    /// `RecordRepositorySubmission`: the report submitted to the NSPCC national case review
    /// repository (P5, §10.5.3), and the acknowledgement once it comes.
    package struct RecordRepositorySubmissionRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// When it was submitted.
        package var submittedOn: CivilDate
        /// When the repository acknowledged it, once it has.
        package var acknowledgedOn: CivilDate?
        package init(caseReference: CaseReference, submittedOn: CivilDate, acknowledgedOn: CivilDate? = nil) {
            self.caseReference = caseReference
            self.submittedOn = submittedOn
            self.acknowledgedOn = acknowledgedOn
        }
    }

    /// A submission to the repository as recorded; a later record (the acknowledgement) adds to it.
    package struct RepositorySubmission: Sendable, Equatable, Codable {
        /// Its number on the case, from 1.
        package var number: Int
        /// The repository's address, as configured (`CSPR_NSPCC_REPOSITORY_URL`).
        package var repository: String
        /// When it was submitted.
        package var submittedOn: CivilDate
        /// When the repository acknowledged it.
        package var acknowledgedOn: CivilDate?
        /// Who recorded it.
        package var recordedBy: String
        package init(number: Int, repository: String, submittedOn: CivilDate, acknowledgedOn: CivilDate?, recordedBy: String) {
            self.number = number
            self.repository = repository
            self.submittedOn = submittedOn
            self.acknowledgedOn = acknowledgedOn
            self.recordedBy = recordedBy
        }
    }

    /// `RecordRepositorySubmission`'s answer.
    package struct RecordRepositorySubmissionResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The submission as recorded.
        package var submission: RepositorySubmission
        package init(caseReference: CaseReference, submission: RepositorySubmission) {
            self.caseReference = caseReference
            self.submission = submission
        }
    }

    /// `RecordDelayNotice`'s answer: the notice (T8) and the deadlines that apply now.
    package struct RecordDelayNoticeResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The notice as recorded.
        package var notice: ReviewManagementAPI.DelayNotice
        /// The deadlines that apply now.
        package var deadlines: [Deadline]
        package init(caseReference: CaseReference, notice: ReviewManagementAPI.DelayNotice, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.notice = notice
            self.deadlines = deadlines
        }
    }
}
