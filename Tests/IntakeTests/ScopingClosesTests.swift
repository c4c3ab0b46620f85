import Contract
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@testable import IntakeService

/// Issue 15, item 4: T2 and T3 per agency asked, and intake's open deadlines retired once the
/// Rapid Review meeting is held (§4.5.2).
@Suite("Scoping per agency, closed by the Rapid Review meeting")
struct ScopingClosesTests {
    static let agencies: [(String, PartnerKind)] = [
        ("Testshire Children's Services", .localAuthority), ("Testshire Police", .police), ("Testshire Integrated Care Board", .health),
        ("Testshire Hospitals Trust", .health), ("Testtown Primary School", .other),
    ]
    /// Long after T3 (31 March) and T4 (10 April).
    static let later = CaseClock(today: Fixture.date("2025-05-12"), calendar: WorkingCalendar())

    /// Five agencies asked on time; all but the school returned by the 28th.
    static func fourOfFive() throws -> IntakeCase {
        var intakeCase = try IntakeCaseTests.asked(agencies)
        intakeCase.returns = agencies.dropLast().map { Fixture.scopingReturn($0.0, kind: $0.1, received: "2025-03-28") }
        intakeCase.handedOverOn = Fixture.date("2025-03-25")
        return intakeCase
    }

    @Test("T2, T3: each agency asked has its own deadline naming it; 4 of 5 returned leaves one T3 open, the school's")
    func perAgency() throws {
        let deadlines = try Self.fourOfFive().deadlines(clock: IntakeCaseTests.clock, ruleSet: .surrey2019)
        let t2 = deadlines.filter { $0.rule == .t2 }
        let t3 = deadlines.filter { $0.rule == .t3 }
        #expect(t2.map(\.subject) == Self.agencies.map(\.0))
        #expect(t2.allSatisfy { $0.status == .met && $0.metOn == Fixture.date("2025-03-25") })
        #expect(t3.map(\.subject) == Self.agencies.map(\.0))
        #expect(t3.filter { $0.metOn != nil }.count == 4, "4 of 5 returned")
        #expect(t3.filter { $0.metOn == nil }.map(\.subject) == ["Testtown Primary School"])
    }

    @Test("T3, §4.5.2: a return still missing is overdue until the Rapid Review meeting, then a recorded fact, not an overdue deadline")
    func t3RetiredByMeeting() throws {
        var intakeCase = try Self.fourOfFive()
        let before = intakeCase.status(clock: Self.later, ruleSet: .surrey2019)
        #expect(before.deadlines.contains { $0.rule == .t3 && $0.subject == "Testtown Primary School" && $0.status == .overdue })

        intakeCase.meetingHeldOn = Fixture.date("2025-04-03")
        let after = intakeCase.status(clock: Self.later, ruleSet: .surrey2019)
        #expect(!after.deadlines.contains { $0.status == .overdue }, "\(after.deadlines)")
        #expect(after.nextDeadline == nil, "nothing of intake's is open once the meeting was held")
        // The four returns met stay as history; the missing one is recorded on the meeting's day.
        #expect(after.deadlines.filter { $0.rule == .t3 }.map(\.subject) == Self.agencies.dropLast().map(\.0))
        #expect(after.milestones.contains(Milestone(event: "scopingClosedWithReturnsMissing", date: Fixture.date("2025-04-03"))))
        #expect(intakeCase.outstandingAgencies == ["Testtown Primary School"])
    }

    @Test("T1, §4.5.2: a National Panel notification never recorded stops being overdue once the meeting was held")
    func t1RetiredByMeeting() throws {
        let notification = SeriousIncidentNotification(
            child: Fixture.child(), incident: Incident(kind: .seriousHarm, date: Fixture.date("2025-03-20")),
            becameAware: Fixture.date("2025-03-21"), notifiedNationalPanel: nil, reportedToSafeguardingPartners: Fixture.date("2025-03-24"),
            notifiedBy: Contact(name: "Lou Authority", agencyAndDesignation: "Testshire County Council"))
        var intakeCase = try Self.fourOfFive().notified(notification, received: Fixture.date("2025-03-24"))
        let panel = { (status: CaseStatus) in status.deadlines.first { $0.rule == .t1 && $0.subject == "National Panel notified" } }
        #expect(panel(intakeCase.status(clock: Self.later, ruleSet: .surrey2019))?.status == .overdue)
        intakeCase.meetingHeldOn = Fixture.date("2025-04-03")
        let after = intakeCase.status(clock: Self.later, ruleSet: .surrey2019)
        #expect(panel(after) == nil)
        #expect(after.deadlines.contains { $0.rule == .t1 && $0.subject == "safeguarding partners told" && $0.status == .met })
    }

    @Test("T4: the meeting held is learnt once; a case never handed over, or a date before the referral, is refused")
    func learningMeetingHeld() throws {
        let reference = try Self.fourOfFive().reference
        var intakeCase = try Self.fourOfFive()
        #expect(try intakeCase.learningMeetingHeld(.init(caseReference: reference, meetingDate: Fixture.date("2025-04-03"))))
        intakeCase.meetingHeldOn = Fixture.date("2025-04-03")
        #expect(try !intakeCase.learningMeetingHeld(.init(caseReference: reference, meetingDate: Fixture.date("2025-04-04"))))
        #expect(throws: IntakeError.invalid(field: "meetingDate", problem: "is before the referral was received (2025-03-24)")) {
            try intakeCase.learningMeetingHeld(.init(caseReference: reference, meetingDate: Fixture.date("2025-03-21")))
        }
        var notHandedOver = try Self.fourOfFive()
        notHandedOver.handedOverOn = nil
        #expect(throws: IntakeError.self) {
            try notHandedOver.learningMeetingHeld(.init(caseReference: reference, meetingDate: Fixture.date("2025-04-03")))
        }
    }
}

@Suite("RecordRapidReviewMeeting: rapid-review's hand-over to intake")
struct RecordRapidReviewMeetingTests {
    @Test("§4.5.2: the meeting held, from rapid-review once per key, closes scoping: the missing return is named, nothing is overdue")
    func handOver() async throws {
        try await RunningIntake.with(today: "2025-05-12") { intake in
            let reference = try await intake.submit(Fixture.referral()).caseReference
            _ = try await intake.client.call(
                IntakeAPI.sendScopingRequests,
                .init(
                    caseReference: reference,
                    requests: [
                        Fixture.draft("Testshire Children's Services", kind: .localAuthority, sent: "2025-03-25"),
                        Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-25"),
                    ]), as: TestTokens.staff, deadline: .seconds(10))
            _ = try await intake.client.call(
                IntakeAPI.recordScopingReturn,
                .init(
                    caseReference: reference,
                    scopingReturn: Fixture.scopingReturn("Testshire Children's Services", kind: .localAuthority, received: "2025-03-28")),
                as: TestTokens.staff, deadline: .seconds(10))
            func status() async throws -> CaseStatus {
                let page = try await intake.client.call(
                    IntakeAPI.getStatuses, .init(references: [reference]), as: TestTokens.service(.gateway), deadline: .seconds(10))
                return try #require(page.statuses.first)
            }
            #expect(try await status().deadlines.contains { $0.rule == .t3 && $0.subject == "Testshire Police" && $0.status == .overdue })

            let request = IntakeAPI.RapidReviewMeetingHeldRequest(caseReference: reference, meetingDate: Fixture.date("2025-04-03"))
            var metadata = bearer(TestTokens.service(.rapidReview))
            metadata.add("idempotency-key", "rapid-review/RecordRapidReviewMeeting/\(reference)")
            let first = try await intake.client.call(IntakeAPI.recordRapidReviewMeeting, request, deadline: .seconds(10), metadata: metadata)
            #expect(first == .init(caseReference: reference, recorded: true, notReturned: ["Testshire Police"]))
            let replay = try await intake.client.call(IntakeAPI.recordRapidReviewMeeting, request, deadline: .seconds(10), metadata: metadata)
            #expect(replay == first, "a replay answers the first reply")

            let closed = try await status()
            #expect(!closed.deadlines.contains { $0.status == .overdue }, "\(closed.deadlines)")
            #expect(closed.milestones.contains(Milestone(event: "scopingClosedWithReturnsMissing", date: Fixture.date("2025-04-03"))))
            let cases = try await intake.cases()
            #expect(cases.first { $0.caseReference == reference }?.overdue == false)

            // Only a stage's own token may say so.
            await #expect(throws: RPCError.self) {
                try await intake.client.call(IntakeAPI.recordRapidReviewMeeting, request, as: TestTokens.staff, deadline: .seconds(10))
            }
        }
    }
}
