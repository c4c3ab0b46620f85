import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

@testable import IntakeService

/// Issue 17, item 7: two forms are one child's only when the names (case, diacritics and
/// spacing aside) and the dates of birth agree; a form without a date of birth naming a child
/// of the same name opens its own case, flagged for a person to confirm or reject.
@Suite("Different children are never merged (issue 17, item 7)")
struct ChildMatchTests {
    @Test(
        "item 7: names compared with case, diacritics and spacing aside, digits kept; dates of birth must agree",
        arguments: [
            ("Twin 1 Testcase", "2019-03-01", "Twin 2 Testcase", "2019-03-01", ChildKey.Match.different),
            ("Zoë  Testcase", "2019-03-01", "ZOE TESTCASE", "2019-03-01", .same),
            ("Zoë Testcase", "2019-03-01", "Zoe\u{0308} Testcase", "2019-03-01", .same),
            ("Zoe Testcase", "2019-03-01", "Zoe Testcase", "2019-03-02", .different),
            ("Zoe Testcase", "2019-03-01", "Zoe Testcase", "", .possible),
            ("Zoe Testcase", "", "zoe  testcase", "", .possible),
            ("Zoe Testcase", "", "Zoey Testcase", "", .different),
        ])
    func match(_ first: String, _ firstBorn: String, _ second: String, _ secondBorn: String, expected: ChildKey.Match) {
        func person(_ name: String, _ born: String) -> Person { Person(name: name, dateOfBirth: born.isEmpty ? nil : Fixture.date(born)) }
        #expect(ChildKey.match(person(first, firstBorn), person(second, secondBorn)) == expected)
        #expect(ChildKey.match(person(second, secondBorn), person(first, firstBorn)) == expected)
    }

    @Test("item 7: \"Twin 1 Testcase\" and \"Twin 2 Testcase\", born the same day, hurt in one incident, are two cases")
    func twins() async throws {
        try await RunningIntake.with { intake in
            let first = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Twin 1 Testcase")))
            let second = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Twin 2 Testcase")))
            #expect(!second.linkedToExistingCase)
            #expect(first.caseReference != second.caseReference)
            let spelled = try await intake.submit(Fixture.referral(child: Fixture.child(name: "twin  1 TESTCASE")))
            #expect(spelled.linkedToExistingCase && spelled.caseReference == first.caseReference)
        }
    }

    @Test("item 7: without a date of birth a possible match opens its own case, flagged on both without personal data; a person decides, audited")
    func flaggedNotMerged() async throws {
        try await RunningIntake.with { intake in
            let staff = TestTokens.staff
            let known = try await intake.submit(Fixture.referral()).caseReference
            var undated = Fixture.child()
            undated.dateOfBirth = nil
            let flagged = try await intake.submit(Fixture.referral(child: undated))
            #expect(!flagged.linkedToExistingCase, "a referral without a date of birth was merged")
            let reference = flagged.caseReference
            #expect(reference != known)

            let onNew = try await intake.client.call(IntakeAPI.getCase, .init(caseReference: reference), as: staff)
            #expect(onNew.childMatches == [IntakeAPI.ChildMatch(otherCase: known, state: .flagged)])
            let onOld = try await intake.client.call(IntakeAPI.getCase, .init(caseReference: known), as: staff)
            #expect(onOld.childMatches == [IntakeAPI.ChildMatch(otherCase: reference, state: .flagged)])
            let statuses = try await intake.client.call(IntakeAPI.getStatuses, .init(references: [known, reference]), as: TestTokens.viewer)
            #expect(statuses.statuses.map(\.nextStep) == ["confirmSameChild", "confirmSameChild"])
            let json = String(decoding: try JSONCodec.encode(statuses), as: UTF8.self)
            #expect(!json.contains("Quillfeather") && !json.contains("2019-03-01"))

            let stranger = try #require(CaseReference("SURREY-2025-0099"))
            let unknown = await intake.client.refusal(
                IntakeAPI.resolveChildMatch, .init(caseReference: reference, otherCase: stranger, sameChild: true), as: staff)
            #expect(unknown == RPCError(.invalidArgument, "otherCase: no possible match of \(reference) with \(stranger) was flagged"))
            let viewer = await intake.client.refusal(
                IntakeAPI.resolveChildMatch, .init(caseReference: reference, otherCase: known, sameChild: true), as: TestTokens.panel)
            #expect(viewer?.code == .permissionDenied)

            let decided = try await intake.client.call(
                IntakeAPI.resolveChildMatch, .init(caseReference: known, otherCase: reference, sameChild: false), as: staff)
            #expect(
                decided.match
                    == IntakeAPI.ChildMatch(otherCase: reference, state: .rejected, decidedBy: "Pat.Support", decidedOn: Fixture.date("2025-03-26")))
            let after = try await intake.client.call(IntakeAPI.getCase, .init(caseReference: reference), as: staff)
            #expect(after.childMatches?.map(\.state) == [.rejected])
            #expect(after.status.nextStep == nil)
            let again = await intake.client.refusal(
                IntakeAPI.resolveChildMatch, .init(caseReference: reference, otherCase: known, sameChild: true), as: staff)
            #expect(again == RPCError(.alreadyExists, "otherCase: the match with \(known) was already rejected"))

            let trail = try await intake.client.call(AdminAPI.getAuditTrail, .init(caseReference: known.description), as: TestTokens.admin)
            #expect(trail.entries.map { "\($0.principal) \($0.method) \($0.outcome)" }.contains("Pat.Support ResolveChildMatch OK"))
        }
    }

    @Test("item 7: a case written before the new key (letters only) is still found, and still told apart from a twin")
    func rowsOfBefore() async throws {
        let directory = try TestDirectory()
        let intake = try await startInProcess(IntakeService.definition, directory)
        let first = Fixture.referral(child: Fixture.child(name: "Twin 1 Testcase"))
        let (joined, twin) = try await intake.context.database.write { tx in
            let writer = IntakeWriter(tx: tx)
            let reference = try writer.allocateReference(partnership: "SURREY", year: 2025)
            try writer.insert(.opened(reference, by: first))
            // What the row held before issue 17: the letters of the name only.
            try tx.execute("UPDATE cases SET child_key = 'twin testcase' WHERE reference = ?", reference)
            func place(_ referral: Referral) throws -> (IntakeCase, opened: Bool) {
                try writer.place(
                    child: referral.child.person, incidentDate: referral.child.incident.date, partnership: "SURREY", year: 2025,
                    joining: { $0.linking(referral) }, opening: { .opened($0, by: referral) })
            }
            let joined = try place(Fixture.referral(child: Fixture.child(name: "TWIN 1 testcase")))
            let twin = try place(Fixture.referral(child: Fixture.child(name: "Twin 2 Testcase")))
            return (joined, twin)
        }
        await intake.stop(grace: .seconds(1))
        withExtendedLifetime(directory) {}
        #expect(!joined.opened && joined.0.reference.description == "SURREY-2025-0001")
        #expect(twin.opened && twin.0.reference.description == "SURREY-2025-0002")
    }
}
