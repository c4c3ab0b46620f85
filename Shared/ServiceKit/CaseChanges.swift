import Contract
import Foundation
import RPC
import Storage
import WorkingDays

/// A stage's cases, changed one transaction at a time: the shape every stage store shares.
///
/// `change` loads the case's facts in a write transaction, runs the step (which checks it and
/// writes through the transaction), and records the case's status (`StatusFeed`) last in the
/// same transaction, from the facts as they then stand: a refused step leaves nothing behind,
/// and a status never disagrees with its case. `receive` applies a hand-over once per key
/// (`Idempotency.receive`) the same way.
package struct CaseChanges<Facts: Sendable>: Sendable {
    /// The stage's database.
    package let database: Database
    private let load: @Sendable (any DatabaseAccess, CaseReference) throws -> Facts?
    private let status: @Sendable (Facts, CaseClock) -> CaseStatus
    private let missing: @Sendable (CaseReference) -> any Error
    private let clock: @Sendable () -> CaseClock
    private let keep: (@Sendable (Facts, WriteTransaction) throws -> Void)?

    /// Cases of `database` read by `load`, whose status is `status`; `missing` is the error of a
    /// reference with no case; `clock` gives the day a recorded status is worked out on; `keep`
    /// writes anything else the stage keeps of a case's latest facts beside its status (a row
    /// its own lists read instead of loading every case), in the same transaction.
    package init(
        database: Database, clock: @escaping @Sendable () -> CaseClock,
        load: @escaping @Sendable (any DatabaseAccess, CaseReference) throws -> Facts?,
        status: @escaping @Sendable (Facts, CaseClock) -> CaseStatus, missing: @escaping @Sendable (CaseReference) -> any Error,
        keep: (@Sendable (Facts, WriteTransaction) throws -> Void)? = nil
    ) {
        self.database = database
        self.clock = clock
        self.load = load
        self.status = status
        self.missing = missing
        self.keep = keep
    }

    /// Runs `body` on the facts of `reference` in one write transaction, then records the
    /// case's status in it; `missing(reference)` when there is no case.
    package func change<T: Sendable>(
        _ reference: CaseReference, _ body: @escaping @Sendable (Facts, WriteTransaction) throws -> T
    ) async throws -> T {
        try await database.write { [self] tx in
            guard let facts = try load(tx, reference) else { throw missing(reference) }
            let result = try body(facts, tx)
            try recordStatus(tx, reference)
            return result
        }
    }

    /// `change`, applied once per `idempotency-key` when the client's call carries one
    /// (`Idempotency.run`): a retry after a lost reply answers the first reply instead of
    /// adding a second record. Without a key, every call is applied.
    package func change<Request: Encodable & Sendable, T: Codable & Sendable>(
        _ reference: CaseReference, call: CallContext, request: Request, _ body: @escaping @Sendable (Facts, WriteTransaction) throws -> T
    ) async throws -> T {
        try await database.write { [self] tx in
            try Idempotency.run(tx, call: call, request: request) {
                guard let facts = try load(tx, reference) else { throw missing(reference) }
                let result = try body(facts, tx)
                try recordStatus(tx, reference)
                return result
            }
        }
    }

    /// Applies a hand-over about `reference` once per idempotency key and request
    /// (`Idempotency.receive`), then records the case's status in the same transaction.
    package func receive<Request: Encodable & Sendable, Response: Codable & Sendable>(
        call: CallContext, request: Request, about reference: CaseReference,
        _ effect: @escaping @Sendable (WriteTransaction) throws -> Response
    ) async throws -> Response {
        try await database.write { [self] tx in
            try Idempotency.receive(tx, call: call, request: request) {
                let response = try effect(tx)
                try recordStatus(tx, reference)
                return response
            }
        }
    }

    /// The facts of `reference`; `missing(reference)` when there is no case.
    package func facts(_ reference: CaseReference) async throws -> Facts {
        let found = try await database.read { [load] db in try load(db, reference) }
        guard let found else { throw missing(reference) }
        return found
    }

    private func recordStatus(_ tx: WriteTransaction, _ reference: CaseReference) throws {
        guard let facts = try load(tx, reference) else { return }
        try keep?(facts, tx)
        try StatusFeed.record(tx, status(facts, clock()))
    }
}
