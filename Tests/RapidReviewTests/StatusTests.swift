import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("GetStatuses, GetRapidReview, ListRapidReviews")
struct StatusTests {
    @Test("GetStatuses: the stage, milestones and deadlines of a Rapid Review, with no personal data")
    func statuses() async throws {
        try await withCase(70, through: .opened) { harness, reference in
            var status = try await harness.call(RapidReviewAPI.getStatuses, .init(references: [reference]), as: TestTokens.service(.gateway)).statuses
            #expect(status.first?.stage == .rapidReview)
            #expect(status.first?.deadlines.map(\.rule) == [.t4, .t6])

            try await harness.prepare(Fixtures.reference(71), through: .submitted)
            try await harness.schedule(reference, on: Fixtures.Scenario.onTime.meetingDate)
            try await harness.record(Fixtures.meeting(reference, on: Fixtures.Scenario.onTime.meetingDate))
            // R4: the meeting's immediate action, taken; an open one would be a deadline too (issue 15, item 11).
            try await harness.actionDone(reference, on: Fixtures.Scenario.onTime.meetingDate)
            try await harness.agree(reference, Fixtures.decision(.localReview))
            try await harness.ratify(reference)
            try await harness.submit(reference, on: Fixtures.date(TestDirectory.today))
            status = try await harness.call(RapidReviewAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer).statuses
            let only = try #require(status.first)
            #expect(only.stage == .review)
            #expect(
                only.milestones.map(\.event) == [
                    "referralReceived", "meetingHeld", "rapidReviewOpened", "meetingScheduled", "recommendationAgreed", "ratified",
                    "reviewCommissioned",
                    "submittedToNationalPanel", "outcomeShared",
                ])
            #expect(only.deadlines.map(\.rule) == [.t4, .t5, .t6])
            #expect(only.deadlines.map(\.status) == [.met, .met, .met])
            // No participant, and nothing of the child, in what the gateway sees.
            let json = String(decoding: try JSONCodec.encode(only), as: UTF8.self)
            for participant in Fixtures.participants { #expect(!json.contains(participant.name)) }

            // The feed lists each case once, in the order of their last change: 0070 changed after 0071 was submitted.
            let all = try await harness.call(RapidReviewAPI.getStatuses, .init(), as: TestTokens.service(.gateway)).statuses
            #expect(all.map(\.reference) == [Fixtures.reference(71), reference])
            let denied = await captureRPCError {
                _ = try await harness.call(RapidReviewAPI.getStatuses, .init(), as: TestTokens.staff)
            }
            #expect(denied?.code == .permissionDenied)
        }
    }

    @Test("ListRapidReviews: by state, and the overdue only")
    func list() async throws {
        try await withHarness { harness in
            try await harness.prepare(Fixtures.reference(72), through: .scheduled)
            try await harness.prepare(Fixtures.reference(73), .pastT6, through: .recommended)
            try await harness.prepare(Fixtures.reference(74), through: .recommended)
            // R4: the meetings' immediate actions, taken; open ones would be overdue too (issue 15, item 11).
            try await harness.actionDone(Fixtures.reference(73), on: Fixtures.Scenario.pastT6.meetingDate)
            try await harness.actionDone(Fixtures.reference(74), on: Fixtures.Scenario.onTime.meetingDate)
            let all = try await harness.call(RapidReviewAPI.listRapidReviews, .init(), as: TestTokens.viewer).rapidReviews
            #expect(all.map(\.caseReference) == [72, 73, 74].map(Fixtures.reference))
            #expect(all.map(\.state) == [.meetingScheduled, .awaitingRatification, .awaitingRatification])
            let awaiting = try await harness.call(RapidReviewAPI.listRapidReviews, .init(state: .awaitingRatification), as: TestTokens.chair)
                .rapidReviews
            #expect(awaiting.map(\.caseReference) == [73, 74].map(Fixtures.reference))
            #expect(awaiting.map(\.recommendation) == [.localReview, .localReview])
            let overdue = try await harness.call(RapidReviewAPI.listRapidReviews, .init(overdueOnly: true), as: TestTokens.panel).rapidReviews
            #expect(overdue.map(\.caseReference) == [Fixtures.reference(73)])
            #expect(overdue.first?.nextDeadline?.rule == .t5)
        }
    }

    @Test("GetRapidReview: everything held on one case; an unknown case is NOT_FOUND naming the field")
    func getOne() async throws {
        try await withCase(75, through: .ratified) { harness, reference in
            let rapidReview = try await harness.rapidReview(reference)
            #expect(rapidReview.state == .ratified)
            #expect(rapidReview.meetings.first?.recordedBy == "Sam.Panel")
            #expect(rapidReview.recommendations.first?.agreedBy == "Sam.Panel")
            #expect(rapidReview.ratification?.ratifiedBy == "Alex.Chair")
            #expect(rapidReview.outcome?.participants == Fixtures.participants)
            let missing = await captureRPCError { _ = try await harness.rapidReview(Fixtures.reference(9999)) }
            #expect(missing?.code == .notFound)
            #expect(missing?.message.hasPrefix("caseReference:") == true)
        }
    }
}
