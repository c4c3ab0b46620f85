import Foundation
import H2
import ServiceKit
import WebForms

/// The HTTP side of the pages: strict security headers on every response, HTML and CSS bodies,
/// and the refusals.
enum PageResponses {
    /// The pages' content security policy (ServiceKit's `PageHeaders`).
    static let contentSecurityPolicy = PageHeaders.contentSecurityPolicy

    /// The headers every response carries; `cacheable` only for the stylesheet.
    static func headers(contentType: String, cacheable: Bool = false) -> HTTPFields {
        // Pages carry case data: never stored by the browser or a proxy (WebForms' headers).
        PageResponse.headers(contentType: contentType, cacheable: cacheable)
    }

    /// An HTML page.
    static func html(_ html: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers(contentType: "text/html; charset=utf-8"), body: Data(html.utf8))
    }

    /// The stylesheet: no data in it, so it needs no token (a browser fetches it without the
    /// credentials of the page's URL).
    static func stylesheet() -> HTTPResponse {
        PageResponse.stylesheet()
    }

    /// 401 with a Basic challenge, so a browser asks for the token.
    static func unauthenticated(_ reason: String) -> HTTPResponse {
        var response = html(
            PageLayout.message(
                title: "Sign in", heading: "The panel's token is needed",
                text: "\(reason) Sign in with the token as the password (the user name is not used), or send Authorization: Bearer <token>."),
            status: 401)
        response.headers.add("www-authenticate", "Basic realm=\"CSPR panel\", charset=\"UTF-8\"")
        return response
    }

    /// 403: known, but without a viewer's role.
    static func forbidden(_ principal: String, roles: [String]) -> HTTPResponse {
        html(
            PageLayout.message(
                title: "Not allowed", heading: "Not allowed",
                text: "\(principal) may not see the dashboard; it needs one of the roles: \(roles.joined(separator: ", "))."),
            status: 403)
    }

    /// 404.
    static func notFound(_ text: String = "There is no such page.") -> HTTPResponse {
        html(PageLayout.message(title: "Not found", heading: "Not found", text: text), status: 404)
    }

    /// 405 for anything but GET and HEAD.
    static func methodNotAllowed() -> HTTPResponse {
        var response = html(
            PageLayout.message(title: "Not allowed", heading: "Method not allowed", text: "The pages are read with GET."), status: 405)
        response.headers.add("allow", "GET, HEAD")
        return response
    }

    /// 503 when a view could not be audited.
    static func notAudited() -> HTTPResponse {
        html(
            PageLayout.message(
                title: "Try again", heading: "Try again", text: "The view could not be recorded in the audit trail, so it is not shown."),
            status: 503)
    }

    /// 503 when the gateway's own view could not be read; `reason` is the gateway's, with no case data.
    static func unavailable(_ reason: String) -> HTTPResponse {
        html(
            PageLayout.message(title: "Try again", heading: "Try again", text: "The cases could not be read (\(reason)). Try again shortly."),
            status: 503)
    }
}
