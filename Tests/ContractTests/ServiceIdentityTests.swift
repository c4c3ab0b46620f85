import Contract
import Testing

@Suite("Service identities and hand-overs")
struct ServiceIdentityTests {
    @Test(
        "each service of the stack has its default port, RPC service, address variable and stage (DESIGN.md, Configuration)",
        arguments: [
            ("gateway", 7100, "cspr.gateway.v1.Gateway", "CSPR_GATEWAY_URL", nil),
            ("intake", 7101, "cspr.intake.v1.Intake", "CSPR_INTAKE_URL", CaseStage.intake),
            ("rapid-review", 7102, "cspr.rapidreview.v1.RapidReview", "CSPR_RAPID_REVIEW_URL", .rapidReview),
            ("review-management", 7103, "cspr.review.v1.ReviewManagement", "CSPR_REVIEW_MANAGEMENT_URL", .review),
            ("publication", 7104, "cspr.publication.v1.Publication", "CSPR_PUBLICATION_URL", .publication),
        ] as [(String, Int, String, String, CaseStage?)])
    func identities(name: String, port: Int, rpcService: String, variable: String, stage: CaseStage?) throws {
        let identity = try #require(ServiceIdentity.named(name))
        #expect(identity.defaultPort == port)
        #expect(identity.rpcService == rpcService)
        #expect(identity.urlVariable == variable)
        #expect(identity.stage == stage)
    }

    @Test("the stages are the four stage services in the order of the workflow; names and ports are unique")
    func stages() {
        #expect(ServiceIdentity.stages.map(\.name) == ["intake", "rapid-review", "review-management", "publication"])
        #expect(Set(ServiceIdentity.all.map(\.name)).count == ServiceIdentity.all.count)
        #expect(Set(ServiceIdentity.all.map(\.defaultPort)).count == ServiceIdentity.all.count)
        #expect(ServiceIdentity.named("court") == nil)
    }

    @Test("a stage's GetStatuses is on its own RPC service")
    func getStatuses() {
        #expect(ServiceIdentity.reviewManagement.getStatuses.path == "/cspr.review.v1.ReviewManagement/GetStatuses")
        #expect(ServiceIdentity.intake.getStatuses.info == IntakeAPI.getStatuses.info)
    }

    @Test("each hand-over goes to the service that serves its method")
    func handOvers() {
        #expect(HandOvers.openRapidReview.destination == .rapidReview)
        #expect(HandOvers.openRapidReview.method.path == "/cspr.rapidreview.v1.RapidReview/OpenRapidReview")
        #expect(HandOvers.updateRapidReview.destination == .rapidReview)
        #expect(HandOvers.updateRapidReview.method.path == "/cspr.rapidreview.v1.RapidReview/UpdateRapidReview")
        #expect(HandOvers.updateRapidReview.method.info.roles == .roles(.service))
        #expect(HandOvers.rapidReviewMeetingHeld.destination == .intake)
        #expect(HandOvers.rapidReviewMeetingHeld.method.path == "/cspr.intake.v1.Intake/RecordRapidReviewMeeting")
        #expect(HandOvers.rapidReviewMeetingHeld.method.info.roles == .roles(.service))
        #expect(HandOvers.commissionReview.destination == .reviewManagement)
        #expect(HandOvers.commissionReview.method.path == "/cspr.review.v1.ReviewManagement/CommissionReview")
    }
}
