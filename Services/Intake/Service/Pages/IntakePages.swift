import Contract
import Foundation
import H2
import RPC
import ServiceKit
import WebForms

/// intake's pages (issue 18, FORMS.md): the new referral form (Appendix 2), its check page and
/// confirmation, for the roles of `SubmitReferral`. A submission runs the very handler of the
/// `SubmitReferral` call (`PageCall`): the same checks, refusals, audit entry and idempotency.
struct IntakePages: Sendable {
    let handlers: IntakeHandlers

    /// The pages handler ServiceKit's router is given.
    func webPages() -> WebPages {
        let context = handlers.context
        return WebPages(
            serviceName: "intake", database: context.database, tokens: context.tokens, settings: handlers.settings.sessions, logger: context.logger,
            routes: routes())
    }

    private var referralRoles: Set<String> { IntakeAPI.submitReferral.info.roles }
    private var notificationRoles: Set<String> { IntakeAPI.recordNotification.info.roles }

    func routes() -> PageRoutes {
        var routes = PageRoutes()
        let everyone = IntakeAPI.methods.reduce(into: Set<String>()) { $0.formUnion($1.info.roles) }
        routes.get("/", name: "home", roles: everyone) { request in await home(request) }
        routes.get(ReferralFormPage.path, name: "referral-form", roles: referralRoles) { request in await referralForm(request) }
        routes.post(ReferralFormPage.path, name: "referral-form", roles: referralRoles) { request in await postReferralForm(request) }
        routes.get(ReferralCheckPage.path, name: "referral-check", roles: referralRoles) { request in await checkAnswers(request) }
        routes.post(ReferralCheckPage.submitPath, name: "referral-submit", roles: referralRoles) { request in await submit(request) }
        routes.get(ReferralCheckPage.confirmationPrefix + "*", name: "referral-submitted", roles: referralRoles) { request in
            await confirmation(request)
        }
        routes.get(NotificationFormPage.path, name: "notification-form", roles: notificationRoles) { request in
            request.page(
                title: "Record an LA notification",
                body: NotificationFormPage.body(FormContext(values: FormData(values: [:])), session: request.session))
        }
        routes.post(NotificationFormPage.path, name: "notification-form", roles: notificationRoles) { request in await recordNotification(request) }
        routes.get(NotificationFormPage.confirmationPrefix + "*", name: "notification-recorded", roles: notificationRoles) { request in
            await notificationRecorded(request)
        }
        addScopingRoutes(&routes)
        addChildMatchRoutes(&routes)
        addExtensionRoutes(&routes)
        return routes
    }

    // MARK: pages

    /// `GET /`: the pages this person may use.
    private func home(_ request: PageRequest) async -> HTTPResponse {
        var links: [String] = []
        if !request.session.principal.roles.isDisjoint(with: referralRoles) {
            links.append("<li><a href=\"\(ReferralFormPage.path)\">Make a referral for a Child Safeguarding Practice Review</a> (Appendix 2)</li>")
        }
        if !request.session.principal.roles.isDisjoint(with: notificationRoles) {
            links.append("<li><a href=\"\(NotificationFormPage.path)\">Record a local authority's notification of a serious incident</a> (T1)</li>")
        }
        if !request.session.principal.roles.isDisjoint(with: returnRoles) {
            links.append("<li><a href=\"\(ScopingReturnPage.listPath)\">Return an agency's scoping form</a> (Appendix 3)</li>")
        }
        var body =
            links.isEmpty
            ? "<p>There are no pages on intake for your role yet.</p>\n" : "<ul>\n" + links.joined(separator: "\n") + "\n</ul>\n"
        body += await caseList(request)
        return request.page(title: "Intake", heading: "Intake: your pages", body: body)
    }

    /// `GET /referrals/new`: the form with the person's draft.
    private func referralForm(_ request: PageRequest) async -> HTTPResponse {
        let draft: ReferralDraft?
        do {
            draft = try await loadDraft(request)
        } catch {
            return unavailable(request)
        }
        let form = FormContext(values: draft?.fields ?? FormData(values: [:]))
        let response = request.page(title: "Make a referral", body: ReferralFormPage.body(form, session: request.session))
        return await request.audited("ReferralForm", response)
    }

    /// `POST /referrals/new`: keeps the draft, then adds or removes an item, discards, or
    /// checks the answers and continues to the check page.
    private func postReferralForm(_ request: PageRequest) async -> HTTPResponse {
        let action = request.form["action"]
        var values = FormData(values: request.form.values.filter { $0.key != WebPages.csrfField && $0.key != "action" })
        var anchor = ""
        if action.hasPrefix("add:"), let group = ReferralGroup(rawValue: String(action.dropFirst("add:".count))) {
            anchor = "#" + FormContext.id(group.item(group.count(values)))
            values = group.adding(to: values)
        } else if let (group, index) = ReferralGroup.removal(action) {
            values = group.removing(index, from: values)
            anchor = "#" + FormContext.id(group.addButton)
        }
        let principal = request.session.principal.name
        let (now, lifetime) = (Date(), handlers.settings.draftLifetime)
        do {
            if action == "discard" {
                try await handlers.context.database.write { tx in try ReferralDrafts.discard(tx, principal: principal) }
                return PageResponse.redirect(ReferralFormPage.path)
            }
            try await handlers.context.database.write { [values] tx in
                try ReferralDrafts.save(tx, principal: principal, fields: values, now: now, lifetime: lifetime)
                try AuditTrail.append(
                    tx, principal: principal, method: "page:ReferralDraft", caseReference: nil, outcome: RPCCode.ok.name, requestID: UUID().uuidString
                )
            }
        } catch {
            return unavailable(request)
        }
        guard action == "continue" else { return PageResponse.redirect(ReferralFormPage.path + anchor) }
        let errors = check(values)
        if !errors.isEmpty { return refused(request, values, errors) }
        return PageResponse.redirect(ReferralCheckPage.path + "#main")
    }

    /// `GET /referrals/check`: every answer with a Change link, and the submit button.
    private func checkAnswers(_ request: PageRequest) async -> HTTPResponse {
        let draft: ReferralDraft?
        do {
            draft = try await loadDraft(request)
        } catch {
            return unavailable(request)
        }
        var reader = ReferralFormReader(draft?.fields ?? FormData(values: [:]))
        guard let referral = reader.read() else { return PageResponse.redirect(ReferralFormPage.path) }
        let response = request.page(title: "Check your answers", body: ReferralCheckPage.body(referral, session: request.session))
        return await request.audited("ReferralCheck", response)
    }

    /// `POST /referrals/submit`: the draft submitted through `SubmitReferral`'s own handler; a
    /// double submit (the same hidden key) redirects to the same confirmation.
    private func submit(_ request: PageRequest) async -> HTTPResponse {
        let key = request.form[PageCall.keyField]
        let draft: ReferralDraft?
        do {
            draft = try await loadDraft(request)
        } catch {
            return unavailable(request)
        }
        if let draft, let submitted = draft.submitted, !key.isEmpty, draft.submittedKey == key {
            return PageResponse.redirect(ReferralCheckPage.confirmationPrefix + submitted.caseReference.description)
        }
        let values = draft?.fields ?? FormData(values: [:])
        var reader = ReferralFormReader(values)
        guard let referral = reader.read() else { return refused(request, values, reader.errors) }
        let context = handlers.context
        let result = await PageCall.run(
            IntakeAPI.submitReferral, IntakeAPI.SubmitReferralRequest(referral: referral), session: request.session, idempotencyKey: key,
            database: context.database, logger: context.logger, writeRate: context.writeRate, handler: handlers.submitReferral)
        switch result {
        case .failure(let error):
            return refused(request, values, Self.fieldErrors(error))
        case .success(let response):
            let principal = request.session.principal.name
            do {
                try await context.database.write { tx in
                    try ReferralDrafts.submitted(tx, principal: principal, key: key, response: response, now: Date())
                }
            } catch {
                return unavailable(request)
            }
            return PageResponse.redirect(ReferralCheckPage.confirmationPrefix + response.caseReference.description)
        }
    }

    /// `GET /referrals/submitted/<reference>`: the reference and deadlines of this person's
    /// last submission.
    private func confirmation(_ request: PageRequest) async -> HTTPResponse {
        let draft: ReferralDraft?
        do {
            draft = try await loadDraft(request)
        } catch {
            return unavailable(request)
        }
        guard let submitted = draft?.submitted, submitted.caseReference.description == request.parameter else {
            return PageResponse.message(
                404, title: "Page not found", text: "There is no referral of yours with this reference.", session: request.session,
                settings: request.settings)
        }
        let response = request.page(title: "Referral submitted", body: ReferralCheckPage.confirmation(submitted))
        return await request.audited("ReferralSubmitted", caseReference: submitted.caseReference.description, response)
    }

    /// `POST /notifications/new`: `RecordNotification`'s own handler; refused, the form again
    /// with its values; recorded, 303 to the confirmation (a double submit: the same answer).
    private func recordNotification(_ request: PageRequest) async -> HTTPResponse {
        let values = FormData(values: request.form.values.filter { $0.key != WebPages.csrfField && $0.key != "action" })
        let (read, errors) = NotificationFormPage.read(values)
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            request.page(
                title: "Record an LA notification", errors: true,
                body: NotificationFormPage.body(FormContext(values: values, errors: errors), session: request.session), status: 400)
        }
        guard let notification = read else { return refused(errors) }
        let context = handlers.context
        let result = await PageCall.run(
            IntakeAPI.recordNotification, IntakeAPI.RecordNotificationRequest(notification: notification), session: request.session,
            idempotencyKey: request.form[PageCall.keyField], database: context.database, logger: context.logger, writeRate: context.writeRate,
            handler: handlers.recordNotification)
        switch result {
        case .failure(let error): return refused(Self.fieldErrors(error))
        case .success(let response): return PageResponse.redirect(NotificationFormPage.confirmationPrefix + response.caseReference.description)
        }
    }

    /// `GET /notifications/recorded/<reference>`: the case and its T1, as it now stands.
    private func notificationRecorded(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = request.parameter.flatMap(CaseReference.init) else {
            return PageResponse.message(
                404, title: "Page not found", text: "There is no such case.", session: request.session, settings: request.settings)
        }
        let (clock, ruleSet) = (handlers.context.clock, handlers.ruleSet)
        let t1: [Deadline]
        do {
            t1 = try await handlers.store.intakeCase(reference).deadlines(clock: clock, ruleSet: ruleSet).filter { $0.rule == .t1 }
        } catch {
            return PageResponse.message(
                404, title: "Page not found", text: "There is no such case.", session: request.session, settings: request.settings)
        }
        let response = request.page(title: "Notification recorded", body: NotificationFormPage.confirmation(reference, t1: t1))
        return await request.audited("NotificationRecorded", caseReference: reference.description, response)
    }

    // MARK: refusals

    /// What a form alone gets wrong, then the domain's own checks (`FormValidation`), so the
    /// check page shows answers the call will accept; the call checks them again.
    private func check(_ values: FormData) -> [FieldError] {
        var reader = ReferralFormReader(values)
        guard let referral = reader.read() else { return reader.errors }
        do throws(IntakeError) {
            try FormValidation(today: handlers.context.clock.today).referral(referral)
        } catch {
            return Self.fieldErrors(error.rpcError)
        }
        return []
    }

    /// The form again with its values and the refusals: summary at the top, each message
    /// beside its field.
    private func refused(_ request: PageRequest, _ values: FormData, _ errors: [FieldError]) -> HTTPResponse {
        request.page(
            title: "Make a referral", errors: true,
            body: ReferralFormPage.body(FormContext(values: values, errors: errors), session: request.session),
            status: 400)
    }

    /// A call's refusal as the form's errors: INVALID_ARGUMENT names the field path, which is
    /// the field's name on the form (a date's error goes to its day); any other refusal (a
    /// rule id and what is missing) is shown at the top, linking to the form.
    static func fieldErrors(_ error: RPCError) -> [FieldError] {
        let message = error.message
        guard error.code == .invalidArgument, let colon = message.range(of: ": "),
            message.hasPrefix("referral.") || message.hasPrefix("notification.")
        else {
            return [FieldError(field: "main", message: message)]
        }
        let path = String(message[..<colon.lowerBound])
        let problem = String(message[colon.upperBound...])
        let isDate = ["date", "dateOfBirth", "dateOfReferral", "dateReceived", "from"].contains(
            path.split(separator: ".").last.map(String.init) ?? "")
        return [FieldError(field: isDate ? "\(path).day" : path, message: "\(FieldLabels.label(path)) \(problem)")]
    }

    private func loadDraft(_ request: PageRequest) async throws -> ReferralDraft? {
        let (principal, lifetime) = (request.session.principal.name, handlers.settings.draftLifetime)
        return try await handlers.context.database.read { try ReferralDrafts.load($0, principal: principal, now: Date(), lifetime: lifetime) }
    }

    private func unavailable(_ request: PageRequest) -> HTTPResponse {
        PageResponse.message(
            503, title: "Try again", text: "The draft could not be read or saved. Try again shortly.", session: request.session,
            settings: request.settings)
    }
}

/// A field path in words for a message beside its field: `referral.familyMembers[1].person.name`
/// is "Family member 2's name".
enum FieldLabels {
    static func label(_ path: String) -> String {
        let known = [
            "referral.child.person.name": "Name of child", "referral.child.person.dateOfBirth": "Date of birth",
            "referral.dateOfReferral": "Date of referral", "referral.dateReceived": "Date the partnership received it",
            "referral.child.incident.date": "Date of death or serious incident", "referral.caseBackground": "The outline of the circumstances",
            "referral.reasonForReferral": "Why you are making this referral", "notification.child.name": "Name of child",
            "notification.becameAware": "Date the local authority became aware", "notification.incident.date": "Date of the incident",
        ]
        if let label = known[path] { return label }
        var parts = path.split(separator: ".").map(String.init).dropFirst()
        var owner = ""
        if let first = parts.first, let open = first.firstIndex(of: "["), let index = Int(first[first.index(after: open)...].dropLast()) {
            let group = String(first[..<open])
            let names = ["familyMembers": "Family member", "agenciesInvolved": "Agency", "keyEvents": "Key event"]
            owner = "\(names[group] ?? group) \(index + 1)'s "
            parts = parts.dropFirst()
        }
        let last = parts.filter { !["person", "agency", "contact", "answer"].contains($0) }.last ?? parts.last ?? path
        let words = last.reduce(into: "") { text, character in
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
        let phrase = owner.isEmpty ? words.prefix(1).uppercased() + words.dropFirst() : owner + words
        return phrase
    }
}
