import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// The service's database in the domain's words: handlers never see SQL. Every change runs
/// in one write transaction that first loads the publication, so its checks and its changes
/// see the same state, and a refused change leaves nothing behind. Each change records the
/// case's status (`StatusFeed`) last in that transaction (ServiceKit's `CaseChanges`).
struct PublicationStore: Sendable {
    /// The publications, changed one transaction at a time.
    let cases: CaseChanges<Publication>

    var database: Database { cases.database }

    init(database: Database, clock: @escaping @Sendable () -> CaseClock) {
        cases = CaseChanges(
            database: database, clock: clock, load: { db, reference in try PublicationRows.load(db, reference: reference) },
            status: { publication, clock in publication.status(clock) }, missing: { PublicationError.notPrepared($0) })
    }

    /// Applies review-management's hand-over once per idempotency key and request: a replay
    /// returns the reply stored the first time without running `effect` again.
    func receiveOnce(
        call: CallContext, request: PublicationAPI.PreparePublicationRequest,
        _ effect: @escaping @Sendable (PublicationWriter) throws -> PublicationAPI.PreparePublicationResponse
    ) async throws -> PublicationAPI.PreparePublicationResponse {
        try await cases.receive(call: call, request: request, about: request.caseReference) { tx in try effect(PublicationWriter(tx: tx)) }
    }

    /// Loads the publication of `reference` in a write transaction and runs `body`, which checks
    /// the step and records it through the writer. Throws `notPrepared` when there is none.
    func change<T: Sendable>(_ reference: CaseReference, _ body: @escaping @Sendable (Publication, PublicationWriter) throws -> T) async throws -> T {
        try await cases.change(reference) { publication, tx in try body(publication, PublicationWriter(tx: tx)) }
    }

    /// The publication of `reference`; `notPrepared` when there is none.
    func publication(_ reference: CaseReference) async throws -> Publication { try await cases.facts(reference) }

    /// One page of publications in reference order, and how many there are in all.
    func page(limit: Int, offset: Int) async throws -> (publications: [Publication], total: Int) {
        try await database.read { db in
            let page = try PublicationRows.references(db, limit: limit, offset: offset).compactMap { try PublicationRows.load(db, reference: $0) }
            return (page, try PublicationRows.count(db))
        }
    }
}

/// The writes of one change, inside its transaction.
struct PublicationWriter {
    let tx: WriteTransaction

    /// True when the approved report of `reference` is held.
    func isPrepared(_ reference: CaseReference) throws -> Bool {
        let found: Int? = try tx.value("SELECT 1 FROM publications WHERE case_reference = ?", reference)
        return found != nil
    }

    /// Starts planning from review-management's hand-over (P1).
    func prepare(_ handOver: PublicationAPI.PreparePublicationRequest, on today: CivilDate, idempotencyKey: String) throws {
        try tx.execute(
            """
            INSERT INTO publications (case_reference, preparation, report_version, approved_on, rule_set, prepared_on, idempotency_key)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, handOver.caseReference, try JSONColumn.text(handOver), handOver.reportVersion, handOver.approvedOn, handOver.ruleSet.rawValue,
            today, idempotencyKey)
    }

    /// Records an advance copy (T9).
    func recordAdvanceCopy(_ copy: PublicationAPI.AdvanceCopy, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO advance_copies (case_reference, number, recipient, report_version, record) VALUES (?, ?, ?, ?, ?)", reference, copy.number,
            copy.recipient.rawValue, copy.reportVersion, try JSONColumn.text(copy))
    }

    /// Adds a record to `table` (a `RecordTable` numbered by `number`, or keyed by the case alone).
    func add<T: Encodable>(_ record: T, number: Int? = nil, to table: PublicationTable, of reference: CaseReference) throws {
        let name = table.rawValue
        if let number {
            try tx.execute("INSERT INTO \(name) (case_reference, number, record) VALUES (?, ?, ?)", reference, number, try JSONColumn.text(record))
        } else {
            try tx.execute("INSERT INTO \(name) (case_reference, record) VALUES (?, ?)", reference, try JSONColumn.text(record))
        }
    }
}
