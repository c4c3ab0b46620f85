import Contract
import Storage

/// How a stage works out the status of a case that has none stored: cases written before
/// statuses were kept. The runner applies it at start, before the service answers, in small
/// transactions, so a database of any age serves a complete feed.
package struct StatusBackfill: Sendable {
    /// The table holding one row per case.
    package var table: String
    /// Its column of case references.
    package var column: String
    /// The status of the case of a reference, as the stage's writes record it; nil when none.
    package var status: @Sendable (ServiceContext, WriteTransaction, CaseReference) throws -> CaseStatus?

    /// Backfills from the cases of `table`'s `column`, computing each status with `status`.
    package init(
        table: String, column: String, status: @escaping @Sendable (ServiceContext, WriteTransaction, CaseReference) throws -> CaseStatus?
    ) {
        self.table = table
        self.column = column
        self.status = status
    }

    /// Cases per transaction: short enough not to hold the writer for long.
    static let batch = 200

    /// Records a status for every case without one; returns how many were recorded.
    func run(_ context: ServiceContext) async throws -> Int {
        var recorded = 0
        // Each batch starts after the last reference of the one before: a case whose status cannot
        // be worked out gets none and is passed over, rather than asked for again in every batch.
        var after = ""
        while true {
            let (seen, done, last) = try await context.database.write { [self, after] tx in
                let references = try StatusFeed.unrecorded(tx, table: table, column: column, after: after, limit: Self.batch)
                var done = 0
                for reference in references {
                    guard let status = try status(context, tx, reference) else { continue }
                    try StatusFeed.record(tx, status)
                    done += 1
                }
                return (references.count, done, references.last?.description)
            }
            recorded += done
            guard seen == Self.batch, let last else { break }
            after = last
            context.logger.info("statuses recorded for earlier cases", ["cases": .int(recorded)])
        }
        return recorded
    }
}
