import Contract
import ServiceKit
import Storage
import WorkingDays

/// Reads a publication back from its rows.
enum PublicationRows {
    /// How many publications are held.
    static func count(_ db: some DatabaseAccess) throws -> Int {
        let count: Int? = try db.value("SELECT count(*) FROM publications")
        return count ?? 0
    }

    /// One page of case references, in order.
    static func references(_ db: some DatabaseAccess, limit: Int, offset: Int) throws -> [CaseReference] {
        try db.query("SELECT case_reference FROM publications ORDER BY case_reference LIMIT ? OFFSET ?", limit, offset).map {
            try $0["case_reference"]
        }
    }

    /// The publication of `reference` with every fact recorded, or nil.
    static func load(_ db: some DatabaseAccess, reference: CaseReference) throws -> Publication? {
        guard let row = try db.queryOne("SELECT preparation, prepared_on FROM publications WHERE case_reference = ?", reference) else {
            return nil
        }
        var publication = Publication(
            preparation: try JSONColumn.value(PublicationAPI.PreparePublicationRequest.self, row, "preparation", table: "publications"),
            preparedOn: try row["prepared_on"])
        publication.advanceCopies = try db.query("SELECT record FROM advance_copies WHERE case_reference = ? ORDER BY number", reference).map {
            try JSONColumn.value(PublicationAPI.AdvanceCopy.self, $0, "record", table: "advance_copies")
        }
        publication.schedules = try RecordTable.records(db, "publication_schedules", reference)
        publication.published = try (RecordTable.records(db, "published_reports", reference) as [PublicationAPI.PublishedReport]).first
        publication.repositorySubmissions = try RecordTable.records(db, "repository_submissions", reference)
        publication.delayNotices = try RecordTable.records(db, "delay_notices", reference)
        publication.notPublishingDecision = try
            (RecordTable.records(db, "not_publishing_decisions", reference) as [PublicationAPI.NotPublishingDecision]).first
        try GatePlanRows.load(db, into: &publication)
        publication.actionItems = try ActionPlanRows.items(db, reference: reference)
        return publication
    }
}
