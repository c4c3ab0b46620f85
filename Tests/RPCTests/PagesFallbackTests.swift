import Foundation
import H2
import RPC
import Testing

/// The router's optional page handler: a service's own GET pages beside its calls.
@Suite("Pages beside the calls")
struct PagesFallbackTests {
    /// Answers every page with its path, so a test sees which requests reached it.
    struct PathEcho: HTTPHandler {
        func handle(_ request: HTTPRequest) async -> HTTPResponse {
            HTTPResponse(status: 200, headers: ["content-type": "text/plain"], body: Data("page \(request.head.path)".utf8))
        }
    }

    static func get(_ router: RPCRouter, _ path: String) async -> HTTPResponse {
        await router.handle(HTTPRequest(head: HTTPRequestHead(method: "GET", path: path, version: .http1_1)))
    }

    @Test("GET of another path reaches the page handler, query string included")
    func pagesAnswer() async {
        let router = RPCRouter(routes: RouteTable(), pages: PathEcho())
        let response = await Self.get(router, "/cases/TESTSHIRE-2025-0001?x=1")
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "page /cases/TESTSHIRE-2025-0001?x=1")
    }

    @Test("health, readiness and metrics stay the router's own")
    func routerEndpointsFirst() async {
        let router = RPCRouter(routes: RouteTable(), readiness: { false }, pages: PathEcho())
        #expect(String(decoding: await Self.get(router, "/healthz").body, as: UTF8.self) == "ok\n")
        #expect(await Self.get(router, "/readyz").status == 503)
        #expect(await Self.get(router, "/metrics").headers["content-type"]?.hasPrefix("text/plain") == true)
    }

    @Test("without a page handler other paths are 404")
    func noPages() async {
        #expect(await Self.get(RPCRouter(routes: RouteTable()), "/").status == 404)
    }
}
