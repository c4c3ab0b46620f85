import Contract
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import WorkingDays

/// A stand-in for intake answering `GetOutcomeParticulars` with the same obviously fictional
/// child and family for any case, so that the document tests need not open each case in a
/// real intake (the real one is in `OutcomeParticularsTests`).
enum StandInIntake {
    static let child = IntakeAPI.ChildParticulars(
        name: "Quentin Placeholder", dateOfBirth: Fixtures.date("2018-02-02"), gender: "male", ethnicity: "White British",
        address: "1 Fictional Row, Testtown, TE1 1AA", localAuthority: "Testshire Children's Services")

    static func particulars(_ reference: CaseReference) -> IntakeAPI.OutcomeParticulars {
        IntakeAPI.OutcomeParticulars(
            caseReference: reference, child: child, incident: Incident(kind: .seriousHarm, date: Fixtures.date("2025-03-21")),
            notifiedOfsted: Fixtures.date("2025-03-24"), notifiedNationalPanel: Fixtures.date("2025-03-24"),
            familyMembers: [
                FamilyMember(
                    person: Person(name: "Rosalind Placeholder", dateOfBirth: Fixtures.date("1991-01-01")), relationshipToChild: "mother",
                    legalStatus: "parental responsibility", ethnicOrigin: "White British")
            ],
            referrer: Contact(name: "Lee Specimen", agencyAndDesignation: "Testtown Primary School, DSL"), referringAgency: "Testtown Primary School")
    }

    static let definition = ServiceDefinition(identity: .intake, migrations: []) { _ in
        var routes = RouteTable()
        routes.handle(IntakeAPI.getOutcomeParticulars) { request, _ in particulars(request.caseReference) }
        // The free text the document tests record is clean (issue 15, item 13).
        routes.handle(IntakeAPI.checkDisclosure) { _, _ in DisclosureAPI.CheckDisclosureResponse(findings: []) }
        return routes
    }
}

/// Runs `body` with the stand-in intake's port, and stops it however `body` ends.
func withStandInIntake<T>(_ body: (Int) async throws -> T) async throws -> T {
    let intake = try await startInProcess(StandInIntake.definition, try TestDirectory.rapidReview())
    return try await withStopping(intake, stop: { await $0.stop(grace: .seconds(1)) }) { try await body($0.port) }
}
