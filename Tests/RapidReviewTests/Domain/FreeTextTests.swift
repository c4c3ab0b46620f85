import Contract
import Testing

@testable import RapidReviewService

/// `FreeText`: the fields of a step joined for intake's `CheckDisclosure`, and each finding
/// placed back in its field (P4, issue 15, item 13).
@Suite("P4: the free text joined and each finding placed in its field")
struct FreeTextTests {
    @Test("blank and absent fields are left out; a finding's offset and line count from its own field's start")
    func placed() {
        let text = FreeText([
            ("caseSummary", "Line one.\nZeta here."), ("omissions[0].reason", "  "), ("discussion.keyIssues", nil), ("x", "ab Zeta"),
        ])
        #expect(text.fields.map(\.path) == ["caseSummary", "x"])
        #expect(text.text == "Line one.\nZeta here.\n\nab Zeta\n\n")
        let second = DisclosureAPI.DisclosureFinding(kind: .name, whose: "child", offset: 10, length: 4, line: 2)
        #expect(
            text.place(second) == FreeText.Finding(field: "caseSummary", offset: 10, length: 4, line: 2, kind: .name, whose: "child"))
        let third = DisclosureAPI.DisclosureFinding(kind: .name, whose: "child", offset: 25, length: 4, line: 4)
        #expect(text.place(third) == FreeText.Finding(field: "x", offset: 3, length: 4, line: 1, kind: .name, whose: "child"))
    }

    @Test("the refusal names P4, each field and position, and the kind and whose, never the text")
    func refusal() {
        let error = FreeText.refusal([FreeText.Finding(field: "decision.reasons", offset: 3, length: 4, line: 1, kind: .alias, whose: "child")])
        #expect(error.rpcError.code == .failedPrecondition)
        #expect(error.rpcError.message.hasPrefix("P4: "))
        #expect(error.rpcError.message.contains("decision.reasons at byte 3, line 1, 4 bytes (alias of the child)"))
    }

    @Test("a meeting with nothing but blanks in its optional fields sends only what it has", arguments: [true, false])
    func meetingFields(withDocumentation: Bool) {
        var request = RapidReviewAPI.RecordMeetingRequest(
            caseReference: Fixtures.reference(1), meeting: Fixtures.meetingContent(on: Fixtures.date("2025-04-03")),
            documentation: withDocumentation ? ["referral"] : nil)
        request.discussion.immediateLearning = nil
        let paths = FreeText.meeting(request).fields.map(\.path)
        #expect(paths.first == "caseSummary")
        #expect(paths.contains("documentation[0]") == withDocumentation)
        #expect(paths.contains("discussion.keyIssues"))
        #expect(!paths.contains("discussion.immediateLearning"))
        #expect(!paths.contains { $0.hasPrefix("participants") }, "participants are staff, named on purpose")
    }
}
