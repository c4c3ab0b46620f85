import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// Issue 17, item 11: a call refused before its handler ran (the role, the write rate, a body
/// that does not decode) is audited with the case reference its request named.
@Suite("Refused attempts are audited with their case (issue 17, item 11)")
struct RefusedAuditTests {
    @Test("item 11: a refusal for the role, and a request that does not decode, name the case the request named")
    func refusedWithCase() async throws {
        try await RunningIntake.with { intake in
            let reference = try await intake.submit(Fixture.referral()).caseReference
            let denied = await intake.client.refusal(IntakeAPI.getCaseFile, .init(caseReference: reference), as: TestTokens.viewer)
            #expect(denied?.code == .permissionDenied)
            let body = Data(#"{"caseReference":"\#(reference)","text":42}"#.utf8)
            let malformed = await captureRPCError {
                _ = try await intake.client.callRaw(
                    path: IntakeAPI.checkDisclosure.path, json: body, deadline: .seconds(5), metadata: bearer(TestTokens.publication))
            }
            #expect(malformed?.code == .invalidArgument)
            let notAReference = Data(#"{"caseReference":"DROP TABLE","text":"x"}"#.utf8)
            _ = await captureRPCError {
                _ = try await intake.client.callRaw(
                    path: IntakeAPI.checkDisclosure.path, json: notAReference, deadline: .seconds(5), metadata: bearer(TestTokens.publication))
            }

            let trail = try await intake.client.call(AdminAPI.getAuditTrail, .init(), as: TestTokens.admin)
            let refused = trail.entries.filter { $0.outcome != "OK" }.map { "\($0.principal) \($0.method) \($0.outcome) \($0.caseReference ?? "-")" }
            #expect(refused.contains("Vic.Viewer GetCaseFile PERMISSION_DENIED \(reference)"))
            #expect(refused.contains("Pub.Comms CheckDisclosure INVALID_ARGUMENT \(reference)"))
            #expect(refused.contains("Pub.Comms CheckDisclosure INVALID_ARGUMENT -"), "something not a case reference was stored as one")
        }
    }
}
