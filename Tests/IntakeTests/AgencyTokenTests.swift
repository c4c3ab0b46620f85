import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// Issue 15, item 14: an agency's token speaks for its own agency only.
@Suite("RecordScopingReturn with an agency's token")
struct AgencyTokenTests {
    /// A case that asked the local authority and the ICB, not the police; and one that asked the police.
    static func cases(_ intake: RunningIntake) async throws -> (askedOthers: CaseReference, askedPolice: CaseReference) {
        let others = try await intake.submit(Fixture.referral()).caseReference
        _ = try await intake.client.call(
            IntakeAPI.sendScopingRequests,
            .init(
                caseReference: others,
                requests: [
                    Fixture.draft("Testshire Children's Services", kind: .localAuthority, sent: "2025-03-25"),
                    Fixture.draft("Testshire Integrated Care Board", kind: .health, sent: "2025-03-25"),
                ]), as: TestTokens.staff, deadline: .seconds(10))
        let police = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Yolanda Pemberthwaite", born: "2018-05-02")))
            .caseReference
        _ = try await intake.client.call(
            IntakeAPI.sendScopingRequests,
            .init(
                caseReference: police,
                requests: [
                    Fixture.draft("Testshire Children's Services", kind: .localAuthority, sent: "2025-03-25"),
                    Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-25"),
                ]), as: TestTokens.staff, deadline: .seconds(10))
        #expect(others != police)
        return (others, police)
    }

    @Test("item 14: the police's token records the police's return only, on a case that asked it; other agencies' returns are refused")
    func ownAgencyOnly() async throws {
        try await RunningIntake.with { intake in
            let (_, police) = try await Self.cases(intake)
            let forCouncil = await intake.client.refusal(
                IntakeAPI.recordScopingReturn,
                .init(
                    caseReference: police,
                    scopingReturn: Fixture.scopingReturn("Testshire Children's Services", kind: .localAuthority, received: "2025-03-26")),
                as: TestTokens.agency)
            #expect(forCouncil?.code == .permissionDenied)
            let own = try await intake.client.call(
                IntakeAPI.recordScopingReturn,
                .init(caseReference: police, scopingReturn: Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-26")),
                as: TestTokens.agency)
            #expect(own.deadline.status == .met)
            // The council is still to return, but the police's token is not told who else was asked.
            #expect(own.outstanding.isEmpty && own.othersWithheld == true)
            let recorded = try await intake.client.call(IntakeAPI.getCase, .init(caseReference: police), as: TestTokens.staff)
            #expect(recorded.scopingReturnsFrom == ["Testshire Police"])
        }
    }

    @Test("item 14: a refusal is the same whether the case is missing, asked no agency, or asked only others, so it tells nothing")
    func refusalRevealsNothing() async throws {
        try await RunningIntake.with { intake in
            let (others, _) = try await Self.cases(intake)
            let unasked = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Xanthe Woolgather", born: "2017-01-09")))
                .caseReference
            let missing = try #require(CaseReference("TESTSHIRE-2025-0999"))
            var answers: [RPCError?] = []
            for reference in [missing, unasked, others] {
                let refused = await intake.client.refusal(
                    IntakeAPI.recordScopingReturn,
                    .init(caseReference: reference, scopingReturn: Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-26")),
                    as: TestTokens.agency)
                answers.append(refused.map { RPCError($0.code, $0.message.replacingOccurrences(of: reference.description, with: "<case>")) })
            }
            #expect(answers.allSatisfy { $0?.code == .permissionDenied })
            #expect(Set(answers.map { $0?.message }).count == 1, "\(answers)")
            #expect(answers.first??.message.contains("Children") == false && answers.first??.message.contains("Care Board") == false)
            // The partnership's own staff still learn what is wrong.
            let staff = await intake.client.refusal(
                IntakeAPI.recordScopingReturn,
                .init(caseReference: missing, scopingReturn: Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-26")),
                as: TestTokens.staff)
            #expect(staff?.code == .notFound)
        }
    }

    @Test("item 14: an agency's token whose line names no agency records no return")
    func untiedTokenRefused() async throws {
        let untied = "untied-agency-token-0123456789"
        let intake = try await RunningIntake.start(TestDirectory(tokens: TestTokens.file + "\(untied) Una.Agency agency\n"))
        let police = try await Self.cases(intake).askedPolice
        let refused = await intake.client.refusal(
            IntakeAPI.recordScopingReturn,
            .init(caseReference: police, scopingReturn: Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-26")),
            as: untied)
        try await intake.stop()
        #expect(refused?.code == .permissionDenied)
        #expect(refused?.message.contains("names no agency") == true)
    }
}
