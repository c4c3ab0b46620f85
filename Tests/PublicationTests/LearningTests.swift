import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Sharing a review's learning (§11.3.2, per case) and learning from national reviews (§11.5.1,
/// per partnership).
@Suite("Learning (§11.3-11.5)")
struct LearningTests {
    private func learningPlan(
        _ harness: Harness, _ reference: CaseReference, how: String = "Fictional: briefing notes for team meetings",
        audiences: [String] = ["Testshire Health", "Testshire Police"]
    ) async throws(RPCError) -> PublicationAPI.RecordLearningPlanResponse {
        try await harness.call(
            PublicationAPI.recordLearningPlan,
            .init(caseReference: reference, how: how, audiences: audiences, byWhen: Fixtures.date("2027-03-01")), as: TestTokens.publication)
    }

    @Test("§11.3.2: the plan for sharing the learning (how, to whom, by when) is kept per case; a later one is added, both kept")
    func learningPlanPerCase() async throws {
        try await withPrepared(1) { harness, reference in
            #expect(try await learningPlan(harness, reference).plan.number == 1)
            let second = try await learningPlan(harness, reference, how: "Fictional: a multi-agency learning event")
            #expect(second.plan.number == 2 && second.plan.audiences == ["Testshire Health", "Testshire Police"])
            #expect(try await harness.actionPlan(reference).learningPlans.map(\.how).last == "Fictional: a multi-agency learning event")
        }
    }

    @Test("§11.3.2: a plan without how or to whom, or on a case with neither publication nor plan, is refused naming the field")
    func learningPlanRefusals() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectPlanRefused(reference, .invalidArgument, "how: say how the learning will be shared") {
                _ = try await learningPlan(harness, reference, how: " ")
            }
            try await harness.expectPlanRefused(reference, .invalidArgument, "audiences: name whom") {
                _ = try await learningPlan(harness, reference, audiences: [])
            }
            try await harness.expectPlanRefused(reference, .invalidArgument, "audiences[1]: is empty") {
                _ = try await learningPlan(harness, reference, audiences: ["Testshire Health", ""])
            }
            let other = Fixtures.reference(8)
            try await harness.expectPlanRefused(other, .notFound, "caseReference: P6: no action plan or publication is held for \(other)") {
                _ = try await learningPlan(harness, other)
            }
        }
    }

    @Test("§11.5.1: learning from national reviews is kept for the partnership, numbered, listed a page at a time")
    func nationalLearning() async throws {
        try await withHarness { harness in
            let request = PublicationAPI.RecordNationalLearningRequest(
                nationalReview: "Fictional: National Panel review of sudden infant deaths", learningTaken: "Fictional: a safer-sleep briefing",
                byWhen: Fixtures.date("2027-06-30"))
            let first = try await harness.call(PublicationAPI.recordNationalLearning, request, as: TestTokens.panel)
            #expect(first.number == 1 && first.recordedBy == "Sam.Panel")
            #expect(try await harness.call(PublicationAPI.recordNationalLearning, request, as: TestTokens.panel).number == 2)
            let page = try await harness.call(PublicationAPI.listNationalLearning, .init(pageSize: 1, offset: 1), as: TestTokens.publication)
            #expect(page.total == 2 && page.learning.map(\.number) == [2])
            var blank = request
            blank.learningTaken = ""
            let error = await captureRPCError { _ = try await harness.call(PublicationAPI.recordNationalLearning, blank, as: TestTokens.panel) }
            #expect(error?.code == .invalidArgument && error?.message.hasPrefix("learningTaken: say what was taken") == true)
            #expect(try await harness.call(PublicationAPI.listNationalLearning, .init(), as: TestTokens.publication).total == 2)
        }
    }
}
