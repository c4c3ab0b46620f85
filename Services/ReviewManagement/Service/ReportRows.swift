import Contract
import ServiceKit
import Storage

/// The report's tables, one schema step each. Every row is kept as written: a redraft is a
/// new version, and the approval is recorded once.
enum ReportSchema {
    static let reportVersions = RecordTable.create(
        "report_versions", columns: [RecordTable.number("version")], keys: ["version"], kept: "every version of the report is kept as drafted")
    static let termsOfReferenceMet = RecordTable.create(
        "report_terms_of_reference_met", columns: [RecordTable.number("number")], keys: ["number"], kept: "a confirmation is kept as recorded")
    static let recommendationsEndorsed = RecordTable.create(
        "report_recommendations_endorsed", columns: [RecordTable.number("number")], keys: ["number"], kept: "an endorsement is kept as recorded")
    static let approvals = RecordTable.create(
        "report_approvals", columns: ["version INTEGER NOT NULL"], keys: [], kept: "the approval is kept as recorded")
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
