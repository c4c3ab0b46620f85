import Contract
import RPC
import Testing

/// The oversight calls' roles: the Review Team and Partnership Support record; the Case Review
/// Panel also decides delays, forecasts and holds checkpoints; viewers never read them.
@Suite("The review-management oversight contract")
struct OversightContractTests {
    @Test("oversight calls: writers record, the Case Review Panel decides delays and holds checkpoints, panel viewers have none")
    func roles() {
        let api = ReviewManagementAPI.self
        let writers: Set<String> = .roles(.reviewTeam, .partnershipSupport)
        #expect(api.recordParallelProcess.info.roles == writers)
        #expect(api.recordDelayNotice.info.roles == writers)
        for method in [api.recordDelayDecision.info, api.recordForecastCompletion.info, api.recordCheckpoint.info] {
            #expect(method.roles == writers.union(Set<String>.roles(.caseReviewPanel)), "\(method.path)")
        }
        let paths = ServiceIdentity.reviewManagement.methods.map(\.info.path)
        for name in ["RecordParallelProcess", "RecordDelayDecision", "RecordForecastCompletion", "RecordDelayNotice", "RecordCheckpoint"] {
            #expect(paths.contains("/cspr.review.v1.ReviewManagement/\(name)"))
        }
    }
}
