import Contract
import WorkingDays

extension Review {
    /// A request to an agency for its chronology and/or information report (§8.2-8.5): a named
    /// contact (§8.2.2), what is asked, a due date after today; one request per agency.
    func requestingAgencyInformation(_ request: ReviewManagementAPI.RequestAgencyInformationRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.AgencyRequest
    {
        try requireLocalReview(for: .v6)
        let agency = request.agency.trimmingWhitespace
        if agency.isEmpty { throw .invalidField(path: "agency", rule: nil, problem: "name the agency asked") }
        if let earlier = agencyRequest(agency) {
            throw .invalidField(
                path: "agency", rule: nil, problem: "\(earlier.agency) was asked on \(earlier.requestedOn) (request \(earlier.number))")
        }
        if request.contact.name.isBlank {
            throw .invalidField(path: "contact.name", rule: nil, problem: "name the agency's contact for the review (§8.2.2)")
        }
        if request.asks.isEmpty {
            throw .invalidField(path: "asks", rule: nil, problem: "ask for a chronology, an information report or both")
        }
        if Set(request.asks).count != request.asks.count { throw .invalidField(path: "asks", rule: nil, problem: "each is asked once") }
        guard request.dueOn > clock.today else {
            throw .invalidField(path: "dueOn", rule: nil, problem: "\(request.dueOn) is not after today (\(clock.today))")
        }
        return ReviewManagementAPI.AgencyRequest(
            number: agencyRequests.count + 1, agency: agency, contact: request.contact, asks: request.asks, dueOn: request.dueOn,
            requestedOn: clock.today, requestedBy: principal)
    }

    /// The request made to `agency` (matched ignoring case and surrounding white space), if any.
    func agencyRequest(_ agency: String) -> ReviewManagementAPI.AgencyRequest? {
        let wanted = agency.trimmingWhitespace.lowercased()
        return agencyRequests.first { $0.agency.lowercased() == wanted }
    }

    /// Where `request` stands today: what is asked and not given (never submitted, or the
    /// latest submission sent back), and whether that is past its due date.
    func standing(of request: ReviewManagementAPI.AgencyRequest, today: CivilDate) -> ReviewManagementAPI.AgencyRequestStanding {
        let outstanding = outstanding(of: request)
        return ReviewManagementAPI.AgencyRequestStanding(
            request: request, outstanding: outstanding, overdue: !outstanding.isEmpty && today > request.dueOn,
            escalatedTo: escalations(of: request).last?.level)
    }

    /// What `request` asks and has not been given: never submitted, or the latest submission sent back.
    func outstanding(of request: ReviewManagementAPI.AgencyRequest) -> [ReviewManagementAPI.AgencySubmissionKind] {
        request.asks.filter { kind in
            guard let latest = latestSubmission(request.agency, kind) else { return true }
            return decision(on: latest)?.outcome == .sentBack
        }
    }

    /// Every request and where it stands today.
    func agencyRequestsView(today: CivilDate) -> ReviewManagementAPI.AgencyRequests {
        let standings = agencyRequests.map { standing(of: $0, today: today) }
        return ReviewManagementAPI.AgencyRequests(
            caseReference: reference, requests: standings, outstanding: standings.filter { !$0.outstanding.isEmpty }.map(\.request.agency),
            overdue: standings.filter(\.overdue).map(\.request.agency))
    }

    /// The latest submission of `kind` by `agency`, if any.
    func latestSubmission(_ agency: String, _ kind: ReviewManagementAPI.AgencySubmissionKind) -> ReviewManagementAPI.SubmissionKey? {
        let keys: [ReviewManagementAPI.SubmissionKey] =
            switch kind {
            case .chronology: chronologies.map(\.key)
            case .informationReport: informationReports.map(\.key)
            }
        return keys.last { $0.agency == agency }
    }

    /// The review team's decision on `submission`, if made.
    func decision(on submission: ReviewManagementAPI.SubmissionKey) -> ReviewManagementAPI.SubmissionDecision? {
        submissionDecisions.first { $0.submission == submission }
    }

    /// The key of a new submission of `kind` by `agency`: it was asked for, and any earlier one
    /// was sent back (V8); refused while one awaits the review team's decision or once accepted.
    func nextSubmission(_ agency: String, _ kind: ReviewManagementAPI.AgencySubmissionKind, rule: FrameworkRule)
        throws(ReviewManagementError) -> ReviewManagementAPI.SubmissionKey
    {
        try requireLocalReview(for: rule)
        let what = kind == .chronology ? "chronology" : "information report"
        guard let request = agencyRequest(agency), request.asks.contains(kind) else {
            throw .outOfOrder(
                rule: rule, problem: "no \(what) was asked of \(agency.trimmingWhitespace) (RequestAgencyInformation asks each agency first)")
        }
        guard let latest = latestSubmission(request.agency, kind) else {
            return ReviewManagementAPI.SubmissionKey(agency: request.agency, kind: kind, version: 1)
        }
        guard let decision = decision(on: latest) else {
            throw .outOfOrder(
                rule: .v8, problem: "\(request.agency)'s \(what) version \(latest.version) awaits the review team's decision (ReviewSubmission)")
        }
        guard decision.outcome == .sentBack else {
            throw .outOfOrder(
                rule: .v8, problem: "the review team accepted \(request.agency)'s \(what) version \(latest.version) on \(decision.decidedOn)")
        }
        return ReviewManagementAPI.SubmissionKey(agency: request.agency, kind: kind, version: latest.version + 1)
    }

    /// Agencies are asked for a review commissioned locally only.
    func requireLocalReview(for rule: FrameworkRule) throws(ReviewManagementError) {
        guard localCommission == nil else { return }
        throw .outOfOrder(rule: rule, problem: "no local review is commissioned (state \(state.rawValue)): no agency is asked for information")
    }
}

extension String {
    /// Without white space at either end.
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
