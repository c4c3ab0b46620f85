import Contract
import ServiceKit
import Storage
import WorkingDays

/// Reads a review back from its rows.
enum ReviewRows {
    /// Every case reference held, in order.
    static func allReferences(_ db: some DatabaseAccess) throws -> [CaseReference] {
        try db.query("SELECT case_reference FROM reviews ORDER BY case_reference").map { try $0["case_reference"] }
    }

    /// The review of `reference` with every fact recorded, or nil.
    static func load(_ db: some DatabaseAccess, reference: CaseReference) throws -> Review? {
        let key = reference
        guard let row = try db.queryOne("SELECT commission, commissioned_on FROM reviews WHERE case_reference = ?", key) else { return nil }
        var review = Review(
            commission: try JSONColumn.value(ReviewManagementAPI.CommissionReviewRequest.self, row, "commission", table: "reviews"),
            commissionedOn: try row["commissioned_on"])
        review.nationalPanelDecision = try db.queryOne("SELECT record FROM national_panel_decisions WHERE case_reference = ?", key).map {
            try JSONColumn.value(ReviewManagementAPI.NationalPanelDecision.self, $0, "record", table: "national_panel_decisions")
        }
        review.versions = try db.query("SELECT record FROM terms_of_reference WHERE case_reference = ? ORDER BY version", key).map {
            try JSONColumn.value(ReviewManagementAPI.TermsOfReferenceVersion.self, $0, "record", table: "terms_of_reference")
        }
        review.agreement = try db.queryOne("SELECT record FROM terms_of_reference_agreements WHERE case_reference = ?", key).map {
            try JSONColumn.value(ReviewManagementAPI.TermsOfReferenceAgreement.self, $0, "record", table: "terms_of_reference_agreements")
        }
        review.changes = try db.query("SELECT record FROM key_lines_of_enquiry_changes WHERE case_reference = ? ORDER BY number", key).map {
            try JSONColumn.value(ReviewManagementAPI.KeyLinesOfEnquiryChange.self, $0, "record", table: "key_lines_of_enquiry_changes")
        }
        try loadOversight(db, reference: key, into: &review)
        try loadReviewTeam(db, into: &review)
        try AgencyRows.load(db, reference: key, into: &review)
        try loadFamily(db, into: &review)
        try loadReport(db, into: &review)
        try loadLearningWorkshop(db, into: &review)
        return review
    }
}
