import Foundation
import H2
import ServiceKit

/// The HTTP side of every service's pages: ServiceKit's strict headers (CSP with no scripts
/// at all, no framing), `no-store` on everything but the stylesheet, since pages hold case
/// data or a session's CSRF token.
package enum PageResponse {
    /// The headers of a page or a redirect.
    package static func headers(contentType: String, cacheable: Bool = false) -> HTTPFields {
        PageHeaders.secure(contentType: contentType, cacheControl: cacheable ? "public, max-age=300" : "no-store")
    }

    /// An HTML page.
    package static func html(_ html: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers(contentType: "text/html; charset=utf-8"), body: Data(html.utf8))
    }

    /// The shared stylesheet: no data in it, so it needs no session.
    package static func stylesheet() -> HTTPResponse {
        HTTPResponse(status: 200, headers: headers(contentType: "text/css; charset=utf-8", cacheable: true), body: Data(StyleSheet.text.utf8))
    }

    /// 303 See Other to `location` (a path of this service): after every successful POST.
    package static func redirect(_ location: String, setCookie: String? = nil) -> HTTPResponse {
        var headers = headers(contentType: "text/plain; charset=utf-8")
        headers.add("location", location)
        if let setCookie { headers.add("set-cookie", setCookie) }
        return HTTPResponse(status: 303, headers: headers, body: Data("See \(location)\n".utf8))
    }

    /// A page with a short message, for refusals and errors.
    package static func message(_ status: Int, title: String, text: String, session: WebSession? = nil, settings: SessionSettings? = nil)
        -> HTTPResponse
    {
        html(
            FormPage.document(
                title: title, heading: title, session: session, settings: settings,
                body: HTML.element("p", text) + "\n<nav><p><a href=\"/\">Your pages</a></p></nav>\n"),
            status: status)
    }
}
