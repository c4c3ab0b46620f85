import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// The service's database in the domain's words: handlers never see SQL. Every change runs
/// in one write transaction that first loads the review, so its checks and its changes see the
/// same state, and a refused change leaves nothing behind (the transaction rolls back). Each
/// change records the case's status (`StatusFeed`) last in that transaction.
struct ReviewManagementStore: Sendable {
    /// The reviews, changed one transaction at a time (ServiceKit's `CaseChanges`).
    let cases: CaseChanges<Review>

    var database: Database { cases.database }

    init(database: Database, clock: @escaping @Sendable () -> CaseClock) {
        cases = CaseChanges(
            database: database, clock: clock, load: { db, reference in try ReviewRows.load(db, reference: reference) },
            status: { review, clock in review.status(clock) }, missing: { ReviewManagementError.notCommissioned($0) },
            keep: { review, tx in try ReviewSummaryRows.keep(review, tx) })
    }

    /// Applies rapid-review's hand-over once per idempotency key and request (ServiceKit's
    /// `Idempotency`): a replay returns the reply stored the first time without running
    /// `effect` again; the same key with another request is refused.
    func applyHandOverOnce(
        call: CallContext, request: ReviewManagementAPI.CommissionReviewRequest,
        _ effect: @escaping @Sendable (ReviewWriter) throws -> ReviewManagementAPI.CommissionReviewResponse
    ) async throws -> ReviewManagementAPI.CommissionReviewResponse {
        try await cases.receive(call: call, request: request, about: request.caseReference) { tx in try effect(ReviewWriter(tx: tx)) }
    }

    /// Loads the review of `reference` in a write transaction and runs `body`, which checks
    /// the step and records it through the writer. Throws `notCommissioned` when there is none.
    func change<T: Sendable>(_ reference: CaseReference, _ body: @escaping @Sendable (Review, ReviewWriter) throws -> T) async throws -> T {
        try await cases.change(reference) { review, tx in try body(review, ReviewWriter(tx: tx)) }
    }

    /// The review of `reference`; `notCommissioned` when there is none.
    func review(_ reference: CaseReference) async throws -> Review { try await cases.facts(reference) }

    /// Every review summarised from its kept status and summary row, in reference order; a
    /// review without a summary row yet (changed before there was one) is loaded.
    func summaries(_ clock: CaseClock) async throws -> [ReviewManagementAPI.ReviewSummary] {
        try await database.read { db in
            let kept = try ReviewSummaryRows.all(db)
            return try StatusFeed.every(db, clock: clock).compactMap { status in
                guard let (state, kind) = kept[status.reference] else { return try ReviewRows.load(db, reference: status.reference)?.summary(clock) }
                return ReviewManagementAPI.ReviewSummary(
                    caseReference: status.reference, state: state, stage: status.stage, reviewKind: kind, nextDeadline: status.nextDeadline,
                    overdue: status.deadlines.contains { $0.status == .overdue })
            }.sorted { $0.caseReference < $1.caseReference }
        }
    }
}

/// The writes of one change, inside its transaction.
struct ReviewWriter {
    // Internal, not fileprivate: each step's writes live in that step's own file.
    let tx: WriteTransaction

    /// True when a review is commissioned for `reference`.
    func isCommissioned(_ reference: CaseReference) throws -> Bool {
        let found: Int? = try tx.value("SELECT 1 FROM reviews WHERE case_reference = ?", reference)
        return found != nil
    }

    /// Commissions a review from rapid-review's hand-over.
    func commission(_ handOver: ReviewManagementAPI.CommissionReviewRequest, on today: CivilDate, idempotencyKey: String) throws {
        try tx.execute(
            """
            INSERT INTO reviews (case_reference, commission, review_kind, decision_date, rule_set, commissioned_on, idempotency_key)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, handOver.caseReference, try JSONColumn.text(handOver), handOver.reviewKind.rawValue, handOver.decisionDate,
            handOver.ruleSet.rawValue, today, idempotencyKey)
    }

    /// Records the National Panel's decision (and the partners').
    func recordNationalPanelDecision(_ decision: ReviewManagementAPI.NationalPanelDecision, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO national_panel_decisions (case_reference, verdict, record) VALUES (?, ?, ?)", reference, decision.verdict.rawValue,
            try JSONColumn.text(decision))
    }

    /// Adds a version of the terms of reference; earlier ones stay.
    func addVersion(_ version: ReviewManagementAPI.TermsOfReferenceVersion, to reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO terms_of_reference (case_reference, version, origin, record) VALUES (?, ?, ?, ?)", reference, version.version,
            version.origin.rawValue, try JSONColumn.text(version))
    }

    /// Records the panel's agreement.
    func recordAgreement(_ agreement: ReviewManagementAPI.TermsOfReferenceAgreement, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO terms_of_reference_agreements (case_reference, version, record) VALUES (?, ?, ?)", reference, agreement.version,
            try JSONColumn.text(agreement))
    }

    /// Records an approved change of the key lines of enquiry and the version it made.
    func recordChange(
        _ change: ReviewManagementAPI.KeyLinesOfEnquiryChange, version: ReviewManagementAPI.TermsOfReferenceVersion, of reference: CaseReference
    ) throws {
        try addVersion(version, to: reference)
        try tx.execute(
            "INSERT INTO key_lines_of_enquiry_changes (case_reference, number, from_version, to_version, record) VALUES (?, ?, ?, ?, ?)",
            reference, change.number, change.fromVersion, change.toVersion, try JSONColumn.text(change))
    }
}
