/// The writer connection inside a `Database.write` closure, within that caller's own savepoint.
///
/// A distinct type from a reader's `Connection` so that APIs which must share the caller's
/// transaction, such as `Outbox.enqueue`, cannot be called from a read. Do not run BEGIN,
/// COMMIT or ROLLBACK through it: the database owns the transaction.
package struct WriteTransaction: DatabaseAccess {
    /// The writer connection.
    package let connection: Connection
}
