import Contract
import Foundation
import H2
import RPC
import ServiceKit
import Storage

/// The public listing on publication's port, with no login: `GET /published` (HTML) and
/// `GET /published.json`. It shows only what is already public (the reference, title, date and
/// address of each publication), so it needs no token and is not audited; it carries the
/// dashboard's security headers (the gateway's `PageResponses`: no scripts, no framing).
struct PublishedPages: HTTPHandler {
    let database: Database
    let logger: Logger

    /// The HTML listing and the JSON listing.
    static let (htmlPath, jsonPath) = ("/published", "/published.json")

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let path = request.head.path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
        let response: HTTPResponse
        if request.head.method != "GET" && request.head.method != "HEAD" {
            response = Self.response(405, "text/plain; charset=utf-8", Data("The listing is read with GET.\n".utf8), allow: true)
        } else if path == Self.htmlPath || path == Self.jsonPath {
            response = await listing(json: path == Self.jsonPath)
        } else {
            response = Self.response(404, "text/plain; charset=utf-8", Data("There is no such page.\n".utf8))
        }
        logger.info(
            "page",
            [
                "page": .string(path == Self.jsonPath ? "published.json" : path == Self.htmlPath ? "published" : "other"),
                "status": .int(response.status),
            ])
        return response
    }

    /// The listing as JSON or HTML; 503 when the database cannot be read.
    private func listing(json: Bool) async -> HTTPResponse {
        do {
            let listing = try await database.read { try PublishedListing.read($0) }
            if json { return Self.response(200, "application/json", try JSONCodec.encode(listing)) }
            return Self.response(200, "text/html; charset=utf-8", Data(Self.html(listing).utf8))
        } catch {
            logger.error("the listing could not be read", ["error": .string("\(error)")])
            return Self.response(503, "text/plain; charset=utf-8", Data("The listing could not be read. Try again shortly.\n".utf8))
        }
    }

    /// The HTML page: a table of the publications, newest first, each linking to its address.
    static func html(_ listing: PublicationAPI.PublishedListing) -> String {
        let rows = listing.published.map { entry in
            "<tr><td>\(HTML.escape(entry.caseReference.description))</td><td><a href=\"\(HTML.escape(entry.address))\">\(HTML.escape(entry.title))</a></td>"
                + "<td>\(entry.publishedOn)</td></tr>"
        }
        let body =
            listing.published.isEmpty
            ? "<p>Nothing has been published yet.</p>"
            : "<table><thead><tr><th>Case</th><th>Title</th><th>Published</th></tr></thead><tbody>\n" + rows.joined(separator: "\n")
                + "\n</tbody></table>"
        return """
            <!doctype html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>Published child safeguarding practice reviews</title></head>
            <body><main><h1>Published child safeguarding practice reviews</h1>
            \(body)
            <p>Reports stay here for at least a year; archived reports are available on request (§10.5.2).</p>
            </main></body></html>
            """
    }

    /// A response with the pages' headers (ServiceKit's `PageHeaders`, as the dashboard's). The listing is public but changes with each
    /// publication: it is not stored by caches.
    static func response(_ status: Int, _ contentType: String, _ body: Data, allow: Bool = false) -> HTTPResponse {
        var headers = PageHeaders.secure(contentType: contentType)
        if allow { headers.add("allow", "GET, HEAD") }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
