import Testing

@testable import H2

@Suite("HTTP/1.1 request parser")
struct HTTP1RequestParserTests {
    private func parse(_ text: String, maxHeaderBytes: Int = 16 * 1024) -> HTTP1ParseResult {
        Array(text.utf8).withUnsafeBytes { HTTP1RequestParser.parse($0, maxHeaderBytes: maxHeaderBytes) }
    }

    @Test("a complete head gives method, target, length and the head's size")
    func completeHead() throws {
        let text = "POST /a/b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nX-Request-Id: r1\r\n\r\nhello"
        guard case .head(let head, let length) = parse(text) else {
            Issue.record("expected a head")
            return
        }
        #expect(head.method == "POST")
        #expect(head.target == "/a/b")
        #expect(head.contentLength == 5)
        #expect(head.keepAlive)
        #expect(head.host == "x")
        #expect(head.headers.contains { $0.name == "x-request-id" && $0.value == "r1" })
        #expect(length == text.utf8.count - 5)
    }

    @Test("an incomplete head asks for more bytes")
    func incomplete() {
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n") == .needMore)
    }

    @Test(
        "malformed or refused heads are answered with the right status",
        arguments: [
            ("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 411),
            ("GET / HTTP/2.0\r\n\r\n", 505),
            ("get / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET nopath HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n", 400),
            ("\u{16}\u{3}\u{1}garbage\r\n\r\n", 400),
        ])
    func rejects(text: String, status: Int) {
        guard case .reject(let got, _) = parse(text) else {
            Issue.record("expected a rejection for \(text.debugDescription)")
            return
        }
        #expect(got == status)
    }

    @Test("a head larger than the limit is refused with 431, complete or not")
    func headerLimit() {
        let big = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 200))\r\n"
        guard case .reject(431, _) = parse(big, maxHeaderBytes: 100) else {
            Issue.record("incomplete oversized head not refused")
            return
        }
        guard case .reject(431, _) = parse(big + "\r\n", maxHeaderBytes: 100) else {
            Issue.record("complete oversized head not refused")
            return
        }
    }

    @Test("HTTP/1.0 closes unless asked to keep alive; Connection: close ends keep-alive")
    func keepAlive() {
        if case .head(let head, _) = parse("GET / HTTP/1.0\r\n\r\n") { #expect(!head.keepAlive) } else { Issue.record("no head") }
        if case .head(let head, _) = parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") {
            #expect(head.keepAlive)
        } else {
            Issue.record("no head")
        }
        if case .head(let head, _) = parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") {
            #expect(!head.keepAlive)
        } else {
            Issue.record("no head")
        }
    }
}
