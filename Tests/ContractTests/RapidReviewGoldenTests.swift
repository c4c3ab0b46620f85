import Contract
import Foundation
import RPC
import Testing

/// The wire names of the rapid-review service's calls and of its hand-over to
/// review-management, pinned like the rest of the contract (`GoldenTests`).
@Suite("Golden JSON of the rapid-review calls")
struct RapidReviewGoldenTests {
    @Test("ScheduleMeeting keeps its wire names") func scheduleMeeting() throws {
        try GoldenTests.check("rapid-review-schedule-meeting", Samples.scheduleMeeting)
    }
    @Test("RecordMeeting keeps its wire names") func recordMeeting() throws {
        try GoldenTests.check("rapid-review-record-meeting", Samples.recordMeeting)
    }
    @Test("AgreeRecommendation keeps its wire names") func agreeRecommendation() throws {
        try GoldenTests.check("rapid-review-agree-recommendation", Samples.agreeRecommendation)
    }
    @Test("RequestClarification keeps its wire names") func requestClarification() throws {
        try GoldenTests.check("rapid-review-request-clarification", Samples.requestClarification)
    }
    @Test("Ratify keeps its wire names") func ratify() throws { try GoldenTests.check("rapid-review-ratify", Samples.ratify) }
    @Test("RecordSubmission keeps its wire names") func recordSubmission() throws {
        try GoldenTests.check("rapid-review-record-submission", Samples.recordSubmission)
    }
    @Test("GetOutcomeDocument keeps its wire names") func outcomeDocument() throws {
        try GoldenTests.check("rapid-review-outcome-document", Samples.outcomeDocument)
    }
    @Test("GetRapidReview keeps its wire names") func rapidReview() throws { try GoldenTests.check("rapid-review-rapid-review", Samples.rapidReview) }
    @Test("ListRapidReviews keeps its wire names") func listRapidReviews() throws {
        try GoldenTests.check("rapid-review-list", Samples.listRapidReviews)
    }
    @Test("the CommissionReview hand-over keeps its wire names") func commissionReview() throws {
        try GoldenTests.check("commission-review", Samples.commissionReview)
    }
    @Test("each recommendation letter takes its path: a, b, c, e commissioned; h, i closed; d, f, g, j referred elsewhere")
    func outcomePaths() {
        let paths = Dictionary(uniqueKeysWithValues: Recommendation.allCases.map { ($0.letter, RapidReviewAPI.OutcomePath($0)) })
        #expect(paths.filter { $0.value == .reviewCommissioned }.keys.sorted() == ["a", "b", "c", "e"])
        #expect(paths.filter { $0.value == .closedWithLearning }.keys.sorted() == ["h", "i"])
        #expect(paths.filter { $0.value == .referredElsewhere }.keys.sorted() == ["d", "f", "g", "j"])
    }
    @Test("a RecordMeeting request may leave out omissions, documentation and format")
    func recordMeetingDefaults() throws {
        var request = Samples.recordMeeting.request
        request.omissions = []
        request.documentation = nil
        request.format = nil
        var json = try JSONSerialization.jsonObject(with: JSONCodec.encode(request)) as? [String: Any] ?? [:]
        json["omissions"] = nil
        let decoded = try JSONCodec.decode(RapidReviewAPI.RecordMeetingRequest.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded == request)
    }
}
