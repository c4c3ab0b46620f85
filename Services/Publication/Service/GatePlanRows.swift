import Contract
import ServiceKit
import Storage

/// The anonymisation gate's, the plan's and the archive's rows (P3, P4, T10): how a
/// publication reads them back (their tables are the last steps of `Schema`).
enum GatePlanRows {
    /// The tables, in the order of their schema steps.
    static let tables = [
        "report_revisions", "disclosure_checks", "anonymisation_sign_offs", "publication_plans", "publication_holds", "publication_hold_releases",
        "archived_reports",
    ]

    /// Reads the gate's, the plan's and the archive's records of `publication` into it.
    static func load(_ db: some DatabaseAccess, into publication: inout Publication) throws {
        let reference = publication.reference
        publication.revisions = try records(db, "report_revisions", reference)
        publication.disclosureChecks = try records(db, "disclosure_checks", reference)
        publication.anonymisationSignOffs = try records(db, "anonymisation_sign_offs", reference)
        publication.plans = try records(db, "publication_plans", reference)
        publication.holds = try records(db, "publication_holds", reference)
        publication.holdReleases = try records(db, "publication_hold_releases", reference)
        publication.archived = try (records(db, "archived_reports", reference) as [PublicationAPI.ArchiveRecord]).first
    }

    /// The records of `table` for `reference`, in the order written.
    private static func records<T: Decodable>(_ db: some DatabaseAccess, _ table: String, _ reference: CaseReference) throws -> [T] {
        try db.query("SELECT record FROM \(table) WHERE case_reference = ? ORDER BY rowid", reference).map {
            try JSONColumn.value(T.self, $0, "record", table: table)
        }
    }
}
