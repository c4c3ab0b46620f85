import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 17, item 6: every list and text of the forms has a limit; a form exactly at it is
/// accepted, one over is INVALID_ARGUMENT naming the field path and the limit, and changes
/// nothing. Item 13: a key event's time is HH:MM.
@Suite("Intake's forms have limits (issue 17, items 6 and 13)")
struct FormLimitTests {
    static func text(_ bytes: Int) -> String { String(repeating: "x", count: bytes) }

    static func member(_ index: Int) -> FamilyMember {
        FamilyMember(person: Person(name: "Relative \(index) Testcase"), relationshipToChild: "cousin")
    }

    static func involvement(_ index: Int) -> AgencyInvolvement {
        AgencyInvolvement(agency: Agency(name: "Testshire Agency \(index)", kind: .other), reasonForInvolvement: "known", current: true)
    }

    /// The referral with `n` of the field labelled `label` (a list's entries or a text's bytes).
    static func sized(_ label: String, _ r: inout Referral, _ n: Int) {
        switch label {
        case "familyMembers": r.familyMembers = (0..<n).map(member)
        case "agenciesInvolved": r.agenciesInvolved = (0..<n).map(involvement)
        case "keyEvents": r.keyEvents = (0..<n).map { _ in KeyEvent(date: Fixture.date("2025-03-20"), event: "visit") }
        case "addressHistory": r.child.person.addressHistory = (0..<n).map { AddressEntry(address: "\($0) Imaginary Lane, Testtown") }
        case "alsoKnownAs": r.child.person.alsoKnownAs = (0..<n).map { "Alias \($0)" }
        case "child's name": r.child.person.name = "Z" + text(n - 1)
        case "case background": r.caseBackground = text(n)
        case "a key event": r.keyEvents[0].event = text(n)
        case "a family member's address": r.familyMembers[0].person.addressHistory[0].address = text(n)
        case "a yes's details": r.child.criminalInvestigation = YesNoDetails(answer: true, details: text(n))
        default: Issue.record("no field \(label)")
        }
    }

    @Test(
        "item 6: a referral list at its limit is accepted, one entry over is refused naming the field and the limit",
        arguments: [
            ("familyMembers", 20, "referral.familyMembers"), ("agenciesInvolved", 50, "referral.agenciesInvolved"),
            ("keyEvents", 100, "referral.keyEvents"), ("addressHistory", 10, "referral.child.person.addressHistory"),
            ("alsoKnownAs", 5, "referral.child.person.alsoKnownAs"),
        ])
    func referralLists(_ label: String, limit: Int, field: String) async throws {
        try await RunningIntake.with { intake in
            var atLimit = Fixture.referral(child: Fixture.child(name: "Atlimit Testcase"))
            Self.sized(label, &atLimit, limit)
            _ = try await intake.submit(atLimit)
            var over = Fixture.referral(child: Fixture.child(name: "Overlimit Testcase"))
            Self.sized(label, &over, limit + 1)
            let error = await captureRPCError { _ = try await intake.submit(over) }
            #expect(error == RPCError(.invalidArgument, "\(field): has \(limit + 1) entries, more than the limit of \(limit)"), "\(label)")
            #expect(try await intake.cases().count == 1, "the refused form left a case")
        }
    }

    @Test(
        "item 6: a text at its limit in bytes is accepted, one byte over is refused naming the field and the limit",
        arguments: [
            ("child's name", 200, "referral.child.person.name"), ("case background", 10_000, "referral.caseBackground"),
            ("a key event", 300, "referral.keyEvents[0].event"),
            ("a family member's address", 300, "referral.familyMembers[0].person.addressHistory[0].address"),
            ("a yes's details", 10_000, "referral.child.criminalInvestigation.details"),
        ])
    func referralTexts(_ label: String, limit: Int, field: String) async throws {
        try await RunningIntake.with { intake in
            var atLimit = Fixture.referral(child: Fixture.child(name: "Atlimit Testcase"))
            Self.sized(label, &atLimit, limit)
            _ = try await intake.submit(atLimit)
            var over = Fixture.referral(child: Fixture.child(name: "Overlimit Testcase"))
            Self.sized(label, &over, limit + 1)
            let error = await captureRPCError { _ = try await intake.submit(over) }
            #expect(error == RPCError(.invalidArgument, "\(field): is longer than the limit of \(limit) bytes"), "\(label)")
            #expect(try await intake.cases().count == 1, "the refused form left a case")
        }
    }

    @Test("item 6: the notification's and the scoping forms' texts and lists have limits too")
    func notificationAndScoping() async throws {
        try await RunningIntake.with { intake in
            let staff = TestTokens.staff
            func notification(_ nameBytes: Int) -> SeriousIncidentNotification {
                SeriousIncidentNotification(
                    child: Person(name: "Noted Testcase"), incident: Incident(kind: .death, date: Fixture.date("2025-03-20")),
                    becameAware: Fixture.date("2025-03-21"),
                    notifiedBy: Contact(name: "N" + Self.text(nameBytes - 1), agencyAndDesignation: "Testshire Council"))
            }
            _ = try await intake.client.call(IntakeAPI.recordNotification, .init(notification: notification(200)), as: staff)
            let longName = await intake.client.refusal(IntakeAPI.recordNotification, .init(notification: notification(201)), as: staff)
            #expect(longName == RPCError(.invalidArgument, "notification.notifiedBy.name: is longer than the limit of 200 bytes"))

            let reference = try await intake.submit(Fixture.referral()).caseReference
            func drafts(_ count: Int) -> [IntakeAPI.ScopingRequestDraft] {
                (0..<count).map { Fixture.draft("Testshire Agency \($0)", kind: .other, sent: "2025-03-25") }
            }
            let tooMany = await intake.client.refusal(
                IntakeAPI.sendScopingRequests, .init(caseReference: reference, requests: drafts(51)), as: staff)
            #expect(tooMany == RPCError(.invalidArgument, "requests: has 51 entries, more than the limit of 50"))
            _ = try await intake.client.call(IntakeAPI.sendScopingRequests, .init(caseReference: reference, requests: drafts(50)), as: staff)

            func scopingReturn(_ bytes: Int) -> IntakeAPI.RecordScopingReturnRequest {
                var form = Fixture.scopingReturn("Testshire Agency 0", kind: .other, received: "2025-03-26")
                form.practiceAnalysis = Self.text(bytes)
                return .init(caseReference: reference, scopingReturn: form)
            }
            let long = await intake.client.refusal(IntakeAPI.recordScopingReturn, scopingReturn(10_001), as: staff)
            #expect(long == RPCError(.invalidArgument, "scopingReturn.practiceAnalysis: is longer than the limit of 10000 bytes"))
            _ = try await intake.client.call(IntakeAPI.recordScopingReturn, scopingReturn(10_000), as: staff)
        }
    }

    @Test("item 6: a case takes 50 linked referrals; the 51st is refused and changes nothing")
    func linkedReferrals() async throws {
        try await RunningIntake.with { intake in
            let reference = try await intake.submit(Fixture.referral()).caseReference
            for _ in 1...50 { #expect(try await intake.submit(Fixture.referral()).linkedToExistingCase) }
            let error = await captureRPCError { _ = try await intake.submit(Fixture.referral()) }
            #expect(
                error
                    == RPCError(.invalidArgument, "referral: case \(reference) already has 50 linked referrals, the limit is 50"))
            let file = try await intake.client.call(IntakeAPI.getCaseFile, .init(caseReference: reference), as: TestTokens.staff)
            #expect(file.linkedReferrals.count == 50)
        }
    }

    @Test(
        "item 13: a key event's time is HH:MM from 00:00 to 23:59",
        arguments: [
            ("00:00", true), ("23:59", true), ("09:05", true), ("24:00", false), ("23:60", false), ("9:30", false), ("12:30 ", false),
            ("12-30", false), ("ab:cd", false), ("", false), ("+1:30", false), ("١٢:٣٠", false),
        ])
    func keyEventTime(_ time: String, accepted: Bool) async throws {
        try await RunningIntake.with { intake in
            var referral = Fixture.referral()
            referral.keyEvents[0].time = time
            let error = await captureRPCError { _ = try await intake.submit(referral) }
            if accepted {
                #expect(error == nil)
            } else {
                #expect(error == RPCError(.invalidArgument, "referral.keyEvents[0].time: must be a time of day written HH:MM (00:00-23:59)"))
            }
        }
    }
}
