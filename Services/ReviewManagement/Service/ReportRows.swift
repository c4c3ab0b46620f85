import Contract
import ServiceKit
import Storage

/// The report's tables, one schema step each. Every row is kept as written: a redraft is a
/// new version, and the approval is recorded once.
enum ReportSchema {
    static let reportVersions = table("report_versions", key: "version", "every version of the report is kept as drafted")
    static let termsOfReferenceMet = table("report_terms_of_reference_met", key: "number", "a confirmation is kept as recorded")
    static let recommendationsEndorsed = table("report_recommendations_endorsed", key: "number", "an endorsement is kept as recorded")
    static let approvals = """
        CREATE TABLE report_approvals (
            case_reference TEXT PRIMARY KEY REFERENCES reviews(case_reference),
            version INTEGER NOT NULL,
            record TEXT NOT NULL CHECK (json_valid(record))
        ) STRICT;
        \(kept("report_approvals", "the approval is kept as recorded"))
        """

    /// A history table keyed by case and `key`, refusing UPDATE and DELETE.
    private static func table(_ name: String, key: String, _ why: String) -> String {
        """
        CREATE TABLE \(name) (
            case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
            \(key) INTEGER NOT NULL CHECK (\(key) >= 1),
            record TEXT NOT NULL CHECK (json_valid(record)),
            PRIMARY KEY (case_reference, \(key))
        ) STRICT;
        \(kept(name, why))
        """
    }

    /// Triggers refusing UPDATE and DELETE on `table`.
    private static func kept(_ table: String, _ why: String) -> String {
        """
        CREATE TRIGGER \(table)_kept BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(why)'); END;
        CREATE TRIGGER \(table)_not_deleted BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(why)'); END;
        """
    }
}

extension ReviewRows {
    /// Reads the report's versions, confirmations, endorsements and approval into `review`.
    static func loadReport(_ db: some DatabaseAccess, into review: inout Review) throws {
        let key = review.reference
        review.reportVersions = try db.query("SELECT record FROM report_versions WHERE case_reference = ? ORDER BY version", key).map {
            try JSONColumn.value(ReviewManagementAPI.ReportVersion.self, $0, "record", table: "report_versions")
        }
        review.termsOfReferenceMet = try db.query(
            "SELECT record FROM report_terms_of_reference_met WHERE case_reference = ? ORDER BY number", key
        ).map { try JSONColumn.value(ReviewManagementAPI.ReportVersionStep.self, $0, "record", table: "report_terms_of_reference_met") }
        review.recommendationsEndorsed = try db.query(
            "SELECT record FROM report_recommendations_endorsed WHERE case_reference = ? ORDER BY number", key
        ).map { try JSONColumn.value(ReviewManagementAPI.ReportVersionStep.self, $0, "record", table: "report_recommendations_endorsed") }
        review.reportApproval = try db.queryOne("SELECT record FROM report_approvals WHERE case_reference = ?", key).map {
            try JSONColumn.value(ReviewManagementAPI.ReportVersionStep.self, $0, "record", table: "report_approvals")
        }
    }
}

extension ReviewWriter {
    /// Adds a version of the report; earlier ones stay.
    func addReportVersion(_ version: ReviewManagementAPI.ReportVersion, to reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO report_versions (case_reference, version, record) VALUES (?, ?, ?)", reference, version.version,
            try JSONColumn.text(version))
    }

    /// Records the review team's confirmation number `number` that a version meets the terms of reference.
    func recordTermsOfReferenceMet(_ step: ReviewManagementAPI.ReportVersionStep, number: Int, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO report_terms_of_reference_met (case_reference, number, record) VALUES (?, ?, ?)", reference, number,
            try JSONColumn.text(step))
    }

    /// Records the board's endorsement number `number` of a version's recommendations.
    func recordRecommendationsEndorsed(_ step: ReviewManagementAPI.ReportVersionStep, number: Int, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO report_recommendations_endorsed (case_reference, number, record) VALUES (?, ?, ?)", reference, number,
            try JSONColumn.text(step))
    }

    /// Records the board's approval and, in this same transaction, puts `PreparePublication`
    /// in the outbox for publication: neither exists without the other, and the key makes it
    /// once per case.
    func recordApproval(_ approval: ReviewManagementAPI.ReportVersionStep, handOver: PublicationAPI.PreparePublicationRequest) throws {
        try tx.execute(
            "INSERT INTO report_approvals (case_reference, version, record) VALUES (?, ?, ?)", handOver.caseReference, approval.version,
            try JSONColumn.text(approval))
        try Outbox.enqueue(tx, HandOvers.preparePublication, handOver, key: "review-management/PreparePublication/\(handOver.caseReference)")
    }
}
