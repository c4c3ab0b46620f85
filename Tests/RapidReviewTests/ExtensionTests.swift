import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 15, item 5: T4-T6 extended only by a recorded decision, both dates kept.
@Suite("RecordExtension: the Rapid Review's deadlines extended by a recorded decision")
struct ExtensionTests {
    static func extend(
        _ reference: CaseReference, _ rule: TimescaleRule = .t6, to date: String = "2025-04-28",
        reason: String = "Fictional: the police asked to delay"
    )
        -> RecordExtensionRequest
    {
        RecordExtensionRequest(caseReference: reference, rule: rule, newDue: Fixtures.date(date), reason: reason)
    }

    @Test("T6 extended: who, when, why and the new date recorded and audited; the original due date kept beside it")
    func t6Extended() async throws {
        try await withCase(41, through: .opened) { harness, reference in
            let extended = try await harness.call(RapidReviewAPI.recordExtension, Self.extend(reference), as: TestTokens.chair)
            #expect(extended.decision.agreedBy == "Alex.Chair")
            #expect(extended.decision.agreedOn == Fixtures.date(TestDirectory.today))
            #expect(extended.decision.previousDue == Fixtures.date("2025-04-14"))
            #expect(extended.decision.reason == "Fictional: the police asked to delay")
            #expect(extended.deadline.due == Fixtures.date("2025-04-28"))
            #expect(extended.deadline.originalDue == Fixtures.date("2025-04-14"))
            let t6 = try await harness.rapidReview(reference).deadlines.first { $0.rule == .t6 }
            #expect(t6?.due == Fixtures.date("2025-04-28"))
            #expect(t6?.originalDue == Fixtures.date("2025-04-14"), "the dashboard shows (extended from 14 April)")

            let trail = try await harness.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
            let entry = trail.entries.first { $0.method == "RecordExtension" }
            #expect(entry?.principal == "Alex.Chair")
            #expect(entry?.outcome == "OK")
        }
    }

    @Test(
        "T4-T6: refused without a reason, with a date not later than the current due date, for another stage's rule, or for a role that may not grant it",
        arguments: [
            Refusal(.invalidArgument, "reason: T6:") { harness, reference in
                _ = try await harness.call(RapidReviewAPI.recordExtension, ExtensionTests.extend(reference, reason: "  "), as: TestTokens.panel)
            },
            Refusal(.invalidArgument, "newDue: T6: 2025-04-14 is not later than the current due date") { harness, reference in
                _ = try await harness.call(RapidReviewAPI.recordExtension, ExtensionTests.extend(reference, to: "2025-04-14"), as: TestTokens.panel)
            },
            Refusal(.failedPrecondition, "T2: rapid-review extends T4, T5, T6 only") { harness, reference in
                _ = try await harness.call(RapidReviewAPI.recordExtension, ExtensionTests.extend(reference, .t2), as: TestTokens.panel)
            },
            Refusal.denied { harness, reference in
                _ = try await harness.call(RapidReviewAPI.recordExtension, ExtensionTests.extend(reference), as: TestTokens.staff)
            },
        ])
    func refused(_ refusal: Refusal) async throws {
        try await withCase(42, through: .opened) { harness, reference in
            try await harness.expectRefused(reference, refusal.code, refusal.prefix, sourceLocation: refusal.sourceLocation) {
                try await refusal.call(harness, reference)
            }
        }
    }

    @Test("T6: a second extension must go later than the first; the original computed date stays the one kept")
    func secondExtension() async throws {
        try await withCase(43, through: .opened) { harness, reference in
            _ = try await harness.call(RapidReviewAPI.recordExtension, Self.extend(reference), as: TestTokens.panel)
            try await harness.expectRefused(reference, .invalidArgument, "newDue: T6: 2025-04-25 is not later than the current due date 2025-04-28") {
                _ = try await harness.call(RapidReviewAPI.recordExtension, Self.extend(reference, to: "2025-04-25"), as: TestTokens.panel)
            }
            let again = try await harness.call(RapidReviewAPI.recordExtension, Self.extend(reference, to: "2025-05-06"), as: TestTokens.panel)
            #expect(again.decision.previousDue == Fixtures.date("2025-04-28"))
            #expect(again.deadline.originalDue == Fixtures.date("2025-04-14"))
        }
    }
}
