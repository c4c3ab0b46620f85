import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 15, item 12: under `wt-2023` the outcome names Working Together 2023 and the ICB and
/// has the analysis of key practice episodes and of racism and other inequalities, required
/// there only.
@Suite("The outcome document under each rule set (item 12)")
struct WorkingTogether2023DocumentTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var ruleSet: RuleSet
        /// Whether a decision without the analysis is refused.
        var analysisRequired: Bool
        /// What the document says, and what it must not.
        var says: [String]
        var neverSays: [String]
        var testDescription: String { ruleSet.rawValue }
    }

    static let table = [
        Expectation(
            ruleSet: .surrey2019, analysisRequired: false,
            says: [
                "In line with Working Together 2018", "criteria from Working Together 2018",
                "police area or clinical commissioning group is involved",
            ],
            neverSays: ["Working Together 2023", "2.4 Key Practice Episodes", "2.5 Racism and Other Inequalities"]),
        Expectation(
            ruleSet: .workingTogether2023, analysisRequired: true,
            says: [
                "Rule set: wt-2023 (Working Together 2023)", "In line with Working Together 2023", "criteria from Working Together 2023",
                "police area or integrated care board is involved", "a representative from the ICB, Police and Local Authority",
                "2.4 Key Practice Episodes", "Fictional: the health visitor's visit and the strategy discussion",
                "2.5 Racism and Other Inequalities", "Fictional: whether the family's language needs were met",
            ],
            neverSays: ["Working Together 2018", "clinical commissioning group", "CCG"]),
    ]

    @Test(
        "item 12, R8: wt-2023 requires the key practice episodes and the racism and inequalities analysis and names WT 2023 and the ICB; surrey-2019 does not",
        arguments: table)
    func ruleSets(_ expected: Expectation) async throws {
        try await withStandInIntake { intake in
            try await withHarness(intakePort: intake) { harness in
                let reference = Fixtures.reference(expected.ruleSet == .surrey2019 ? 86 : 87)
                let scenario = Fixtures.Scenario.onTime
                try await harness.open(Fixtures.handOver(reference, referralReceived: scenario.referralReceived, ruleSet: expected.ruleSet))
                try await harness.schedule(reference, on: scenario.meetingDate)
                try await harness.record(Fixtures.meeting(reference, on: scenario.meetingDate))
                var decision = Fixtures.decision(.localReview)
                if expected.analysisRequired {
                    try await harness.expectRefused(reference, .failedPrecondition, "R8: the case follows wt-2023") {
                        try await harness.agree(reference, decision)
                    }
                    decision.keyPracticeEpisodes = "Fictional: the health visitor's visit and the strategy discussion"
                    let refusal = await captureRPCError { try await harness.agree(reference, decision) }
                    #expect(refusal?.code == .failedPrecondition)
                    #expect(refusal?.message.contains("decision.racismAndInequalities is missing") == true, "\(refusal?.message ?? "")")
                    decision.racismAndInequalities = "Fictional: whether the family's language needs were met"
                }
                try await harness.agree(reference, decision)
                try await harness.ratify(reference)
                let document = try await harness.call(RapidReviewAPI.getOutcomeDocument, .init(caseReference: reference), as: TestTokens.panel)
                for phrase in expected.says { #expect(document.document.contains(phrase), "missing: \(phrase)") }
                for phrase in expected.neverSays { #expect(!document.document.contains(phrase), "unexpected: \(phrase)") }
            }
        }
    }
}
