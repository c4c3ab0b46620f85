import Contract
import Foundation
import RPC
import Testing

/// The review-management contract beyond its golden files: its methods and roles, and a draft
/// that may leave out whole sections of Appendix 6.
@Suite("The review-management contract")
struct ReviewManagementContractTests {
    @Test("an empty draft `{}` reads as terms of reference with every field absent")
    func emptyDraft() throws {
        let draft = try JSONCodec.decode(TermsOfReference.self, from: Data("{}".utf8))
        #expect(draft == TermsOfReference())
    }

    @Test("the Review Team and Partnership Support write; the Case Review Panel agrees (V1) and approves changes (V2); viewers only list")
    func roles() {
        let api = ReviewManagementAPI.self
        #expect(api.draftTermsOfReference.info.roles == .roles(.reviewTeam, .partnershipSupport))
        #expect(api.recordNationalPanelDecision.info.roles == .roles(.reviewTeam, .partnershipSupport))
        #expect(api.agreeTermsOfReference.info.roles == .roles(.caseReviewPanel))
        #expect(api.changeKeyLinesOfEnquiry.info.roles == .roles(.caseReviewPanel))
        #expect(api.commissionReview.info.roles == .roles(.service))
        #expect(api.listReviews.info.roles.contains(Role.panelViewer.rawValue))
        #expect(!api.getReview.info.roles.contains(Role.panelViewer.rawValue), "GetReview holds the family's details")
        #expect(ServiceIdentity.reviewManagement.methods.map(\.info.path).contains("/cspr.review.v1.ReviewManagement/GetStatuses"))
    }

    @Test(
        "the Review Team and Partnership Support appoint the reviewer, record the notices (V3) and set the team (V4); the lead reviewer may also declare (§1.5.7)"
    )
    func reviewTeamRoles() {
        let api = ReviewManagementAPI.self
        for method in [api.appointLeadReviewer.info, api.recordReviewerNotice.info, api.setReviewTeam.info] {
            #expect(method.roles == .roles(.reviewTeam, .partnershipSupport), "\(method.path)")
        }
        #expect(api.recordDeclaration.info.roles == .roles(.reviewTeam, .partnershipSupport, .leadReviewer))
        let paths = ServiceIdentity.reviewManagement.methods.map(\.info.path)
        for name in ["AppointLeadReviewer", "RecordReviewerNotice", "SetReviewTeam", "RecordDeclaration"] {
            #expect(paths.contains("/cspr.review.v1.ReviewManagement/\(name)"))
        }
    }

    @Test("V4: a team member's agency accepts icb and ccg for the health partner")
    func healthPartnerNames() throws {
        for name in ["icb", "ccg", "health"] {
            let member = try JSONCodec.decode(
                ReviewManagementAPI.ReviewTeamRole.self, from: Data(#"{"name":"A","role":"r","agency":{"name":"x","kind":"\#(name)"}}"#.utf8))
            #expect(member.agency.kind == .health)
        }
    }

    @Test("agencies: the Review Team and Partnership Support ask, they or the agency submit, the review team or lead reviewer decide (V8)")
    func agencyRoles() {
        let api = ReviewManagementAPI.self
        #expect(api.requestAgencyInformation.info.roles == .roles(.reviewTeam, .partnershipSupport))
        #expect(api.submitChronology.info.roles == .roles(.reviewTeam, .partnershipSupport, .agency))
        #expect(api.submitInformationReport.info.roles == .roles(.reviewTeam, .partnershipSupport, .agency))
        #expect(api.reviewSubmission.info.roles == .roles(.reviewTeam, .leadReviewer))
        #expect(!api.getCombinedChronology.info.roles.contains(Role.panelViewer.rawValue), "the chronology names people")
        #expect(!api.getAgencyRequests.info.roles.contains(Role.panelViewer.rawValue), "the requests name contacts")
    }

    @Test("the Review Team, Partnership Support and the lead reviewer (who leads family engagement, §7.4.1) record the family and the workshop")
    func familyRoles() {
        let api = ReviewManagementAPI.self
        for method in [api.recordFamilyMember.info, api.recordFamilyContact.info, api.scheduleLearningEvent.info] {
            #expect(method.roles == .roles(.reviewTeam, .partnershipSupport, .leadReviewer), "\(method.path)")
            #expect(ServiceIdentity.reviewManagement.methods.map(\.info.path).contains(method.path))
        }
    }
}
