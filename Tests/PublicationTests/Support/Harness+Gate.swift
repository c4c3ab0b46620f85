import Contract
import RPC
import ServiceTestSupport
import WorkingDays

/// The tables of the gate, the plan and the archive: a refused call must not change them.
enum GateTables {
    static let names = [
        "report_revisions", "disclosure_checks", "anonymisation_sign_offs", "publication_plans", "publication_holds", "publication_hold_releases",
        "archived_reports",
    ]
}

/// The steps of the anonymisation gate (P4), the plan and holds (P3) and the archive (T10).
extension Harness {
    @discardableResult
    func checkDisclosure(_ reference: CaseReference, version: Int = 1) async throws(RPCError) -> PublicationAPI.DisclosureCheck {
        try await call(
            PublicationAPI.checkReportForDisclosure, .init(caseReference: reference, reportVersion: version), as: TestTokens.publication
        ).check
    }

    @discardableResult
    func signOff(
        _ reference: CaseReference, version: Int = 1, by name: String = "Fictional Signer", role: String = "Partnership business manager",
        on date: CivilDate = Fixtures.today
    ) async throws(RPCError) -> PublicationAPI.AnonymisationSignOff {
        try await call(
            PublicationAPI.signOffAnonymisation,
            .init(caseReference: reference, reportVersion: version, signedOffBy: name, role: role, signedOffOn: date), as: TestTokens.publication
        ).signOff
    }

    /// A clean check of `version` and its sign-off: what scheduling and publishing need (P4).
    func passAnonymisationGate(_ reference: CaseReference, version: Int = 1, on date: CivilDate = Fixtures.today) async throws {
        let check = try await checkDisclosure(reference, version: version)
        guard check.clean else { throw RPCError(.failedPrecondition, "the fixture's report is not clean: \(check.findings)") }
        try await signOff(reference, version: version, on: date)
    }

    @discardableResult
    func revise(_ reference: CaseReference, sections: ReportSections, reason: String = "Fictional: a pseudonym replaces a name")
        async throws(RPCError) -> PublicationAPI.ReviseReportResponse
    {
        try await call(PublicationAPI.reviseReport, .init(caseReference: reference, sections: sections, reason: reason), as: TestTokens.publication)
    }

    @discardableResult
    func recordPlan(_ request: PublicationAPI.RecordPublicationPlanRequest) async throws(RPCError) -> PublicationAPI.PublicationPlan {
        try await call(PublicationAPI.recordPublicationPlan, request, as: TestTokens.publication).plan
    }

    @discardableResult
    func hold(
        _ reference: CaseReference, for proceedings: PublicationAPI.ParallelProceedings = .trial, on date: CivilDate = Fixtures.today,
        reviewOn: CivilDate = Fixtures.date("2027-03-01")
    ) async throws(RPCError) -> PublicationAPI.PublicationHold {
        try await call(
            PublicationAPI.recordPublicationHold,
            .init(
                caseReference: reference, proceedings: proceedings, reason: "Fictional: the Crown Court trial",
                requestedBy: "Senior Investigating Officer",
                heldOn: date, reviewOn: reviewOn), as: TestTokens.publication
        ).hold
    }

    @discardableResult
    func release(_ reference: CaseReference, hold number: Int, on date: CivilDate = Fixtures.today) async throws(RPCError)
        -> PublicationAPI.ReleasePublicationHoldResponse
    {
        try await call(
            PublicationAPI.releasePublicationHold,
            .init(caseReference: reference, holdNumber: number, releasedOn: date, reason: "Fictional: the trial concluded"),
            as: TestTokens.publication)
    }

    @discardableResult
    func recordArchived(_ reference: CaseReference, on date: CivilDate, from place: String = "the Partnership Board's business unit")
        async throws(RPCError) -> PublicationAPI.RecordArchivedResponse
    {
        try await call(
            PublicationAPI.recordArchived, .init(caseReference: reference, archivedOn: date, availableOnRequestFrom: place),
            as: TestTokens.publication)
    }
}
