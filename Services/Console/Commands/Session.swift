import Contract
import Foundation
import H2
import RPC

/// One run of `cspr`: the parsed command line, the token, the timeout, and the calls.
package struct Session: Sendable {
    /// The command line.
    package let line: ParsedCommandLine
    /// Streams and environment.
    package let io: ConsoleIO
    /// `--json`: print the answer's JSON instead of a table.
    package let json: Bool
    /// `--token`, else `CSPR_TOKEN`.
    package let token: String?
    /// `--timeout` seconds (default 10).
    package let timeout: Duration

    package init(_ line: ParsedCommandLine, io: ConsoleIO) throws(ConsoleError) {
        self.line = line
        self.io = io
        json = line.flags.contains("json")
        let token = line.values["token"] ?? io.environment["CSPR_TOKEN"]
        self.token = token.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        if let text = line.values["timeout"] {
            guard let seconds = Double(text), seconds > 0, seconds <= 600 else {
                throw .usage("--timeout \"\(text)\" is not a number of seconds between 0 and 600")
            }
            timeout = .milliseconds(Int64(seconds * 1000))
        } else {
            timeout = .seconds(10)
        }
    }

    /// The bearer token as call metadata.
    var metadata: Metadata {
        var metadata = Metadata()
        if let token { metadata.add("authorization", "Bearer \(token)") }
        return metadata
    }

    /// A client of `service` at its address (`--url`, `CSPR_<SERVICE>_URL`, or the default).
    func client(_ service: ServiceIdentity) throws(ConsoleError) -> RPCClient {
        let address = try ServiceAddresses.address(of: service, flag: line.values["url"], environment: io.environment)
        var configuration = ClientConfiguration()
        configuration.connectTimeout = min(timeout, .seconds(5))
        return RPCClient(host: address.host, port: address.port, configuration: configuration)
    }

    /// Calls `method` of `service`.
    func call<Request, Response>(_ service: ServiceIdentity, _ method: Method<Request, Response>, _ request: Request) async throws(ConsoleError)
        -> Response
    {
        let client = try client(service)
        defer { client.transport.close() }
        do {
            return try await client.call(method, request, deadline: timeout, metadata: metadata)
        } catch {
            throw .call(error)
        }
    }

    /// Calls `path` of `service` with JSON as given; the answer's JSON.
    func callRaw(_ service: ServiceIdentity, path: String, json body: Data) async throws(ConsoleError) -> Data {
        let client = try client(service)
        defer { client.transport.close() }
        do {
            return try await client.callRaw(path: path, json: body, deadline: timeout, metadata: metadata)
        } catch {
            throw .call(error)
        }
    }

    /// Prints `text` to standard output.
    func print(_ text: String) { io.output(text) }

    /// With `--json`, prints `response` as JSON and returns true (nothing more to print);
    /// otherwise returns false and the command prints its own words.
    func printedAsJSON<Response: Encodable>(_ response: Response) -> Bool {
        guard json else { return false }
        print(JSONOutput.text(response))
        return true
    }
}
