import Contract
import Storage

/// The table a stage's history tables refer to (`reviews`, `publications`): one row per case.
package protocol CaseRecordParent {
    /// The parent table's name; its key is `case_reference`.
    static var table: String { get }
}

/// The shape of a stage's history tables: one kind of record of a case, numbered by its keys,
/// kept whole as JSON beside the columns a step searches or constrains, and kept as written
/// (triggers refuse UPDATE and DELETE, so every version and decision stays readable).
package enum CaseRecordTable<Parent: CaseRecordParent> {
    /// `CREATE TABLE table` with the case (referring to `Parent`), `columns` (SQL column
    /// definitions), the JSON record and `PRIMARY KEY (case_reference, keys...)` (the case alone
    /// when `keys` is empty), kept.
    package static func create(_ table: String, columns: [String] = [], keys: [String], kept why: String) -> String {
        let caseColumn =
            keys.isEmpty
            ? "case_reference TEXT PRIMARY KEY REFERENCES \(Parent.table)(case_reference)"
            : "case_reference TEXT NOT NULL REFERENCES \(Parent.table)(case_reference)"
        var lines = [caseColumn] + columns + ["record TEXT NOT NULL CHECK (json_valid(record))"]
        if !keys.isEmpty { lines.append("PRIMARY KEY (\((["case_reference"] + keys).joined(separator: ", ")))") }
        return "CREATE TABLE \(table) (\n    " + lines.joined(separator: ",\n    ") + "\n) STRICT;\n" + kept(table, why)
    }

    /// Triggers refusing UPDATE and DELETE on `table`, with `why` as the refusal's message.
    package static func kept(_ table: String, _ why: String) -> String {
        let message = why.replacingOccurrences(of: "'", with: "''")
        return """
            CREATE TRIGGER \(table)_kept BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(message)'); END;
            CREATE TRIGGER \(table)_not_deleted BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(message)'); END;
            """
    }

    /// The records of `table` for `reference`, in the order written.
    package static func records<T: Decodable>(_ db: some DatabaseAccess, _ table: String, _ reference: CaseReference) throws -> [T] {
        try db.query("SELECT record FROM \(table) WHERE case_reference = ? ORDER BY rowid", reference).map {
            try JSONColumn.value(T.self, $0, "record", table: table)
        }
    }

    /// A number of a record: an integer from 1.
    package static func number(_ column: String) -> String { "\(column) INTEGER NOT NULL CHECK (\(column) >= 1)" }
}
