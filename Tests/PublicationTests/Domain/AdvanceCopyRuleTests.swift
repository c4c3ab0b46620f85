import Contract
import Testing
import WorkingDays

@testable import PublicationService

/// T9 counted by the one function that decides it (`AdvanceCopyRule`), without a service.
@Suite("T9: the earliest publication date after the advance copies")
struct AdvanceCopyRuleTests {
    static let calendar = WorkingCalendar()

    static func date(_ text: String) -> CivilDate { Fixtures.date(text) }

    /// The three copies of `version`, the latest sent on `latest` and the others a week before it.
    static func copies(latest: CivilDate, version: Int = 1) -> [PublicationAPI.AdvanceCopy] {
        [
            .init(number: 1, recipient: .nationalPanel, reportVersion: version, sentOn: latest.adding(days: -7), recordedBy: "Pub.Comms"),
            .init(number: 2, recipient: .secretaryOfState, reportVersion: version, sentOn: latest, recordedBy: "Pub.Comms"),
            .init(number: 3, recipient: .ofsted, reportVersion: version, sentOn: latest.adding(days: -3), recordedBy: "Pub.Comms"),
        ]
    }

    static func refusal(_ body: () throws(PublicationError) -> Void) -> PublicationError? {
        do {
            try body()
            return nil
        } catch { return error }
    }

    /// (what, latest copy, a publication date with only 6 working days from the copy's day up to
    /// it: refused, the first with 7: accepted). The copy's day counts when it is a working day;
    /// the publication date is day 0, working day or not (RULES.md).
    static let cases: [(String, String, String, String)] = [
        // Christmas 2026: Friday 25 December and Monday 28 (Boxing Day's substitute) are bank
        // holidays, and Friday 1 January 2027 (a publication date may fall on one: day 0).
        ("Christmas 2026, from Monday 21 December", "2026-12-21", "2026-12-31", "2027-01-01"),
        ("Christmas 2026, over New Year's Day", "2026-12-23", "2027-01-05", "2027-01-06"),
        // Easter 2027: Good Friday 26 March and Easter Monday 29 March.
        ("Easter 2027, from Monday 22 March", "2027-03-22", "2027-04-01", "2027-04-02"),
        ("Easter 2027, from Thursday 25 March", "2027-03-25", "2027-04-06", "2027-04-07"),
        // RULES.md: publication on Saturday 2027-04-10 needs copies by Thursday 2027-04-01.
        ("a Saturday publication date", "2027-04-01", "2027-04-09", "2027-04-10"),
    ]

    @Test("T9: refused with 6 working days from the latest copy to the publication date, accepted with 7", arguments: cases)
    func t9SixRefusedSevenAccepted(_ name: String, latest: String, refused: String, accepted: String) throws {
        let copies = Self.copies(latest: Self.date(latest))
        let error = Self.refusal { () throws(PublicationError) in
            try AdvanceCopyRule.check(publicationDate: Self.date(refused), copies, version: 1, calendar: Self.calendar)
        }
        #expect(Self.calendar.workingDays(from: Self.date(latest), to: Self.date(refused)) <= 6, "\(name)")
        guard case .outOfOrder(.t9, let problem) = error else {
            Issue.record("\(name): \(refused) was not refused by T9: \(String(describing: error))")
            return
        }
        #expect(problem.contains("the earliest publication date is"), "\(problem)")
        try AdvanceCopyRule.check(publicationDate: Self.date(accepted), copies, version: 1, calendar: Self.calendar)
        #expect(try AdvanceCopyRule.earliestPublicationDate(copies, version: 1, calendar: Self.calendar) == Self.date(accepted), "\(name)")
    }

    @Test("T9: the earliest date agrees with RULES.md's counting back (the 7th working day before, the date day 0) for every day of 2026-2027")
    func t9AgreesWithCountingBack() throws {
        var latest = Self.date("2026-12-01")
        while latest < Self.date("2027-05-01") {
            let earliest = try AdvanceCopyRule.earliestPublicationDate(Self.copies(latest: latest), version: 1, calendar: Self.calendar)
            #expect(Self.calendar.addingWorkingDays(-7, to: earliest) >= latest, "\(latest): \(earliest) is too early")
            let dayBefore = earliest.adding(days: -1)
            #expect(Self.calendar.addingWorkingDays(-7, to: dayBefore) < latest, "\(latest): \(dayBefore) would do")
            latest = latest.adding(days: 1)
        }
    }

    @Test("T9: copies of an older version do not count once the version to be published is a revision")
    func t9OlderVersionDoesNotCount() throws {
        var copies = Self.copies(latest: Self.date("2027-03-01"), version: 1)
        copies.append(.init(number: 4, recipient: .ofsted, reportVersion: 2, sentOn: Self.date("2027-03-02"), recordedBy: "Pub.Comms"))
        let error = Self.refusal { () throws(PublicationError) in
            try AdvanceCopyRule.check(publicationDate: Self.date("2027-06-01"), copies, version: 2, calendar: Self.calendar)
        }
        #expect(error == .outOfOrder(rule: .t9, problem: Self.missingProblem(version: 2, "nationalPanel, secretaryOfState")))
        #expect(AdvanceCopyRule.missing(copies, version: 2) == [.nationalPanel, .secretaryOfState])
        // Version 1's own copies still decide version 1's date.
        #expect(try AdvanceCopyRule.earliestPublicationDate(copies, version: 1, calendar: Self.calendar) == Self.date("2027-03-10"))
    }

    @Test(
        "T9: with one recipient missing the date is refused, FAILED_PRECONDITION naming T9 and the recipient",
        arguments: PublicationAPI.AdvanceCopyRecipient.allCases)
    func t9RecipientMissing(_ recipient: PublicationAPI.AdvanceCopyRecipient) {
        let copies = Self.copies(latest: Self.date("2027-03-01")).filter { $0.recipient != recipient }
        let error = Self.refusal { () throws(PublicationError) in
            try AdvanceCopyRule.check(publicationDate: Self.date("2027-06-01"), copies, version: 1, calendar: Self.calendar)
        }
        #expect(error?.rpcError.code == .failedPrecondition)
        #expect(error?.rpcError.message == "T9: " + Self.missingProblem(version: 1, recipient.rawValue))
    }

    @Test("T9: a copy sent again counts from the first sending; the latest of the three recipients decides")
    func t9ResendCountsFromFirst() throws {
        var copies = Self.copies(latest: Self.date("2027-03-01"))
        copies.append(.init(number: 4, recipient: .ofsted, reportVersion: 1, sentOn: Self.date("2027-03-05"), recordedBy: "Pub.Comms"))
        #expect(try AdvanceCopyRule.earliestPublicationDate(copies, version: 1, calendar: Self.calendar) == Self.date("2027-03-10"))
    }

    static func missingProblem(version: Int, _ recipients: String) -> String {
        "no advance copy of report version \(version) to \(recipients) is recorded; "
            + "the National Panel, Ofsted and the Secretary of State each have the version published"
    }
}
