import Contract
import Foundation
import H2
import RPC
import ServiceKit
import Storage
import WebForms

/// The panel's dashboard on the gateway's port: `GET /` (summary and cases), `GET
/// /cases/<reference>` (one case and its timeline), `GET /style.css`. Server-rendered HTML,
/// no scripts; every page but the stylesheet needs the panel's token, and every view is in
/// the audit trail like a call.
package struct Dashboard: HTTPHandler {
    private let gateway: Gateway
    private let tokens: TokensFile
    private let database: Database
    private let logger: Logger

    package init(gateway: Gateway, tokens: TokensFile, database: Database, logger: Logger) {
        self.gateway = gateway
        self.tokens = tokens
        self.database = database
        self.logger = logger
    }

    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let started = ContinuousClock.now
        let target = request.head.path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = target.first.map(String.init) ?? "/"
        let query = target.count > 1 ? String(target[1]) : nil
        var principal: Principal?
        let response: HTTPResponse
        if request.head.method != "GET" && request.head.method != "HEAD" {
            response = PageResponses.methodNotAllowed()
        } else if path == StyleSheet.path {
            response = PageResponses.stylesheet()
        } else if path == "/" || path.hasPrefix("/cases/") {
            switch PanelAuthentication.authenticate(request.head.headers, tokens: tokens) {
            case .failure(.missing):
                response = PageResponses.unauthenticated("No token was given.")
            case .failure(.unknownToken):
                response = PageResponses.unauthenticated("The token is not known to the gateway.")
            case .failure(.notAViewer(let name)):
                response = PageResponses.forbidden(name, roles: GatewayAPI.viewerRoles.sorted())
            case .success(let known):
                principal = known
                response = await page(path: path, query: query, principal: known)
            }
        } else {
            response = PageResponses.notFound()
        }
        let elapsed = ContinuousClock.now - started
        var fields: [String: LogValue] = [
            "page": .string(Self.pageName(path)), "status": .int(response.status),
            "durationMs": .double(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15),
        ]
        if let principal { fields["principal"] = .string(principal.name) }
        logger.info("page", fields)
        return response
    }

    /// An authenticated page, audited before it is sent.
    private func page(path: String, query: String?, principal: Principal) async -> HTTPResponse {
        let cacheSeconds = Int(gateway.settings.cacheFor.components.seconds)
        let response: HTTPResponse
        let method: String
        var reference: CaseReference?
        if path == "/" {
            method = "Dashboard"
            response = await casesPage(DashboardQuery(query), cacheSeconds: cacheSeconds)
        } else {
            method = "CasePage"
            reference = CaseReference(String(path.dropFirst("/cases/".count)))
            response = await casePage(reference, cacheSeconds: cacheSeconds)
        }
        let outcome: RPCCode = response.status == 200 ? .ok : response.status == 404 ? .notFound : .unavailable
        let name = principal.name
        let caseReference = reference?.description
        do {
            try await database.write { tx in
                try AuditTrail.append(
                    tx, principal: name, method: method, caseReference: caseReference, outcome: outcome.name, requestID: UUID().uuidString)
            }
        } catch {
            logger.error("audit entry could not be written; the page is refused", ["page": .string(method)])
            return PageResponses.notAudited()
        }
        return response
    }

    /// `GET /`: the figures and a page of the cases that pass the filters.
    private func casesPage(_ query: DashboardQuery, cacheSeconds: Int) async -> HTTPResponse {
        var request = query.request
        request.pageSize = DashboardQuery.pageSize
        request.offset = (query.page - 1) * DashboardQuery.pageSize
        do throws(RPCError) {
            let list = try await gateway.listCases(request)
            let summary = try await gateway.summary()
            let state = ViewAsOf(unavailable: list.unavailable, asOf: list.asOf, today: list.today)
            return PageResponses.html(CasesPage.render(state: state, summary: summary, list: list, query: query, cacheSeconds: cacheSeconds))
        } catch {
            return PageResponses.unavailable(error.message)
        }
    }

    /// `GET /cases/<reference>`: one case, or why it is not shown.
    private func casePage(_ reference: CaseReference?, cacheSeconds: Int) async -> HTTPResponse {
        guard let reference else { return PageResponses.notFound("No stage knows this case.") }
        do throws(RPCError) {
            let (state, found) = try await gateway.overview(reference)
            if let overview = found {
                return PageResponses.html(
                    CasePage.render(overview, state: state, cacheSeconds: cacheSeconds, pages: gateway.settings.pagesURLs))
            }
            guard !state.unavailable.isEmpty else { return PageResponses.notFound("No stage knows this case.") }
            return PageResponses.html(
                PageLayout.page(
                    title: "Unavailable — CSPR", heading: "Case not found yet", state: state, cacheSeconds: cacheSeconds,
                    body: HTML.element("p", "No stage that answered knows this case; a stage that might is unavailable. Try again shortly.")
                        + "\n<nav><p><a href=\"/\">All cases</a></p></nav>\n"),
                status: 503)
        } catch {
            return PageResponses.unavailable(error.message)
        }
    }

    /// The page's kind for the log: never the case reference's path itself, nor the query.
    static func pageName(_ path: String) -> String {
        switch path {
        case "/": "dashboard"
        case StyleSheet.path: "stylesheet"
        default: path.hasPrefix("/cases/") ? "case" : "other"
        }
    }
}
