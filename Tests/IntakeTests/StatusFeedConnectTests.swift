import Contract
import Foundation
import H2
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// The change feed in its Connect form: plain JSON over HTTP/2, as a browser or curl sends it,
/// answers the same pages as the gRPC form the gateway uses.
@Suite("intake's change feed over Connect JSON")
struct StatusFeedConnectTests {
    static func connect(_ intake: FeedIntake, _ json: String) async throws -> (status: Int, body: String) {
        let client = HTTP2Client(host: "127.0.0.1", port: intake.service.port)
        defer { client.close() }
        var headers = HTTPFields()
        headers.add("content-type", "application/json")
        headers.add("authorization", "Bearer \(TestTokens.service(.gateway))")
        let request = HTTPRequest(
            head: HTTPRequestHead(method: "POST", path: IntakeAPI.getStatuses.path, headers: headers, version: .http2), body: Data(json.utf8))
        let response = try await client.send(request, timeout: .seconds(10))
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }

    @Test("a Connect page carries statuses, next and more; following next pages to the end; a bad cursor names the field")
    func connectPages() async throws {
        try await FeedIntake.with { intake in
            for number in 0..<5 { _ = try await intake.open(number) }
            let first = try await Self.connect(intake, #"{"pageSize":3}"#)
            #expect(first.status == 200)
            let page = try JSONCodec.decode(GetStatusesResponse.self, from: Data(first.body.utf8))
            #expect(page.statuses.count == 3)
            #expect(page.more == true)
            // The same page as the gRPC form gives.
            let grpc = try await intake.client.call(
                IntakeAPI.getStatuses, .init(pageSize: 3), as: TestTokens.service(.gateway), deadline: .seconds(10))
            #expect(grpc == page)
            let next = try #require(page.next)
            let rest = try await Self.connect(intake, #"{"since":"\#(next)","pageSize":3}"#)
            let last = try JSONCodec.decode(GetStatusesResponse.self, from: Data(rest.body.utf8))
            #expect(last.statuses.count == 2)
            #expect(last.more == false)
            #expect(Set((page.statuses + last.statuses).map(\.reference)).count == 5)

            let bad = try await Self.connect(intake, #"{"since":"yesterday"}"#)
            #expect(bad.status == 400)
            #expect(bad.body.contains("since: expected a cursor given as `next` by an earlier GetStatuses"))
        }
    }
}
