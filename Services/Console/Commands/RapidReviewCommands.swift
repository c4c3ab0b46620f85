import Contract
import Foundation
import WorkingDays

/// `cspr rapid-review schedule <case> <date>`. Rapid-review's own calls are not in the
/// contract yet (issue 6), so this calls its path with raw JSON; it moves to the typed
/// descriptor when `RapidReviewAPI` gains it.
enum RapidReviewCommands {
    /// The path the rapid-review service is to answer for scheduling the meeting.
    static let schedulePath = "/\(ServiceName.rapidReview)/ScheduleMeeting"

    static func run(_ session: Session) async throws {
        let usage = "cspr rapid-review schedule <case> <YYYY-MM-DD> [--format FORMAT]"
        guard try session.line.word(1, usage) == "schedule" else { throw ConsoleError.usage(usage) }
        let referenceText = try session.line.word(2, usage)
        guard let reference = CaseReference(referenceText) else {
            throw ConsoleError.usage("\"\(referenceText)\" is not a case reference like SURREY-2025-0007")
        }
        let dateText = try session.line.word(3, usage)
        guard let date = CivilDate(dateText) else { throw ConsoleError.usage("\"\(dateText)\" is not a date YYYY-MM-DD") }
        var request: [String: String] = ["caseReference": reference.description, "meetingDate": date.description]
        if let format = session.line.values["format"] { request["format"] = format }
        let body = try JSONSerialization.data(withJSONObject: request, options: [.sortedKeys])
        let reply = try await session.callRaw("rapid-review", path: schedulePath, json: body)
        session.print(JSONOutput.text(raw: reply))
    }
}
