import Foundation
import H2

#if canImport(Glibc)
    import Glibc
#endif

/// `<service> --health-check`: asks the running service on `CSPR_LISTEN` for `/readyz` and exits
/// 0 when it is ready, 1 otherwise. Container health checks use it, so the runtime image needs
/// no curl.
enum HealthProbe {
    static func run(_ listen: PeerAddress) -> Never {
        let host = listen.host == "0.0.0.0" || listen.host == "::" ? "127.0.0.1" : listen.host
        let client = HTTP2Client(host: host, port: listen.port)
        let request = HTTPRequest(head: HTTPRequestHead(method: "GET", path: "/readyz", version: .http2))
        Task {
            do {
                let response = try await client.send(request, timeout: .seconds(3))
                exit(response.status == 200 ? 0 : 1)
            } catch {
                FileHandle.standardError.write(Data("not ready: \(error)\n".utf8))
                exit(1)
            }
        }
        dispatchMain()
    }
}
