/// Work that joins every write a task makes to one database, inside the write's own
/// transaction, so that it commits with the write or not at all (ServiceKit's audit entry of a
/// call, written with the change the call made).
///
/// Set it around a task with `WriteCompanion.$current.withValue`; a `Database.write` of that
/// database from the task (or its child tasks) runs `alongside` after its own body, in the same
/// savepoint, and `committed` once its COMMIT has succeeded. Writes to another database are left
/// alone, so a peer running in the same process never receives it.
package struct WriteCompanion: Sendable {
    /// The companion the current task's writes carry, if any.
    @TaskLocal package static var current: WriteCompanion?

    /// The database whose writes it joins.
    package let database: Database
    /// Runs in each write's transaction after the caller's body, given what the body returned;
    /// a throw rolls the write back.
    package let alongside: @Sendable (WriteTransaction, any Sendable) throws -> Void
    /// Runs after a write it joined has committed.
    package let committed: @Sendable () -> Void

    package init(
        database: Database, alongside: @escaping @Sendable (WriteTransaction, any Sendable) throws -> Void,
        committed: @escaping @Sendable () -> Void
    ) {
        self.database = database
        self.alongside = alongside
        self.committed = committed
    }
}
