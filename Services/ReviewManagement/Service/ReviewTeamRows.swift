import Contract
import ServiceKit
import Storage

extension ReviewRows {
    /// Reads the lead reviewer, the notices, the teams and the declarations into `review`.
    static func loadReviewTeam(_ db: some DatabaseAccess, into review: inout Review) throws {
        let key = review.reference
        review.leadReviewer = try db.queryOne("SELECT record FROM lead_reviewer_appointments WHERE case_reference = ?", key).map {
            try JSONColumn.value(ReviewManagementAPI.LeadReviewerAppointment.self, $0, "record", table: "lead_reviewer_appointments")
        }
        review.reviewerNotices = try db.query("SELECT record FROM reviewer_notices WHERE case_reference = ? ORDER BY number", key).map {
            try JSONColumn.value(ReviewManagementAPI.ReviewerNotice.self, $0, "record", table: "reviewer_notices")
        }
        review.teams = try db.query("SELECT record FROM review_teams WHERE case_reference = ? ORDER BY version", key).map {
            try JSONColumn.value(ReviewManagementAPI.ReviewTeamVersion.self, $0, "record", table: "review_teams")
        }
        review.declarations = try db.query("SELECT record FROM declarations WHERE case_reference = ? ORDER BY number", key).map {
            try JSONColumn.value(ReviewManagementAPI.Declaration.self, $0, "record", table: "declarations")
        }
    }
}

extension ReviewWriter {
    /// Records the lead reviewer's appointment.
    func recordAppointment(_ appointment: ReviewManagementAPI.LeadReviewerAppointment, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO lead_reviewer_appointments (case_reference, record) VALUES (?, ?)", reference, try JSONColumn.text(appointment))
    }

    /// Records notices of the reviewer's name after the `already` recorded.
    func recordNotices(_ notices: [ReviewManagementAPI.ReviewerNotice], after already: Int, of reference: CaseReference) throws {
        for (offset, notice) in notices.enumerated() {
            try tx.execute(
                "INSERT INTO reviewer_notices (case_reference, number, recipient, record) VALUES (?, ?, ?, ?)", reference, already + offset + 1,
                notice.recipient.rawValue, try JSONColumn.text(notice))
        }
    }

    /// Adds a version of the review team; earlier ones stay.
    func addTeam(_ team: ReviewManagementAPI.ReviewTeamVersion, to reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO review_teams (case_reference, version, record) VALUES (?, ?, ?)", reference, team.version, try JSONColumn.text(team))
    }

    /// Records declaration number `number`.
    func recordDeclaration(_ declaration: ReviewManagementAPI.Declaration, number: Int, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO declarations (case_reference, number, record) VALUES (?, ?, ?)", reference, number, try JSONColumn.text(declaration))
    }
}
