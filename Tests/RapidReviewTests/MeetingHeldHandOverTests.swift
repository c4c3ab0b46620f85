import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 15, item 4: intake learns that the meeting was held, through rapid-review's outbox.
@Suite("RecordRapidReviewMeeting: the meeting held, handed to intake")
struct MeetingHeldHandOverTests {
    static let meetingDate = Fixtures.Scenario.onTime.meetingDate

    @Test("§4.5.2: the quorate meeting puts RecordRapidReviewMeeting for intake in the outbox with it, once; a meeting not quorate does not")
    func quorateMeetingTellsIntake() async throws {
        try await withCase(21, through: .scheduled) { harness, reference in
            var notQuorate = Fixtures.meeting(reference, on: Self.meetingDate)
            notQuorate.participants.removeAll { $0.partnerKind == .police }
            notQuorate.omissions = [Omission(agency: Fixtures.police.name, reason: "Fictional: the officer was called to an emergency")]
            #expect(try await !harness.record(notQuorate).quorate)
            #expect(try await harness.pendingHandOvers(to: .intake).isEmpty, "a meeting not quorate is not the Rapid Review meeting (R1)")

            let reconvened = Fixtures.date("2025-04-04")
            try await harness.schedule(reference, on: reconvened)
            #expect(try await harness.record(Fixtures.meeting(reference, on: reconvened)).quorate)
            let pending = try await harness.pendingHandOvers(to: .intake)
            #expect(pending.map(\.method) == [IntakeAPI.recordRapidReviewMeeting.path])
            let request = try JSONCodec.decode(IntakeAPI.RapidReviewMeetingHeldRequest.self, from: Data((pending.first?.payload ?? "").utf8))
            #expect(request == .init(caseReference: reference, meetingDate: reconvened))
        }
    }
}
