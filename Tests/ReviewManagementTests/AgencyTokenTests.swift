import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// Issue 15, item 14: an agency's token (`agency` role) speaks for its own agency only.
@Suite("Agencies' submissions with an agency's token")
struct AgencyTokenTests {
    static let police = "Testshire Police"
    static let council = "Testshire Council Children's Services"
    static let entries = [AgencyTests.entry("2024-03-05", "09:00", "Fictional: P1")]

    @Test("item 14: the police's token submits the police's chronology and report only, on a review that asked the police")
    func ownAgencyOnly() async throws {
        try await withReview(51, through: .agreed) { harness, reference in
            for agency in [Self.police, Self.council] { try await harness.requestInformation(reference, agency) }
            let own = try await harness.call(
                ReviewManagementAPI.submitChronology, .init(caseReference: reference, agency: Self.police, entries: Self.entries),
                as: TestTokens.agency)
            #expect(own.submission.agency == Self.police)
            _ = try await harness.call(
                ReviewManagementAPI.submitInformationReport, .init(caseReference: reference, agency: Self.police, report: AgencyTests.report),
                as: TestTokens.agency)
            let forCouncil = await captureRPCError {
                _ = try await harness.call(
                    ReviewManagementAPI.submitChronology, .init(caseReference: reference, agency: Self.council, entries: Self.entries),
                    as: TestTokens.agency)
            }
            #expect(forCouncil?.code == .permissionDenied)
            let reportForCouncil = await captureRPCError {
                _ = try await harness.call(
                    ReviewManagementAPI.submitInformationReport, .init(caseReference: reference, agency: Self.council, report: AgencyTests.report),
                    as: TestTokens.agency)
            }
            #expect(reportForCouncil?.code == .permissionDenied)
            #expect(try await harness.agencyRequests(reference).requests.first { $0.request.agency == Self.council }?.outstanding.count == 2)
        }
    }

    @Test("item 14: a refusal is the same whether the review is missing, asked no agency, or asked only others")
    func refusalRevealsNothing() async throws {
        try await withReview(52, through: .agreed) { harness, othersOnly in
            try await harness.requestInformation(othersOnly, Self.council)
            let noneAsked = Fixtures.reference(53)
            try await harness.prepare(noneAsked, through: .agreed)
            let missing = Fixtures.reference(99)
            var answers: [RPCError?] = []
            for reference in [missing, noneAsked, othersOnly] {
                let chronology = await captureRPCError {
                    _ = try await harness.call(
                        ReviewManagementAPI.submitChronology, .init(caseReference: reference, agency: Self.police, entries: Self.entries),
                        as: TestTokens.agency)
                }
                let report = await captureRPCError {
                    _ = try await harness.call(
                        ReviewManagementAPI.submitInformationReport, .init(caseReference: reference, agency: Self.police, report: AgencyTests.report),
                        as: TestTokens.agency)
                }
                answers += [chronology, report].map {
                    $0.map { RPCError($0.code, $0.message.replacingOccurrences(of: reference.description, with: "<case>")) }
                }
            }
            #expect(answers.allSatisfy { $0?.code == .permissionDenied })
            #expect(Set(answers.map { $0?.message }).count == 1, "\(answers)")
            #expect(answers.first??.message.contains("Council") == false)
        }
    }
}
