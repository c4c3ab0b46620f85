import Contract
import ServiceKit
import Storage
import WorkingDays

/// The action plans' tables, appended after the publication's. They do not refer to
/// `publications`: a case decided h or i has an action plan and no publication.
enum ActionPlanSchema {
    /// The plans: one row per case, started by its first item.
    static let actionPlans = Migration(
        "action_plans",
        sql: """
            CREATE TABLE action_plans (
                case_reference TEXT PRIMARY KEY,
                started_on TEXT NOT NULL
            ) STRICT;
            \(RecordTable.kept("action_plans", "an action plan is kept as started"))
            """)
    /// The items as agreed.
    static let items = Migration(
        "action_plan_items",
        sql: """
            CREATE TABLE action_plan_items (
                case_reference TEXT NOT NULL REFERENCES action_plans(case_reference),
                number INTEGER NOT NULL CHECK (number >= 1),
                record TEXT NOT NULL CHECK (json_valid(record)),
                PRIMARY KEY (case_reference, number)
            ) STRICT;
            \(RecordTable.kept("action_plan_items", "an action plan item is kept as agreed"))
            """)
    /// The progress updates.
    static let progress = Migration(
        "action_progress",
        sql: """
            CREATE TABLE action_progress (
                case_reference TEXT NOT NULL,
                item_number INTEGER NOT NULL,
                number INTEGER NOT NULL CHECK (number >= 1),
                record TEXT NOT NULL CHECK (json_valid(record)),
                PRIMARY KEY (case_reference, item_number, number),
                FOREIGN KEY (case_reference, item_number) REFERENCES action_plan_items(case_reference, number)
            ) STRICT;
            \(RecordTable.kept("action_progress", "a progress update is kept as recorded"))
            """)
    /// The closures on evidence.
    static let closures = Migration(
        "action_closures",
        sql: """
            CREATE TABLE action_closures (
                case_reference TEXT NOT NULL,
                item_number INTEGER NOT NULL,
                record TEXT NOT NULL CHECK (json_valid(record)),
                PRIMARY KEY (case_reference, item_number),
                FOREIGN KEY (case_reference, item_number) REFERENCES action_plan_items(case_reference, number)
            ) STRICT;
            \(RecordTable.kept("action_closures", "an item's closure is kept as recorded"))
            """)
}

/// Reads and writes the action plans' rows.
enum ActionPlanRows {
    /// The items of `reference`, in number order, each with its progress and closure.
    static func items(_ db: some DatabaseAccess, reference: CaseReference) throws -> [PublicationAPI.ActionPlanItem] {
        var items = try db.query("SELECT record FROM action_plan_items WHERE case_reference = ? ORDER BY number", reference).map {
            try JSONColumn.value(PublicationAPI.ActionPlanItem.self, $0, "record", table: "action_plan_items")
        }
        let progress = try db.query(
            "SELECT item_number, record FROM action_progress WHERE case_reference = ? ORDER BY item_number, number", reference)
        for row in progress {
            let number: Int = try row["item_number"]
            let update = try JSONColumn.value(PublicationAPI.ProgressUpdate.self, row, "record", table: "action_progress")
            if let index = items.firstIndex(where: { $0.number == number }) { items[index].progress.append(update) }
        }
        for row in try db.query("SELECT item_number, record FROM action_closures WHERE case_reference = ?", reference) {
            let number: Int = try row["item_number"]
            let closure = try JSONColumn.value(PublicationAPI.SustainedEvidence.self, row, "record", table: "action_closures")
            if let index = items.firstIndex(where: { $0.number == number }) {
                items[index].closure = closure
                items[index].status = .closed
            }
        }
        return items
    }

    /// The action plan of `reference` as its calls see it: with the publication when held.
    /// Never nil: a case with neither is an empty plan, which the first item starts.
    static func load(_ db: some DatabaseAccess, reference: CaseReference) throws -> CaseActionPlan? {
        let publication = try PublicationRows.load(db, reference: reference)
        return CaseActionPlan(
            reference: reference, publication: publication, ownItems: publication == nil ? try items(db, reference: reference) : [],
            learningPlans: try LearningRows.plans(db, reference: reference))
    }

    /// Adds `item`, starting the plan on its first item.
    static func add(_ item: PublicationAPI.ActionPlanItem, of reference: CaseReference, _ tx: WriteTransaction) throws {
        let started: Int? = try tx.value("SELECT 1 FROM action_plans WHERE case_reference = ?", reference)
        if started == nil { try tx.execute("INSERT INTO action_plans (case_reference, started_on) VALUES (?, ?)", reference, item.addedOn) }
        try tx.execute(
            "INSERT INTO action_plan_items (case_reference, number, record) VALUES (?, ?, ?)", reference, item.number, try JSONColumn.text(item))
    }

    /// Adds a progress update to item `number`.
    static func add(
        _ update: PublicationAPI.ProgressUpdate, to item: PublicationAPI.ActionPlanItem, of reference: CaseReference, _ tx: WriteTransaction
    )
        throws
    {
        try tx.execute(
            "INSERT INTO action_progress (case_reference, item_number, number, record) VALUES (?, ?, ?, ?)", reference, item.number,
            item.progress.count + 1, try JSONColumn.text(update))
    }

    /// Closes item `number` with `closure`.
    static func close(
        _ item: PublicationAPI.ActionPlanItem, with closure: PublicationAPI.SustainedEvidence, of reference: CaseReference, _ tx: WriteTransaction
    )
        throws
    {
        try tx.execute(
            "INSERT INTO action_closures (case_reference, item_number, record) VALUES (?, ?, ?)", reference, item.number, try JSONColumn.text(closure)
        )
    }
}
