import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The calls that add a record each time (an action plan item, its progress, a learning plan,
/// national learning) are applied once per `idempotency-key`: a client that retries after a
/// lost reply gets the first reply, not a second record; the key reused for another request
/// is refused. Without a key each call adds, as before.
@Suite("Records added once per idempotency key")
struct IdempotentRecordsTests {
    static func key(_ text: String) -> Metadata {
        var metadata = Metadata()
        metadata.add("idempotency-key", text)
        return metadata
    }

    static let item = PublicationAPI.AddActionPlanItemRequest(
        caseReference: Fixtures.reference(1), source: .recommendation, recommendationNumber: 1, agreedAction: "Fictional: a shared record",
        ownerAgency: "Testshire Health", leadOfficer: "Named Nurse", targetDate: Fixtures.date("2027-03-31"))

    @Test("P6: an item and its progress sent twice with one key are recorded once; the key for another request is refused")
    func actionPlanOnce() async throws {
        try await withPrepared(1) { harness, reference in
            let token = TestTokens.publication
            let first = try await harness.call(PublicationAPI.addActionPlanItem, Self.item, as: token, metadata: Self.key("item-0001"))
            let again = try await harness.call(PublicationAPI.addActionPlanItem, Self.item, as: token, metadata: Self.key("item-0001"))
            #expect(first == again)
            var other = Self.item
            other.agreedAction = "Fictional: another action"
            let reused = await captureRPCError {
                _ = try await harness.call(PublicationAPI.addActionPlanItem, other, as: token, metadata: Self.key("item-0001"))
            }
            #expect(reused?.code == .invalidArgument)
            #expect(try await harness.actionPlan(reference).items.count == 1)

            let progress = PublicationAPI.RecordActionProgressRequest(
                caseReference: reference, itemNumber: 1, date: Fixtures.today, text: "Fictional: briefing given", rag: .amber)
            _ = try await harness.call(PublicationAPI.recordActionProgress, progress, as: token, metadata: Self.key("progress-0001"))
            _ = try await harness.call(PublicationAPI.recordActionProgress, progress, as: token, metadata: Self.key("progress-0001"))
            #expect(try await harness.actionPlan(reference).items.first?.progress.count == 1)
            // Without a key, each call adds: the key is the client's to give.
            _ = try await harness.call(PublicationAPI.addActionPlanItem, Self.item, as: token)
            #expect(try await harness.actionPlan(reference).items.count == 2)
        }
    }

    @Test("§11.5: national learning sent twice with one key is recorded once")
    func nationalLearningOnce() async throws {
        try await withHarness { harness in
            let request = PublicationAPI.RecordNationalLearningRequest(
                nationalReview: "Fictional national review", learningTaken: "Fictional: briefings for GPs", byWhen: Fixtures.date("2027-06-30"))
            let first = try await harness.call(PublicationAPI.recordNationalLearning, request, as: TestTokens.panel, metadata: Self.key("n-1"))
            let again = try await harness.call(PublicationAPI.recordNationalLearning, request, as: TestTokens.panel, metadata: Self.key("n-1"))
            #expect(first == again && first.number == 1)
            #expect(try await harness.call(PublicationAPI.listNationalLearning, .init(), as: TestTokens.publication).total == 1)
        }
    }
}
