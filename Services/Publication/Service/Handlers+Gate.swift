import Contract
import RPC
import ServiceKit

/// The anonymisation gate's calls (P4, V10) and the plan's (P3, T10), registered after the
/// service's first calls.
extension PublicationHandlers {
    /// Adds the gate's, the plan's and the archive's calls to `routes`.
    func gateAndPlanRoutes(_ routes: inout RouteTable) {
        routes.handle(PublicationAPI.checkReportForDisclosure, checkReportForDisclosure)
        routes.handle(PublicationAPI.signOffAnonymisation, signOffAnonymisation)
        routes.handle(PublicationAPI.reviseReport, reviseReport)
        routes.handle(PublicationAPI.recordPublicationPlan, recordPublicationPlan)
        routes.handle(PublicationAPI.recordPublicationHold, recordPublicationHold)
        routes.handle(PublicationAPI.releasePublicationHold, releasePublicationHold)
        routes.handle(PublicationAPI.recordArchived, recordArchived)
    }

    /// Checks the version's text with every stage that holds people, and for the reviewers and
    /// the genogram; records the check with its findings' positions. The stages are asked
    /// outside the transaction (a write is never held open across the network); the version is
    /// checked again when the result is recorded.
    func checkReportForDisclosure(_ request: PublicationAPI.CheckReportForDisclosureRequest, _ call: CallContext) async throws
        -> PublicationAPI.CheckReportForDisclosureResponse
    {
        let (clock, principal, reference) = (clock, principal(call), request.caseReference)
        let publication = try await store.publication(reference)
        let text = try publication.textToCheck(request.reportVersion)
        let stages = DisclosureStages(clients: context.peers, metadata: context.peerMetadata(requestID: call.requestID))
        let answers = try await stages.findings(reference, text: text.text)
        let lead = publication.leadReviewer
        let findings = await context.compute.run {
            let placed = answers.flatMap { answer in answer.findings.map { text.place($0, foundBy: answer.stage) } }
            let own = text.genogramFindings(foundBy: ServiceIdentity.publication.name)
            let order = Dictionary(text.parts.enumerated().map { ($1.section, $0) }) { first, _ in first }
            // In report order: part by part, then by place; what is missing from the whole text last.
            let sorted = (placed + own).sorted {
                (order[$0.section ?? ""] ?? Int.max, $0.offset ?? 0, $0.foundBy) < (order[$1.section ?? ""] ?? Int.max, $1.offset ?? 0, $1.foundBy)
            }
            return sorted + text.reviewerFindings(leadReviewer: lead, foundBy: ServiceIdentity.publication.name)
        }
        let check = try await store.change(reference) { publication, writer in
            let check = try publication.recordingCheck(request.reportVersion, findings: findings, by: principal, clock: clock)
            try writer.add(check, number: check.number, to: .disclosureChecks, of: reference)
            return check
        }
        // Counts and kinds only: the matched text is neither kept nor logged.
        context.logger.info(
            "report checked for disclosure",
            [
                "caseReference": .string(reference.description), "reportVersion": .int(check.reportVersion), "check": .int(check.number),
                "findings": .int(check.findings.count), "clean": .bool(check.clean),
                "kinds": .string(Set(check.findings.map(\.kind.rawValue)).sorted().joined(separator: ",")),
            ])
        return .init(caseReference: reference, check: check)
    }

    /// A named person's sign-off after a clean check (P4).
    func signOffAnonymisation(_ request: PublicationAPI.SignOffAnonymisationRequest, _ call: CallContext) async throws
        -> PublicationAPI.SignOffAnonymisationResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let signOff = try publication.signingOff(request, by: principal, clock: clock)
            try writer.add(signOff, number: signOff.number, to: .anonymisationSignOffs, of: publication.reference)
            return .init(caseReference: publication.reference, signOff: signOff)
        }
    }

    /// New text: the next version, to be checked, signed off and sent again (P4, T9).
    func reviseReport(_ request: PublicationAPI.ReviseReportRequest, _ call: CallContext) async throws -> PublicationAPI.ReviseReportResponse {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let revision = try publication.revising(request, by: principal, clock: clock)
            try writer.add(revision, number: revision.reportVersion, to: .reportRevisions, of: publication.reference)
            var updated = publication
            updated.revisions.append(revision)
            return .init(caseReference: publication.reference, revision: revision, advanceCopiesMissing: updated.t9Standing(clock).missing)
        }
    }
}
