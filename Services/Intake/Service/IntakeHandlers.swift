import Contract
import Disclosure
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// intake's calls: each checks the form, runs a domain step on the case through the store,
/// and turns the result into the response, nothing more. ServiceKit names each call's case in
/// the audit trail and turns an `IntakeError` into its RPC status.
struct IntakeHandlers: Sendable {
    let context: ServiceContext
    let settings: IntakeSettings
    let store: IntakeStore

    init(context: ServiceContext, settings: IntakeSettings) {
        self.context = context
        self.settings = settings
        self.store = IntakeStore(database: context.database, status: Self.status(context), copy: Self.rapidReviewCopy(context))
    }

    var ruleSet: RuleSet { Self.ruleSet(context) }

    static func ruleSet(_ context: ServiceContext) -> RuleSet { RuleSet(rawValue: context.configuration.ruleSet) ?? .surrey2019 }

    /// The status a case shows the gateway, judged on the day it is worked out (the feed judges
    /// the deadline states again when read).
    static func status(_ context: ServiceContext) -> @Sendable (IntakeCase) -> CaseStatus {
        { intakeCase in intakeCase.status(clock: context.clock, ruleSet: ruleSet(context)) }
    }

    /// What the Rapid Review works from for a case handed over, with this service's calendar.
    static func rapidReviewCopy(_ context: ServiceContext) -> @Sendable (IntakeCase) throws -> RapidReviewAPI.UpdateRapidReviewRequest? {
        { intakeCase in try intakeCase.rapidReviewCopy(clock: context.clock, ruleSet: ruleSet(context)) }
    }

    /// Every call of `cspr.intake.v1.Intake`.
    func routes() -> RouteTable {
        var routes = RouteTable()
        routes.handle(IntakeAPI.submitReferral, submitReferral)
        routes.handle(IntakeAPI.recordNotification, recordNotification)
        routes.handle(IntakeAPI.sendScopingRequests, sendScopingRequests)
        routes.handle(IntakeAPI.recordScopingReturn, recordScopingReturn)
        routes.handle(IntakeAPI.getCase) { request, _ in try await getCase(request) }
        routes.handle(IntakeAPI.listCases) { request, _ in try await listCases(request) }
        routes.handle(IntakeAPI.getCaseFile) { request, _ in try await getCaseFile(request) }
        routes.handleStatuses(of: .intake, context)
        routes.handle(IntakeAPI.checkDisclosure) { request, _ in try await checkDisclosure(request) }
        routes.handle(IntakeAPI.recordRapidReviewMeeting, recordRapidReviewMeeting)
        routes.handle(IntakeAPI.recordExtension, recordExtension)
        routes.handle(IntakeAPI.getOutcomeParticulars) { request, _ in try await getOutcomeParticulars(request) }
        routes.handle(IntakeAPI.resolveChildMatch, resolveChildMatch)
        return routes
    }

    // MARK: referrals and notifications

    /// A referral opens a case, or joins the case of the same incident (§4.1).
    func submitReferral(_ request: IntakeAPI.SubmitReferralRequest, _ call: CallContext) async throws -> IntakeAPI.SubmitReferralResponse {
        let (clock, ruleSet, partnership, atOnce) = (context.clock, ruleSet, context.configuration.partnership, settings.handOver == .atOnce)
        let referral = request.referral
        try FormValidation(today: clock.today).referral(referral)
        let response = try await store.write(call, request) { writer in
            var (intakeCase, opened) = try writer.place(
                child: referral.child.person, incidentDate: referral.child.incident.date, partnership: partnership,
                year: referral.dateReceived.year, joining: { $0.linking(referral) }, opening: { .opened($0, by: referral) })
            if atOnce { intakeCase = try writer.handOver(intakeCase, clock: clock, ruleSet: ruleSet) }
            return IntakeAPI.SubmitReferralResponse(
                caseReference: intakeCase.reference, linkedToExistingCase: !opened,
                deadlines: intakeCase.deadlines(clock: clock, ruleSet: ruleSet).filter { $0.rule != .t1 })
        }
        // The hand-over, or an update of the Rapid Review's copy, may be in the outbox.
        context.relay.poke()
        return response
    }

    /// The LA's notification of a serious incident: joins its case, or opens one (§4.1.3); T1.
    func recordNotification(_ request: IntakeAPI.RecordNotificationRequest, _ call: CallContext) async throws
        -> IntakeAPI.RecordNotificationResponse
    {
        let (clock, ruleSet, partnership, atOnce) = (context.clock, ruleSet, context.configuration.partnership, settings.handOver == .atOnce)
        let notification = request.notification
        try FormValidation(today: clock.today).notification(notification)
        let response = try await store.write(call, request) { writer in
            let received = IntakeCase.received(notification, today: clock.today)
            var (intakeCase, opened) = try writer.place(
                child: notification.child, incidentDate: notification.incident.date, partnership: partnership, year: received.year,
                joining: { $0.notified(notification, received: received) }, opening: { .opened($0, by: notification, received: received) })
            if atOnce { intakeCase = try writer.handOver(intakeCase, clock: clock, ruleSet: ruleSet) }
            let t1 = intakeCase.deadlines(clock: clock, ruleSet: ruleSet).filter { $0.rule == .t1 }
            // T1: late when the National Panel was notified after the due date, or is not yet and the date has passed.
            let panel = t1.first { $0.subject == "National Panel notified" }
            let late = panel.map { $0.status == .metLate || $0.status == .overdue } ?? false
            return IntakeAPI.RecordNotificationResponse(
                caseReference: intakeCase.reference, openedNewCase: opened, linkedToExistingCase: !opened, deadlines: t1, notifiedLate: late)
        }
        // The hand-over, or an update of the Rapid Review's copy, may be in the outbox.
        context.relay.poke()
        return response
    }

    // MARK: scoping

    /// The scoping requests and their letters (T2, T3); the first ones hand the case over.
    func sendScopingRequests(_ request: IntakeAPI.SendScopingRequestsRequest, _ call: CallContext) async throws
        -> IntakeAPI.SendScopingRequestsResponse
    {
        let (clock, ruleSet) = (context.clock, ruleSet)
        try FormLimits.scopingRequests(request)
        try IntakeCase.checkScopingDrafts(request.requests, today: clock.today)
        let format = request.letterFormat ?? .text
        let response = try await store.change(request.caseReference, call, request) { intakeCase, writer in
            // Each request keeps who signed its letter, so the letter prints the same later.
            let sent = try intakeCase.sendingScopingRequests(request.requests, clock: clock, ruleSet: ruleSet).map {
                var signed = $0
                (signed.signatory, signed.queriesContact) = (request.signatory, request.queriesContact)
                return signed
            }
            try writer.addRequests(sent, to: intakeCase.reference)
            var updated = intakeCase
            updated.requests += sent
            updated = try writer.handOver(updated, clock: clock, ruleSet: ruleSet)
            let letters = sent.map { scoping in
                IntakeAPI.ScopingLetter(
                    agency: scoping.agency.name,
                    text: ScopingLetterRenderer.render(
                        scoping, reference: intakeCase.reference, format: format, signatory: request.signatory,
                        queriesContact: request.queriesContact,
                        t3Due: intakeCase.t3Due(clock: clock, ruleSet: ruleSet)))
            }
            return IntakeAPI.SendScopingRequestsResponse(
                requests: sent, letters: letters,
                deadlines: updated.deadlines(clock: clock, ruleSet: ruleSet).filter { $0.rule == .t2 || $0.rule == .t3 })
        }
        context.relay.poke()
        return response
    }

    /// An agency's completed scoping form (T3: a late one is accepted and marked late).
    func recordScopingReturn(_ request: IntakeAPI.RecordScopingReturnRequest, _ call: CallContext) async throws
        -> IntakeAPI.RecordScopingReturnResponse
    {
        let (clock, ruleSet) = (context.clock, ruleSet)
        let scopingReturn = request.scopingReturn
        // Item 14: an agency's token records its own agency's return, on a case that asked it.
        let scope = try AgencyScope.of(call)
        guard scope.allows(scopingReturn.agency.name, same: { AgencyKey.of($0) == AgencyKey.of($1) }) else {
            throw RPCError(.permissionDenied, "scopingReturn.agency.name: this token records its own agency's returns only")
        }
        try IntakeCase.checkScopingReturn(scopingReturn, today: clock.today)
        let reference = request.caseReference
        let response = try await store.write(call, request) { writer in
            // One refusal whether the case is missing or asked only others: nothing to tell apart.
            guard let intakeCase = try writer.find(reference) else {
                if case .only = scope { throw scope.refusal(reference) }
                throw IntakeError.caseNotFound(reference)
            }
            if case .only(let own) = scope, !intakeCase.requests.contains(where: { AgencyKey.of($0.agency.name) == AgencyKey.of(own) }) {
                throw scope.refusal(reference)
            }
            let deadline = try intakeCase.receivingScopingReturn(scopingReturn, clock: clock, ruleSet: ruleSet)
            let late = deadline.status == .metLate
            try writer.addReturn(scopingReturn, late: late, to: intakeCase.reference)
            var updated = intakeCase
            updated.returns.append(scopingReturn)
            // An agency's token learns nothing of the other agencies asked (item 14).
            if case .only = scope {
                return IntakeAPI.RecordScopingReturnResponse(returnedLate: late, deadline: deadline, outstanding: [], othersWithheld: true)
            }
            return IntakeAPI.RecordScopingReturnResponse(returnedLate: late, deadline: deadline, outstanding: updated.outstandingAgencies)
        }
        // The returned form is documentation the meeting needs (R3): the Rapid Review's copy changed.
        context.relay.poke()
        return response
    }

    /// Rapid-review's hand-over: the meeting was held, scoping closes (§4.5.2); applied once
    /// per idempotency key.
    func recordRapidReviewMeeting(_ request: IntakeAPI.RapidReviewMeetingHeldRequest, _ call: CallContext) async throws
        -> IntakeAPI.RapidReviewMeetingHeldResponse
    {
        try await store.receive(request.caseReference, call, request) { intakeCase, writer in
            let news = try intakeCase.learningMeetingHeld(request)
            if news { try writer.recordMeetingHeld(request.meetingDate, of: intakeCase.reference) }
            return IntakeAPI.RapidReviewMeetingHeldResponse(
                caseReference: intakeCase.reference, recorded: news, notReturned: intakeCase.outstandingAgencies)
        }
    }

    /// A recorded decision extending T1, T2 or T3 (RULES.md); audited like every call.
    func recordExtension(_ request: RecordExtensionRequest, _ call: CallContext) async throws -> RecordExtensionResponse {
        let (clock, ruleSet, principal) = (context.clock, ruleSet, call.principal?.name ?? "anonymous")
        return try await store.change(request.caseReference, call, request) { intakeCase, writer in
            let granted = try intakeCase.extending(request, by: principal, clock: clock, ruleSet: ruleSet)
            try writer.addExtension(granted, to: intakeCase.reference)
            var updated = intakeCase
            updated.extensions.append(granted)
            guard let deadline = updated.deadline(granted.rule, subject: granted.subject, clock: clock, ruleSet: ruleSet) else {
                throw IntakeError.timescaleNotCounted(granted.rule)
            }
            return RecordExtensionResponse(caseReference: intakeCase.reference, decision: granted, deadline: deadline)
        }
    }

    /// A person's decision on a flagged match of two cases' children (item 7); audited like
    /// every call, under both cases' statuses.
    func resolveChildMatch(_ request: IntakeAPI.ResolveChildMatchRequest, _ call: CallContext) async throws
        -> IntakeAPI.ResolveChildMatchResponse
    {
        let (today, principal) = (context.clock.today, call.principal?.name ?? "anonymous")
        return try await store.change(request.caseReference, call, request) { intakeCase, writer in
            let decided = try intakeCase.decidingChildMatch(with: request.otherCase, sameChild: request.sameChild, by: principal, on: today)
            try writer.decideChildMatch(intakeCase.reference, request.otherCase, sameChild: request.sameChild, by: principal, on: today)
            var response = IntakeAPI.ResolveChildMatchResponse(caseReference: intakeCase.reference, match: decided)
            guard request.sameChild else { return response }
            // The same child: the later case joins the earlier, as its form would have had the
            // child been known to be the same, unless its own work has begun.
            // A case merged into a third since it was flagged takes no more work (R3).
            try writer.require(request.otherCase).requireNotMerged()
            let (earlier, later) = (min(intakeCase.reference, request.otherCase), max(intakeCase.reference, request.otherCase))
            if let reason = try writer.merge(later, into: earlier, on: today) {
                response.notMerged = reason
            } else {
                (response.merged, response.mergedInto) = (later, earlier)
            }
            return response
        }
    }

    // MARK: reads

    /// One case, with the child's name, for the roles allowed to read it.
    func getCase(_ request: IntakeAPI.CaseRequest) async throws -> IntakeAPI.IntakeCase {
        let intakeCase = try await store.intakeCase(request.caseReference)
        guard let incident = intakeCase.incident else { throw IntakeError.caseNotFound(request.caseReference) }
        return IntakeAPI.IntakeCase(
            caseReference: intakeCase.reference, childName: intakeCase.childName, incident: incident,
            referralReceived: intakeCase.referral?.dateReceived,
            notificationReceived: intakeCase.notification.map { $0.reportedToSafeguardingPartners ?? $0.becameAware },
            scopingRequests: intakeCase.requests, scopingReturnsFrom: intakeCase.returns.map(\.agency.name),
            status: intakeCase.status(clock: context.clock, ruleSet: ruleSet),
            childMatches: intakeCase.childMatches.isEmpty ? nil : intakeCase.childMatches, mergedInto: intakeCase.mergedInto)
    }

    /// The case file (R3): every form as received.
    func getCaseFile(_ request: IntakeAPI.CaseRequest) async throws -> IntakeAPI.CaseFile {
        let intakeCase = try await store.intakeCase(request.caseReference)
        return IntakeAPI.CaseFile(
            caseReference: intakeCase.reference, referral: intakeCase.referral, linkedReferrals: intakeCase.linkedReferrals,
            notification: intakeCase.notification, scopingRequests: intakeCase.requests, scopingReturns: intakeCase.returns)
    }

    /// What the Rapid Review's outcome document asks of the case (issue 15, item 12), for
    /// rapid-review to render it; audited as a read of the case, like every call naming one.
    func getOutcomeParticulars(_ request: IntakeAPI.CaseRequest) async throws -> IntakeAPI.OutcomeParticulars {
        let intakeCase = try await store.intakeCase(request.caseReference)
        guard let particulars = intakeCase.outcomeParticulars else { throw IntakeError.caseNotFound(request.caseReference) }
        return particulars
    }

    /// Every case, summarised, optionally one stage or only the overdue.
    func listCases(_ request: IntakeAPI.ListCasesRequest) async throws -> IntakeAPI.ListCasesResponse {
        let cases = try await context.everyStatus().compactMap { status -> IntakeAPI.CaseSummary? in
            let overdue = status.deadlines.contains { $0.status == .overdue }
            if let stage = request.stage, status.stage != stage { return nil }
            if request.overdueOnly == true && !overdue { return nil }
            return IntakeAPI.CaseSummary(caseReference: status.reference, stage: status.stage, nextDeadline: status.nextDeadline, overdue: overdue)
        }
        return IntakeAPI.ListCasesResponse(cases: cases)
    }

    /// The check of a text for the family's details (P4): publication's reports, rapid-review's
    /// free text (issue 15, item 13).
    func checkDisclosure(_ request: IntakeAPI.CheckDisclosureRequest) async throws -> IntakeAPI.CheckDisclosureResponse {
        let text = request.text
        // Counting the dates and the scan (dozens of regular expressions over a whole report)
        // run on the compute threads, not on the connection's event loop or a database reader.
        try await context.compute.run { () throws(IntakeError) in
            if let problem = DisclosureScanner.refusalBeforeScan(text) { throw .invalid(field: "text", problem: problem) }
        }
        let people = try await store.intakeCase(request.caseReference).people
        return IntakeAPI.CheckDisclosureResponse(findings: await context.compute.run { DisclosureScanner.scan(text, people: people) })
    }
}
