import Foundation
import TestSupport

/// One HTTP/1.1 exchange over a real socket, as a browser sends it. Each exchange blocks a
/// thread of its own, never one of Swift's cooperative pool: on two cores, two tests waiting on
/// a socket there left the service under test, in the same process, no thread to answer with.
package struct PageBrowser: Sendable {
    package let port: Int

    package init(port: Int) { self.port = port }

    /// This service's origin, as a browser names it.
    package var origin: String { "http://127.0.0.1:\(port)" }

    /// A response: status, headers (the last of a name), body.
    package struct Answer: Sendable {
        package var status: Int
        package var headers: [String: String]
        package var body: String
    }

    /// A GET with the session cookie, if any.
    package func get(_ path: String, cookie: String? = nil) async throws -> Answer {
        try await exchange("GET", path, cookie: cookie, form: nil, headers: [])
    }

    /// A form's POST (`application/x-www-form-urlencoded`), from this origin unless `headers` say otherwise.
    package func post(_ path: String, cookie: String? = nil, form: [(String, String)], headers: [(String, String)]? = nil) async throws
        -> Answer
    {
        try await exchange("POST", path, cookie: cookie, form: form, headers: headers ?? [("Origin", origin)])
    }

    private func exchange(_ method: String, _ path: String, cookie: String?, form: [(String, String)]?, headers: [(String, String)]) async throws
        -> Answer
    {
        let (form, headers) = (form.map { $0.map { [$0.0, $0.1] } }, headers.map { [$0.0, $0.1] })
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        try blockingExchange(
                            method, path, cookie: cookie, form: form.map { $0.map { ($0[0], $0[1]) } }, headers: headers.map { ($0[0], $0[1]) })
                    })
            }.start()
        }
    }

    private func blockingExchange(_ method: String, _ path: String, cookie: String?, form: [(String, String)]?, headers: [(String, String)])
        throws -> Answer
    {
        let connection = try RawConnection(port: port)
        let body = form.map { $0.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&") } ?? ""
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let cookie { request += "Cookie: \(cookie)\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if form != nil { request += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n" }
        connection.send(request + "\r\n" + body)
        guard let response = connection.readHTTP1Response() else { throw BrowserError.noAnswer }
        return Answer(status: response.status, headers: response.headers, body: response.body)
    }

    /// `text` percent-encoded for a form body.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Signs in with `token`; the cookie (`name=value`) and the Set-Cookie line.
    package func signIn(_ token: String) async throws -> (cookie: String, setCookie: String) {
        let answer = try await post("/sign-in", form: [("token", token)])
        guard answer.status == 303, let line = answer.headers["set-cookie"], let pair = line.split(separator: ";").first else {
            throw BrowserError.notSignedIn(answer.status)
        }
        return (String(pair), line)
    }

    /// The session's CSRF token, read from a page's hidden field.
    package func csrfToken(cookie: String, page path: String) async throws -> String {
        let page = try await get(path, cookie: cookie)
        guard let range = page.body.range(of: "name=\"csrfToken\" value=\"") else { throw BrowserError.noToken }
        return String(page.body[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// Why an exchange gave no usable answer.
package enum BrowserError: Error {
    case noAnswer
    case notSignedIn(Int)
    case noToken
}
