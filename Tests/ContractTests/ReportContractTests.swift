import Contract
import Foundation
import RPC
import Testing

/// The report calls' roles and the PreparePublication hand-over's place in the contract.
@Suite("The report contract and the PreparePublication hand-over")
struct ReportContractTests {
    @Test(
        "V9: the Review Team, Partnership Support and the lead reviewer draft; the Review Team confirms the ToR met; the board endorses and approves")
    func v9Roles() {
        let api = ReviewManagementAPI.self
        #expect(api.submitReportDraft.info.roles == .roles(.reviewTeam, .partnershipSupport, .leadReviewer))
        #expect(api.confirmTermsOfReferenceMet.info.roles == .roles(.reviewTeam))
        #expect(api.endorseRecommendations.info.roles == .roles(.board))
        #expect(api.approveReport.info.roles == .roles(.board))
        let paths = ServiceIdentity.reviewManagement.methods.map(\.info.path)
        for name in ["SubmitReportDraft", "ConfirmTermsOfReferenceMet", "EndorseRecommendations", "ApproveReport"] {
            #expect(paths.contains("/cspr.review.v1.ReviewManagement/\(name)"))
        }
    }

    @Test("PreparePublication goes to publication, from a service principal, and is among publication's methods")
    func preparePublicationHandOver() {
        #expect(HandOvers.preparePublication.destination == .publication)
        #expect(HandOvers.preparePublication.method.path == "/cspr.publication.v1.Publication/PreparePublication")
        #expect(PublicationAPI.preparePublication.info.roles == .roles(.service))
        // Publication's own calls (issue 14) follow the hand-over in its list.
        #expect(
            ServiceIdentity.publication.methods.map(\.info.path)
                == [
                    "PreparePublication", "GetPublication", "ListPublications", "GetStatuses", "RecordAdvanceCopy", "SchedulePublication",
                    "RecordPublished", "RecordRepositorySubmission", "RecordDelayNotice", "DecideNotToPublish",
                    // The anonymisation gate (P4), the plan and holds (P3), the archive step (T10).
                    "CheckReportForDisclosure", "SignOffAnonymisation", "ReviseReport", "RecordPublicationPlan", "RecordPublicationHold",
                    "ReleasePublicationHold", "RecordArchived",
                    "AddActionPlanItem", "RecordActionProgress", "CloseActionPlanItem", "GetActionPlan", "RecordLearningPlan",
                    "RecordNationalLearning",
                    "ListNationalLearning", "GetYearlyReport",
                ].map {
                    "/cspr.publication.v1.Publication/\($0)"
                })
    }

    @Test("V9: a draft `{\"caseReference\":...,\"sections\":{}}` reads as a report with every section and recommendation absent")
    func emptyDraft() throws {
        let draft = try JSONCodec.decode(
            ReviewManagementAPI.SubmitReportDraftRequest.self, from: Data(#"{"caseReference":"TESTSHIRE-2025-0007","sections":{}}"#.utf8))
        #expect(draft == .init(caseReference: Samples.reference, sections: ReportSections(), recommendations: []))
    }
}
