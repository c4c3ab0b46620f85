import Contract
import Foundation
import RPC
import Testing

/// The gateway's messages (`cspr.gateway.v1`) keep their wire names (golden/gateway-*.json).
@Suite("Golden JSON of the gateway's calls")
struct GatewayGoldenTests {

    @Test("the calls are cspr.gateway.v1.Gateway's, for the panel and its viewers")
    func descriptors() {
        #expect(GatewayAPI.listCases.path == "/cspr.gateway.v1.Gateway/ListCases")
        #expect(GatewayAPI.getCase.path == "/cspr.gateway.v1.Gateway/GetCase")
        #expect(GatewayAPI.getSummary.path == "/cspr.gateway.v1.Gateway/GetSummary")
        for method in [GatewayAPI.listCases.info, GatewayAPI.getCase.info, GatewayAPI.getSummary.info] {
            #expect(method.roles == ["panel-viewer", "case-review-panel"])
        }
    }

    @Test("a tracked deadline carries the stage's deadline whole, subject included, with its fields flat on the wire")
    func trackedDeadlineKeepsSubject() throws {
        let deadline = Deadline(
            rule: .t1, subject: "National Panel notified", due: Samples.date("2025-03-27"), status: .open, ruleSet: .surrey2019)
        let tracked = GatewayAPI.TrackedDeadline(deadline, workingDaysLeft: 3, reportedBy: "intake")
        #expect(tracked.deadline == deadline)
        #expect(tracked.subject == "National Panel notified")
        let json = try #require(String(data: try JSONCodec.encode(tracked), encoding: .utf8))
        #expect(json.contains(#""subject":"National Panel notified""#) && json.contains(#""workingDaysLeft":3"#))
        #expect(!json.contains(#""deadline""#))
        #expect(try JSONCodec.decode(GatewayAPI.TrackedDeadline.self, from: Data(json.utf8)) == tracked)
    }

    @Test("a bad filter names its field")
    func badFilter() {
        #expect(throws: RPCError(.invalidArgument, "stage: expected one of intake, rapidReview, review, publication, actionPlan, closed")) {
            _ = try JSONCodec.decodeRequest(GatewayAPI.ListCasesRequest.self, from: Data(#"{"stage":"court"}"#.utf8))
        }
    }

    @Test("the T6 share is absent when nothing was decided, and a fraction otherwise")
    func share() {
        #expect(GatewaySamples.summary.rapidReviewTimeliness.map(\.share) == [0.75, nil])
    }
}
