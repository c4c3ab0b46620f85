import Contract
import Foundation
import ServiceTestSupport
import TestSupport
import Testing

/// Learning as forms over real sockets (§11.3.2, §11.5.1): a case's learning plan and the
/// partnership's learning from national reviews, refused beside their fields.
@Suite("publication's pages: learning", .serialized)
struct LearningPagesTests {
    @Test("§11.3.2: a learning plan without an audience is refused beside it; recorded with two, shown on the action plan")
    func learningPlan() async throws {
        try await withPrepared(341) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.panel)
            let fields = [("how", "Fictional: 7-minute briefings")] + dateFields("byWhen", "2027-03-31")
            let refused = try await session.post("/learning-plan/\(reference)", fields, key: "learning-refused")
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#audiences\""))
            #expect(refused.body.contains("value=\"31\""))
            let recorded = try await session.post(
                "/learning-plan/\(reference)", fields + [("audiences", "Testshire Health\nTestshire Police")], key: "learning")
            #expect(recorded.headers["location"] == "/action-plan/\(reference)?recorded=learning-plan")
            #expect(try await harness.actionPlan(reference).learningPlans.map(\.audiences) == [["Testshire Health", "Testshire Police"]])
        }
    }

    @Test("§11.5.1: national learning refused without what was taken; recorded once for a double submit and listed")
    func nationalLearning() async throws {
        try await withHarness { harness in
            let session = try await PageSession.signIn(harness, TestTokens.panel, page: "/national-learning")
            let fields = [("nationalReview", "Fictional: thematic review of infants")] + dateFields("byWhen", "2027-06-30")
            let refused = try await session.post("/national-learning", fields, key: "national-refused")
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#learningTaken\""))
            let complete = fields + [("learningTaken", "Fictional: an audit of pre-birth assessments")]
            #expect(try await session.post("/national-learning", complete, key: "national").status == 303)
            #expect(try await session.post("/national-learning", complete, key: "national").status == 303)
            let page = try await session.get("/national-learning")
            #expect(page.body.components(separatedBy: "Fictional: an audit of pre-birth assessments").count == 2)
        }
    }
}
