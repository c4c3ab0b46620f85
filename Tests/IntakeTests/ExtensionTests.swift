import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 15, item 5: T1-T3 extended only by a recorded decision, both dates kept.
@Suite("RecordExtension: intake's deadlines extended by a recorded decision")
struct IntakeExtensionTests {
    static func extend(_ reference: CaseReference, _ rule: TimescaleRule = .t3, subject: String? = "Testshire Police", to date: String = "2025-04-04")
        -> RecordExtensionRequest
    {
        RecordExtensionRequest(
            caseReference: reference, rule: rule, subject: subject, newDue: Fixture.date(date), reason: "Fictional: records held off site")
    }

    /// A referral received 24 March, two agencies asked on the 25th: T3 due 31 March for each.
    static func asked(_ intake: RunningIntake) async throws -> CaseReference {
        let reference = try await intake.submit(Fixture.referral()).caseReference
        _ = try await intake.client.call(
            IntakeAPI.sendScopingRequests,
            .init(
                caseReference: reference,
                requests: [
                    Fixture.draft("Testshire Children's Services", kind: .localAuthority, sent: "2025-03-25"),
                    Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-25"),
                ]), as: TestTokens.staff, deadline: .seconds(10))
        return reference
    }

    @Test("T3 extended for one agency: its return by the new date is met, the original date kept and audited with who agreed it")
    func t3Extended() async throws {
        try await RunningIntake.with(today: "2025-04-02") { intake in
            let reference = try await Self.asked(intake)
            let extended = try await intake.client.call(
                IntakeAPI.recordExtension, Self.extend(reference), as: TestTokens.panel, deadline: .seconds(10))
            #expect(extended.decision.agreedBy == "Sam.Panel")
            #expect(extended.decision.subject == "Testshire Police")
            #expect(extended.deadline.due == Fixture.date("2025-04-04"))
            #expect(extended.deadline.originalDue == Fixture.date("2025-03-31"))
            #expect(extended.deadline.status == .dueSoon, "no longer overdue")

            let returned = try await intake.client.call(
                IntakeAPI.recordScopingReturn,
                .init(caseReference: reference, scopingReturn: Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-04-02")),
                as: TestTokens.agency, deadline: .seconds(10))
            #expect(!returned.returnedLate, "met against the extended date")
            #expect(returned.deadline.status == .met)
            #expect(returned.deadline.originalDue == Fixture.date("2025-03-31"), "met late against the original stays visible")
            // The other agency's T3 is not extended: still overdue.
            let status = try await intake.client.call(
                IntakeAPI.getCase, .init(caseReference: reference), as: TestTokens.panel, deadline: .seconds(10)
            )
            .status
            #expect(status.deadlines.first { $0.rule == .t3 && $0.subject == "Testshire Children's Services" }?.status == .overdue)

            let trail = try await intake.client.call(
                AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin, deadline: .seconds(10))
            #expect(trail.entries.contains { $0.method == "RecordExtension" && $0.principal == "Sam.Panel" && $0.outcome == "OK" })
        }
    }

    @Test(
        "T1-T3: refused without naming one of several deadlines, for rapid-review's T4, with a date not later, or for a role that may not grant it")
    func refused() async throws {
        try await RunningIntake.with(today: "2025-04-02") { intake in
            let reference = try await Self.asked(intake)
            let cases: [(RecordExtensionRequest, String, RPCCode, String)] = [
                (Self.extend(reference, subject: nil), TestTokens.panel, .invalidArgument, "subject: T3 has several deadlines"),
                (Self.extend(reference, .t4, subject: nil), TestTokens.chair, .failedPrecondition, "T4: intake extends T1, T2, T3 only"),
                (Self.extend(reference, to: "2025-03-31"), TestTokens.panel, .invalidArgument, "newDue: T3: 2025-03-31 is not later"),
                (Self.extend(reference), TestTokens.staff, .permissionDenied, ""),
            ]
            for (request, token, code, prefix) in cases {
                let error = await captureRPCError {
                    _ = try await intake.client.call(IntakeAPI.recordExtension, request, as: token, deadline: .seconds(10))
                }
                #expect(error?.code == code, "\(error?.description ?? "not refused")")
                #expect(error?.message.hasPrefix(prefix) == true, "\(error?.message ?? "not refused")")
            }
            let status = try await intake.client.call(
                IntakeAPI.getCase, .init(caseReference: reference), as: TestTokens.panel, deadline: .seconds(10)
            )
            .status
            #expect(status.deadlines.allSatisfy { $0.originalDue == nil }, "a refused extension changes nothing")
        }
    }
}
