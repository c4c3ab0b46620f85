import Contract
import Foundation
import ServiceKit
import WorkingDays

/// The words the pages use for the contract's values.
enum Labels {
    static func stage(_ stage: CaseStage) -> String {
        switch stage {
        case .intake: "Intake"
        case .rapidReview: "Rapid Review"
        case .review: "Review"
        case .publication: "Publication"
        case .actionPlan: "Action plan"
        case .closed: "Closed"
        }
    }

    static func status(_ status: DeadlineStatus) -> String {
        switch status {
        case .open: "Open"
        case .dueSoon: "Due soon"
        case .overdue: "Overdue"
        case .met: "Met"
        case .metLate: "Met late"
        case .metOutsideWindow: "Held outside the window"
        }
    }

    static func urgency(_ urgency: GatewayAPI.Urgency) -> String {
        switch urgency {
        case .overdue: "Overdue"
        case .dueSoon: "Due soon"
        case .onTrack: "On track"
        }
    }

    /// `referralReceived` -> `Referral received`.
    static func event(_ event: String) -> String {
        var words = ""
        for character in event {
            if character.isUppercase && !words.isEmpty {
                words += " " + character.lowercased()
            } else {
                words.append(character)
            }
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// `3 working days`, `due today`, `2 working days late`; a dash once met.
    static func workingDaysLeft(_ days: Int?) -> String {
        guard let days else { return "—" }
        return WorkingDaysLeft.words(days)
    }

    /// The rule's wording, for a title attribute: `T4 (§4.4.2): the Rapid Review meeting ...`.
    static func ruleTitle(_ rule: TimescaleRule, _ ruleSet: RuleSet) -> String {
        let timescale = Timescales.rule(rule, ruleSet)
        return "\(timescale.id.rawValue) (\(timescale.source), \(ruleSet.rawValue)): \(timescale.wording)"
    }

    /// The rule's id with its wording on hover.
    static func rule(_ rule: TimescaleRule, _ ruleSet: RuleSet = .surrey2019) -> String {
        HTML.element("abbr", rule.rawValue, ["title": ruleTitle(rule, ruleSet)])
    }

    /// `14:05:30` in Europe/London (UTC if the zone is missing).
    static func time(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let parts = calendar.dateComponents([.hour, .minute, .second], from: instant)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `Monday 24 March 2025`.
    static func longDate(_ date: CivilDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        ]
        let month = (1...12).contains(date.month) ? months[date.month - 1] : String(date.month)
        return "\(String(describing: date.weekday).capitalized) \(date.day) \(month) \(date.year)"
    }

    /// `75% (3 of 4)`, or `none decided`.
    static func share(_ timeliness: GatewayAPI.RapidReviewTimeliness) -> String {
        guard let share = timeliness.share else { return "none decided" }
        return "\(Int((share * 100).rounded()))% (\(timeliness.withinTimescale) of \(timeliness.decided))"
    }
}
