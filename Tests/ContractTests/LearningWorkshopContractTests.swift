import Contract
import RPC
import Testing

@Suite("The learning workshop and quality marker calls: roles and registration")
struct LearningWorkshopContractTests {
    @Test("§8.8, Appendix 15: the Review Team, Partnership Support and the lead reviewer record the workshop and the quality markers")
    func writerRoles() {
        let api = ReviewManagementAPI.self
        for method in [
            api.inviteToLearningEvent.info, api.recordLearningEventAttendance.info, api.recordOneToOneConversation.info,
            api.recordLearningPoints.info, api.recordFeedbackSession.info, api.recordQualityMarkers.info,
        ] {
            #expect(method.roles == .roles(.reviewTeam, .partnershipSupport, .leadReviewer), "\(method.path)")
            #expect(ServiceIdentity.reviewManagement.methods.map(\.info.path).contains(method.path))
        }
    }

    @Test("the workshop's letters name people: readers of the full review only, not the panel viewer")
    func documentReaders() {
        let roles = ReviewManagementAPI.getLearningEventDocument.info.roles
        #expect(roles == ReviewManagementAPI.getReview.info.roles)
        #expect(!roles.contains(Role.panelViewer.rawValue))
        #expect(ServiceIdentity.reviewManagement.methods.map(\.info.path).contains(ReviewManagementAPI.getLearningEventDocument.info.path))
    }
}
