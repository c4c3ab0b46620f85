/// Compiled statements of one connection, keyed by their SQL, so repeated queries skip the parser.
///
/// Bounded because SQL built at run time would otherwise grow it forever; when full it is
/// emptied rather than tracking recency, which costs one re-prepare per statement in use.
struct StatementCache {
    private var statements: [String: Statement] = [:]
    private let capacity: Int

    /// A cache holding at most `capacity` statements.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The cached statement for `sql`, or the one `prepare` makes (then cached).
    mutating func statement(for sql: String, prepare: (String) throws -> Statement) rethrows -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try prepare(sql)
        if statements.count >= capacity { statements.removeAll(keepingCapacity: true) }
        statements[sql] = statement
        return statement
    }

    /// Drops every statement, finalizing those no one else holds.
    mutating func removeAll() {
        statements.removeAll()
    }
}
