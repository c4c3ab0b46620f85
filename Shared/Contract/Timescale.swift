import WorkingDays

/// Which version of the rules a partnership follows (RULES.md): the Surrey 2019 framework, or
/// Working Together 2023, which counts T6 from the notification to the National Panel.
package enum RuleSet: String, WireEnum {
    case surrey2019 = "surrey-2019"
    case workingTogether2023 = "wt-2023"
}

/// The event a timescale is counted from.
package enum AnchorEvent: String, WireEnum {
    case laBecameAware
    case referralReceived
    case notifiedNationalPanel
    case meetingHeld
    case reviewCommissioned
    case delayKnown
    case publicationDate
    /// The target date agreed for an action plan item (P6).
    case actionTargetDate
}

/// How a timescale counts.
package enum DayCount: String, WireEnum {
    /// England and Wales working days (RULES.md, Working days).
    case workingDays
    /// Calendar days.
    case calendarDays
    /// Calendar months, clamped to the month's end.
    case calendarMonths
    /// No computed date: the rule applies when an event happens (T8).
    case onEvent
}

/// The id of a timescale, `T1` ... `T10` on the wire (RULES.md, Timescales).
package enum TimescaleRule: String, WireEnum, Comparable {
    case t1 = "T1"
    case t2 = "T2"
    case t3 = "T3"
    case t4 = "T4"
    case t5 = "T5"
    case t6 = "T6"
    case t7 = "T7"
    case t8 = "T8"
    case t9 = "T9"
    case t10 = "T10"
    // Not one of RULES.md's T rules: the target date P6 gives each action plan item, so that an
    // overdue item is a deadline like the others. A gateway without this case drops such
    // deadlines when it reads a status (`ReportedDeadline`) rather than failing.
    case p6 = "P6"
    /// Not a timescale: an immediate action's by-when date, set by the Rapid Review meeting
    /// (R4, Appendix 5 §2.1), reported with the deadlines while the action is open. `Deadline`
    /// names its rule with this type, and an action's date is as much a due date as T1-T10's;
    /// it is left out of `allCases`, the timescales, and nothing counts it (issue 15, item 11).
    case r4 = "R4"

    /// T1-T10 of RULES.md's table, without P6's target dates and R4's by-when dates.
    package static let numbered: [TimescaleRule] = [.t1, .t2, .t3, .t4, .t5, .t6, .t7, .t8, .t9, .t10]

    /// The rules the contract lists: T1-T10, then P6's target dates (R4's by-when dates are not listed).
    package static let allCases: [TimescaleRule] = numbered + [.p6]

    /// Rules sort in their numbered order (T2 before T10), R4's actions after the Rapid Review's T6,
    /// P6's action plan items last.
    package static func < (lhs: TimescaleRule, rhs: TimescaleRule) -> Bool {
        order.firstIndex(of: lhs) ?? 0 < order.firstIndex(of: rhs) ?? 0
    }

    private static let order: [TimescaleRule] = [.t1, .t2, .t3, .t4, .t5, .t6, .r4, .t7, .t8, .t9, .t10, .p6]
}

/// One of T1-T10 as data, so every service and the gateway compute and explain deadlines the
/// same way.
package struct Timescale: Sendable, Equatable, Codable {
    /// `T1` ... `T10`.
    package var id: TimescaleRule
    /// The rule in words.
    package var wording: String
    /// Where the framework says it.
    package var source: String
    /// What it counts from.
    package var anchor: AnchorEvent
    /// Working days, calendar days or months.
    package var unit: DayCount
    /// How many units after the anchor (before it when negative: T9).
    package var amount: Int
    /// For a window (T4: between 7 and 13 working days), its first allowed day.
    package var earliest: Int?
    /// Whom the main count is for, when a variant counts differently for others (T7: a local CSPR).
    package var appliesTo: String? = nil
    /// Other counts of the same rule for some cases (T7: three months for other learning reviews).
    package var variants: [TimescaleVariant]? = nil

    /// This timescale as counted for a review of `kind`: a variant's amount when one is for
    /// it (and whom it applies to); the main count otherwise.
    package func counted(for kind: Recommendation) -> Timescale {
        guard let variant = variants?.first(where: { $0.reviewKinds.contains(kind) }) else { return self }
        var counted = self
        counted.amount = variant.amount
        counted.appliesTo = variant.appliesTo
        counted.variants = nil
        return counted
    }

    /// The due date counted from `anchor`.
    package func due(from anchor: CivilDate, calendar: WorkingCalendar) -> CivilDate? {
        switch unit {
        case .workingDays:
            // Negative amounts count back from the anchor (T9), the anchor still day 0.
            return calendar.addingWorkingDays(amount, to: anchor)
        case .calendarDays: return anchor.adding(days: amount)
        case .calendarMonths: return anchor.adding(months: amount)
        case .onEvent: return nil
        }
    }

    /// The first allowed day of a window (T4), counted like `due`.
    package func earliestDay(from anchor: CivilDate, calendar: WorkingCalendar) -> CivilDate? {
        guard let earliest, unit == .workingDays else { return nil }
        return calendar.addingWorkingDays(earliest, to: anchor)
    }
}

/// A different count of a timescale for some kinds of review (T7: three calendar months,
/// rather than six, for an alternative learning review or a single-agency review).
package struct TimescaleVariant: Sendable, Equatable, Codable {
    /// Whom it is for, in words.
    package var appliesTo: String
    /// The reviews it is for (RULES.md, Anchors made precise).
    package var reviewKinds: [Recommendation]
    /// How many units after the anchor, in the timescale's unit.
    package var amount: Int

    package init(appliesTo: String, reviewKinds: [Recommendation], amount: Int) {
        self.appliesTo = appliesTo
        self.reviewKinds = reviewKinds
        self.amount = amount
    }
}

/// T1-T10 of RULES.md.
package enum Timescales {
    /// Every timescale of `ruleSet`, T1-T10 in order.
    package static func all(_ ruleSet: RuleSet = .surrey2019) -> [Timescale] {
        TimescaleRule.numbered.map { rule($0, ruleSet) }
    }

    /// One timescale of `ruleSet`: every rule the code can name has one.
    package static func rule(_ id: TimescaleRule, _ ruleSet: RuleSet = .surrey2019) -> Timescale {
        switch id {
        case .t1:
            Timescale(
                id: .t1,
                wording:
                    "the local authority notifies the National Panel within 5 working days of becoming aware of the serious incident, and reports it to the safeguarding partners within 5 working days",
                source: "§1.6.3, §4.1.2", anchor: .laBecameAware, unit: .workingDays, amount: 5)
        case .t2:
            Timescale(
                id: .t2,
                wording:
                    "the Initial Scoping and Information Sharing form goes to every relevant agency within 2 working days of the referral being received, with the request letter",
                source: "§4.3.3", anchor: .referralReceived, unit: .workingDays, amount: 2)
        case .t3:
            Timescale(
                id: .t3, wording: "agencies return the completed scoping form within 5 working days of the referral being received",
                source: "§4.3.4", anchor: .referralReceived, unit: .workingDays, amount: 5)
        case .t4:
            Timescale(
                id: .t4, wording: "the Rapid Review meeting is held between 7 and 13 working days of the referral being received",
                source: "§4.4.2", anchor: .referralReceived, unit: .workingDays, amount: 13, earliest: 7)
        case .t5:
            Timescale(
                id: .t5,
                wording:
                    "within 2 working days of the meeting the outcome goes to the independent chair for ratification, and the ratified Rapid Review goes to the National Panel",
                source: "§4.7.1", anchor: .meetingHeld, unit: .workingDays, amount: 2)
        case .t6 where ruleSet == .workingTogether2023:
            // Working Together 2023 counts the Rapid Review's 15 working days from the
            // notification to the National Panel (RULES.md).
            Timescale(
                id: .t6, wording: "the Rapid Review and its decision are complete within 15 working days of the notification to the National Panel",
                source: "Working Together 2023, 4.2", anchor: .notifiedNationalPanel, unit: .workingDays, amount: 15)
        case .t6:
            Timescale(
                id: .t6, wording: "the Rapid Review and its decision are complete within 15 working days of becoming aware of the incident",
                source: "§3.1.2, §4.2.2", anchor: .referralReceived, unit: .workingDays, amount: 15)
        case .t7:
            Timescale(
                id: .t7,
                wording:
                    "a local CSPR is completed no later than six calendar months after the decision to initiate it (any other learning review ideally within three months)",
                source: "§3.1.2", anchor: .reviewCommissioned, unit: .calendarMonths, amount: 6, appliesTo: "local CSPR",
                // RULES.md: three months for another learning review (c, e), under both rule sets.
                variants: [
                    TimescaleVariant(appliesTo: "other learning review", reviewKinds: [.alternativeLearningReview, .singleAgencyReview], amount: 3)
                ])
        case .r4:
            // No computed date: each action has the date the meeting set for it.
            Timescale(
                id: .r4, wording: "an immediate action the Rapid Review meeting agreed is taken by the date it set, by whom it named",
                source: "Appendix 5 §2.1", anchor: .meetingHeld, unit: .onEvent, amount: 0)
        case .t8:
            Timescale(
                id: .t8,
                wording:
                    "when a delay would prevent publication within six months, the National Panel and the Secretary of State are informed, with the reason",
                source: "§3.1.3", anchor: .delayKnown, unit: .onEvent, amount: 0)
        case .t9:
            Timescale(
                id: .t9,
                wording:
                    "the full report goes to the National Panel, Ofsted and the Secretary of State no later than 7 working days before the publication date",
                source: "§10.5.1", anchor: .publicationDate, unit: .workingDays, amount: -7)
        case .t10:
            Timescale(
                id: .t10, wording: "a published report stays available for at least one year; after that it is archived and available on request",
                source: "§10.5.2", anchor: .publicationDate, unit: .calendarMonths, amount: 12)
        case .p6:
            Timescale(
                id: .p6,
                wording:
                    "each action plan item is done by the target date agreed for it, and stays open until the improvement is shown to be sustained",
                source: "§11.4, Appendix 16", anchor: .actionTargetDate, unit: .calendarDays, amount: 0)
        }
    }
}
