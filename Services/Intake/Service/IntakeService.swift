import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// The intake service: the first stage of every case (framework §4.1-4.5, Appendices 2-4).
package enum IntakeService {
    /// When the Rapid Review is opened: when the scoping requests are sent (default), or as soon
    /// as the case is opened. `CSPR_INTAKE_HANDOVER=on-scoping|at-once`.
    enum HandOver: String {
        case onScoping = "on-scoping"
        case atOnce = "at-once"
    }

    /// Checks intake's own variable (`CSPR_INTAKE_HANDOVER`): nil when fine, else the problem.
    package static func configurationProblem(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let value = environment["CSPR_INTAKE_HANDOVER"], !value.isEmpty, HandOver(rawValue: value) == nil else { return nil }
        return "CSPR_INTAKE_HANDOVER: \"\(value)\" is not on-scoping or at-once"
    }

    /// The service as ServiceKit runs it.
    package static let definition = ServiceDefinition(name: "intake", peers: ["rapid-review"], migrations: IntakeMigrations.all) { context in
        let handOver = HandOver(rawValue: ProcessInfo.processInfo.environment["CSPR_INTAKE_HANDOVER"] ?? "") ?? .onScoping
        return IntakeHandlers(context: context, handOver: handOver).routes()
    }
}

/// The calls, each a thin layer over validation, the store and the deadlines.
struct IntakeHandlers: Sendable {
    let context: ServiceContext
    let handOver: IntakeService.HandOver

    var ruleSet: RuleSet { RuleSet(rawValue: context.configuration.ruleSet) ?? .surrey2019 }
    var today: CivilDate { context.today.date }

    func routes() -> RouteTable {
        var routes = RouteTable()
        routes.register(IntakeAPI.submitReferral) { request, call in try await refusing { try await submitReferral(request, call) } }
        routes.register(IntakeAPI.recordNotification) { request, call in try await refusing { try await recordNotification(request, call) } }
        routes.register(IntakeAPI.sendScopingRequests) { request, call in try await refusing { try await sendScopingRequests(request, call) } }
        routes.register(IntakeAPI.recordScopingReturn) { request, call in try await refusing { try await recordScopingReturn(request, call) } }
        routes.register(IntakeAPI.getCase) { request, call in try await refusing { try await getCase(request, call) } }
        routes.register(IntakeAPI.listCases) { request, _ in try await refusing { try await listCases(request) } }
        routes.register(IntakeAPI.getCaseFile) { request, call in try await refusing { try await getCaseFile(request, call) } }
        routes.register(IntakeAPI.getStatuses) { request, _ in try await refusing { try await getStatuses(request) } }
        routes.register(IntakeAPI.checkDisclosure) { request, call in try await refusing { try await checkDisclosure(request, call) } }
        return routes
    }

    // MARK: referrals and notifications

    func submitReferral(_ request: IntakeAPI.SubmitReferralRequest, _ call: CallContext) async throws -> IntakeAPI.SubmitReferralResponse {
        let referral = request.referral
        try FormValidation(today: today).referral(referral)
        let (partnership, today, calendar, ruleSet, handOver) = (
            context.configuration.partnership, self.today, context.calendar, self.ruleSet, self.handOver
        )
        let response = try await context.database.write { tx -> IntakeAPI.SubmitReferralResponse in
            try Idempotency.run(tx, call: call, request: request) {
                let child = referral.child.person
                var linked = false
                let reference: CaseReference
                if let existing = try IntakeStore.caseForIncident(tx, child: child, incidentDate: referral.child.incident.date) {
                    try IntakeStore.attachReferral(tx, referral, to: existing)
                    reference = existing.reference
                    linked = true
                } else {
                    reference = try IntakeStore.allocateReference(tx, partnership: partnership, year: referral.dateReceived.year)
                    try IntakeStore.createCase(
                        tx, reference: reference, child: child, incident: referral.child.incident, anchor: referral.dateReceived, referral: referral,
                        notification: nil)
                }
                let record = try IntakeStore.require(tx, reference)
                if handOver == .atOnce { try HandOverToRapidReview.enqueue(tx, record, today: today, calendar: calendar, ruleSet: ruleSet) }
                let deadlines = IntakeDeadlines.deadlines(record, today: today, calendar: calendar, ruleSet: ruleSet).filter { $0.rule != .t1 }
                return IntakeAPI.SubmitReferralResponse(caseReference: reference, linkedToExistingCase: linked, deadlines: deadlines)
            }
        }
        call.annotations.set(AuditTrail.caseReferenceKey, response.caseReference.description)
        if handOver == .atOnce { context.relay.poke() }
        return response
    }

    func recordNotification(_ request: IntakeAPI.RecordNotificationRequest, _ call: CallContext) async throws -> IntakeAPI.RecordNotificationResponse
    {
        let notification = request.notification
        try FormValidation(today: today).notification(notification)
        let (partnership, today, calendar, ruleSet, handOver) = (
            context.configuration.partnership, self.today, context.calendar, self.ruleSet, self.handOver
        )
        let response = try await context.database.write { tx -> IntakeAPI.RecordNotificationResponse in
            try Idempotency.run(tx, call: call, request: request) {
                // The partnership's clock starts when it was told (or, failing a date, when the
                // notification is recorded), never when the local authority became aware (T1's anchor).
                let received = notification.reportedToSafeguardingPartners ?? today
                var opened = false
                let reference: CaseReference
                if let existing = try IntakeStore.caseForIncident(tx, child: notification.child, incidentDate: notification.incident.date) {
                    try IntakeStore.attachNotification(tx, notification, to: existing, received: received)
                    reference = existing.reference
                } else {
                    // §4.1.3: a notification without a referral opens the case.
                    reference = try IntakeStore.allocateReference(tx, partnership: partnership, year: received.year)
                    try IntakeStore.createCase(
                        tx, reference: reference, child: notification.child, incident: notification.incident, anchor: received, referral: nil,
                        notification: notification)
                    opened = true
                }
                let record = try IntakeStore.require(tx, reference)
                if handOver == .atOnce { try HandOverToRapidReview.enqueue(tx, record, today: today, calendar: calendar, ruleSet: ruleSet) }
                let t1 = IntakeDeadlines.deadlines(record, today: today, calendar: calendar, ruleSet: ruleSet).filter { $0.rule == .t1 }
                // T1: late when the National Panel was notified after the due date, or is not yet and the date has passed.
                let panel = t1.first { $0.subject == "National Panel notified" }
                let late = panel.map { $0.status == .metLate || $0.status == .overdue } ?? false
                return IntakeAPI.RecordNotificationResponse(
                    caseReference: reference, openedNewCase: opened, linkedToExistingCase: !opened, deadlines: t1, notifiedLate: late)
            }
        }
        call.annotations.set(AuditTrail.caseReferenceKey, response.caseReference.description)
        if handOver == .atOnce { context.relay.poke() }
        return response
    }

    // MARK: scoping

    func sendScopingRequests(_ request: IntakeAPI.SendScopingRequestsRequest, _ call: CallContext) async throws
        -> IntakeAPI.SendScopingRequestsResponse
    {
        call.annotations.set(AuditTrail.caseReferenceKey, request.caseReference.description)
        let validation = FormValidation(today: today)
        guard !request.requests.isEmpty else { throw IntakeError.invalid(field: "requests", problem: "name at least one agency") }
        var seen: [String: Int] = [:]
        for (index, draft) in request.requests.enumerated() {
            try validation.required(draft.agency.name, "requests[\(index)].agency.name")
            try validation.contact(draft.contact, "requests[\(index)].contact")
            try validation.notFuture(draft.dateSent, "requests[\(index)].dateSent")
            let key = AgencyKey.of(draft.agency.name)
            if let first = seen[key] {
                throw IntakeError.invalid(
                    field: "requests[\(index)].agency.name", problem: "\(draft.agency.name) is already listed at requests[\(first)]")
            }
            seen[key] = index
        }
        let (today, calendar, ruleSet) = (self.today, context.calendar, self.ruleSet)
        let format = request.letterFormat ?? .text
        let response = try await context.database.write { tx -> IntakeAPI.SendScopingRequestsResponse in
            try Idempotency.run(tx, call: call, request: request) {
                let record = try IntakeStore.require(tx, request.caseReference)
                let (t2, t3) = (Timescales.rule(.t2, ruleSet), Timescales.rule(.t3, ruleSet))
                guard let t2Due = t2.due(from: record.anchor, calendar: calendar), let t3Due = t3.due(from: record.anchor, calendar: calendar)
                else { throw IntakeError.precondition(rule: .t2, problem: "the timescales could not be computed") }
                var sent: [ScopingRequest] = []
                var letters: [IntakeAPI.ScopingLetter] = []
                for (index, draft) in request.requests.enumerated() {
                    if draft.dateSent < record.anchor {
                        throw IntakeError.invalid(
                            field: "requests[\(index)].dateSent", problem: "is before the referral was received (\(record.anchor))")
                    }
                    // T2: sending after the 2 working days is allowed, and marked late.
                    let scoping = ScopingRequest(
                        agency: draft.agency, contact: draft.contact, dateSent: draft.dateSent, returnBy: t3Due, sentLate: draft.dateSent > t2Due)
                    try IntakeStore.addRequest(tx, scoping, to: record.reference, field: "requests[\(index)].agency.name")
                    sent.append(scoping)
                    letters.append(
                        IntakeAPI.ScopingLetter(
                            agency: draft.agency.name,
                            text: ScopingLetterRenderer.render(
                                scoping, reference: record.reference, format: format, signatory: request.signatory,
                                queriesContact: request.queriesContact)))
                }
                let updated = try IntakeStore.require(tx, record.reference)
                if record.handedOverOn == nil {
                    try HandOverToRapidReview.enqueue(tx, updated, today: today, calendar: calendar, ruleSet: ruleSet)
                }
                let deadlines = IntakeDeadlines.deadlines(updated, today: today, calendar: calendar, ruleSet: ruleSet).filter {
                    $0.rule == .t2 || $0.rule == .t3
                }
                return IntakeAPI.SendScopingRequestsResponse(requests: sent, letters: letters, deadlines: deadlines)
            }
        }
        context.relay.poke()
        return response
    }

    func recordScopingReturn(_ request: IntakeAPI.RecordScopingReturnRequest, _ call: CallContext) async throws
        -> IntakeAPI.RecordScopingReturnResponse
    {
        call.annotations.set(AuditTrail.caseReferenceKey, request.caseReference.description)
        let scopingReturn = request.scopingReturn
        let validation = FormValidation(today: today)
        try validation.required(scopingReturn.agency.name, "scopingReturn.agency.name")
        try validation.contact(scopingReturn.completedBy, "scopingReturn.completedBy")
        try validation.notFuture(scopingReturn.dateCompleted, "scopingReturn.dateCompleted")
        try validation.notFuture(scopingReturn.dateReceived, "scopingReturn.dateReceived")
        try validation.notFuture(scopingReturn.recordsSecuredOn, "scopingReturn.recordsSecuredOn")
        if scopingReturn.dateCompleted > scopingReturn.dateReceived {
            throw IntakeError.invalid(
                field: "scopingReturn.dateCompleted", problem: "is after the date the form was received (\(scopingReturn.dateReceived))")
        }
        if scopingReturn.knownToAgency {
            // Appendix 3 §2: an agency that knew the family summarises its involvement.
            try validation.required(scopingReturn.involvementSummary ?? "", "scopingReturn.involvementSummary")
        }
        let (today, calendar, ruleSet) = (self.today, context.calendar, self.ruleSet)
        return try await context.database.write { tx -> IntakeAPI.RecordScopingReturnResponse in
            try Idempotency.run(tx, call: call, request: request) {
                let record = try IntakeStore.require(tx, request.caseReference)
                guard let asked = record.requests.first(where: { AgencyKey.of($0.agency.name) == AgencyKey.of(scopingReturn.agency.name) }) else {
                    throw IntakeError.precondition(
                        rule: .t2,
                        problem: "no scoping request was sent to \(scopingReturn.agency.name) for this case; record it with SendScopingRequests first"
                    )
                }
                if scopingReturn.dateReceived < asked.dateSent {
                    throw IntakeError.invalid(field: "scopingReturn.dateReceived", problem: "is before the request was sent (\(asked.dateSent))")
                }
                guard
                    let deadline = Deadline.compute(
                        Timescales.rule(.t3, ruleSet), from: record.anchor, metOn: scopingReturn.dateReceived, today: today, calendar: calendar,
                        ruleSet: ruleSet,
                        subject: scopingReturn.agency.name)
                else { throw IntakeError.precondition(rule: .t3, problem: "the timescale could not be computed") }
                // T3: a late return is accepted and marked late.
                let late = deadline.status == .metLate
                try IntakeStore.addReturn(tx, scopingReturn, late: late, to: record.reference)
                let updated = try IntakeStore.require(tx, record.reference)
                return IntakeAPI.RecordScopingReturnResponse(returnedLate: late, deadline: deadline, outstanding: updated.outstandingAgencies)
            }
        }
    }

    // MARK: reads

    func getCase(_ request: IntakeAPI.CaseRequest, _ call: CallContext) async throws -> IntakeAPI.IntakeCase {
        call.annotations.set(AuditTrail.caseReferenceKey, request.caseReference.description)
        let reference = request.caseReference
        let record = try await context.database.read { try IntakeStore.require($0, reference) }
        guard let incident = record.incident else { throw IntakeError.caseNotFound(reference) }
        return IntakeAPI.IntakeCase(
            caseReference: reference, childName: record.childName, incident: incident, referralReceived: record.referral?.dateReceived,
            notificationReceived: record.notification.map { $0.reportedToSafeguardingPartners ?? $0.becameAware }, scopingRequests: record.requests,
            scopingReturnsFrom: record.returns.map(\.agency.name),
            status: IntakeDeadlines.status(record, today: today, calendar: context.calendar, ruleSet: ruleSet))
    }

    func getCaseFile(_ request: IntakeAPI.CaseRequest, _ call: CallContext) async throws -> IntakeAPI.CaseFile {
        call.annotations.set(AuditTrail.caseReferenceKey, request.caseReference.description)
        let reference = request.caseReference
        let record = try await context.database.read { try IntakeStore.require($0, reference) }
        return IntakeAPI.CaseFile(
            caseReference: reference, referral: record.referral, linkedReferrals: record.linkedReferrals, notification: record.notification,
            scopingRequests: record.requests, scopingReturns: record.returns)
    }

    func listCases(_ request: IntakeAPI.ListCasesRequest) async throws -> IntakeAPI.ListCasesResponse {
        let statuses = try await allStatuses([])
        let cases = statuses.compactMap { status -> IntakeAPI.CaseSummary? in
            let overdue = status.deadlines.contains { $0.status == .overdue }
            if let stage = request.stage, status.stage != stage { return nil }
            if request.overdueOnly == true && !overdue { return nil }
            return IntakeAPI.CaseSummary(caseReference: status.reference, stage: status.stage, nextDeadline: status.nextDeadline, overdue: overdue)
        }
        return IntakeAPI.ListCasesResponse(cases: cases)
    }

    func getStatuses(_ request: GetStatusesRequest) async throws -> GetStatusesResponse {
        GetStatusesResponse(statuses: try await allStatuses(request.references))
    }

    private func allStatuses(_ wanted: [CaseReference]) async throws -> [CaseStatus] {
        let (today, calendar, ruleSet) = (self.today, context.calendar, self.ruleSet)
        return try await context.database.read { db in
            let references = wanted.isEmpty ? try IntakeStore.allReferences(db) : wanted
            return try references.compactMap { reference in
                try IntakeStore.load(db, reference).map { IntakeDeadlines.status($0, today: today, calendar: calendar, ruleSet: ruleSet) }
            }
        }
    }

    func checkDisclosure(_ request: IntakeAPI.CheckDisclosureRequest, _ call: CallContext) async throws -> IntakeAPI.CheckDisclosureResponse {
        call.annotations.set(AuditTrail.caseReferenceKey, request.caseReference.description)
        // A report mentions a few dates; a list of thousands would find a date of birth by
        // elimination. Texts that look like such a list are refused.
        let dates = DisclosureScanner.dateLikeTokens(in: request.text)
        guard dates <= DisclosureScanner.maxDates else {
            throw IntakeError.invalid(
                field: "text", problem: "has \(dates) dates; a report is checked, not a list (at most \(DisclosureScanner.maxDates))")
        }
        let (reference, text) = (request.caseReference, request.text)
        // The scan (dozens of regular expressions over a whole report) runs on the reader
        // thread with the case, not on the connection's event loop.
        let findings = try await context.database.read { db in
            DisclosureScanner.scan(text, people: try IntakeStore.require(db, reference).people)
        }
        return IntakeAPI.CheckDisclosureResponse(findings: findings)
    }
}

/// The hand-over to the Rapid Review: `OpenRapidReview` in the outbox, in the caller's
/// transaction, once per case (its idempotency key is the case reference).
enum HandOverToRapidReview {
    static func enqueue(_ tx: WriteTransaction, _ record: CaseRecord, today: CivilDate, calendar: WorkingCalendar, ruleSet: RuleSet) throws {
        let (t4, t6) = (Timescales.rule(.t4, ruleSet), Timescales.rule(.t6, ruleSet))
        guard record.handedOverOn == nil, let incident = record.incident,
            let latest = t4.due(from: record.anchor, calendar: calendar), let earliest = t4.earliestDay(from: record.anchor, calendar: calendar),
            let due = t6.due(from: IntakeDeadlines.t6Anchor(record, ruleSet: ruleSet), calendar: calendar)
        else { return }
        var documentation: [String] = []
        if record.referral != nil { documentation.append("referral") }
        if record.notification != nil { documentation.append("LA notification") }
        if !record.requests.isEmpty { documentation.append("scoping requests sent to \(record.requests.count) agencies") }
        let handOver = RapidReviewAPI.OpenRapidReviewRequest(
            caseReference: record.reference, referralReceived: record.anchor, notifiedNationalPanel: record.notification?.notifiedNationalPanel,
            meetingEarliest: earliest, meetingLatest: latest, rapidReviewDue: due, ruleSet: ruleSet, documentation: documentation,
            agenciesAsked: record.requests.map(\.agency), incidentKind: incident.kind, incidentDate: incident.date)
        try Outbox.enqueue(
            tx, destination: "rapid-review", method: RapidReviewAPI.openRapidReview.path, payload: try JSONCodec.encode(handOver),
            idempotencyKey: "intake/OpenRapidReview/\(record.reference)")
        try IntakeStore.markHandedOver(tx, record.reference, on: today)
    }
}
