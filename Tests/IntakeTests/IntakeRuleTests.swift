import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Each rule of issue 5 refuses what it must, naming the field, and a refused call changes
/// nothing (the next referral still gets sequence 0001).
@Suite("Intake refuses bad input and changes nothing")
struct IntakeRuleTests {
    static func refused(_ referral: Referral) async throws -> (RPCError?, [IntakeAPI.CaseSummary], IntakeAPI.SubmitReferralResponse) {
        try await RunningIntake.with { intake in
            let error = await captureRPCError { _ = try await intake.submit(referral) }
            let cases = try await intake.cases()
            let next = try await intake.submit(Fixture.referral())
            return (error, cases, next)
        }
    }

    @Test(
        "a referral that breaks a rule is INVALID_ARGUMENT naming the field, and leaves no case behind",
        arguments: [
            (
                "an empty child name",
                {
                    var r = Fixture.referral(); r.child.person.name = " "; return r
                }(), "referral.child.person.name: is required and must not be empty"
            ),
            (
                "a received date in the future", Fixture.referral(received: "2025-03-27"),
                "referral.dateReceived: is in the future (today is 2025-03-26)"
            ),
            (
                "an incident after the referral", Fixture.referral(incident: "2025-03-25", referred: "2025-03-24", received: "2025-03-25"),
                "referral.child.incident.date: is after the date of the referral (2025-03-24)"
            ),
            (
                "a referral dated after it was received", Fixture.referral(referred: "2025-03-25", received: "2025-03-24"),
                "referral.dateOfReferral: is after the date the referral was received (2025-03-24)"
            ),
            (
                "an agency listed twice", Fixture.referral(agencies: ["Testshire Police", "testshire  police"]),
                "referral.agenciesInvolved[1].agency.name: testshire  police is already listed at agenciesInvolved[0]"
            ),
            (
                "a yes without its details",
                {
                    var r = Fixture.referral(); r.child.criminalInvestigation = YesNoDetails(answer: true); return r
                }(), "referral.child.criminalInvestigation.details: is required and must not be empty"
            ),
            (
                "a birth after the incident", Fixture.referral(child: Fixture.child(born: "2025-03-21")),
                "referral.child.person.dateOfBirth: is after the incident"
            ),
            (
                "an empty reason",
                {
                    var r = Fixture.referral(); r.reasonForReferral = ""; return r
                }(), "referral.reasonForReferral: is required and must not be empty"
            ),
        ] as [(String, Referral, String)])
    func badReferral(_ label: String, referral: Referral, message: String) async throws {
        let (error, cases, next) = try await Self.refused(referral)
        #expect(error == RPCError(.invalidArgument, message), "\(label)")
        #expect(cases.isEmpty, "a refused referral left a case")
        #expect(next.caseReference.description == "SURREY-2025-0001", "a refused referral used up a sequence number")
    }

    @Test("a missing field of the form is INVALID_ARGUMENT naming its path")
    func missingField() async throws {
        try await RunningIntake.with { intake in
            var json =
                try JSONSerialization.jsonObject(with: JSONCodec.encode(IntakeAPI.SubmitReferralRequest(referral: Fixture.referral())))
                as? [String: Any]
                ?? [:]
            var referral = json["referral"] as? [String: Any] ?? [:]
            var child = referral["child"] as? [String: Any] ?? [:]
            child.removeValue(forKey: "incident")
            referral["child"] = child
            json["referral"] = referral
            let body = try JSONSerialization.data(withJSONObject: json)
            let error = await captureRPCError {
                _ = try await intake.client.callRaw(
                    path: IntakeAPI.submitReferral.path, json: body, deadline: .seconds(5), metadata: bearer(TestTokens.staff))
            }
            #expect(error == RPCError(.invalidArgument, "referral.child.incident: is required but missing"))
        }
    }

    @Test("scoping: duplicates, a second request to the same agency, a return from an agency never asked, a return twice")
    func scopingRules() async throws {
        try await RunningIntake.with { intake in
            let staff = TestTokens.staff
            let reference = try await intake.submit(Fixture.referral()).caseReference
            let police = Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-25")
            func requests(_ drafts: [IntakeAPI.ScopingRequestDraft]) -> IntakeAPI.SendScopingRequestsRequest {
                .init(caseReference: reference, requests: drafts)
            }
            func scopingReturn(_ scopingReturn: ScopingReturn) -> IntakeAPI.RecordScopingReturnRequest {
                .init(caseReference: reference, scopingReturn: scopingReturn)
            }

            let twice = await intake.client.refusal(IntakeAPI.sendScopingRequests, requests([police, police]), as: staff)
            #expect(twice == RPCError(.invalidArgument, "requests[1].agency.name: Testshire Police is already listed at requests[0]"))
            let early = await intake.client.refusal(
                IntakeAPI.sendScopingRequests, requests([Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-23")]), as: staff)
            #expect(early == RPCError(.invalidArgument, "requests[0].dateSent: is before the referral was received (2025-03-24)"))
            _ = try await intake.client.call(IntakeAPI.sendScopingRequests, requests([police]), as: staff)
            let again = await intake.client.refusal(
                IntakeAPI.sendScopingRequests, requests([Fixture.draft("Testshire Schools", kind: .other, sent: "2025-03-25"), police]), as: staff)
            #expect(again == RPCError(.alreadyExists, "requests[1].agency.name: Testshire Police was already sent a scoping request for this case"))
            let file = try await intake.client.call(IntakeAPI.getCaseFile, .init(caseReference: reference), as: staff)
            #expect(file.scopingRequests.map(\.agency.name) == ["Testshire Police"], "the refused batch left its first request behind")

            let stranger = await intake.client.refusal(
                IntakeAPI.recordScopingReturn, scopingReturn(Fixture.scopingReturn("Testshire Fire", kind: .other, received: "2025-03-26")), as: staff
            )
            #expect(stranger?.code == .failedPrecondition)
            #expect(stranger?.message.hasPrefix("T2: no scoping request was sent to Testshire Fire") == true)
            let before = await intake.client.refusal(
                IntakeAPI.recordScopingReturn, scopingReturn(Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-24")),
                as: staff)
            #expect(before == RPCError(.invalidArgument, "scopingReturn.dateReceived: is before the request was sent (2025-03-25)"))
            var knownButEmpty = Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-26")
            knownButEmpty.involvementSummary = nil
            let empty = await intake.client.refusal(IntakeAPI.recordScopingReturn, scopingReturn(knownButEmpty), as: staff)
            #expect(empty == RPCError(.invalidArgument, "scopingReturn.involvementSummary: is required and must not be empty"))
            let policeReturn = scopingReturn(Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-26"))
            _ = try await intake.client.call(IntakeAPI.recordScopingReturn, policeReturn, as: staff)
            let secondReturn = await intake.client.refusal(IntakeAPI.recordScopingReturn, policeReturn, as: staff)
            #expect(secondReturn?.code == .alreadyExists)
            let unknown = try #require(CaseReference("SURREY-2025-0099"))
            let missing = await intake.client.refusal(IntakeAPI.getCase, .init(caseReference: unknown), as: staff)
            #expect(missing == RPCError(.notFound, "caseReference: no case SURREY-2025-0099"))
        }
    }

    @Test("a repeated call with the same idempotency key returns the first answer and makes one case")
    func idempotency() async throws {
        try await RunningIntake.with { intake in
            let first = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Ottoline Brackenby")), key: "form-77")
            let second = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Ottoline Brackenby")), key: "form-77")
            #expect(first == second)
            #expect(try await intake.cases().count == 1)
            // The same key for a different request is refused, not answered with the first reply.
            let reused = await captureRPCError {
                _ = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Quentin Otherchild")), key: "form-77")
            }
            #expect(reused == RPCError(.invalidArgument, "idempotency-key: form-77 was already used for a different request"))
            #expect(try await intake.cases().count == 1)
        }
    }

    @Test("case references run per year and are never reused")
    func referencesPerYear() async throws {
        try await RunningIntake.with(today: "2025-01-10") { intake in
            let late2024 = try await intake.submit(
                Fixture.referral(
                    child: Fixture.child(name: "Alpha Testchild"), incident: "2024-12-20", referred: "2024-12-23", received: "2024-12-23"))
            let early2025 = try await intake.submit(
                Fixture.referral(child: Fixture.child(name: "Beta Testchild"), incident: "2025-01-02", referred: "2025-01-03", received: "2025-01-03")
            )
            let next2025 = try await intake.submit(
                Fixture.referral(
                    child: Fixture.child(name: "Gamma Testchild"), incident: "2025-01-02", referred: "2025-01-06", received: "2025-01-06"))
            #expect(
                [late2024, early2025, next2025].map(\.caseReference.description) == ["SURREY-2024-0001", "SURREY-2025-0001", "SURREY-2025-0002"])
        }
    }
}

@Suite("Intake deadlines around bank holidays")
struct IntakeDeadlineTests {
    @Test(
        "T2, T3, the T4 window and T6 skip weekends and bank holidays",
        arguments: [
            // Thursday before Easter 2025: Good Friday 18 and Easter Monday 21 April are off;
            // early May bank holiday Monday 5 May too.
            ("2025-04-17", "2025-04-23", "2025-04-28", "2025-04-30", "2025-05-09", "2025-05-13"),
            // Monday 23 December 2024: Christmas, Boxing Day and New Year's Day are off.
            ("2024-12-23", "2024-12-27", "2025-01-02", "2025-01-06", "2025-01-14", "2025-01-16"),
        ])
    func aroundHolidays(received: String, t2: String, t3: String, t4Earliest: String, t4Latest: String, t6: String) async throws {
        try await RunningIntake.with(today: received) { intake in
            let referral = Fixture.referral(incident: received, referred: received, received: received)
            let deadlines = try await intake.submit(referral).deadlines
            #expect(deadlines.first { $0.rule == .t2 }?.due == Fixture.date(t2))
            #expect(deadlines.first { $0.rule == .t3 }?.due == Fixture.date(t3))
            #expect(deadlines.first { $0.rule == .t4 }?.earliest == Fixture.date(t4Earliest))
            #expect(deadlines.first { $0.rule == .t4 }?.due == Fixture.date(t4Latest))
            #expect(deadlines.first { $0.rule == .t6 }?.due == Fixture.date(t6))
            #expect(deadlines.allSatisfy { $0.calendar == "england-and-wales" && $0.ruleSet == .surrey2019 })
        }
    }
}
