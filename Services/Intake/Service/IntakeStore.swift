import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// Intake's database in the domain's words: handlers never see SQL. Every change runs in one
/// write transaction that loads what it checks, so its checks and its changes see the same
/// state; a refused change leaves nothing behind (the transaction rolls back), and a client's
/// repeated call with the same idempotency key gets the first answer (ServiceKit's
/// `Idempotency`, in the same transaction).
///
/// Each change also records the status of every case it touched (`StatusFeed`), in the same
/// transaction, from the case as it then stands.
struct IntakeStore: Sendable {
    let database: Database
    /// The status a case shows the gateway.
    let status: @Sendable (IntakeCase) -> CaseStatus
    /// What the Rapid Review works from, for a case handed over (`IntakeCase.rapidReviewCopy`);
    /// nil sends no updates.
    var copy: (@Sendable (IntakeCase) throws -> RapidReviewAPI.UpdateRapidReviewRequest?)? = nil

    /// Runs `body` with a writer in one transaction: for the calls that may open a case.
    func write<Request: Encodable & Sendable, Response: Codable & Sendable>(
        _ call: CallContext, _ request: Request, _ body: @escaping @Sendable (IntakeWriter) throws -> Response
    ) async throws -> Response {
        try await database.write { [status, copy] tx in
            try Idempotency.run(tx, call: call, request: request) {
                let writer = IntakeWriter(tx: tx)
                let response = try body(writer)
                if let copy { try writer.updateRapidReview(copy) }
                try writer.recordStatuses(status)
                return response
            }
        }
    }

    /// Applies a hand-over from another stage about `reference` once per idempotency key and
    /// request (ServiceKit's `Idempotency.receive`): a replay answers the first reply without
    /// running `body` again. NOT_FOUND when there is no case.
    func receive<Request: Encodable & Sendable, Response: Codable & Sendable>(
        _ reference: CaseReference, _ call: CallContext, _ request: Request,
        _ body: @escaping @Sendable (IntakeCase, IntakeWriter) throws -> Response
    ) async throws -> Response {
        try await database.write { [status, copy] tx in
            try Idempotency.receive(tx, call: call, request: request) {
                let writer = IntakeWriter(tx: tx)
                let response = try body(try writer.require(reference), writer)
                if let copy { try writer.updateRapidReview(copy) }
                try writer.recordStatuses(status)
                return response
            }
        }
    }

    /// Loads the case of `reference` in a write transaction and runs `body`, which checks the
    /// step and records it through the writer. Refuses with NOT_FOUND when there is no case.
    func change<Request: Encodable & Sendable, Response: Codable & Sendable>(
        _ reference: CaseReference, _ call: CallContext, _ request: Request,
        _ body: @escaping @Sendable (IntakeCase, IntakeWriter) throws -> Response
    ) async throws -> Response {
        try await write(call, request) { writer in
            let intakeCase = try writer.require(reference)
            try intakeCase.requireNotMerged()
            return try body(intakeCase, writer)
        }
    }

    /// The case of `reference`; NOT_FOUND when there is none.
    func intakeCase(_ reference: CaseReference) async throws -> IntakeCase {
        try await database.read { try CaseRows.require($0, reference) }
    }
}

/// The writes of one change, inside its transaction. It remembers the cases it changed, whose
/// statuses the store records before the transaction commits.
struct IntakeWriter {
    let tx: WriteTransaction
    private let changed = ChangedCases()

    init(tx: WriteTransaction) { self.tx = tx }

    /// Records the status of every case this writer changed, as each now stands.
    func recordStatuses(_ status: (IntakeCase) -> CaseStatus) throws {
        for reference in changed.references.sorted() { try StatusFeed.record(tx, status(try require(reference))) }
    }

    /// Sends the Rapid Review, through the outbox in this transaction, the next revision of
    /// its copy of every case this writer changed whose copy now differs from the one last sent
    /// (issue 15, item 1). Keys `intake/UpdateRapidReview/<case>/<revision>`: exactly once each,
    /// after the open and in order (the outbox delivers one destination's messages in order).
    func updateRapidReview(_ copy: (IntakeCase) throws -> RapidReviewAPI.UpdateRapidReviewRequest?) throws {
        for reference in changed.references.sorted() {
            guard var current = try copy(try require(reference)) else { continue }
            let row = try tx.queryOne("SELECT rapid_review_copy FROM cases WHERE reference = ?", reference)
            let sent = try row.flatMap {
                try JSONColumn.valueIfPresent(RapidReviewAPI.UpdateRapidReviewRequest.self, $0, "rapid_review_copy", table: "cases")
            }
            current.revision = sent?.revision ?? 0
            guard current != sent else { continue }
            current.revision += 1
            try Outbox.enqueue(tx, HandOvers.updateRapidReview, current, key: "intake/UpdateRapidReview/\(reference)/\(current.revision)")
            try tx.execute("UPDATE cases SET rapid_review_copy = ? WHERE reference = ?", try JSONColumn.text(current), reference)
        }
    }

    /// The case of `reference`, as it stands in this transaction, without its linked
    /// referrals' bodies (a change adds to them, never reads them); NOT_FOUND when none.
    func require(_ reference: CaseReference) throws -> IntakeCase { try CaseRows.require(tx, reference, withLinkedReferrals: false) }

    /// The case of `reference` as it stands in this transaction, if there is one.
    func find(_ reference: CaseReference) throws -> IntakeCase? { try CaseRows.load(tx, reference, withLinkedReferrals: false) }

    /// The case of the same incident (the same child, same incident date), if there is one, and
    /// the cases of that date whose child may be the same (item 7: for a person to decide).
    func caseForIncident(child: Person, incidentDate: CivilDate) throws -> (same: IntakeCase?, possible: [CaseReference]) {
        var possible: [CaseReference] = []
        let keys = (ChildKey.of(child), ChildKey.legacy(child))
        for reference in try CaseRows.references(tx, childKeys: keys, incidentDate: incidentDate) {
            guard let found = try CaseRows.load(tx, reference, withLinkedReferrals: false) else { continue }
            switch found.concerns(child) {
            case .same: return (found, [])
            case .possible: possible.append(reference)
            case .different: continue
            }
        }
        return (nil, possible)
    }

    /// A form placed on its case (§4.1): the case of the same incident extended by `joining`,
    /// or a new case made by `opening` with the next reference of `year`. True when opened. A
    /// new case whose child may be another case's is flagged against it (item 7), not merged.
    func place(
        child: Person, incidentDate: CivilDate, partnership: String, year: Int, joining: (IntakeCase) -> IntakeCase,
        opening: (CaseReference) -> IntakeCase
    ) throws -> (IntakeCase, opened: Bool) {
        let (same, possible) = try caseForIncident(child: child, incidentDate: incidentDate)
        if let existing = same {
            let joined = joining(existing)
            try update(existing, to: joined)
            return (joined, false)
        }
        var opened = opening(try allocateReference(partnership: partnership, year: year))
        try insert(opened)
        for other in possible {
            try tx.execute(
                "INSERT INTO child_matches (case_reference, other_reference, state) VALUES (?, ?, ?)", opened.reference, other,
                IntakeAPI.ChildMatchState.flagged.rawValue)
            changed.references.insert(other)
            opened.childMatches.append(IntakeAPI.ChildMatch(otherCase: other, state: .flagged))
        }
        return (opened, true)
    }

    /// Records a person's decision on a flagged match between two cases' children (item 7):
    /// both cases show it from then on.
    func decideChildMatch(_ reference: CaseReference, _ other: CaseReference, sameChild: Bool, by principal: String, on day: CivilDate) throws {
        changed.references.formUnion([reference, other])
        let state: IntakeAPI.ChildMatchState = sameChild ? .confirmed : .rejected
        try tx.execute(
            """
            UPDATE child_matches SET state = ?, decided_by = ?, decided_on = ?
            WHERE (case_reference = ? AND other_reference = ?) OR (case_reference = ? AND other_reference = ?)
            """, state.rawValue, principal, day, reference, other, other, reference)
    }

    /// Marks `later` as merged into `earlier` (item 7); the case keeps its rows, as every case does.
    func markMerged(_ later: CaseReference, into earlier: CaseReference, on day: CivilDate) throws {
        changed.references.formUnion([later, earlier])
        try tx.execute("UPDATE cases SET merged_into = ?, merged_on = ? WHERE reference = ?", earlier, day, later)
    }

    /// Allocates the next reference of `year`: sequences only ever grow, so a reference is
    /// never reused, even if a case were removed.
    func allocateReference(partnership: String, year: Int) throws -> CaseReference {
        let last: Int = try tx.value(CaseRows.Lookup.sequence, year) ?? 0
        let next = last + 1
        try tx.execute("INSERT INTO case_sequence (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last", year, next)
        guard let reference = CaseReference(partnership: partnership, year: year, sequence: next) else {
            throw IntakeError.referencesExhausted(year: year)
        }
        return reference
    }

    /// Stores a case just opened.
    func insert(_ opened: IntakeCase) throws {
        guard let child = opened.child, let incident = opened.incident else {
            throw IntakeError.precondition(rule: .r3, problem: "a case is opened by a referral or a notification")
        }
        let reference = opened.reference
        changed.references.insert(reference)
        try tx.execute(
            """
            INSERT INTO cases (reference, year, sequence, child_key, incident_date, anchor_date, referral, notification, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            reference, reference.year, reference.sequence, ChildKey.of(child), incident.date, opened.anchor,
            try opened.referral.map(JSONColumn.text), try opened.notification.map(JSONColumn.text), Date())
    }

    /// Stores what `updated` added to `existing`: its referral or a linked one, its notification,
    /// an earlier anchor.
    func update(_ existing: IntakeCase, to updated: IntakeCase) throws {
        let reference = existing.reference
        changed.references.insert(reference)
        if existing.referral == nil, let referral = updated.referral {
            try tx.execute("UPDATE cases SET referral = ? WHERE reference = ?", try JSONColumn.text(referral), reference)
        }
        let added = updated.linkedReferrals.dropFirst(existing.linkedReferrals.count)
        if !added.isEmpty {
            // Item 6: one case's linked referrals are read whole by its file and the disclosure check.
            let linked: Int = try tx.value(CaseRows.Lookup.linkedReferralCount, reference) ?? 0
            if linked + added.count > FormLimits.linkedReferrals {
                throw IntakeError.invalid(
                    field: "referral",
                    problem: "case \(reference) already has \(linked) linked referrals, the limit is \(FormLimits.linkedReferrals)")
            }
        }
        for referral in added {
            try tx.execute(
                "INSERT INTO linked_referrals (case_reference, referral, received) VALUES (?, ?, ?)", reference, try JSONColumn.text(referral),
                referral.dateReceived)
        }
        if let notification = updated.notification, notification != existing.notification {
            try tx.execute("UPDATE cases SET notification = ? WHERE reference = ?", try JSONColumn.text(notification), reference)
        }
        if updated.anchor != existing.anchor {
            try tx.execute("UPDATE cases SET anchor_date = ? WHERE reference = ?", updated.anchor, reference)
        }
    }

    /// Records scoping requests sent.
    func addRequests(_ requests: [ScopingRequest], to reference: CaseReference) throws {
        changed.references.insert(reference)
        for request in requests {
            try tx.execute(
                "INSERT INTO scoping_requests (case_reference, agency_key, request) VALUES (?, ?, ?)", reference,
                AgencyKey.of(request.agency.name), try JSONColumn.text(request))
        }
    }

    /// Records a scoping return.
    func addReturn(_ scopingReturn: ScopingReturn, late: Bool, to reference: CaseReference) throws {
        changed.references.insert(reference)
        try tx.execute(
            "INSERT INTO scoping_returns (case_reference, agency_key, scoping_return, late) VALUES (?, ?, ?, ?)", reference,
            AgencyKey.of(scopingReturn.agency.name), try JSONColumn.text(scopingReturn), late)
    }

    /// Records a decision extending a deadline; earlier ones stay.
    func addExtension(_ granted: DeadlineExtension, to reference: CaseReference) throws {
        changed.references.insert(reference)
        try tx.execute(
            "INSERT INTO deadline_extensions (case_reference, rule, record) VALUES (?, ?, ?)", reference, granted.rule.rawValue,
            try JSONColumn.text(granted))
    }

    /// Records the day the Rapid Review meeting was held; a first date is never replaced.
    func recordMeetingHeld(_ date: CivilDate, of reference: CaseReference) throws {
        changed.references.insert(reference)
        try tx.execute("UPDATE cases SET meeting_held_on = ? WHERE reference = ? AND meeting_held_on IS NULL", date, reference)
    }

    /// Hands the case to the Rapid Review once: `OpenRapidReview` in the outbox, in this
    /// transaction (its idempotency key is the case reference). Returns the case as handed over.
    @discardableResult
    func handOver(_ intakeCase: IntakeCase, clock: CaseClock, ruleSet: RuleSet) throws -> IntakeCase {
        guard let request = try intakeCase.rapidReviewHandOver(clock: clock, ruleSet: ruleSet) else { return intakeCase }
        try Outbox.enqueue(tx, HandOvers.openRapidReview, request, key: "intake/OpenRapidReview/\(intakeCase.reference)")
        changed.references.insert(intakeCase.reference)
        try tx.execute(
            "UPDATE cases SET handed_over_on = ? WHERE reference = ? AND handed_over_on IS NULL", clock.today,
            intakeCase.reference)
        var handedOver = intakeCase
        handedOver.handedOverOn = clock.today
        // The copy the open carries: revision 0; a later change sends revision 1.
        if let copy = try handedOver.rapidReviewCopy(clock: clock, ruleSet: ruleSet) {
            try tx.execute("UPDATE cases SET rapid_review_copy = ? WHERE reference = ?", try JSONColumn.text(copy), intakeCase.reference)
        }
        return handedOver
    }
}

/// The cases one writer changed. A class: the writer is handed around by value inside one
/// transaction, on one thread.
private final class ChangedCases {
    var references: Set<CaseReference> = []
}
