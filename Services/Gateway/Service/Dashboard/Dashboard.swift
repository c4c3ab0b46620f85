import Contract
import Foundation
import H2
import RPC
import ServiceKit
import Storage

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
        let snapshot = await gateway.snapshot()
        let response: HTTPResponse
        let method: String
        var reference: CaseReference?
        if path == "/" {
            method = "Dashboard"
            let query = DashboardQuery(query)
            let filter = (try? CaseFilter(query.request)) ?? (try? CaseFilter(GatewayAPI.ListCasesRequest()))
            let shown = snapshot.cases.filter { filter?.accepts($0) ?? true }
            response = PageResponses.html(
                CasesPage.render(
                    snapshot: snapshot, summary: SummaryFigures.summary(of: snapshot), shown: shown, query: query, cacheSeconds: cacheSeconds))
        } else {
            method = "CasePage"
            reference = CaseReference(String(path.dropFirst("/cases/".count)))
            if let reference, let overview = snapshot.overview(of: reference) {
                response = PageResponses.html(CasePage.render(overview, snapshot: snapshot, cacheSeconds: cacheSeconds))
            } else if reference != nil && !snapshot.unavailable.isEmpty {
                response = PageResponses.html(
                    PageLayout.page(
                        title: "Unavailable — CSPR", heading: "Case not found yet", snapshot: snapshot, cacheSeconds: cacheSeconds,
                        body: HTML.element("p", "No stage that answered knows this case; a stage that might is unavailable. Try again shortly.")
                            + "\n<nav><p><a href=\"/\">All cases</a></p></nav>\n"),
                    status: 503)
            } else {
                response = PageResponses.notFound("No stage knows this case.")
            }
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

    /// The page's kind for the log: never the case reference's path itself, nor the query.
    static func pageName(_ path: String) -> String {
        switch path {
        case "/": "dashboard"
        case StyleSheet.path: "stylesheet"
        default: path.hasPrefix("/cases/") ? "case" : "other"
        }
    }
}
