import Contract
import Foundation
import RPC
import WorkingDays

/// `cspr rapid-review schedule <case> <date> [--format faceToFace|telephone] [--reason TEXT]`.
enum RapidReviewCommands {
    static func run(_ session: Session) async throws {
        let usage = "cspr rapid-review schedule <case> <YYYY-MM-DD> [--format faceToFace|telephone] [--reason TEXT]"
        guard try session.line.word(1, usage) == "schedule" else { throw ConsoleError.usage(usage) }
        let referenceText = try session.line.word(2, usage)
        guard let reference = CaseReference(referenceText) else {
            throw ConsoleError.usage("\"\(referenceText)\" is not a case reference like SURREY-2025-0007")
        }
        let dateText = try session.line.word(3, usage)
        guard let date = CivilDate(dateText) else { throw ConsoleError.usage("\"\(dateText)\" is not a date YYYY-MM-DD") }
        let formatText = session.line.values["format"] ?? MeetingFormat.faceToFace.rawValue
        guard let format = MeetingFormat(rawValue: formatText) else { throw ConsoleError.usage("--format is faceToFace or telephone") }
        let request = RapidReviewAPI.ScheduleMeetingRequest(
            caseReference: reference, date: date, format: format, reason: session.line.values["reason"])
        let reply = try await session.call(.rapidReview, RapidReviewAPI.scheduleMeeting, request)
        session.print(JSONOutput.text(raw: try JSONCodec.encode(reply)))
    }
}
