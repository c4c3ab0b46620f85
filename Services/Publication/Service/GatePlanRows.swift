import Contract
import ServiceKit
import Storage

/// The anonymisation gate's, the plan's and the archive's rows (P3, P4, T10): how a
/// publication reads them back (their tables are the last steps of `Schema`).
enum GatePlanRows {
    /// Reads the gate's, the plan's and the archive's records of `publication` into it.
    static func load(_ db: some DatabaseAccess, into publication: inout Publication) throws {
        let reference = publication.reference
        publication.revisions = try RecordTable.records(db, "report_revisions", reference)
        publication.disclosureChecks = try RecordTable.records(db, "disclosure_checks", reference)
        publication.anonymisationSignOffs = try RecordTable.records(db, "anonymisation_sign_offs", reference)
        publication.plans = try RecordTable.records(db, "publication_plans", reference)
        publication.holds = try RecordTable.records(db, "publication_holds", reference)
        publication.holdReleases = try RecordTable.records(db, "publication_hold_releases", reference)
        publication.archived = try (RecordTable.records(db, "archived_reports", reference) as [PublicationAPI.ArchiveRecord]).first
    }
}
