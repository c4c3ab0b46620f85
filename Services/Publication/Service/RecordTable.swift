/// The shape of a publication's history tables: one kind of record of a case, numbered by its
/// keys, kept whole as JSON beside the columns a step searches or constrains; kept as written
/// (triggers refuse UPDATE and DELETE), as review-management keeps its records.
enum RecordTable {
    /// `CREATE TABLE table` with the case, `columns` (SQL column definitions), the JSON record
    /// and `PRIMARY KEY (case_reference, keys...)` (the case alone when `keys` is empty), kept.
    static func create(_ table: String, columns: [String] = [], keys: [String], kept why: String) -> String {
        let caseColumn =
            keys.isEmpty
            ? "case_reference TEXT PRIMARY KEY REFERENCES publications(case_reference)"
            : "case_reference TEXT NOT NULL REFERENCES publications(case_reference)"
        var lines = [caseColumn] + columns + ["record TEXT NOT NULL CHECK (json_valid(record))"]
        if !keys.isEmpty { lines.append("PRIMARY KEY (\((["case_reference"] + keys).joined(separator: ", ")))") }
        return "CREATE TABLE \(table) (\n    " + lines.joined(separator: ",\n    ") + "\n) STRICT;\n" + kept(table, why)
    }

    /// Triggers refusing UPDATE and DELETE on `table`, with `why` as the refusal's message.
    static func kept(_ table: String, _ why: String) -> String {
        let message = why.replacingOccurrences(of: "'", with: "''")
        return """
            CREATE TRIGGER \(table)_kept BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(message)'); END;
            CREATE TRIGGER \(table)_not_deleted BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(message)'); END;
            """
    }

    /// A number of a record: an integer from 1.
    static func number(_ column: String) -> String { "\(column) INTEGER NOT NULL CHECK (\(column) >= 1)" }
}
