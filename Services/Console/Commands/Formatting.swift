import Contract
import Foundation
import WorkingDays

/// Words for the terminal.
enum Formatting {
    /// `14:05:30` in Europe/London.
    static func time(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let parts = calendar.dateComponents([.hour, .minute, .second], from: instant)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `3 working days`, `due today`, `5 working days late`; a dash once met.
    static func workingDaysLeft(_ days: Int?) -> String {
        guard let days else { return "-" }
        return WorkingDaysLeft.words(days)
    }

    /// The "as of" line and one line per unavailable stage.
    static func header(asOf: Date, today: CivilDateText, unavailable: [GatewayAPI.StageOutage]) -> String {
        var text = "As of \(time(asOf)); deadlines judged on \(today.text).\n"
        for outage in unavailable {
            text += "! \(outage.stage) is unavailable since \(time(outage.since)) (\(outage.code)): its part is missing.\n"
        }
        return text
    }

    /// "1-3 of 3 reviews", with the next page when there is one; "none of 0 reviews".
    static func pageFooter(_ noun: String, shown: Int, offset: Int, total: Int, page: Int) -> String {
        guard shown > 0 else { return "none of \(total) \(noun)s\n" }
        let first = offset + 1
        var text = "\(first)-\(first + shown - 1) of \(total) \(noun)\(total == 1 ? "" : "s")"
        text += offset + shown < total ? "; the next: --page \(page + 1)\n" : "\n"
        return text
    }

    /// A deadlines table.
    static func deadlines(_ deadlines: [Deadline]) -> String {
        var table = TextTable(["RULE", "DUE", "WINDOW FROM", "STATE", "MET ON"])
        for deadline in deadlines {
            table.add([
                deadline.rule.rawValue, deadline.due.description, deadline.earliest?.description ?? "-", deadline.status.rawValue,
                deadline.metOn?.description ?? "-",
            ])
        }
        return table.text
    }
}

/// A civil date's text, so `Formatting` needs no calendar import at its call sites.
struct CivilDateText {
    var text: String
}
