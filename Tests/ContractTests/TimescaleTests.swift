import Contract
import Foundation
import RPC
import Testing
import WorkingDays

@Suite("Timescales and deadlines")
struct TimescaleTests {
    let calendar = WorkingCalendar()
    private func date(_ text: String) -> CivilDate { Samples.date(text) }

    @Test("T1-T10 are all there, in order, each with its source")
    func allRules() {
        let rules = Timescales.all()
        #expect(rules.map(\.id.rawValue) == (1...10).map { "T\($0)" })
        #expect(rules.allSatisfy { !$0.source.isEmpty && !$0.wording.isEmpty })
    }

    @Test(
        "deadlines from a referral received on Monday 2025-03-24",
        arguments: [(TimescaleRule.t2, "2025-03-26"), (.t3, "2025-03-31"), (.t4, "2025-04-10"), (.t6, "2025-04-14")])
    func referralDeadlines(rule: TimescaleRule, expected: String) throws {
        let timescale = Timescales.rule(rule)
        #expect(timescale.due(from: date("2025-03-24"), calendar: calendar) == date(expected))
    }

    @Test("T4: the meeting window is 7 to 13 working days after the referral, across Easter 2024")
    func meetingWindow() throws {
        let t4 = Timescales.rule(.t4)
        // Referral Monday 2024-03-25; Good Friday 29 March and Easter Monday 1 April are not working days.
        #expect(t4.earliestDay(from: date("2024-03-25"), calendar: calendar) == date("2024-04-05"))
        #expect(t4.due(from: date("2024-03-25"), calendar: calendar) == date("2024-04-15"))
    }

    @Test("T9 counts 7 working days back from the publication date")
    func t9() throws {
        let t9 = Timescales.rule(.t9)
        // Publication Tuesday 2025-05-13: 12, 9, 8, 7, 6 May, then over the early May bank
        // holiday (Monday 5 May) to 2 and 1 May.
        #expect(t9.due(from: date("2025-05-13"), calendar: calendar) == date("2025-05-01"))
    }

    @Test("T7 and T10 count calendar months, clamped to the month's end")
    func months() throws {
        #expect(Timescales.rule(.t7).due(from: date("2024-08-31"), calendar: calendar) == date("2025-02-28"))
        #expect(Timescales.rule(.t10).due(from: date("2024-02-29"), calendar: calendar) == date("2025-02-28"))
        #expect(Timescales.rule(.t8).due(from: date("2024-02-29"), calendar: calendar) == nil)
    }

    @Test(
        "T7: six calendar months for a local CSPR, three for another learning review (c, e), under both rule sets; 2026-08-31 plus six months is 2027-02-28",
        arguments: [
            (RuleSet.surrey2019, Recommendation.localReview, "2026-08-31", "2027-02-28", "local CSPR"),
            (.workingTogether2023, .localReview, "2026-08-31", "2027-02-28", "local CSPR"),
            (.surrey2019, .alternativeLearningReview, "2026-08-31", "2026-11-30", "other learning review"),
            (.workingTogether2023, .singleAgencyReview, "2026-11-30", "2027-02-28", "other learning review"),
            (.surrey2019, .singleAgencyReview, "2025-04-07", "2025-07-07", "other learning review"),
        ])
    func t7Lengths(ruleSet: RuleSet, kind: Recommendation, decided: String, due: String, appliesTo: String) {
        let t7 = Timescales.rule(.t7, ruleSet).counted(for: kind)
        #expect(t7.due(from: date(decided), calendar: calendar) == date(due))
        #expect(t7.appliesTo == appliesTo)
        #expect(t7.unit == .calendarMonths)
    }

    @Test("every rule the code names has its timescale under each rule set, and keeps its id as a framework rule", arguments: RuleSet.allCases)
    func everyRuleNamed(ruleSet: RuleSet) {
        for rule in TimescaleRule.allCases {
            #expect(Timescales.rule(rule, ruleSet).id == rule)
            #expect(FrameworkRule(rule).rawValue == rule.rawValue)
        }
        // RULES.md's table is T1-T10; P6's action plan target dates follow it (§11.4, Appendix 16).
        #expect(Timescales.all(ruleSet).map(\.id) == TimescaleRule.numbered)
        #expect(TimescaleRule.allCases == TimescaleRule.numbered + [.p6])
    }

    @Test("a rule id outside T1-T10 is refused at its field")
    func unknownRule() {
        #expect(throws: RPCError(.invalidArgument, "rule: expected one of T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, P6")) {
            _ = try JSONCodec.decodeRequest(
                Deadline.self, from: Data(#"{"rule":"T11","due":"2025-03-27","status":"open","ruleSet":"surrey-2019","calendar":"x"}"#.utf8))
        }
    }

    @Test("wt-2023 counts T6 from the notification to the National Panel")
    func wt2023() throws {
        #expect(Timescales.rule(.t6, .surrey2019).anchor == .referralReceived)
        #expect(Timescales.rule(.t6, .workingTogether2023).anchor == .notifiedNationalPanel)
    }

    @Test(
        "a deadline's status: met, met late, overdue, due soon or open",
        arguments: [
            (nil as String?, "2025-03-25", DeadlineStatus.open),
            (nil, "2025-03-27", .dueSoon),
            (nil, "2025-03-28", .dueSoon),
            (nil, "2025-03-31", .overdue),
            ("2025-03-28", "2025-04-10", .met),
            ("2025-03-31", "2025-04-10", .metLate),
        ])
    func status(metOn: String?, today: String, expected: DeadlineStatus) throws {
        // T3 from Friday 2025-03-21 is due Friday 2025-03-28.
        let t3 = Timescales.rule(.t3)
        let deadline = try #require(
            Deadline.compute(t3, from: date("2025-03-21"), metOn: metOn.map(date), today: date(today), calendar: calendar, ruleSet: .surrey2019))
        #expect(deadline.due == date("2025-03-28"))
        #expect(deadline.status == expected)
        #expect(deadline.calendar == "england-and-wales")
        #expect(deadline.ruleSet == .surrey2019)
    }

    @Test("an extension moves the due date and keeps the original visible")
    func extensionKeepsOriginal() throws {
        let t6 = Timescales.rule(.t6)
        let deadline = try #require(
            Deadline.compute(
                t6, from: date("2025-03-24"), metOn: date("2025-04-16"), today: date("2025-04-20"), calendar: calendar, ruleSet: .surrey2019,
                extendedTo: date("2025-04-22")))
        #expect(deadline.due == date("2025-04-22"))
        #expect(deadline.originalDue == date("2025-04-14"))
        #expect(deadline.status == .met)
    }

    @Test("a deadline computed with extra bank holidays records them in its calendar")
    func calendarIdentifier() throws {
        let extra = WorkingCalendar(extraHolidays: [BankHoliday(date("2025-03-26"))])
        let t2 = Timescales.rule(.t2)
        let deadline = try #require(
            Deadline.compute(t2, from: date("2025-03-24"), metOn: nil, today: date("2025-03-24"), calendar: extra, ruleSet: .surrey2019))
        #expect(deadline.due == date("2025-03-27"))
        #expect(deadline.calendar == "england-and-wales+2025-03-26")
    }

    @Test("a stage's status with a rule this code does not know keeps its other deadlines; any other bad field still names its path")
    func unknownRuleFromANewerStage() throws {
        func status(_ rule: String, due: String = "2025-04-14") -> Data {
            let deadline = #"{"rule":"\#(rule)","due":"\#(due)","status":"open","ruleSet":"surrey-2019","calendar":"england-and-wales"}"#
            let t4 = #"{"rule":"T4","due":"2025-04-10","status":"open","ruleSet":"surrey-2019","calendar":"england-and-wales"}"#
            return Data(#"{"reference":"TESTSHIRE-2025-0001","stage":"rapidReview","milestones":[],"deadlines":[\#(t4),\#(deadline)]}"#.utf8)
        }
        let read = try JSONCodec.decode(CaseStatus.self, from: status("T11"))
        #expect(read.deadlines.map(\.rule) == [.t4])
        #expect(try JSONCodec.decode(CaseStatus.self, from: status("T6")).deadlines.map(\.rule) == [.t4, .t6])
        #expect(throws: RPCError(.invalidArgument, "deadlines[1].due: expected a date \"YYYY-MM-DD\"")) {
            _ = try JSONCodec.decodeRequest(CaseStatus.self, from: status("T6", due: "soon"))
        }
    }
}
