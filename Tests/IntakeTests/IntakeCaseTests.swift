import Contract
import ServiceKit
import Testing
import WorkingDays

@testable import IntakeService

/// intake's rules on its domain type, without RPC or a database: the facts of a case and the
/// steps that check and extend them.
@Suite("IntakeCase: the rules of a case, on the domain type")
struct IntakeCaseTests {
    static let received = Fixture.date("2025-03-24")
    static let clock = CaseClock(today: Fixture.date("2025-03-26"), calendar: WorkingCalendar())

    static func opened(received: String = "2025-03-24") -> IntakeCase {
        .opened(
            try! #require(CaseReference("TESTSHIRE-2025-0001")), by: Fixture.referral(incident: "2025-03-20", referred: received, received: received))
    }

    static func asked(_ agencies: [(String, PartnerKind)], sent: String = "2025-03-25") throws -> IntakeCase {
        var intakeCase = opened()
        intakeCase.requests = try intakeCase.sendingScopingRequests(
            agencies.map { Fixture.draft($0.0, kind: $0.1, sent: sent) }, clock: clock, ruleSet: .surrey2019)
        return intakeCase
    }

    @Test(
        "T2: a scoping request sent after the 2nd working day is accepted and marked late; T3 asks for the return by the 5th",
        // T3 is 31 March; a letter sent after it asks for 3 working days after it was sent (issue 15, item 6).
        arguments: [
            ("2025-03-24", false, "2025-03-31"), ("2025-03-26", false, "2025-03-31"), ("2025-03-27", true, "2025-03-31"),
            ("2025-04-02", true, "2025-04-07"),
        ])
    func t2Lateness(sent: String, late: Bool, returnBy: String) throws {
        let clock = CaseClock(today: Fixture.date("2025-04-02"), calendar: WorkingCalendar())
        let sentRequests = try Self.opened().sendingScopingRequests(
            [Fixture.draft("Testshire Police", kind: .police, sent: sent)], clock: clock, ruleSet: .surrey2019)
        #expect(sentRequests.map { $0.sentLate } == [late])
        #expect(sentRequests.map { $0.returnBy } == [Fixture.date(returnBy)])
    }

    @Test(
        "T3: a scoping letter sent on or after T3's date asks for a return date still ahead, and says so in the letter",
        arguments: [("2025-03-31", "2025-04-03"), ("2025-04-02", "2025-04-07"), ("2025-04-17", "2025-04-24")])
    func lateLetter(sent: String, returnBy: String) throws {
        let clock = CaseClock(today: Fixture.date(sent), calendar: WorkingCalendar())
        let intakeCase = Self.opened()
        let request = try #require(
            try intakeCase.sendingScopingRequests([Fixture.draft("Testshire Police", kind: .police, sent: sent)], clock: clock, ruleSet: .surrey2019)
                .first)
        #expect(request.returnBy == Fixture.date(returnBy))
        #expect(try #require(request.returnBy) > request.dateSent, "the date asked for is still ahead")
        let letter = ScopingLetterRenderer.render(
            request, reference: intakeCase.reference, format: .text, signatory: nil, queriesContact: nil,
            t3Due: intakeCase.t3Due(clock: clock, ruleSet: .surrey2019))
        #expect(letter.contains("would normally be returned to us within 5 working days of the referral, by Monday 31 March 2025"), "\(letter)")
        #expect(letter.contains("within 3 working days of this letter, that is by \(DateWords.long(Fixture.date(returnBy)))"), "\(letter)")
        #expect(!letter.contains("In this case this will be"))
    }

    @Test("T2: a request dated before the referral arrived, or to an agency already asked, is refused naming the field")
    func scopingRefusals() throws {
        #expect(throws: IntakeError.invalid(field: "requests[0].dateSent", problem: "is before the referral was received (2025-03-24)")) {
            try Self.opened().sendingScopingRequests(
                [Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-21")], clock: Self.clock, ruleSet: .surrey2019)
        }
        let asked = try Self.asked([("Testshire Police", .police)])
        #expect(
            throws: IntakeError.alreadyExists(
                field: "requests[1].agency.name", problem: "testshire  police was already sent a scoping request for this case")
        ) {
            try asked.sendingScopingRequests(
                [
                    Fixture.draft("Testshire Health", kind: .health, sent: "2025-03-25"),
                    Fixture.draft("testshire  police", kind: .police, sent: "2025-03-25"),
                ],
                clock: Self.clock, ruleSet: .surrey2019)
        }
        #expect(throws: IntakeError.invalid(field: "requests", problem: "name at least one agency")) {
            try IntakeCase.checkScopingDrafts([], today: Self.clock.today)
        }
    }

    @Test(
        "T3: a return by the 5th working day is met, a later one met late",
        arguments: [("2025-03-27", DeadlineStatus.met), ("2025-03-31", .met), ("2025-04-01", .metLate), ("2025-04-14", .metLate)])
    func t3(received: String, status: DeadlineStatus) throws {
        let clock = CaseClock(today: Fixture.date("2025-04-14"), calendar: WorkingCalendar())
        let deadline = try Self.asked([("Testshire Police", .police)]).receivingScopingReturn(
            Fixture.scopingReturn("Testshire Police", kind: .police, received: received), clock: clock, ruleSet: .surrey2019)
        #expect(deadline.rule == .t3)
        #expect(deadline.subject == "Testshire Police")
        #expect(deadline.due == Fixture.date("2025-03-31"))
        #expect(deadline.status == status)
    }

    @Test("T3: a return from an agency never asked, received before it was asked, or twice, is refused")
    func returnRefusals() throws {
        var asked = try Self.asked([("Testshire Police", .police)])
        #expect(throws: IntakeError.self) {
            try asked.receivingScopingReturn(
                Fixture.scopingReturn("Testshire Health", kind: .health, received: "2025-03-26"), clock: Self.clock, ruleSet: .surrey2019)
        }
        do {
            _ = try asked.receivingScopingReturn(
                Fixture.scopingReturn("Testshire Health", kind: .health, received: "2025-03-26"), clock: Self.clock, ruleSet: .surrey2019)
        } catch {
            guard case .precondition(let rule, _) = error else { Issue.record("expected a precondition, got \(error)"); return }
            #expect(rule == .t2)
        }
        #expect(throws: IntakeError.invalid(field: "scopingReturn.dateReceived", problem: "is before the request was sent (2025-03-25)")) {
            try asked.receivingScopingReturn(
                Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-24"), clock: Self.clock, ruleSet: .surrey2019)
        }
        asked.returns.append(Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-26"))
        #expect(
            throws: IntakeError.alreadyExists(field: "scopingReturn.agency.name", problem: "Testshire Police has already returned its scoping form")
        ) {
            try asked.receivingScopingReturn(
                Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-26"), clock: Self.clock, ruleSet: .surrey2019)
        }
        #expect(asked.outstandingAgencies.isEmpty)
    }

    @Test("a second referral of the incident is linked and moves the clock earlier, until the case is handed over")
    func linking() {
        let first = Self.opened(received: "2025-03-24")
        let earlier = Fixture.referral(incident: "2025-03-20", referred: "2025-03-21", received: "2025-03-21")
        let linked = first.linking(earlier)
        #expect(linked.referral == first.referral)
        #expect(linked.linkedReferrals == [earlier])
        #expect(linked.anchor == Fixture.date("2025-03-21"))
        var handedOver = first
        handedOver.handedOverOn = Fixture.date("2025-03-25")
        #expect(handedOver.linking(earlier).anchor == Fixture.date("2025-03-24"), "the anchor is frozen once rapid-review has the dates")
        #expect(first.linking(Fixture.referral(received: "2025-03-25")).anchor == Fixture.date("2025-03-24"), "a later referral does not move it")
    }

    @Test(
        "the hand-over carries T4's window and T6's date, counted past weekends and bank holidays",
        arguments: [
            ("2025-03-24", "2025-04-02", "2025-04-10", "2025-04-14"),
            // Easter 2025: Good Friday 18 and Easter Monday 21 April; the May bank holiday on the 5th.
            ("2025-04-17", "2025-04-30", "2025-05-09", "2025-05-13"),
            // Christmas 2024 and New Year's Day.
            ("2024-12-23", "2025-01-06", "2025-01-14", "2025-01-16"),
        ])
    func handOver(received: String, earliest: String, latest: String, t6: String) throws {
        let opened = Self.opened(received: received)
        let clock = CaseClock(today: Fixture.date(received), calendar: WorkingCalendar())
        let computed = try opened.rapidReviewHandOver(clock: clock, ruleSet: .surrey2019)
        let handOver = try #require(computed)
        #expect(handOver.referralReceived == Fixture.date(received))
        #expect(handOver.meetingEarliest == Fixture.date(earliest))
        #expect(handOver.meetingLatest == Fixture.date(latest))
        #expect(handOver.rapidReviewDue == Fixture.date(t6))
        #expect(handOver.documentation == ["referral"])
        var handedOver = opened
        handedOver.handedOverOn = Fixture.date(received)
        #expect(try handedOver.rapidReviewHandOver(clock: clock, ruleSet: .surrey2019) == nil, "handed over once")
    }

    @Test(
        "T6 anchor, surrey-2019: the earlier of the LA's awareness and the referral's receipt; wt-2023: the notification to the National Panel",
        arguments: [
            ("2025-03-20", RuleSet.surrey2019, "2025-04-10"), ("2025-03-24", .surrey2019, "2025-04-14"),
            ("2025-03-20", .workingTogether2023, "2025-04-16"),
        ])
    func t6Anchor(becameAware: String, ruleSet: RuleSet, due: String) throws {
        let notification = SeriousIncidentNotification(
            child: Fixture.child(), incident: Incident(kind: .seriousHarm, date: Fixture.date("2025-03-20")), becameAware: Fixture.date(becameAware),
            notifiedNationalPanel: Fixture.date("2025-03-26"), reportedToSafeguardingPartners: Fixture.date("2025-03-26"),
            notifiedBy: Contact(name: "Lou Authority", agencyAndDesignation: "Testshire County Council"))
        // The referral (received 24 March) opened the case; the notification joins it.
        let notified = Self.opened().notified(notification, received: Fixture.date("2025-03-26"))
        #expect(notified.anchor == Fixture.date("2025-03-24"), "T2-T4 still count from the referral")
        #expect(notified.deadlines(clock: Self.clock, ruleSet: ruleSet).first { $0.rule == .t6 }?.due == Fixture.date(due))
        let handOver = try #require(try notified.rapidReviewHandOver(clock: Self.clock, ruleSet: ruleSet))
        #expect(handOver.rapidReviewDue == Fixture.date(due))
    }

    @Test("wt-2023: T6 counts from the National Panel notification when there is one")
    func t6UnderWorkingTogether() throws {
        let notification = SeriousIncidentNotification(
            child: Fixture.child(), incident: Incident(kind: .seriousHarm, date: Fixture.date("2025-03-20")), becameAware: Fixture.date("2025-03-20"),
            notifiedNationalPanel: Fixture.date("2025-03-26"), reportedToSafeguardingPartners: Fixture.date("2025-03-24"),
            notifiedBy: Contact(name: "Lou Authority", agencyAndDesignation: "Testshire County Council"))
        let notified = Self.opened().notified(notification, received: Fixture.date("2025-03-24"))
        let surrey = try #require(try notified.rapidReviewHandOver(clock: Self.clock, ruleSet: .surrey2019) as RapidReviewAPI.OpenRapidReviewRequest?)
        let workingTogether = try #require(
            try notified.rapidReviewHandOver(clock: Self.clock, ruleSet: .workingTogether2023) as RapidReviewAPI.OpenRapidReviewRequest?)
        // surrey-2019 (issue 15, item 2): the LA became aware on 20 March, before the referral of
        // the 24th, so T6 counts from the 20th.
        #expect(surrey.rapidReviewDue == Fixture.date("2025-04-10"))
        #expect(surrey.laBecameAware == Fixture.date("2025-03-20"))
        #expect(workingTogether.rapidReviewDue == Fixture.date("2025-04-16"))
        #expect(workingTogether.notifiedNationalPanel == Fixture.date("2025-03-26"))
    }

    @Test(
        "CSPR_INTAKE_HANDOVER: on-scoping by default, at-once when asked, anything else refused naming the variable",
        arguments: [
            ([:], IntakeSettings.HandOver.onScoping), (["CSPR_INTAKE_HANDOVER": "on-scoping"], .onScoping),
            (["CSPR_INTAKE_HANDOVER": "at-once"], .atOnce), (["CSPR_INTAKE_HANDOVER": " "], .onScoping),
        ])
    func settings(environment: [String: String], handOver: IntakeSettings.HandOver) throws {
        #expect(try IntakeSettings.load(environment: environment).handOver == handOver)
    }

    @Test("a bad CSPR_INTAKE_HANDOVER is a configuration error naming the variable")
    func badSetting() {
        #expect {
            try IntakeSettings.load(environment: ["CSPR_INTAKE_HANDOVER": "at_once"])
        } throws: { error in
            (error as? ConfigurationError)?.variable == "CSPR_INTAKE_HANDOVER"
        }
    }
}
