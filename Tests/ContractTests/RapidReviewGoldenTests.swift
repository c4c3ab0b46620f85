import Contract
import Foundation
import RPC
import Testing

/// The wire names of the rapid-review service's calls and of its hand-over to
/// review-management, pinned like the rest of the contract (`GoldenTests`).
@Suite("Golden JSON of the rapid-review calls")
struct RapidReviewGoldenTests {
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
