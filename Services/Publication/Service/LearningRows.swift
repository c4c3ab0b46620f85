import Contract
import ServiceKit
import Storage
import WorkingDays

/// The learning's tables and rows: plans for sharing a review's learning (per case, §11.3.2)
/// and learning taken from national reviews (per partnership, §11.5.1).
enum LearningRows {
    /// Plans for sharing the learning, per case; no reference to `publications` (a case decided
    /// i has learning too).
    static let learningPlans = Migration(
        "learning_plans",
        sql: """
            CREATE TABLE learning_plans (
                case_reference TEXT NOT NULL,
                number INTEGER NOT NULL CHECK (number >= 1),
                record TEXT NOT NULL CHECK (json_valid(record)),
                PRIMARY KEY (case_reference, number)
            ) STRICT;
            \(RecordTable.kept("learning_plans", "a plan for sharing the learning is kept as recorded"))
            """)
    /// Learning from national reviews, for the partnership: no case.
    static let nationalLearning = Migration(
        "national_learning",
        sql: """
            CREATE TABLE national_learning (
                number INTEGER PRIMARY KEY CHECK (number >= 1),
                record TEXT NOT NULL CHECK (json_valid(record))
            ) STRICT;
            \(RecordTable.kept("national_learning", "learning from a national review is kept as recorded"))
            """)

    /// The plans of `reference`, oldest first.
    static func plans(_ db: some DatabaseAccess, reference: CaseReference) throws -> [PublicationAPI.LearningPlan] {
        try db.query("SELECT record FROM learning_plans WHERE case_reference = ? ORDER BY number", reference).map {
            try JSONColumn.value(PublicationAPI.LearningPlan.self, $0, "record", table: "learning_plans")
        }
    }

    /// Adds a plan to `reference`.
    static func add(_ plan: PublicationAPI.LearningPlan, of reference: CaseReference, _ tx: WriteTransaction) throws {
        try tx.execute(
            "INSERT INTO learning_plans (case_reference, number, record) VALUES (?, ?, ?)", reference, plan.number, try JSONColumn.text(plan))
    }

    /// How many national learning records there are.
    static func nationalCount(_ db: some DatabaseAccess) throws -> Int {
        let count: Int? = try db.value("SELECT count(*) FROM national_learning")
        return count ?? 0
    }

    /// A page of national learning, oldest first.
    static func national(_ db: some DatabaseAccess, limit: Int, offset: Int) throws -> [PublicationAPI.NationalLearning] {
        try db.query("SELECT record FROM national_learning ORDER BY number LIMIT ? OFFSET ?", limit, offset).map {
            try JSONColumn.value(PublicationAPI.NationalLearning.self, $0, "record", table: "national_learning")
        }
    }

    /// Adds national learning.
    static func add(_ learning: PublicationAPI.NationalLearning, _ tx: WriteTransaction) throws {
        try tx.execute("INSERT INTO national_learning (number, record) VALUES (?, ?)", learning.number, try JSONColumn.text(learning))
    }
}
