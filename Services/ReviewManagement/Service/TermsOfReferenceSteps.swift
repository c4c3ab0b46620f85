import Contract
import WorkingDays

extension Review {
    /// A draft or redraft of the terms of reference: a new version, before agreement only
    /// (afterwards the key lines of enquiry change with the panel's approval, V2).
    func drafting(_ request: ReviewManagementAPI.DraftTermsOfReferenceRequest, by principal: String, clock: CaseClock) throws(ReviewManagementError)
        -> ReviewManagementAPI.TermsOfReferenceVersion
    {
        try requireLocalCommission(.v1)
        if let agreement {
            throw .outOfOrder(
                rule: .v2,
                problem:
                    "the Case Review Panel agreed version \(agreement.version) of the terms of reference on \(agreement.agreedOn); after agreement the key lines of enquiry change only with its approval (ChangeKeyLinesOfEnquiry)"
            )
        }
        try TermsOfReferenceRules.checkWellFormed(request.termsOfReference)
        return ReviewManagementAPI.TermsOfReferenceVersion(
            version: versions.count + 1, origin: .draft, termsOfReference: request.termsOfReference, writtenOn: clock.today, writtenBy: principal)
    }

    /// The Case Review Panel agrees the latest draft, every field V1 lists present (V1).
    func agreeing(_ request: ReviewManagementAPI.AgreeTermsOfReferenceRequest, by principal: String, clock: CaseClock) throws(ReviewManagementError)
        -> ReviewManagementAPI.TermsOfReferenceAgreement
    {
        try requireLocalCommission(.v1)
        if let agreement {
            throw .outOfOrder(
                rule: .v1, problem: "the Case Review Panel agreed version \(agreement.version) on \(agreement.agreedOn); it is kept as agreed")
        }
        guard let latest = currentVersion else {
            throw .outOfOrder(rule: .v1, problem: "no terms of reference drafted yet (DraftTermsOfReference)")
        }
        guard request.version == latest.version else {
            throw .outOfOrder(rule: .v1, problem: "version \(request.version) is not the latest draft; version \(latest.version) is")
        }
        guard request.agreedOn >= latest.writtenOn, request.agreedOn <= clock.today else {
            throw .invalidField(
                path: "agreedOn", rule: .v1, problem: "\(request.agreedOn) is not between the draft (\(latest.writtenOn)) and today (\(clock.today))")
        }
        let missing = TermsOfReferenceRules.missing(latest.termsOfReference)
        guard missing.isEmpty else {
            throw .outOfOrder(
                rule: .v1,
                problem: "the Case Review Panel agrees terms of reference with every Appendix 6 field; version \(latest.version) lacks "
                    + missing.joined(separator: ", "))
        }
        return ReviewManagementAPI.TermsOfReferenceAgreement(version: latest.version, agreedOn: request.agreedOn, agreedBy: principal)
    }

    /// After agreement, the key lines of enquiry change with the Case Review Panel's approval
    /// and its reason (V2, §5.3.1): a new version; the one before stays readable.
    func changingKeyLines(_ request: ReviewManagementAPI.ChangeKeyLinesOfEnquiryRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> (change: ReviewManagementAPI.KeyLinesOfEnquiryChange, version: ReviewManagementAPI.TermsOfReferenceVersion)
    {
        guard let agreement, let current = currentVersion else {
            throw .outOfOrder(
                rule: .v2,
                problem:
                    "the terms of reference are not agreed yet; until they are, the key lines of enquiry change in a redraft (DraftTermsOfReference)")
        }
        if request.reason.isBlank {
            throw .invalidField(path: "reason", rule: .v2, problem: "give the Case Review Panel's reason for changing the key lines of enquiry")
        }
        if request.keyLinesOfEnquiry.isEmpty {
            throw .invalidField(path: "keyLinesOfEnquiry", rule: .v2, problem: "give the key lines of enquiry as they now stand")
        }
        try TermsOfReferenceRules.checkKeyLines(request.keyLinesOfEnquiry, path: "keyLinesOfEnquiry", rule: .v2)
        if request.keyLinesOfEnquiry == current.termsOfReference.scope.keyLinesOfEnquiry {
            throw .invalidField(path: "keyLinesOfEnquiry", rule: .v2, problem: "unchanged from version \(current.version)")
        }
        guard request.approvedOn >= agreement.agreedOn, request.approvedOn <= clock.today else {
            throw .invalidField(
                path: "approvedOn", rule: .v2,
                problem: "\(request.approvedOn) is not between the agreement (\(agreement.agreedOn)) and today (\(clock.today))")
        }
        var terms = current.termsOfReference
        terms.scope.keyLinesOfEnquiry = request.keyLinesOfEnquiry
        let version = ReviewManagementAPI.TermsOfReferenceVersion(
            version: current.version + 1, origin: .keyLinesOfEnquiryChanged, termsOfReference: terms, writtenOn: clock.today, writtenBy: principal)
        let change = ReviewManagementAPI.KeyLinesOfEnquiryChange(
            number: changes.count + 1, fromVersion: current.version, toVersion: version.version, reason: request.reason,
            approvedOn: request.approvedOn, approvedBy: principal)
        return (change, version)
    }

    /// Terms of reference belong to a review commissioned locally: not to a national review
    /// waiting for, or taken on by, the National Panel.
    private func requireLocalCommission(_ rule: FrameworkRule) throws(ReviewManagementError) {
        guard localCommission == nil else { return }
        let why: String
        switch state {
        case .awaitingNationalPanel: why = "a national review (a) waits for the National Panel's decision (RecordNationalPanelDecision)"
        case .nationalReview: why = "the National Panel took the national review on"
        default: why = "the partners commissioned no local review"
        }
        throw .outOfOrder(rule: rule, problem: "no local review is commissioned: \(why)")
    }
}
