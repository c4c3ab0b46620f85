import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("OpenRapidReview: intake's hand-over, applied once")
struct OpenRapidReviewTests {
    @Test("OpenRapidReview is applied once per idempotency key: a replay returns the first reply and changes nothing")
    func appliedOnce() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(1)
            let handOver = Fixtures.handOver(reference)
            let first = try await harness.open(handOver, key: "intake/OpenRapidReview/1")
            #expect(first == .init(caseReference: reference, opened: true))
            try await harness.schedule(reference, on: Fixtures.Scenario.onTime.meetingDate)
            let before = try await harness.rapidReview(reference)

            let replay = try await harness.open(handOver, key: "intake/OpenRapidReview/1")
            #expect(replay == first, "a replay answers the first reply")
            #expect(try await harness.rapidReview(reference) == before, "a replay changed the case")

            // Another key for a case already open: acknowledged, not opened again.
            let again = try await harness.open(handOver, key: "intake/OpenRapidReview/1-resent")
            #expect(again == .init(caseReference: reference, opened: false))
            #expect(try await harness.rapidReview(reference) == before)
            let all = try await harness.call(RapidReviewAPI.listRapidReviews, .init(), as: TestTokens.panel)
            #expect(all.rapidReviews.map(\.caseReference) == [reference])
        }
    }

    @Test("the Rapid Review opens with the case's referral date, rule set, T4 window and T6 deadline")
    func opens() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(2)
            try await harness.open(Fixtures.handOver(reference))
            let opened = try await harness.rapidReview(reference)
            #expect(opened.state == .opened)
            #expect(opened.stage == .rapidReview)
            #expect(opened.openedOn == Fixtures.date(TestDirectory.today))
            #expect(opened.handOver == Fixtures.handOver(reference))
            let t4 = try #require(opened.deadlines.first { $0.rule == .t4 })
            #expect(t4.earliest == Fixtures.date("2025-04-02"))
            #expect(t4.due == Fixtures.date("2025-04-10"))
            let t6 = try #require(opened.deadlines.first { $0.rule == .t6 })
            #expect(t6.due == Fixtures.date("2025-04-14"))
            #expect(opened.deadlines.allSatisfy { $0.ruleSet == .surrey2019 && $0.calendar == WorkingCalendar.englandAndWalesName })
        }
    }

    @Test("deadlines are this service's, from its calendar, even when intake's dates differ")
    func ownCalendar() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(5)
            var handOver = Fixtures.handOver(reference)
            handOver.meetingLatest = Fixtures.date("2025-04-11")
            handOver.rapidReviewDue = Fixtures.date("2025-04-15")
            try await harness.open(handOver)
            let opened = try await harness.rapidReview(reference)
            #expect(opened.handOver == handOver, "the hand-over is kept as received")
            #expect(opened.deadlines.first { $0.rule == .t4 }?.due == Fixtures.date("2025-04-10"))
            #expect(opened.deadlines.first { $0.rule == .t6 }?.due == Fixtures.date("2025-04-14"))
        }
    }

    @Test("a hand-over without an idempotency key is refused, naming the header")
    func needsKey() async throws {
        try await withHarness { harness in
            let error = await captureRPCError {
                _ = try await harness.call(RapidReviewAPI.openRapidReview, Fixtures.handOver(Fixtures.reference(3)), as: TestTokens.service(.intake))
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.hasPrefix("idempotency-key:") == true)
        }
    }

    @Test("only the service role hands a case over; another partnership's case is refused, naming the field")
    func refusals() async throws {
        try await withHarness { harness in
            let denied = await captureRPCError {
                _ = try await harness.call(RapidReviewAPI.openRapidReview, Fixtures.handOver(Fixtures.reference(4)), as: TestTokens.panel)
            }
            #expect(denied?.code == .permissionDenied)
            let elsewhere = try #require(CaseReference("OTHERSHIRE-2025-0004"))
            let wrong = await captureRPCError { try await harness.open(Fixtures.handOver(elsewhere)) }
            #expect(wrong?.code == .invalidArgument)
            #expect(wrong?.message.hasPrefix("caseReference:") == true)
            let missing = await captureRPCError { _ = try await harness.rapidReview(elsewhere) }
            #expect(missing?.code == .notFound)
        }
    }

    @Test("issue 17, item 8: the gateway's token cannot open a Rapid Review, over a real socket; intake's can, and nothing was stored before")
    func gatewayCannotOpen() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(6)
            var key = Metadata()
            key.add("idempotency-key", "intake/OpenRapidReview/\(reference)")
            for other in [ServiceIdentity.gateway, .reviewManagement, .publication] {
                let denied = await captureRPCError {
                    _ = try await harness.call(
                        RapidReviewAPI.openRapidReview, Fixtures.handOver(reference), as: TestTokens.service(other), metadata: key)
                }
                #expect(denied?.code == .permissionDenied, "\(other.name)")
                #expect(denied?.message.contains("OpenRapidReview") == true)
                #expect(denied?.message.contains("intake") == false, "the refusal does not say which service may")
            }
            let missing = await captureRPCError { _ = try await harness.rapidReview(reference) }
            #expect(missing?.code == .notFound, "a refused hand-over opened nothing")
            let opened = try await harness.open(Fixtures.handOver(reference))
            #expect(opened.opened)
        }
    }
}
