import Contract
import Testing
import WorkingDays

@testable import ReviewManagementService

/// The next step the panel's dashboard shows for a review, and the agencies' milestones, on the
/// domain type: each row is a review the rules allowed, built by its own step functions.
@Suite("The review's next step and the agencies' milestones, on the domain type")
struct NextStepTests {
    typealias Build = @Sendable () throws -> Review
    static let clock = ReviewFixture.clock()
    static let agency = AgencyFixture.agencies[0]

    static func appointed() throws -> Review {
        var review = try ReviewFixture.agreed()
        review.leadReviewer = try review.appointingLeadReviewer(Fixtures.appointment(review.reference), by: ReviewFixture.team, clock: clock)
        return review
    }

    static func asked() throws -> Review {
        var review = try appointed()
        review.agencyRequests.append(
            try review.requestingAgencyInformation(AgencyFixture.request(agency, asks: [.chronology]), by: ReviewFixture.team, clock: clock))
        return review
    }

    static func submitted() throws -> Review {
        try AgencyFixture.submitting(try asked(), agency, [AgencyFixture.entry("2024-06-01", "09:00", "Fictional: a visit")])
    }

    static func accepted() throws -> Review {
        try AgencyFixture.deciding(try submitted(), .init(agency: agency, kind: .chronology, version: 1), .accepted)
    }

    static func drafted() throws -> Review {
        var review = try accepted()
        review.reportVersions.append(try review.submittingReportDraft(Fixtures.reportDraft(review.reference), by: ReviewFixture.team, clock: clock))
        return review
    }

    static let rows: [(String, Build, String?)] = [
        ("national review awaiting the Panel", { ReviewFixture.commissioned(kind: .nationalReview) }, "recordNationalPanelDecision"),
        ("commissioned", { ReviewFixture.commissioned() }, "draftTermsOfReference"),
        ("terms drafted", { try ReviewFixture.drafted() }, "agreeTermsOfReference"),
        ("terms agreed", { try ReviewFixture.agreed() }, "appointLeadReviewer"),
        ("reviewer appointed", appointed, "requestAgencyInformation"),
        ("an agency asked", asked, "awaitAgencyInformation"),
        ("its chronology submitted", submitted, "reviewAgencySubmissions"),
        (
            "its chronology sent back",
            { try AgencyFixture.deciding(try submitted(), .init(agency: agency, kind: .chronology, version: 1), .sentBack) },
            "awaitAgencyInformation"
        ),
        ("its chronology accepted", accepted, "submitReportDraft"),
        ("report drafted", drafted, "confirmTermsOfReferenceMet"),
        ("report ready for approval", { try ReportRuleTests.ready() }, "approveReport"),
        (
            "report approved",
            {
                var review = try ReportRuleTests.ready()
                review.reportApproval = try review.approvingReport(ReportRuleTests.step(), by: ReportRuleTests.board, clock: clock)
                return review
            }, nil
        ),
    ]

    @Test("each state of a review gives the next step the panel sees", arguments: rows)
    func nextStep(_ row: (String, Build, String?)) throws {
        let review = try row.1()
        #expect(review.nextStep == row.2, "\(row.0)")
        #expect(review.status(Self.clock).nextStep == row.2, "the kept status carries it: \(row.0)")
    }

    @Test("V8: the agencies' information is complete on the day the last thing asked is accepted, not before")
    func agencyInformationComplete() throws {
        let events = { (review: Review) in review.milestones.map(\.event) }
        #expect(events(try Self.asked()).contains("agencyInformationRequested"))
        #expect(!events(try Self.submitted()).contains("agencyInformationComplete"))
        let accepted = try Self.accepted()
        #expect(accepted.milestones.contains(Milestone(event: "agencyInformationComplete", date: Fixtures.today)))
    }
}
