import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("Intake, through real RPC against a running intake process")
struct IntakePathTests {
    @Test(
        "referral -> scoping requests -> returns (one late, one not known) -> OpenRapidReview delivered exactly once, though rapid-review was down at first"
    )
    func fullPath() async throws {
        let directory = try TestDirectory()
        let rapidReviewPort = try freePort()
        let intake = try await RunningIntake.startProcess(directory, today: "2025-04-02", rapidReviewPort: rapidReviewPort)
        let staff = TestTokens.staff

        // Referral received Monday 24 March 2025.
        let submitted = try await intake.submit(Fixture.referral())
        #expect(submitted.caseReference.description == "SURREY-2025-0001")
        #expect(!submitted.linkedToExistingCase)
        #expect(submitted.deadlines.map(\.rule) == [.t2, .t3, .t4, .t6])
        #expect(submitted.deadlines.first { $0.rule == .t2 }?.due == Fixture.date("2025-03-26"))
        #expect(submitted.deadlines.first { $0.rule == .t3 }?.due == Fixture.date("2025-03-31"))
        #expect(submitted.deadlines.first { $0.rule == .t4 }?.earliest == Fixture.date("2025-04-02"))
        #expect(submitted.deadlines.first { $0.rule == .t4 }?.due == Fixture.date("2025-04-10"))
        #expect(submitted.deadlines.first { $0.rule == .t6 }?.due == Fixture.date("2025-04-14"))

        // Two agencies asked on time, one two days late (T2 marked late, allowed).
        let reference = submitted.caseReference
        let sent = try await intake.client.call(
            IntakeAPI.sendScopingRequests,
            .init(
                caseReference: reference,
                requests: [
                    Fixture.draft("Testshire Children's Services", kind: .localAuthority, sent: "2025-03-25"),
                    Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-26"),
                ], letterFormat: .markdown, signatory: "Partnership Support Team", queriesContact: "Pat Support, 01632 960001"),
            as: staff, deadline: .seconds(10))
        #expect(sent.requests.allSatisfy { $0.returnBy == Fixture.date("2025-03-31") && $0.sentLate == false })
        #expect(sent.letters.count == 2)
        #expect(sent.letters[0].text.contains("**Monday 31 March 2025**"))
        #expect(sent.letters[0].text.contains("Testshire Children's Services"))
        #expect(!sent.letters[0].text.contains("Quillfeather"), "the letter names no child or family member")
        let late = try await intake.client.call(
            IntakeAPI.sendScopingRequests,
            .init(caseReference: reference, requests: [Fixture.draft("Testshire Integrated Care Board", kind: .health, sent: "2025-03-28")]),
            as: staff, deadline: .seconds(10))
        #expect(late.requests.first?.sentLate == true)
        // T2 per agency (issue 15): the late one is the ICB's, the others stay met.
        #expect(late.deadlines.first { $0.rule == .t2 && $0.subject == "Testshire Integrated Care Board" }?.status == .metLate)
        #expect(late.deadlines.filter { $0.rule == .t2 && $0.subject != "Testshire Integrated Care Board" }.map(\.status) == [.met, .met])

        // Returns: one on time, one late (T3), one "not known to us".
        let onTime = try await intake.client.call(
            IntakeAPI.recordScopingReturn,
            .init(caseReference: reference, scopingReturn: Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-31")),
            as: staff, deadline: .seconds(10))
        #expect(!onTime.returnedLate)
        // The partnership's staff see who is still to return (an agency's own token does not: AgencyTokenTests).
        #expect(onTime.outstanding.sorted() == ["Testshire Children's Services", "Testshire Integrated Care Board"])
        let lateReturn = try await intake.client.call(
            IntakeAPI.recordScopingReturn,
            .init(
                caseReference: reference,
                scopingReturn: Fixture.scopingReturn("Testshire Children's Services", kind: .localAuthority, received: "2025-04-01")),
            as: staff, deadline: .seconds(10))
        #expect(lateReturn.returnedLate)
        #expect(lateReturn.deadline.status == .metLate)
        let notKnown = try await intake.client.call(
            IntakeAPI.recordScopingReturn,
            .init(
                caseReference: reference,
                scopingReturn: Fixture.scopingReturn("Testshire Integrated Care Board", kind: .health, received: "2025-03-31", known: false)),
            as: staff, deadline: .seconds(10))
        #expect(notKnown.outstanding.isEmpty)

        // The case file (R3) holds the referral and the three returns.
        let file = try await intake.client.call(
            IntakeAPI.getCaseFile, .init(caseReference: reference), as: TestTokens.panel, deadline: .seconds(10))
        #expect(file.referral?.child.person.name == "Zebedee Quillfeather")
        #expect(file.scopingReturns.count == 3)
        #expect(file.scopingReturns.contains { !$0.knownToAgency })

        // rapid-review comes up: the hand-over made when the requests were sent arrives once.
        let rapidReview = StandInRapidReview(port: rapidReviewPort)
        try rapidReview.start()
        #expect(await eventually(within: .seconds(15)) { rapidReview.applied.count == 1 })
        try await Task.sleep(for: .milliseconds(300))
        let handOver = try #require(rapidReview.applied.first)
        #expect(rapidReview.applied.count == 1)
        #expect(handOver.caseReference == reference)
        #expect(handOver.referralReceived == Fixture.date("2025-03-24"))
        #expect(handOver.meetingEarliest == Fixture.date("2025-04-02"))
        #expect(handOver.meetingLatest == Fixture.date("2025-04-10"))
        #expect(handOver.rapidReviewDue == Fixture.date("2025-04-14"))
        #expect(handOver.incidentKind == .seriousHarm)
        let handOverJSON = String(decoding: try JSONCodec.encode(handOver), as: UTF8.self)
        #expect(!handOverJSON.contains("Quillfeather") && !handOverJSON.contains("2019-03-01") && !handOverJSON.contains("Imaginary"))

        // The status now shows the case handed over, with T2/T3 judged.
        let statuses = try await intake.client.call(
            IntakeAPI.getStatuses, .init(references: [reference]), as: TestTokens.service(.gateway), deadline: .seconds(10))
        let status = try #require(statuses.statuses.first)
        #expect(status.stage == .rapidReview)
        // Handed over "today" (CSPR_TODAY, 2 April), after the last return of 1 April.
        #expect(status.milestones.map(\.event) == ["referralReceived", "scopingRequestsSent", "scopingReturnsComplete", "handedToRapidReview"])
        // T4 and T6 as intake computed them stay in its report; rapid-review's win at the gateway.
        // T2 and T3 per agency asked (issue 15): three of each, then T4 and T6.
        #expect(status.deadlines.map(\.rule) == [.t2, .t2, .t2, .t3, .t3, .t3, .t4, .t6])
        #expect(status.deadlines.first { $0.rule == .t3 }?.status == .metLate)
        #expect(status.deadlines.filter { $0.rule == .t3 }.map(\.status) == [.metLate, .met, .met])

        // Nothing personal in the service's logs.
        try await intake.stop()
        #expect(!intake.output.contains { $0.contains("Quillfeather") || $0.contains("Imaginary") || $0.contains("TE5") })
        await rapidReview.stop()
    }
}

@Suite("Intake's own configuration")
struct IntakeConfigurationTests {
    @Test("with CSPR_INTAKE_HANDOVER=at-once (set in process) the Rapid Review is opened as soon as the referral arrives")
    func handOverAtOnce() async throws {
        let directory = try TestDirectory()
        let rapidReviewPort = try freePort()
        let rapidReview = StandInRapidReview(port: rapidReviewPort)
        try rapidReview.start()
        let intake = try await RunningIntake.start(directory, rapidReviewPort: rapidReviewPort, extra: ["CSPR_INTAKE_HANDOVER": "at-once"])
        let submitted = try await intake.submit(Fixture.referral())
        #expect(await eventually(within: .seconds(10)) { rapidReview.applied.map(\.caseReference) == [submitted.caseReference] })
        try await intake.stop()
        await rapidReview.stop()
    }

    @Test("a bad CSPR_INTAKE_HANDOVER stops intake at start with exit status 2, naming the variable")
    func badHandOver() async throws {
        guard let executable = BuiltProducts.executable("intake") else { throw ChildProcessError.notBuilt("intake") }
        let result = try await runCommand(executable.path, [], environment: ["CSPR_INTAKE_HANDOVER": "at_once"])
        #expect(result.status == 2)
        #expect(result.output.contains("CSPR_INTAKE_HANDOVER"))
    }
}
