import Contract
import ServiceKit
import Storage
import WorkingDays

extension ReviewRows {
    /// Reads the oversight record of `reference` into `review`: parallel processes with their
    /// updates, delays, forecasts, notices and checkpoints, each in the order recorded.
    static func loadOversight(_ db: some DatabaseAccess, reference key: CaseReference, into review: inout Review) throws {
        typealias API = ReviewManagementAPI
        let updates = try db.query(
            "SELECT process, record FROM parallel_process_updates WHERE case_reference = ? ORDER BY process, number", key
        ).map { row -> (Int, API.ParallelProcessUpdate) in
            (try row["process"], try JSONColumn.value(API.ParallelProcessUpdate.self, row, "record", table: "parallel_process_updates"))
        }
        let byProcess = Dictionary(grouping: updates, by: \.0).mapValues { $0.map(\.1) }
        review.parallelProcesses = try db.query("SELECT record FROM parallel_processes WHERE case_reference = ? ORDER BY number", key).map {
            var process = try JSONColumn.value(API.ParallelProcess.self, $0, "record", table: "parallel_processes")
            process.updates = byProcess[process.number] ?? []
            process.status = process.updates.last?.status ?? process.status
            return process
        }
        review.delayDecisions = try records(db, "delay_decisions", key)
        review.forecasts = try records(db, "completion_forecasts", key)
        review.delayNotices = try records(db, "delay_notices", key)
        review.checkpoints = try records(db, "checkpoints", key)
    }

    /// Every record of `table` for `key`, in number order.
    private static func records<T: Decodable>(_ db: some DatabaseAccess, _ table: String, _ key: CaseReference) throws -> [T] {
        try db.query("SELECT record FROM \(table) WHERE case_reference = ? ORDER BY number", key).map {
            try JSONColumn.value(T.self, $0, "record", table: table)
        }
    }
}

extension ReviewWriter {
    /// Registers a parallel process or adds an update to one; earlier updates stay.
    func recordParallelProcess(_ step: ParallelProcessStep, of reference: CaseReference) throws {
        if step.registers {
            var header = step.process
            header.updates = []
            try tx.execute(
                "INSERT INTO parallel_processes (case_reference, number, record) VALUES (?, ?, ?)", reference, header.number,
                try JSONColumn.text(header))
        }
        try tx.execute(
            "INSERT INTO parallel_process_updates (case_reference, process, number, record) VALUES (?, ?, ?, ?)", reference,
            step.process.number, step.process.updates.count, try JSONColumn.text(step.update))
    }

    /// Records a numbered oversight record (a delay decision, forecast, notice or checkpoint).
    func recordOversight<T: Encodable>(_ record: T, number: Int, in table: OversightTable, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO \(table.rawValue) (case_reference, number, record) VALUES (?, ?, ?)", reference, number, try JSONColumn.text(record))
    }
}

/// The tables of numbered oversight records.
enum OversightTable: String {
    case delayDecisions = "delay_decisions"
    case completionForecasts = "completion_forecasts"
    case delayNotices = "delay_notices"
    case checkpoints
}
