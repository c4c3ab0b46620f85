import Contract
import Foundation
import H2
import RPC
import ServiceKit
import WebForms

/// The possible-match page (issue 17, item 7): both children's particulars for a person to
/// decide, the decision posted through `ResolveChildMatch`'s own handler.
extension IntakePages {
    var childMatchRoles: Set<String> { IntakeAPI.resolveChildMatch.info.roles }

    func addChildMatchRoutes(_ routes: inout PageRoutes) {
        routes.get(ChildMatchPage.prefix + "*", name: "child-matches", roles: childMatchRoles) { request in await childMatches(request) }
        routes.post(ChildMatchPage.prefix + "*", name: "child-matches", roles: childMatchRoles) { request in await decideChildMatch(request) }
    }

    /// `GET /child-matches/<reference>`: audited as a read of this case and of each other case shown.
    private func childMatches(_ request: PageRequest) async -> HTTPResponse {
        guard let intakeCase = await findCase(request) else { return notFound(request) }
        return await childMatchPage(request, intakeCase, FormContext(values: FormData(values: [:])), status: 200)
    }

    private func childMatchPage(_ request: PageRequest, _ intakeCase: IntakeCase, _ form: FormContext, status: Int) async -> HTTPResponse {
        var others: [CaseReference: IntakeCase] = [:]
        for match in intakeCase.childMatches where match.state == .flagged {
            others[match.otherCase] = try? await handlers.store.intakeCase(match.otherCase)
        }
        let page = request.page(
            title: "Possible match of two cases' children", errors: !form.errors.isEmpty,
            body: ChildMatchPage.body(form, intakeCase: intakeCase, others: others, session: request.session, dashboard: dashboardURL),
            status: status)
        for other in others.keys.sorted() {
            let shown = await request.audited("ChildMatch", caseReference: other.description, page)
            if shown.status >= 500 { return shown }
        }
        return await request.audited("ChildMatch", caseReference: intakeCase.reference.description, page)
    }

    /// `POST /child-matches/<reference>`: `ResolveChildMatch`'s own handler; 303 back to the page,
    /// which then shows the decision (and the merge, when there was one).
    private func decideChildMatch(_ request: PageRequest) async -> HTTPResponse {
        guard let intakeCase = await findCase(request) else { return notFound(request) }
        let values = FormData(values: request.form.values.filter { $0.key != WebPages.csrfField && $0.key != "action" })
        let answer = values["sameChild"]
        guard let other = CaseReference(values["otherCase"]), answer == "yes" || answer == "no" else {
            let error = FieldError(field: "sameChild", message: "Choose whether the two cases' children are the same child")
            return await childMatchPage(request, intakeCase, FormContext(values: values, errors: [error]), status: 400)
        }
        let context = handlers.context
        let result = await PageCall.run(
            IntakeAPI.resolveChildMatch, .init(caseReference: intakeCase.reference, otherCase: other, sameChild: answer == "yes"),
            session: request.session, idempotencyKey: request.form[PageCall.keyField], database: context.database, logger: context.logger,
            writeRate: context.writeRate, handler: handlers.resolveChildMatch)
        switch result {
        case .failure(let error):
            return await childMatchPage(request, intakeCase, FormContext(values: values, errors: ChildMatchPage.fieldErrors(error)), status: 400)
        case .success:
            return PageResponse.redirect(ChildMatchPage.prefix + intakeCase.reference.description)
        }
    }
}
