import Contract
import Foundation
import RPC
import RapidReviewService
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

#if canImport(Glibc)
    import Glibc
#endif

@Suite("rapid-review as a real process")
struct ProcessTests {
    @Test(
        "the executable runs a Rapid Review to submission; CommissionReview survives a kill and reaches review-management once, though it came up late"
    )
    func process() async throws {
        let directory = try TestDirectory.rapidReview()
        let port = try freePort()
        let receiverPort = try freePort()
        // A stand-in intake checks the free text (issue 15, item 13).
        let intake = try DisclosureCheckingIntake()
        let peers: [ServiceIdentity: Int] = [.reviewManagement: receiverPort, .intake: intake.port]
        var service = try await startRapidReviewProcess(directory, port: port, peers: peers)
        let client = RPCClient(host: "127.0.0.1", port: port, configuration: ClientConfigurationForTests.fastBackoff)
        let reference = Fixtures.reference(100)
        let meetingDate = Fixtures.date("2025-04-03")
        var handOverKey = bearer(TestTokens.service(.intake))
        handOverKey.add("idempotency-key", "intake/OpenRapidReview/\(reference)")
        let opened = try await client.call(RapidReviewAPI.openRapidReview, Fixtures.handOver(reference), deadline: .seconds(5), metadata: handOverKey)
        #expect(opened.opened)
        _ = try await client.call(
            RapidReviewAPI.scheduleMeeting, .init(caseReference: reference, date: meetingDate, format: .faceToFace), deadline: .seconds(5),
            metadata: bearer(TestTokens.staff))
        _ = try await client.call(
            RapidReviewAPI.recordMeeting, Fixtures.meeting(reference, on: meetingDate), deadline: .seconds(5), metadata: bearer(TestTokens.panel))
        _ = try await client.call(
            RapidReviewAPI.agreeRecommendation, .init(caseReference: reference, decision: Fixtures.decision(.nationalReview)), deadline: .seconds(5),
            metadata: bearer(TestTokens.panel))
        _ = try await client.call(RapidReviewAPI.ratify, .init(caseReference: reference), deadline: .seconds(5), metadata: bearer(TestTokens.chair))

        // Killed with the hand-over still in its outbox (nothing listens for review-management yet).
        service.send(SIGKILL)
        _ = try await service.waitForExit()
        service = try await startRapidReviewProcess(directory, port: port, peers: peers)
        // A replay of intake's hand-over after the restart answers the first reply.
        #expect(
            try await client.call(RapidReviewAPI.openRapidReview, Fixtures.handOver(reference), deadline: .seconds(5), metadata: handOverKey)
                == opened)

        let receiver = try await startInProcess(StandInReviewManagement.definition, directory, port: receiverPort)
        #expect(try await eventually(within: .seconds(20)) { try await StandInReviewManagement.commissioned(port: receiverPort).count >= 1 })

        // Connect JSON over HTTP/1.1, as curl sends it.
        let today = TestDirectory.today
        let body =
            "{\"caseReference\":\"\(reference)\",\"submittedToNationalPanel\":\"\(today)\",\"sharedWith\":["
            + Fixtures.agenciesAsked.map { "{\"agency\":\"\($0.name)\",\"date\":\"\(today)\",\"referrer\":\($0 == Fixtures.school)}" }.joined(
                separator: ",")
            + "]}"
        let connection = try RawConnection(port: port)
        _ = connection.send(
            "POST \(RapidReviewAPI.recordSubmission.path) HTTP/1.1\r\nhost: localhost\r\nauthorization: Bearer \(TestTokens.staff)\r\n"
                + "content-type: application/json\r\ncontent-length: \(body.utf8.count)\r\n\r\n\(body)")
        let response = try #require(connection.readHTTP1Response())
        #expect(response.status == 200, "\(response.body)")
        let submitted = try JSONCodec.decode(RapidReviewAPI.RecordSubmissionResponse.self, from: Data(response.body.utf8))
        #expect(submitted.complete)

        let status = try await client.call(
            RapidReviewAPI.getStatuses, .init(references: [reference]), deadline: .seconds(5), metadata: bearer(TestTokens.viewer))
        #expect(status.statuses.first?.stage == .review)
        try await Task.sleep(for: .milliseconds(300))
        let commissioned = try await StandInReviewManagement.commissioned(port: receiverPort)
        #expect(commissioned.map(\.request.reviewKind) == [.nationalReview])

        service.send(SIGTERM)
        #expect(try await service.waitForExit() == 0)
        await receiver.stop(grace: .seconds(1))
        await intake.stop()
        #expect(intake.timesAsked >= 2, "the meeting and the recommendation were checked by intake")
    }

    @Test("a bad configuration stops the process at once with exit status 2, naming the variable")
    func configurationError() async throws {
        let result = try await runCommand(try rapidReviewExecutable().path, [], environment: ["CSPR_RULE_SET": "surrey-1999"])
        #expect(result.status == 2)
        #expect(result.output.contains("CSPR_RULE_SET"))
    }
}
