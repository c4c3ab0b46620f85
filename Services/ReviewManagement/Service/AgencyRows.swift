import Contract
import ServiceKit
import Storage

/// Reads and writes the agencies' requests, submissions and the review team's decisions on
/// them (V6-V8). Every table is append-only: a resubmission is a new version.
enum AgencyRows {
    /// The cases that asked `agency` for something (its name as on its token, any case), in order.
    static func cases(asking agency: String, _ db: some DatabaseAccess) throws -> [CaseReference] {
        try db.query(
            "SELECT DISTINCT case_reference FROM agency_requests WHERE lower(trim(agency)) = ? ORDER BY case_reference",
            agency.trimmingWhitespace.lowercased()
        ).map { try $0["case_reference"] }
    }

    /// Loads the agencies' records of the review of `reference` into `review`.
    static func load(_ db: some DatabaseAccess, reference: CaseReference, into review: inout Review) throws {
        review.agencyRequests = try db.query("SELECT record FROM agency_requests WHERE case_reference = ? ORDER BY number", reference).map {
            try JSONColumn.value(ReviewManagementAPI.AgencyRequest.self, $0, "record", table: "agency_requests")
        }
        let submissions = try db.query(
            "SELECT kind, record FROM agency_submissions WHERE case_reference = ? ORDER BY rowid", reference)
        for row in submissions {
            let kind: String = try row["kind"]
            if kind == ReviewManagementAPI.AgencySubmissionKind.chronology.rawValue {
                review.chronologies.append(
                    try JSONColumn.value(ReviewManagementAPI.ChronologySubmission.self, row, "record", table: "agency_submissions"))
            } else {
                review.informationReports.append(
                    try JSONColumn.value(ReviewManagementAPI.InformationReportSubmission.self, row, "record", table: "agency_submissions"))
            }
        }
        review.submissionDecisions = try db.query(
            "SELECT record FROM submission_decisions WHERE case_reference = ? ORDER BY rowid", reference
        ).map { try JSONColumn.value(ReviewManagementAPI.SubmissionDecision.self, $0, "record", table: "submission_decisions") }
        review.escalations = try db.query(
            "SELECT record FROM agency_escalations WHERE case_reference = ? ORDER BY rowid", reference
        ).map { try JSONColumn.value(ReviewManagementAPI.AgencyEscalation.self, $0, "record", table: "agency_escalations") }
    }
}

extension ReviewWriter {
    /// Records a request to an agency.
    func recordAgencyRequest(_ request: ReviewManagementAPI.AgencyRequest, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO agency_requests (case_reference, number, agency, record) VALUES (?, ?, ?, ?)", reference, request.number,
            request.agency, try JSONColumn.text(request))
    }

    /// Records an agency's chronology, a new version.
    func recordChronology(_ submission: ReviewManagementAPI.ChronologySubmission, of reference: CaseReference) throws {
        try recordSubmission(submission.key, record: try JSONColumn.text(submission), of: reference)
    }

    /// Records an agency's information report, a new version.
    func recordInformationReport(_ submission: ReviewManagementAPI.InformationReportSubmission, of reference: CaseReference) throws {
        try recordSubmission(submission.key, record: try JSONColumn.text(submission), of: reference)
    }

    private func recordSubmission(_ key: ReviewManagementAPI.SubmissionKey, record: String, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO agency_submissions (case_reference, agency, kind, version, record) VALUES (?, ?, ?, ?, ?)", reference, key.agency,
            key.kind.rawValue, key.version, record)
    }

    /// Records one step of an escalation (§2.1.7).
    func recordEscalation(_ escalation: ReviewManagementAPI.AgencyEscalation, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO agency_escalations (case_reference, request_number, level, record) VALUES (?, ?, ?, ?)", reference,
            escalation.requestNumber, escalation.level.rawValue, try JSONColumn.text(escalation))
    }

    /// Records the review team's decision on a submission.
    func recordSubmissionDecision(_ decision: ReviewManagementAPI.SubmissionDecision, of reference: CaseReference) throws {
        let key = decision.submission
        try tx.execute(
            "INSERT INTO submission_decisions (case_reference, agency, kind, version, outcome, record) VALUES (?, ?, ?, ?, ?, ?)", reference,
            key.agency, key.kind.rawValue, key.version, decision.outcome.rawValue, try JSONColumn.text(decision))
    }
}
