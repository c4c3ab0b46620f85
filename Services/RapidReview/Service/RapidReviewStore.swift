import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// The service's database in the domain's words: handlers never see SQL. Every change runs
/// in one write transaction that first loads the case, so its checks and its changes see the
/// same state, and a refused change leaves nothing behind (the transaction rolls back).
///
/// Each change also records the case's status (`StatusFeed`), in the same transaction, from
/// the case as it then stands.
struct RapidReviewStore: Sendable {
    /// The Rapid Reviews, changed one transaction at a time (ServiceKit's `CaseChanges`).
    let cases: CaseChanges<RapidReviewCase>

    var database: Database { cases.database }

    init(database: Database, clock: @escaping @Sendable () -> CaseClock) {
        cases = CaseChanges(
            database: database, clock: clock, load: { db, reference in try CaseRows.load(db, reference: reference) },
            status: { rapidReview, clock in rapidReview.status(clock) }, missing: { RapidReviewError.notOpen($0) },
            keep: { rapidReview, tx in try RapidReviewSummaryRows.keep(rapidReview, tx) })
    }

    /// Applies intake's hand-over once per idempotency key and request (ServiceKit's
    /// `Idempotency`): a replay returns the reply stored the first time without running
    /// `effect` again; the same key with another request is refused.
    func applyHandOverOnce(
        call: CallContext, request: RapidReviewAPI.OpenRapidReviewRequest,
        _ effect: @escaping @Sendable (StoreWriter) throws -> RapidReviewAPI.OpenRapidReviewResponse
    ) async throws -> RapidReviewAPI.OpenRapidReviewResponse {
        try await cases.receive(call: call, request: request, about: request.caseReference) { tx in try effect(StoreWriter(tx: tx)) }
    }

    /// Applies intake's update once per idempotency key and request, to the Rapid Review it is
    /// about (`notOpen` when there is none).
    func applyUpdateOnce(
        call: CallContext, request: RapidReviewAPI.UpdateRapidReviewRequest,
        _ effect: @escaping @Sendable (RapidReviewCase, StoreWriter) throws -> RapidReviewAPI.UpdateRapidReviewResponse
    ) async throws -> RapidReviewAPI.UpdateRapidReviewResponse {
        try await cases.receive(call: call, request: request, about: request.caseReference) { tx in
            guard let rapidReview = try CaseRows.load(tx, reference: request.caseReference) else {
                throw RapidReviewError.notOpen(request.caseReference)
            }
            return try effect(rapidReview, StoreWriter(tx: tx))
        }
    }

    /// Loads the Rapid Review of `reference` in a write transaction and runs `body`, which
    /// checks the step and records it through the writer. Throws `notOpen` when there is none.
    func change<T: Sendable>(
        _ reference: CaseReference, _ body: @escaping @Sendable (RapidReviewCase, StoreWriter) throws -> T
    ) async throws -> T {
        try await cases.change(reference) { rapidReview, tx in try body(rapidReview, StoreWriter(tx: tx)) }
    }

    /// Every Rapid Review's summary in reference order, from its kept status and summary row: one
    /// row each, not its whole history. A case without a row (changed before there was one) is
    /// loaded instead.
    func summaries(_ clock: CaseClock) async throws -> [RapidReviewAPI.RapidReviewSummary] {
        try await database.read { db in
            let kept = try RapidReviewSummaryRows.all(db)
            return try StatusFeed.every(db, clock: clock).compactMap { status in
                guard let (state, recommendation) = kept[status.reference] else {
                    return try CaseRows.load(db, reference: status.reference)?.summary(clock)
                }
                return RapidReviewAPI.RapidReviewSummary(
                    caseReference: status.reference, state: state, stage: status.stage, recommendation: recommendation,
                    nextDeadline: status.nextDeadline, overdue: status.deadlines.contains { $0.status == .overdue })
            }.sorted { $0.caseReference < $1.caseReference }
        }
    }

    /// The Rapid Review of `reference`; `notOpen` when there is none.
    func rapidReview(_ reference: CaseReference) async throws -> RapidReviewCase { try await cases.facts(reference) }

    /// The Rapid Reviews of `references` that exist, or every one when empty, in reference order.
    func rapidReviews(_ references: [CaseReference] = []) async throws -> [RapidReviewCase] {
        try await database.read { db in
            let wanted = references.isEmpty ? try CaseRows.allReferences(db) : references
            return try Set(wanted).sorted().compactMap { try CaseRows.load(db, reference: $0) }
        }
    }
}

/// The writes of one change, inside its transaction.
struct StoreWriter {
    let tx: WriteTransaction

    /// True when a Rapid Review is open for `reference`.
    func isOpen(_ reference: CaseReference) throws -> Bool {
        let found: Int? = try tx.value("SELECT 1 FROM rapid_reviews WHERE case_reference = ?", reference)
        return found != nil
    }

    /// Opens a Rapid Review from intake's hand-over.
    func open(_ handOver: RapidReviewAPI.OpenRapidReviewRequest, openedOn: CivilDate, idempotencyKey: String) throws {
        try tx.execute(
            "INSERT INTO rapid_reviews (case_reference, hand_over, referral_received, rule_set, opened_on, idempotency_key) VALUES (?, ?, ?, ?, ?, ?)",
            handOver.caseReference, try JSONColumn.text(handOver), handOver.referralReceived, handOver.ruleSet.rawValue,
            openedOn, idempotencyKey)
    }

    /// Adds intake's update; earlier revisions stay.
    func addUpdate(_ update: RapidReviewAPI.UpdateRapidReviewRequest, appliedOn: CivilDate) throws {
        try tx.execute(
            "INSERT INTO hand_over_updates (case_reference, revision, record, applied_on) VALUES (?, ?, ?, ?)", update.caseReference,
            update.revision, try JSONColumn.text(update), appliedOn)
    }

    /// Adds a decision extending a deadline; earlier ones stay.
    func addExtension(_ granted: DeadlineExtension, number: Int, to reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO deadline_extensions (case_reference, number, rule, record) VALUES (?, ?, ?, ?)", reference, number,
            granted.rule.rawValue, try JSONColumn.text(granted))
    }

    /// Adds a correction of the meeting's record; the record as made and earlier corrections stay.
    func addMeetingCorrection(_ correction: RapidReviewAPI.MeetingCorrection, to reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO meeting_corrections (case_reference, number, record) VALUES (?, ?, ?)", reference, correction.number,
            try JSONColumn.text(correction))
    }

    /// Records an immediate action taken.
    func addActionDone(_ done: RapidReviewAPI.ActionDone, to reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO actions_done (case_reference, action, done_on, record) VALUES (?, ?, ?, ?)", reference, done.action, done.doneOn,
            try JSONColumn.text(done))
    }

    /// Adds a scheduling of the meeting; earlier ones stay.
    func addScheduling(_ meeting: RapidReviewAPI.ScheduledMeeting, to reference: CaseReference) throws {
        try tx.execute(
            """
            INSERT INTO meeting_schedule (case_reference, number, meeting_date, format, outside_t4_window, after_t6_deadline, reason,
                scheduled_on, scheduled_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, reference, meeting.number, meeting.date, meeting.format.rawValue, meeting.outsideT4Window,
            meeting.afterT6Deadline, meeting.reason, meeting.scheduledOn, meeting.scheduledBy)
    }

    /// Adds a meeting as recorded. The quorate one (there is one) tells intake, through the
    /// outbox in this same transaction, that the meeting was held: scoping closes there (§4.5.2).
    func addMeeting(_ meeting: RapidReviewAPI.RecordedMeeting, to reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO meetings (case_reference, number, meeting_date, quorate, record) VALUES (?, ?, ?, ?, ?)", reference,
            meeting.number, meeting.meetingDate, meeting.quorate, try JSONColumn.text(meeting))
        if meeting.quorate {
            try Outbox.enqueue(
                tx, HandOvers.rapidReviewMeetingHeld, .init(caseReference: reference, meetingDate: meeting.meetingDate),
                key: "rapid-review/RecordRapidReviewMeeting/\(reference)")
        }
    }

    /// Adds an agreed recommendation; earlier versions stay.
    func addRecommendation(_ recommendation: RapidReviewAPI.AgreedRecommendation, to reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO recommendations (case_reference, version, recommendation, record) VALUES (?, ?, ?, ?)", reference,
            recommendation.version, recommendation.decision.recommendation.rawValue, try JSONColumn.text(recommendation))
    }

    /// Adds the chair's request for clarification.
    func addClarification(_ clarification: RapidReviewAPI.Clarification, to reference: CaseReference) throws {
        try tx.execute(
            """
            INSERT INTO clarifications (case_reference, number, recommendation_version, question, requested_on, requested_by)
            VALUES (?, ?, ?, ?, ?, ?)
            """, reference, clarification.number, clarification.recommendationVersion, clarification.question,
            clarification.requestedOn, clarification.requestedBy)
    }

    /// Records the ratification and, for a commissioned review, puts `CommissionReview` in the
    /// outbox for review-management in this same transaction: neither exists without the other.
    func recordRatification(
        _ ratification: RapidReviewAPI.Ratification, of reference: CaseReference, handOver commission: ReviewManagementAPI.CommissionReviewRequest?
    ) throws {
        try tx.execute(
            "INSERT INTO ratifications (case_reference, recommendation_version, path, record) VALUES (?, ?, ?, ?)", reference,
            ratification.recommendationVersion, ratification.path.rawValue, try JSONColumn.text(ratification))
        if let commission {
            try Outbox.enqueue(tx, HandOvers.commissionReview, commission, key: "rapid-review/CommissionReview/\(reference)")
        }
    }

    /// Records the submission to the National Panel and the sharing with agencies.
    func recordSubmission(_ submission: RapidReviewAPI.Submission, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO submissions (case_reference, submitted_on, late, t6_met, record) VALUES (?, ?, ?, ?, ?)", reference,
            submission.submittedToNationalPanel, submission.late, submission.t6Met, try JSONColumn.text(submission))
    }
}
