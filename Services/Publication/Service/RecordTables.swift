import ServiceKit

/// A publication's history tables refer to its row in `publications` (ServiceKit's `CaseRecordTable`).
enum PublicationRecords: CaseRecordParent { static let table = "publications" }

/// The shape of a publication's history tables.
typealias RecordTable = CaseRecordTable<PublicationRecords>

/// A publication's history tables that the writer adds records to: handlers name a table by
/// its case here, so a misspelt name is a compile error, not a failed write at run time.
enum PublicationTable: String, CaseIterable {
    case disclosureChecks = "disclosure_checks"
    case anonymisationSignOffs = "anonymisation_sign_offs"
    case reportRevisions = "report_revisions"
    case publicationPlans = "publication_plans"
    case publicationHolds = "publication_holds"
    case publicationHoldReleases = "publication_hold_releases"
    case archivedReports = "archived_reports"
    case publicationSchedules = "publication_schedules"
    case publishedReports = "published_reports"
    case repositorySubmissions = "repository_submissions"
    case delayNotices = "delay_notices"
    case notPublishingDecisions = "not_publishing_decisions"
}
