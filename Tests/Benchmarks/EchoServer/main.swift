import Foundation
import H2

struct Echo: HTTPHandler {
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["content-type": "application/octet-stream"], body: request.body, trailers: ["x-done": "1"])
    }
}
var configuration = ServerConfiguration()
configuration.port = 7199
let server = try HTTPServer(configuration: configuration, handler: Echo())
print("listening on \(server.port)")
while true { sleep(100) }
