import Contract
import RPC
import ServiceTestSupport
import Testing
import WorkingDays

/// The action plan's steps (P6) as the publication officer takes them.
extension Harness {
    @discardableResult
    func addItem(
        _ reference: CaseReference, source: PublicationAPI.ActionSource = .recommendation, recommendation: Int? = 1,
        action: String = "Fictional: a shared record of concerns", agency: String = "Testshire Health", lead: String = "Named Nurse",
        target: CivilDate = Fixtures.date("2027-03-31"), as token: String = TestTokens.publication
    ) async throws(RPCError) -> PublicationAPI.ActionPlanItemResponse {
        try await call(
            PublicationAPI.addActionPlanItem,
            .init(
                caseReference: reference, source: source, recommendationNumber: recommendation, agreedAction: action, ownerAgency: agency,
                leadOfficer: lead, targetDate: target), as: token)
    }

    @discardableResult
    func recordProgress(
        _ reference: CaseReference, item: Int = 1, on date: CivilDate = Fixtures.today, text: String = "Fictional: briefing given",
        rag: PublicationAPI.RAGRating = .amber
    ) async throws(RPCError) -> PublicationAPI.ActionPlanItemResponse {
        try await call(
            PublicationAPI.recordActionProgress, .init(caseReference: reference, itemNumber: item, date: date, text: text, rag: rag),
            as: TestTokens.publication)
    }

    @discardableResult
    func closeItem(
        _ reference: CaseReference, item: Int = 1, evidence: String? = "Fictional: audit of 20 cases shows concerns shared",
        judgedOn: CivilDate? = Fixtures.today, judgedBy: String? = "Case Review Panel"
    ) async throws(RPCError) -> PublicationAPI.ActionPlanItemResponse {
        try await call(
            PublicationAPI.closeActionPlanItem,
            .init(caseReference: reference, itemNumber: item, evidence: evidence, judgedOn: judgedOn, judgedBy: judgedBy), as: TestTokens.publication)
    }

    func actionPlan(_ reference: CaseReference) async throws(RPCError) -> PublicationAPI.ActionPlan {
        try await call(PublicationAPI.getActionPlan, .init(caseReference: reference), as: TestTokens.publication)
    }

    /// Every row of the action plans' tables, as text.
    func actionPlanRows() async throws -> [String] {
        try await service.context.database.read { db in
            let queries = [
                "SELECT 'action_plans ' || case_reference || ' ' || started_on FROM action_plans ORDER BY 1",
                "SELECT 'action_plan_items ' || case_reference || ' ' || number || ' ' || record FROM action_plan_items ORDER BY 1",
                "SELECT 'action_progress ' || case_reference || ' ' || item_number || ' ' || number || ' ' || record FROM action_progress ORDER BY 1",
                "SELECT 'action_closures ' || case_reference || ' ' || item_number || ' ' || record FROM action_closures ORDER BY 1",
                "SELECT 'learning_plans ' || case_reference || ' ' || number || ' ' || record FROM learning_plans ORDER BY 1",
                "SELECT 'national_learning ' || number || ' ' || record FROM national_learning ORDER BY 1",
            ]
            var rows: [String] = []
            for query in queries { rows += try db.query(query).map { try $0[0] as String } }
            return rows
        }
    }

    /// `expectRefused`, with the action plans' tables unchanged too.
    func expectPlanRefused(
        _ reference: CaseReference, _ code: RPCCode, _ prefix: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async throws {
        let (rows, plan) = (try await actionPlanRows(), try? await actionPlan(reference))
        try await expectRefused(reference, code, prefix, sourceLocation: sourceLocation, body)
        #expect(try await actionPlanRows() == rows, "a refused call changed the action plans' tables", sourceLocation: sourceLocation)
        #expect((try? await actionPlan(reference)) == plan, "a refused call changed the action plan", sourceLocation: sourceLocation)
    }
}
