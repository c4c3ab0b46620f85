import Contract
import WorkingDays

/// Obviously fictional cases of the fictional Testshire partnership, judged on Monday
/// 24 March 2025: what the stand-in intake and rapid-review answer with.
package enum Fixtures {
    /// The day the whole stack runs on (`CSPR_TODAY`).
    package static let today = "2025-03-24"
    /// The partnership prefix (`CSPR_PARTNERSHIP`).
    package static let partnership = "TESTSHIRE"

    /// A date from its ISO text, known to be valid.
    package static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { preconditionFailure("bad fixture date \(text)") }
        return date
    }

    /// A case reference from its text, known to be valid.
    package static func reference(_ text: String) -> CaseReference {
        guard let reference = CaseReference(text) else { preconditionFailure("bad fixture reference \(text)") }
        return reference
    }

    static func deadline(_ rule: TimescaleRule, due: String, earliest: String? = nil, status: DeadlineStatus, metOn: String? = nil) -> Deadline {
        Deadline(rule: rule, due: date(due), earliest: earliest.map(date), status: status, metOn: metOn.map(date), ruleSet: .surrey2019)
    }

    static func milestone(_ event: String, _ day: String) -> Milestone { Milestone(event: event, date: date(day)) }

    /// Intake's view: four cases at intake, one of which (0002) rapid-review has since taken on.
    package static let intake: [CaseStatus] = [
        CaseStatus(
            reference: reference("TESTSHIRE-2025-0001"), stage: .intake, milestones: [milestone("referralReceived", "2025-03-20")],
            deadlines: [
                deadline(.t2, due: "2025-03-24", status: .met, metOn: "2025-03-21"),
                deadline(.t3, due: "2025-03-27", status: .open),
                deadline(.t4, due: "2025-04-08", earliest: "2025-03-31", status: .open),
                deadline(.t6, due: "2025-04-10", status: .open),
            ]),
        CaseStatus(
            reference: reference("TESTSHIRE-2025-0002"), stage: .intake,
            milestones: [milestone("referralReceived", "2025-03-03"), milestone("scopingRequestsSent", "2025-03-04")],
            deadlines: [
                deadline(.t2, due: "2025-03-05", status: .met, metOn: "2025-03-04"),
                deadline(.t3, due: "2025-03-10", status: .metLate, metOn: "2025-03-12"),
                // Intake's own, not updated since the hand-over: rapid-review's T6 wins.
                deadline(.t6, due: "2025-03-24", status: .dueSoon),
            ]),
        CaseStatus(
            reference: reference("TESTSHIRE-2025-0003"), stage: .intake, milestones: [milestone("referralReceived", "2025-03-10")],
            deadlines: [
                deadline(.t2, due: "2025-03-12", status: .met, metOn: "2025-03-11"),
                // Judged "open" by a stage last week: the gateway judges it again on today.
                deadline(.t3, due: "2025-03-17", status: .open),
                deadline(.t6, due: "2025-03-31", status: .open),
            ]),
        CaseStatus(
            reference: reference("TESTSHIRE-2025-0005"), stage: .intake, milestones: [milestone("referralReceived", "2025-03-19")],
            deadlines: [
                deadline(.t2, due: "2025-03-21", status: .met, metOn: "2025-03-20"),
                deadline(.t3, due: "2025-03-26", status: .open),
            ]),
    ]

    /// Rapid-review's view: 0002 decided within T6, and a 2024 case decided late and closed.
    package static let rapidReview: [CaseStatus] = [
        CaseStatus(
            reference: reference("TESTSHIRE-2025-0002"), stage: .rapidReview,
            milestones: [milestone("meetingHeld", "2025-03-17"), milestone("outcomeRatified", "2025-03-19")],
            deadlines: [
                deadline(.t4, due: "2025-03-20", earliest: "2025-03-12", status: .met, metOn: "2025-03-17"),
                deadline(.t5, due: "2025-03-19", status: .met, metOn: "2025-03-19"),
                deadline(.t6, due: "2025-03-24", status: .met, metOn: "2025-03-20"),
            ]),
        CaseStatus(
            reference: reference("TESTSHIRE-2024-0042"), stage: .closed,
            milestones: [milestone("referralReceived", "2024-11-01"), milestone("meetingHeld", "2024-11-15"), milestone("caseClosed", "2024-11-27")],
            deadlines: [deadline(.t6, due: "2024-11-22", status: .metLate, metOn: "2024-11-27")]),
    ]

    /// The references in the gateway's order when both stages answer: by next deadline, the
    /// cases with none last.
    package static let expectedOrder = [
        "TESTSHIRE-2025-0003", "TESTSHIRE-2025-0005", "TESTSHIRE-2025-0001", "TESTSHIRE-2024-0042", "TESTSHIRE-2025-0002",
    ]
}
