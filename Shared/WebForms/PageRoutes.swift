import Foundation
import H2
import RPC
import ServiceKit
import Storage

/// What a page handler gets: the session's principal and CSRF token, the form posted, the
/// path's parameter (`/cases/<parameter>`), and the database for its audit entry.
package struct PageRequest: Sendable {
    /// The path, without the query.
    package var path: String
    /// The query's fields.
    package var query: FormData
    /// The form posted (empty for a GET).
    package var form: FormData
    /// The live session.
    package var session: WebSession
    /// The session settings (the page's frame shows when it ends).
    package var settings: SessionSettings
    /// The path's last part, for a route registered with a trailing `*`.
    package var parameter: String?
    let database: Database
    let logger: Logger

    /// Records the view of a page with personal data in the audit trail, like a read call,
    /// before it is sent; a view that cannot be recorded is not shown (503).
    package func audited(_ pageName: String, caseReference: String? = nil, _ response: HTTPResponse) async -> HTTPResponse {
        let (principal, outcome) = (session.principal.name, response.status < 400 ? RPCCode.ok.name : RPCCode.invalidArgument.name)
        do {
            try await database.write { tx in
                try AuditTrail.append(
                    tx, principal: principal, method: "page:\(pageName)", caseReference: caseReference, outcome: outcome,
                    requestID: UUID().uuidString)
            }
        } catch {
            logger.error("audit entry could not be written; the page is refused", ["page": .string(pageName)])
            return PageResponse.message(503, title: "Try again", text: "The view could not be recorded in the audit trail, so it is not shown.")
        }
        return response
    }

    /// A page in the shared frame, with this session's line.
    package func page(title: String, heading: String? = nil, errors: Bool = false, body: String, status: Int = 200) -> HTTPResponse {
        PageResponse.html(
            FormPage.document(title: title, heading: heading ?? title, session: session, settings: settings, errors: errors, body: body),
            status: status)
    }
}

/// A service's pages by method and path, each with the roles that may open it: a page that
/// stands for an RPC method takes that method's roles (`method.roles`), as the calls do.
package struct PageRoutes: Sendable {
    /// One page.
    package struct Route: Sendable {
        /// For the log: the page's kind, never its path's parameter.
        package let name: String
        let method: String
        let path: String
        /// The roles that may open it.
        package let roles: Set<String>
        let handler: @Sendable (PageRequest) async -> HTTPResponse

        func matches(_ method: String, _ path: String) -> Bool {
            guard method == self.method else { return false }
            if self.path.hasSuffix("*") {
                let prefix = self.path.dropLast()
                return path.hasPrefix(prefix) && path.count > prefix.count && !path.dropFirst(prefix.count).contains("/")
            }
            return path == self.path
        }

        func parameter(of path: String) -> String? {
            guard self.path.hasSuffix("*") else { return nil }
            return String(path.dropFirst(self.path.count - 1)).removingPercentEncoding
        }
    }

    private(set) var routes: [Route] = []

    package init() {}

    /// A GET page at `path` (a trailing `*` matches one path segment, given as `parameter`).
    package mutating func get(
        _ path: String, name: String, roles: Set<String>, _ handler: @escaping @Sendable (PageRequest) async -> HTTPResponse
    ) {
        routes.append(Route(name: name, method: "GET", path: path, roles: roles, handler: handler))
    }

    /// A form's POST to `path`.
    package mutating func post(
        _ path: String, name: String, roles: Set<String>, _ handler: @escaping @Sendable (PageRequest) async -> HTTPResponse
    ) {
        routes.append(Route(name: name, method: "POST", path: path, roles: roles, handler: handler))
    }

    /// A case's form: its page (GET) and its post (POST) at `prefix` + the case reference, for
    /// the roles of the call it posts to. One line per form in a stage's table, not two.
    package mutating func form(
        _ prefix: String, name: String, roles: Set<String>, page: @escaping @Sendable (PageRequest) async -> HTTPResponse,
        post: @escaping @Sendable (PageRequest) async -> HTTPResponse
    ) {
        get(prefix + "*", name: name, roles: roles, page)
        self.post(prefix + "*", name: name, roles: roles, post)
    }

    /// The route of a request, if any.
    func find(method: String, path: String) -> Route? {
        routes.first { $0.matches(method, path) }
    }
}
