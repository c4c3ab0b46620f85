import Contract
import RPC
import Testing
import WorkingDays

@testable import ReviewManagementService

/// V9 and V10 on the domain type: the checklist, the genogram, endorsement and approval.
@Suite("The report: V9, V10 and the board's approval, on the domain type")
struct ReportRuleTests {
    static let clock = ReviewFixture.clock()
    static let board = "Bo.Board"

    /// An agreed local review with the lead reviewer appointed and `draft` as version 1.
    static func drafted(_ draft: ReviewManagementAPI.SubmitReportDraftRequest? = nil) throws(ReviewManagementError) -> Review {
        var review = try ReviewFixture.agreed()
        review.leadReviewer = try review.appointingLeadReviewer(Fixtures.appointment(review.reference), by: ReviewFixture.team, clock: clock)
        review.reportVersions.append(
            try review.submittingReportDraft(draft ?? Fixtures.reportDraft(review.reference), by: ReviewFixture.team, clock: clock))
        return review
    }

    static func step(_ version: Int = 1) -> ReviewManagementAPI.ReportVersionStepRequest {
        .init(caseReference: Fixtures.reference(1), version: version, on: Fixtures.today)
    }

    /// Version 1 confirmed, endorsed and ready for approval.
    static func ready() throws(ReviewManagementError) -> Review {
        var review = try drafted()
        review.termsOfReferenceMet.append(try review.confirmingTermsOfReferenceMet(step(), by: ReviewFixture.team, clock: clock))
        review.recommendationsEndorsed.append(try review.endorsingRecommendations(step(), by: board, clock: clock))
        return review
    }

    @Test("V9: the complete draft passes every item of the checklist")
    func v9CompleteDraftPasses() throws {
        let review = try Self.drafted()
        let checklist = ReportRules.checklist(try #require(review.reportVersions.first))
        #expect(checklist.passes)
        #expect(checklist.entries.map(\.item) == ReviewManagementAPI.ReportChecklistItem.allCases)
        #expect(review.milestones.map(\.event).suffix(1) == ["reportDrafted"])
    }

    @Test(
        "V9: each missing item of the minimum contents is named on the checklist and blocks approval",
        arguments: [
            (Change<ReportSections>("no overview") { $0.whatHappened = nil }, ReviewManagementAPI.ReportChecklistItem.whatHappened),
            (Change("no why") { $0.whyDecisionsWereTaken = " " }, .whyDecisionsWereTaken),
            (Change("no agencies together") { $0.howAgenciesWorkedTogether = nil }, .howAgenciesWorkedTogether),
            (Change("no general shortcomings") { $0.whetherShortcomingsAreGeneral = "" }, .whetherShortcomingsAreGeneral),
            (Change("no change") { $0.whatMustChange = nil }, .whatMustChange),
            (Change("no good practice") { $0.goodPractice = nil }, .goodPractice),
            (Change("no learning") { $0.howAgenciesWillLearn = nil }, .howAgenciesWillLearn),
            (Change("no executive summary") { $0.executiveSummary = nil }, .executiveSummary),
            (Change("an executive summary over two pages (1,001 words)") { $0.executiveSummary = Fixtures.words(1001) }, .executiveSummary),
        ])
    func v9MissingSection(change: Change<ReportSections>, item: ReviewManagementAPI.ReportChecklistItem) throws {
        let review = try Self.drafted(Fixtures.reportDraft(Fixtures.reference(1), change.applied(to: Fixtures.reportSections)))
        let checklist = ReportRules.checklist(try #require(review.reportVersions.first))
        #expect(!checklist.passes)
        #expect(checklist.entries.filter { !$0.met }.map(\.item) == [item])
        var ready = review
        ready.termsOfReferenceMet.append(try ready.confirmingTermsOfReferenceMet(Self.step(), by: ReviewFixture.team, clock: Self.clock))
        ready.recommendationsEndorsed.append(try ready.endorsingRecommendations(Self.step(), by: Self.board, clock: Self.clock))
        let error = refusal { () throws(ReviewManagementError) in try ready.approvingReport(Self.step(), by: Self.board, clock: Self.clock) }
        #expect(error?.rpcError.code == .failedPrecondition)
        #expect(error.map(message)?.hasPrefix("V9: report version 1 cannot be approved: ") == true, "\(error.map(message) ?? "approved")")
    }

    @Test("V9: an executive summary of exactly two pages (1,000 words) is met; a page is 500 words")
    func v9TwoPagesMet() throws {
        var sections = Fixtures.reportSections
        sections.executiveSummary = Fixtures.words(1000)
        let review = try Self.drafted(Fixtures.reportDraft(Fixtures.reference(1), sections))
        let checklist = ReportRules.checklist(try #require(review.reportVersions.first))
        #expect(checklist.passes)
        #expect(checklist.executiveSummaryWords == 1000)
    }

    @Test(
        "V9: recommendations missing, or one without an owner, local or national, or a date, fail the checklist",
        arguments: [
            (Change<[ReportRecommendation]>("none") { $0 = [] }, "the recommendations"),
            (Change("no owner") { $0[1].owner = nil }, "recommendation 2 does not say who must act"),
            (Change("no scope") { $0[0].scope = nil }, "recommendation 1 does not say whether the action is local or national"),
            (Change("no date") { $0[1].dueBy = nil }, "recommendation 2 does not say by when"),
        ])
    func v9Recommendations(change: Change<[ReportRecommendation]>, missing: String) throws {
        let review = try Self.drafted(
            Fixtures.reportDraft(Fixtures.reference(1), Fixtures.reportSections, change.applied(to: Fixtures.reportRecommendations)))
        let checklist = ReportRules.checklist(try #require(review.reportVersions.first))
        #expect(checklist.entries.first { $0.item == .recommendations }?.missing == missing)
    }

    @Test(
        "V9: the board endorses only recommendations each naming who must act and by when; FAILED_PRECONDITION names the recommendation",
        arguments: [
            (Change<[ReportRecommendation]>("none") { $0 = [] }, "V9: report version 1 has no recommendations to endorse"),
            (Change("no owner") { $0[1].owner = " " }, "V9: recommendation 2 of report version 1 does not say who must act"),
            (Change("no date") { $0[0].dueBy = nil }, "V9: recommendation 1 of report version 1 does not say by when"),
        ])
    func v9EndorsementRefused(change: Change<[ReportRecommendation]>, expected: String) throws {
        let review = try Self.drafted(
            Fixtures.reportDraft(Fixtures.reference(1), Fixtures.reportSections, change.applied(to: Fixtures.reportRecommendations)))
        let error = refusal { () throws(ReviewManagementError) in try review.endorsingRecommendations(Self.step(), by: Self.board, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .failedPrecondition)
        #expect(error.map(message) == expected)
    }

    @Test(
        "V10: a draft naming the genogram anywhere, in any case, or with a section titled so, is refused naming V10 and the field",
        arguments: [
            (
                Change<ReviewManagementAPI.SubmitReportDraftRequest>("in a section") { $0.sections.whatHappened = "See the GENOGRAM below" },
                "sections.whatHappened: V10: "
            ),
            (
                Change("a section titled Genogram") { $0.sections.otherSections.append(.init(title: "Genogram", text: "Fictional")) },
                "sections.otherSections[1].title: V10: "
            ),
            (Change("in a recommendation") { $0.recommendations[0].text = "Use a genogram" }, "recommendations[0].text: V10: "),
        ])
    func v10GenogramRefused(change: Change<ReviewManagementAPI.SubmitReportDraftRequest>, prefix: String) throws {
        let review = try ReviewFixture.agreed()
        let error = refusal { () throws(ReviewManagementError) in
            try review.submittingReportDraft(change.applied(to: Fixtures.reportDraft(review.reference)), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "accepted")")
    }

    @Test("V9: approval is refused without the review team's ToR confirmation, without the endorsement, or for an older version")
    func v9ApprovalRefusals() throws {
        let drafted = try Self.drafted()
        var endorsedOnly = drafted
        endorsedOnly.recommendationsEndorsed.append(try drafted.endorsingRecommendations(Self.step(), by: Self.board, clock: Self.clock))
        var confirmedOnly = drafted
        confirmedOnly.termsOfReferenceMet.append(try drafted.confirmingTermsOfReferenceMet(Self.step(), by: ReviewFixture.team, clock: Self.clock))
        var redrafted = try Self.ready()
        redrafted.reportVersions.append(
            try redrafted.submittingReportDraft(Fixtures.reportDraft(redrafted.reference), by: ReviewFixture.team, clock: Self.clock))
        for (review, missing) in [
            (endorsedOnly, "meets the terms of reference (ConfirmTermsOfReferenceMet)"),
            (confirmedOnly, "endorsement of its recommendations (EndorseRecommendations)"), (redrafted, "it is not the latest version (2)"),
        ] {
            let error = refusal { () throws(ReviewManagementError) in try review.approvingReport(Self.step(), by: Self.board, clock: Self.clock) }
            #expect(error?.rpcError.code == .failedPrecondition)
            #expect(error.map(message)?.hasPrefix("V9: report version 1 cannot be approved: ") == true)
            #expect(error.map(message)?.contains(missing) == true, "\(error.map(message) ?? "approved")")
        }
    }

    @Test("V9: the review team confirms the ToR met only once the ToR are agreed")
    func v9ConfirmNeedsAgreedTerms() throws {
        var review = try ReviewFixture.drafted()
        review.reportVersions.append(
            try review.submittingReportDraft(Fixtures.reportDraft(review.reference), by: ReviewFixture.team, clock: Self.clock))
        let error = refusal { () throws(ReviewManagementError) in
            try review.confirmingTermsOfReferenceMet(Self.step(), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error.map(message)?.hasPrefix("V9: the terms of reference are not agreed") == true)
    }

    @Test("V9, T7: approval records the date, the milestone reportApproved, T7 met on it, the hand-over; then the report is final")
    func v9ApprovalMeetsT7() throws {
        var review = try Self.ready()
        #expect(review.t7(Self.clock)?.metOn == nil)
        review.reportApproval = try review.approvingReport(Self.step(), by: Self.board, clock: Self.clock)
        #expect(review.reportApproval?.on == Fixtures.today)
        #expect(review.milestones.map(\.event).suffix(4) == ["reportDrafted", "termsOfReferenceMet", "recommendationsEndorsed", "reportApproved"])
        #expect(review.deadlines(Self.clock).first { $0.rule == .t7 }?.metOn == Fixtures.today)
        let handOver = try #require(review.preparePublication(Self.clock))
        // T7 goes with it, met on the approval, for publication to judge the six months against.
        #expect(handOver.t7?.metOn == Fixtures.today)
        #expect(handOver.t7?.due == review.t7(Self.clock)?.due)
        #expect(handOver.delayNoticeOn == nil)
        #expect(handOver.reviewers == [Fixtures.reviewerName])
        #expect(handOver.recommendations.map(\.owner) == ["Testshire Partnership", "Department for Education"])
        #expect(handOver.approvedOn == Fixtures.today)
        let again = refusal { () throws(ReviewManagementError) in
            try review.submittingReportDraft(Fixtures.reportDraft(review.reference), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(again.map(message)?.hasPrefix("V9: the board approved report version 1 on 2025-04-07") == true)
    }
}
