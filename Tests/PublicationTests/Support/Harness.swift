import Contract
import Foundation
import PublicationService
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

extension TestDirectory {
    /// A directory with the shared tokens and this target's settings: TESTSHIRE, "today" 2027-01-11.
    static func publication(extra: [String: String] = [:]) throws -> TestDirectory {
        try TestDirectory(
            settings: ["CSPR_TODAY": Fixtures.todayText, "CSPR_PARTNERSHIP": "TESTSHIRE", "CSPR_GRACE_SECONDS": "2", "CSPR_LOOPS": "1"]
                .merging(extra) { $1 })
    }
}

/// The publication service started in this process on a free port, with a client and typed
/// steps acting as the principal each step belongs to.
final class Harness: Sendable {
    let directory: TestDirectory
    let service: RunningService
    let client: RPCClient
    /// The stand-ins for the stages asked to check a report for disclosure (P4).
    let stages: StandInDisclosureStages

    private init(directory: TestDirectory, service: RunningService, stages: StandInDisclosureStages) {
        self.directory = directory
        self.service = service
        self.stages = stages
        client = RPCClient(host: "127.0.0.1", port: service.port)
    }

    /// Starts a fresh service with an empty database and `extra` settings. Its peers (intake,
    /// review-management) are the stand-ins unless `peers` says where they are.
    static func start(extra: [String: String] = [:], peers: [ServiceIdentity: Int]? = nil) async throws -> Harness {
        let directory = try TestDirectory.publication(extra: extra)
        let stages = try StandInDisclosureStages()
        let service = try await startInProcess(
            PublicationService.definition, directory, peers: peers ?? [.intake: stages.port, .reviewManagement: stages.port])
        return Harness(directory: directory, service: service, stages: stages)
    }

    func stop() async {
        await service.stop(grace: .seconds(1))
        await stages.stop()
    }

    /// Calls `method` as the holder of `token`.
    func call<Request, Response>(_ method: RPC.Method<Request, Response>, _ request: Request, as token: String, metadata: Metadata = Metadata())
        async throws(RPCError) -> Response
    {
        var all = bearer(token)
        for field in metadata { all.add(field.name, field.value) }
        return try await client.call(method, request, deadline: .seconds(10), metadata: all)
    }

    // MARK: Steps

    /// review-management's hand-over, with its key (the relay always sends one).
    @discardableResult
    func prepare(_ request: PublicationAPI.PreparePublicationRequest, key: String? = nil) async throws(RPCError)
        -> PublicationAPI.PreparePublicationResponse
    {
        var metadata = Metadata()
        metadata.add("idempotency-key", key ?? "review-management/PreparePublication/\(request.caseReference)")
        return try await call(PublicationAPI.preparePublication, request, as: TestTokens.service(.reviewManagement), metadata: metadata)
    }

    @discardableResult
    func recordAdvanceCopy(
        _ reference: CaseReference, to recipient: PublicationAPI.AdvanceCopyRecipient, version: Int = 1, sentOn: CivilDate,
        of document: PublicationAPI.PublicationDocument? = nil, as token: String = TestTokens.publication
    ) async throws(RPCError) -> PublicationAPI.RecordAdvanceCopyResponse {
        try await call(
            PublicationAPI.recordAdvanceCopy,
            .init(caseReference: reference, recipient: recipient, reportVersion: version, sentOn: sentOn, document: document), as: token)
    }

    @discardableResult
    func decideNotToPublish(
        _ reference: CaseReference, on date: CivilDate, reasons: String = "Fictional: the child's siblings would be identified",
        decidedBy: String = "Fictional: the three safeguarding partners", caseReviewPanelAgreed: Bool = true
    ) async throws(RPCError) -> PublicationAPI.DecideNotToPublishResponse {
        try await call(
            PublicationAPI.decideNotToPublish,
            .init(caseReference: reference, decidedOn: date, reasons: reasons, decidedBy: decidedBy, caseReviewPanelAgreed: caseReviewPanelAgreed),
            as: TestTokens.publication)
    }

    /// All three advance copies of `version`, sent on `sentOn`.
    func recordAllAdvanceCopies(
        _ reference: CaseReference, version: Int = 1, sentOn: CivilDate, of document: PublicationAPI.PublicationDocument? = nil
    ) async throws(RPCError) {
        for recipient in PublicationAPI.AdvanceCopyRecipient.allCases {
            try await recordAdvanceCopy(reference, to: recipient, version: version, sentOn: sentOn, of: document)
        }
    }

    @discardableResult
    func schedule(_ reference: CaseReference, on date: CivilDate, address: String = Fixtures.address) async throws(RPCError)
        -> PublicationAPI.SchedulePublicationResponse
    {
        try await call(
            PublicationAPI.schedulePublication, .init(caseReference: reference, publicationDate: date, address: address), as: TestTokens.publication)
    }

    @discardableResult
    func recordPublished(_ reference: CaseReference, on date: CivilDate, address: String = Fixtures.address) async throws(RPCError)
        -> PublicationAPI.RecordPublishedResponse
    {
        try await call(
            PublicationAPI.recordPublished, .init(caseReference: reference, publishedOn: date, address: address), as: TestTokens.publication)
    }

    @discardableResult
    func recordRepositorySubmission(_ reference: CaseReference, submittedOn: CivilDate, acknowledgedOn: CivilDate? = nil) async throws(RPCError)
        -> PublicationAPI.RecordRepositorySubmissionResponse
    {
        try await call(
            PublicationAPI.recordRepositorySubmission,
            .init(caseReference: reference, submittedOn: submittedOn, acknowledgedOn: acknowledgedOn), as: TestTokens.publication)
    }

    @discardableResult
    func recordDelayNotice(
        _ reference: CaseReference, panel: CivilDate? = Fixtures.today, secretary: CivilDate? = Fixtures.today, reason: String? = "Fictional: a trial"
    ) async throws(RPCError) -> PublicationAPI.RecordDelayNoticeResponse {
        try await call(
            PublicationAPI.recordDelayNotice,
            .init(caseReference: reference, nationalPanelInformedOn: panel, secretaryOfStateInformedOn: secretary, reason: reason),
            as: TestTokens.publication)
    }

    func publication(_ reference: CaseReference) async throws(RPCError) -> PublicationAPI.Publication {
        try await call(PublicationAPI.getPublication, .init(caseReference: reference), as: TestTokens.publication)
    }

    func list(pageSize: Int? = nil, offset: Int? = nil, as token: String = TestTokens.viewer) async throws(RPCError)
        -> PublicationAPI.ListPublicationsResponse
    {
        try await call(PublicationAPI.listPublications, .init(pageSize: pageSize, offset: offset), as: token)
    }

    /// The statuses of `references`, as the gateway asks.
    func statuses(_ references: [CaseReference]) async throws(RPCError) -> GetStatusesResponse {
        try await call(PublicationAPI.getStatuses, .init(references: references), as: TestTokens.service(.gateway))
    }

    /// Every stored status row's version and text, by reference.
    func feedRows() async throws -> [String: String] {
        try await service.context.database.read { db in
            var rows: [String: String] = [:]
            for row in try db.query("SELECT reference, version, status FROM case_status") {
                let version: Int64 = try row[1]
                let status: String = try row[2]
                rows[try row[0]] = "\(version) \(status)"
            }
            return rows
        }
    }

    /// Every row of the service's own tables, as text: what a refused call must not change.
    func tableRows() async throws -> [String] {
        try await service.context.database.read { db in
            let queries =
                [
                    "SELECT 'publications', case_reference, preparation FROM publications ORDER BY case_reference",
                    "SELECT 'advance_copies', case_reference, record FROM advance_copies ORDER BY case_reference, number",
                    "SELECT 'publication_schedules', case_reference, record FROM publication_schedules ORDER BY case_reference, number",
                    "SELECT 'published_reports', case_reference, record FROM published_reports ORDER BY case_reference",
                    "SELECT 'repository_submissions', case_reference, record FROM repository_submissions ORDER BY case_reference, number",
                    "SELECT 'delay_notices', case_reference, record FROM delay_notices ORDER BY case_reference, number",
                    "SELECT 'not_publishing_decisions', case_reference, record FROM not_publishing_decisions ORDER BY case_reference",
                ] + GateTables.names.map { "SELECT '\($0)', case_reference, record FROM \($0) ORDER BY case_reference, rowid" }
            var rows: [String] = []
            for query in queries {
                for row in try db.query(query) {
                    let (table, reference, record): (String, String, String) = (try row[0], try row[1], try row[2])
                    rows.append("\(table) \(reference) \(record)")
                }
            }
            return rows
        }
    }

    /// Runs a call that must be refused with `code` and a message starting with `prefix`, and
    /// checks that the publication (if any), the tables and the status feed read the same
    /// afterwards: a refused call changes nothing.
    func expectRefused(
        _ reference: CaseReference, _ code: RPCCode, _ prefix: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async throws {
        let before = try? await publication(reference)
        let (rowsBefore, feedBefore) = (try await tableRows(), try await feedRows())
        let error = await captureRPCError(body)
        #expect(error?.code == code, "\(error?.description ?? "not refused")", sourceLocation: sourceLocation)
        #expect(
            error?.message.hasPrefix(prefix) == true, "\(error?.message ?? "not refused") does not start with \(prefix)",
            sourceLocation: sourceLocation)
        #expect((try? await publication(reference)) == before, "a refused call changed the publication", sourceLocation: sourceLocation)
        #expect(try await tableRows() == rowsBefore, "a refused call changed the tables", sourceLocation: sourceLocation)
        #expect(try await feedRows() == feedBefore, "a refused call changed the status feed", sourceLocation: sourceLocation)
    }
}

/// Runs `body` with a fresh service and stops it however `body` ends.
func withHarness<T>(_ body: (Harness) async throws -> T) async throws -> T {
    let harness = try await Harness.start()
    return try await withStopping(harness, stop: { await $0.stop() }, body)
}

/// Runs `body` with a fresh service holding the approved report of case `sequence`.
func withPrepared<T>(_ sequence: Int, _ body: (Harness, CaseReference) async throws -> T) async throws -> T {
    try await withHarness { harness in
        let reference = Fixtures.reference(sequence)
        try await harness.prepare(Fixtures.preparation(reference))
        return try await body(harness, reference)
    }
}
