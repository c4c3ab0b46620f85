import Contract
import Foundation
import H2
import RPC
import ServiceKit
import WebForms

/// The scoping pages (§4.3.3 to §4.3.4) and the case file: each post runs its RPC's own
/// handler through `PageCall`, each page with personal data is audited as a read.
extension IntakePages {
    var scopingRoles: Set<String> { IntakeAPI.sendScopingRequests.info.roles }
    var returnRoles: Set<String> { IntakeAPI.recordScopingReturn.info.roles }
    var caseFileRoles: Set<String> { IntakeAPI.getCaseFile.info.roles }

    /// The scoping requests, letters, returns and case file pages.
    func addScopingRoutes(_ routes: inout PageRoutes) {
        routes.get(ScopingRequestPage.prefix + "*", name: "scoping-requests", roles: scopingRoles) { request in await scopingForm(request) }
        routes.post(ScopingRequestPage.prefix + "*", name: "scoping-requests", roles: scopingRoles) { request in await sendScoping(request) }
        routes.get(ScopingRequestPage.lettersPrefix + "*", name: "scoping-letters", roles: scopingRoles) { request in await letters(request) }
        routes.get(ScopingReturnPage.listPath, name: "scoping-returns", roles: returnRoles) { request in await returnList(request) }
        routes.get(ScopingReturnPage.prefix + "*", name: "scoping-return", roles: returnRoles) { request in await returnForm(request) }
        routes.post(ScopingReturnPage.prefix + "*", name: "scoping-return", roles: returnRoles) { request in await recordReturn(request) }
        routes.get(ScopingReturnPage.recordedPrefix + "*", name: "scoping-return-recorded", roles: returnRoles) { request in
            await returnRecorded(request)
        }
        routes.get(CaseFilePage.prefix + "*", name: "case-file", roles: caseFileRoles) { request in await caseFile(request) }
    }

    /// Links from a case's pages to its other pages and back to the dashboard's case page; the
    /// extension form for the `roles` that may record one.
    static func caseLinks(_ reference: String, dashboard: String?, roles: Set<String> = []) -> String {
        let escaped = HTML.escape(reference)
        var links = [
            "<a href=\"\(ScopingRequestPage.prefix)\(escaped)\">Scoping requests</a>",
            "<a href=\"\(ScopingRequestPage.lettersPrefix)\(escaped)\">Letters</a>", "<a href=\"\(CaseFilePage.prefix)\(escaped)\">Case file</a>",
        ]
        if !roles.isDisjoint(with: IntakeAPI.recordExtension.info.roles) {
            links.append("<a href=\"\(ExtensionPage.prefix)\(escaped)\">Extend a deadline</a>")
        }
        if let dashboard { links.append("<a href=\"\(HTML.escape(dashboard))/cases/\(escaped)\">The case on the dashboard</a>") }
        return "<nav aria-label=\"This case\"><p>" + links.joined(separator: " · ") + "</p></nav>\n"
    }

    /// The home page's cases, by reference only (no personal data), each with its pages, for
    /// the roles that send scoping requests or record extensions.
    func caseList(_ request: PageRequest) async -> String {
        let roles = request.session.principal.roles
        let (scoping, extending) = (!roles.isDisjoint(with: scopingRoles), !roles.isDisjoint(with: extensionRoles))
        guard scoping || extending, let statuses = try? await handlers.context.everyStatus(), !statuses.isEmpty else { return "" }
        var html = "<h2>Cases</h2>\n<table><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Its pages</th></tr></thead><tbody>\n"
        for status in statuses.sorted(by: { $0.reference.description < $1.reference.description }) {
            let reference = HTML.escape(status.reference.description)
            html += "<tr><td>\(reference)</td><td>"
            if scoping {
                html += "<a href=\"\(ScopingRequestPage.prefix)\(reference)\">Scoping requests</a> · "
                html += "<a href=\"\(ScopingRequestPage.lettersPrefix)\(reference)\">Letters</a> · "
            }
            html += "<a href=\"\(CaseFilePage.prefix)\(reference)\">Case file</a>"
            if extending { html += " · <a href=\"\(ExtensionPage.prefix)\(reference)\">Extend a deadline</a>" }
            if scoping && status.nextStep == "confirmSameChild" {
                html += " · <a href=\"\(ChildMatchPage.prefix)\(reference)\">Possible match of the child: decide</a>"
            }
            html += "</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    // MARK: scoping requests

    private func scopingForm(_ request: PageRequest) async -> HTTPResponse {
        guard let intakeCase = await findCase(request) else { return notFound(request) }
        let choices = ScopingRequestPage.choices(intakeCase)
        let form = FormContext(values: ScopingRequestPage.prefill(choices, today: handlers.context.clock.today))
        return await request.audited(
            "ScopingRequests", caseReference: intakeCase.reference.description,
            scopingPage(request, form, intakeCase, choices, status: 200))
    }

    private func scopingPage(
        _ request: PageRequest, _ form: FormContext, _ intakeCase: IntakeCase, _ choices: [ScopingRequestPage.Choice], status: Int
    )
        -> HTTPResponse
    {
        request.page(
            title: "Send scoping requests", errors: !form.errors.isEmpty,
            body: ScopingRequestPage.body(form, intakeCase: intakeCase, choices: choices, session: request.session, dashboard: dashboardURL),
            status: status)
    }

    /// `POST /scoping/<reference>`: `SendScopingRequests`' own handler; 303 to the letters.
    private func sendScoping(_ request: PageRequest) async -> HTTPResponse {
        guard let intakeCase = await findCase(request) else { return notFound(request) }
        let values = FormData(values: request.form.values.filter { $0.key != WebPages.csrfField && $0.key != "action" })
        let choices = ScopingRequestPage.choices(intakeCase)
        let (read, indexes, errors) = ScopingRequestPage.read(values, reference: intakeCase.reference, choices: choices)
        guard let call = read else { return scopingPage(request, FormContext(values: values, errors: errors), intakeCase, choices, status: 400) }
        let context = handlers.context
        let result = await PageCall.run(
            IntakeAPI.sendScopingRequests, call, session: request.session, idempotencyKey: request.form[PageCall.keyField],
            database: context.database, logger: context.logger, writeRate: context.writeRate, handler: handlers.sendScopingRequests)
        switch result {
        case .failure(let error):
            let shown = ScopingRequestPage.fieldErrors(error, indexes: indexes)
            return scopingPage(request, FormContext(values: values, errors: shown), intakeCase, choices, status: 400)
        case .success:
            return PageResponse.redirect(ScopingRequestPage.lettersPrefix + intakeCase.reference.description)
        }
    }

    /// `GET /letters/<reference>`: the letters sent, to print (Appendix 4).
    private func letters(_ request: PageRequest) async -> HTTPResponse {
        guard let intakeCase = await findCase(request) else { return notFound(request) }
        let t3Due = intakeCase.t3Due(clock: handlers.context.clock, ruleSet: handlers.ruleSet)
        let html = FormPage.document(
            title: "Scoping letters for \(intakeCase.reference)", heading: "Scoping letters: \(intakeCase.reference)", session: request.session,
            settings: request.settings, mainClass: "document",
            body: ScopingRequestPage.letters(intakeCase, t3Due: t3Due, dashboard: dashboardURL))
        return await request.audited("ScopingLetters", caseReference: intakeCase.reference.description, PageResponse.html(html))
    }

    // MARK: scoping returns

    /// Whom this session speaks for, exactly as `RecordScopingReturn` judges it (`AgencyScope`).
    private func scope(_ request: PageRequest) -> AgencyScope? {
        let call = CallContext(
            method: IntakeAPI.recordScopingReturn.info, metadata: Metadata(), wireProtocol: .connect, principal: request.session.principal)
        return try? AgencyScope.of(call)
    }

    /// The agencies `scope` may record for on `intakeCase` and have not returned; nil when the
    /// case is not open to it at all (an agency it did not ask).
    private func open(_ intakeCase: IntakeCase, to scope: AgencyScope) -> [String]? {
        let returned = Set(intakeCase.returns.map { AgencyKey.of($0.agency.name) })
        let asked = intakeCase.requests.map(\.agency.name).filter { scope.allows($0, same: { AgencyKey.of($0) == AgencyKey.of($1) }) }
        if case .only = scope, asked.isEmpty { return nil }
        return asked.filter { !returned.contains(AgencyKey.of($0)) }
    }

    /// The one refusal of a case not open to this session, whether it exists or not: the call's.
    private func refusal(_ request: PageRequest, _ scope: AgencyScope?, _ reference: String) -> HTTPResponse {
        let text =
            switch (scope, CaseReference(reference)) {
            case (.some(let scope), .some(let parsed)): scope.refusal(parsed).message
            default: "This case is not open to you."
            }
        return PageResponse.message(403, title: "Not open to you", text: text, session: request.session, settings: request.settings)
    }

    /// `GET /returns`: the cases whose scoping form is asked of this session's agency.
    private func returnList(_ request: PageRequest) async -> HTTPResponse {
        guard let scope = scope(request) else { return refusal(request, nil, "") }
        var cases: [(CaseReference, [String])] = []
        do {
            for status in try await handlers.context.everyStatus() {
                guard let intakeCase = try? await handlers.store.intakeCase(status.reference) else { continue }
                if let agencies = open(intakeCase, to: scope), !intakeCase.requests.isEmpty { cases.append((intakeCase.reference, agencies)) }
            }
        } catch {
            return PageResponse.message(503, title: "Try again", text: "The cases could not be read. Try again shortly.", session: request.session)
        }
        return await request.audited("ScopingReturns", request.page(title: "Scoping returns", body: ScopingReturnPage.list(cases)))
    }

    /// The case of a return page, if open to `scope`; the same refusal otherwise.
    private enum Opened {
        case open(IntakeCase, [String])
        case refused(HTTPResponse)
    }

    private func returnCase(_ request: PageRequest, _ scope: AgencyScope?) async -> Opened {
        let reference = request.parameter ?? ""
        guard let scope, let parsed = CaseReference(reference), let intakeCase = try? await handlers.store.intakeCase(parsed),
            let agencies = open(intakeCase, to: scope)
        else {
            if case .anyAgency = scope { return .refused(notFound(request)) }
            return .refused(refusal(request, scope, reference))
        }
        return .open(intakeCase, agencies)
    }

    private func returnPage(_ request: PageRequest, _ form: FormContext, _ reference: CaseReference, _ scope: AgencyScope, _ agencies: [String])
        -> HTTPResponse
    {
        let own: String? = if case .only(let agency) = scope { agency } else { nil }
        return request.page(
            title: "Record a scoping return", errors: !form.errors.isEmpty,
            body: ScopingReturnPage.body(form, reference: reference, own: own, outstanding: agencies, session: request.session),
            status: form.errors.isEmpty ? 200 : 400)
    }

    /// `GET /returns/<reference>`: the Appendix 3 form, for a case that asked this agency.
    private func returnForm(_ request: PageRequest) async -> HTTPResponse {
        let scope = scope(request)
        switch await returnCase(request, scope) {
        case .refused(let refused): return refused
        case .open(let intakeCase, let agencies):
            let page = returnPage(request, FormContext(values: FormData(values: [:])), intakeCase.reference, scope ?? .anyAgency, agencies)
            return await request.audited("ScopingReturnForm", caseReference: intakeCase.reference.description, page)
        }
    }

    /// `POST /returns/<reference>`: `RecordScopingReturn`'s own handler (its agency scope
    /// included); 303 to the confirmation.
    private func recordReturn(_ request: PageRequest) async -> HTTPResponse {
        let scope = scope(request)
        let opened = await returnCase(request, scope)
        guard case .open(let intakeCase, let agencies) = opened, let scope else {
            if case .refused(let refused) = opened { return refused }
            return refusal(request, scope, request.parameter ?? "")
        }
        let values = FormData(values: request.form.values.filter { $0.key != WebPages.csrfField && $0.key != "action" })
        let own: String? = if case .only(let agency) = scope { agency } else { nil }
        let kinds = Dictionary(
            intakeCase.requests.map { (AgencyKey.of($0.agency.name), $0.agency.kind) },
            uniquingKeysWith: { (first: PartnerKind, _: PartnerKind) in first })
        let (read, errors) = ScopingReturnPage.read(
            values, own: own, kind: { kinds[AgencyKey.of($0)] ?? .other }, today: handlers.context.clock.today)
        guard let scopingReturn = read else {
            return returnPage(request, FormContext(values: values, errors: errors), intakeCase.reference, scope, agencies)
        }
        let context = handlers.context
        let result = await PageCall.run(
            IntakeAPI.recordScopingReturn, IntakeAPI.RecordScopingReturnRequest(caseReference: intakeCase.reference, scopingReturn: scopingReturn),
            session: request.session, idempotencyKey: request.form[PageCall.keyField], database: context.database, logger: context.logger,
            writeRate: context.writeRate,
            handler: handlers.recordScopingReturn)
        switch result {
        case .failure(let error):
            let shown = FormContext(values: values, errors: ScopingReturnPage.fieldErrors(error))
            return returnPage(request, shown, intakeCase.reference, scope, agencies)
        case .success:
            return PageResponse.redirect(ScopingReturnPage.recordedPrefix + intakeCase.reference.description)
        }
    }

    /// `GET /returns-recorded/<reference>`: a return this session may see was recorded.
    private func returnRecorded(_ request: PageRequest) async -> HTTPResponse {
        let scope = scope(request)
        let reference = request.parameter ?? ""
        guard let scope, let parsed = CaseReference(reference), let intakeCase = try? await handlers.store.intakeCase(parsed) else {
            return refusal(request, scope, reference)
        }
        let mine = intakeCase.returns.filter { scope.allows($0.agency.name, same: { AgencyKey.of($0) == AgencyKey.of($1) }) }
        guard let last = mine.last else { return refusal(request, scope, reference) }
        let late = intakeCase.lateReturns.contains(AgencyKey.of(last.agency.name)) || intakeCase.lateReturns.contains(last.agency.name)
        let page = request.page(title: "Scoping return recorded", body: ScopingReturnPage.recorded(parsed, late: late))
        return await request.audited("ScopingReturnRecorded", caseReference: reference, page)
    }

    // MARK: the case file

    /// `GET /case-file/<reference>`: `GetCaseFile`'s own handler, audited as its read is.
    private func caseFile(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = request.parameter.flatMap(CaseReference.init) else { return notFound(request) }
        let context = handlers.context
        let result = await PageCall.run(
            IntakeAPI.getCaseFile, IntakeAPI.CaseRequest(caseReference: reference), session: request.session, idempotencyKey: nil,
            database: context.database, logger: context.logger, writeRate: context.writeRate,
            handler: { [handlers] call, _ in try await handlers.getCaseFile(call) })
        guard case .success(let file) = result else { return notFound(request) }
        let html = FormPage.document(
            title: "Case file \(reference)", heading: "Case file: \(reference)", session: request.session, settings: request.settings,
            mainClass: "document", body: CaseFilePage.body(file, dashboard: dashboardURL, roles: request.session.principal.roles))
        return await request.audited("CaseFile", caseReference: reference.description, PageResponse.html(html))
    }

    // MARK: helpers

    var dashboardURL: String? { handlers.settings.dashboardURL }

    func findCase(_ request: PageRequest) async -> IntakeCase? {
        guard let reference = request.parameter.flatMap(CaseReference.init) else { return nil }
        return try? await handlers.store.intakeCase(reference)
    }

    func notFound(_ request: PageRequest) -> HTTPResponse {
        PageResponse.message(404, title: "Page not found", text: "There is no such case.", session: request.session, settings: request.settings)
    }
}
