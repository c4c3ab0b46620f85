import RPC
import WorkingDays

// MARK: - Reading: one review, the list, the terms of reference as a document

extension ReviewManagementAPI {
    /// Where a review stands.
    package enum ReviewState: String, WireEnum {
        /// A national review (a) was recommended: waiting for the National Panel's decision.
        case awaitingNationalPanel
        /// The National Panel took the national review on: no local review.
        case nationalReview
        /// The National Panel declined and the partners decided not to commission locally.
        case notCommissionedLocally
        /// Commissioned; no terms of reference drafted yet.
        case commissioned
        /// Terms of reference drafted, not yet agreed.
        case termsOfReferenceDrafted
        /// Terms of reference agreed by the Case Review Panel (V1).
        case termsOfReferenceAgreed
        /// A draft of the report submitted, not yet approved (V9).
        case reportDrafted
        /// The report approved by the board (V9) and handed to publication.
        case reportApproved
    }

    /// A request naming one review.
    package struct CaseRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        package init(caseReference: CaseReference) { self.caseReference = caseReference }
    }

    /// `GetReview`: everything this service holds on one review. It holds the family's details
    /// and names (in the terms of reference): every read is audited.
    package struct Review: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Where it stands.
        package var state: ReviewState
        /// The case's stage in this service: review, or closed when no review goes ahead locally.
        package var stage: CaseStage
        /// The review commissioned locally: the hand-over's kind, or the partners' after a
        /// national review was declined; nil while none is.
        package var reviewKind: Recommendation?
        /// The hand-over from rapid-review, as received.
        package var commission: CommissionReviewRequest
        /// When the hand-over was applied.
        package var commissionedOn: CivilDate
        /// The National Panel's decision on a national review, once recorded.
        package var nationalPanelDecision: NationalPanelDecision?
        /// Every version of the terms of reference, oldest first.
        package var termsOfReference: [TermsOfReferenceVersion]
        /// The panel's agreement, once given.
        package var agreement: TermsOfReferenceAgreement?
        /// Every approved change of the key lines of enquiry, oldest first.
        package var keyLinesOfEnquiryChanges: [KeyLinesOfEnquiryChange]
        /// Milestones reached, in order.
        package var milestones: [Milestone]
        /// T7 once a local review is commissioned.
        package var deadlines: [Deadline]
        /// Parallel processes, delays, forecasts, notices and checkpoints (T7 extended, T8).
        package var oversight: Oversight?
        /// The lead reviewer, the notices of their name, the team and the declarations (V3,
        /// V4, §1.5.7); absent until one of them is recorded.
        package var reviewTeam: ReviewTeamView?
        /// The family's involvement (V5, §7); absent until a member is recorded.
        package var family: FamilyView?
        /// The learning events scheduled (§8.8), oldest first; absent until one is.
        package var learningEvents: [LearningEvent]?
        /// The report's versions, their checklists and the steps to the board's approval (V9);
        /// absent until a draft is submitted.
        package var report: ReportView?
        /// The reflective learning workshop's invitees, learning points and feedback session
        /// (§8.8); absent until one is invited.
        package var learningWorkshop: LearningWorkshopView?
        /// What the review expects next, as a step code (`CaseStatus.nextStep`); nil when nothing.
        package var nextStep: String?

        package init(
            caseReference: CaseReference, state: ReviewState, stage: CaseStage, reviewKind: Recommendation?, commission: CommissionReviewRequest,
            commissionedOn: CivilDate, nationalPanelDecision: NationalPanelDecision?, termsOfReference: [TermsOfReferenceVersion],
            agreement: TermsOfReferenceAgreement?, keyLinesOfEnquiryChanges: [KeyLinesOfEnquiryChange], milestones: [Milestone],
            deadlines: [Deadline],
            oversight: Oversight? = nil, reviewTeam: ReviewTeamView? = nil, family: FamilyView? = nil, learningEvents: [LearningEvent]? = nil,
            report: ReportView? = nil, learningWorkshop: LearningWorkshopView? = nil, nextStep: String? = nil
        ) {
            self.caseReference = caseReference
            self.state = state
            self.stage = stage
            self.reviewKind = reviewKind
            self.commission = commission
            self.commissionedOn = commissionedOn
            self.nationalPanelDecision = nationalPanelDecision
            self.termsOfReference = termsOfReference
            self.agreement = agreement
            self.keyLinesOfEnquiryChanges = keyLinesOfEnquiryChanges
            self.milestones = milestones
            self.deadlines = deadlines
            self.oversight = oversight
            self.reviewTeam = reviewTeam
            self.family = family
            self.learningEvents = learningEvents
            self.report = report
            self.learningWorkshop = learningWorkshop
            self.nextStep = nextStep
        }
    }

    /// `ListReviews`' filters and page (`ListPage`: 1-1000, default 100); the filters apply
    /// before paging.
    package struct ListReviewsRequest: Sendable, Equatable, Codable {
        /// Only reviews in this state.
        package var state: ReviewState?
        /// Only those with an overdue deadline.
        package var overdueOnly: Bool?
        /// At most this many reviews (1-1000); absent: 100.
        package var pageSize: Int?
        /// How many matching reviews to pass over first; absent: none.
        package var offset: Int?

        package init(state: ReviewState? = nil, overdueOnly: Bool? = nil, pageSize: Int? = nil, offset: Int? = nil) {
            self.state = state
            self.overdueOnly = overdueOnly
            self.pageSize = pageSize
            self.offset = offset
        }
    }

    /// One review in a list: no personal data.
    package struct ReviewSummary: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Where it stands.
        package var state: ReviewState
        /// The case's stage in this service.
        package var stage: CaseStage
        /// The review commissioned locally, once one is.
        package var reviewKind: Recommendation?
        /// The earliest deadline not yet met.
        package var nextDeadline: Deadline?
        /// True when a deadline is overdue.
        package var overdue: Bool

        package init(
            caseReference: CaseReference, state: ReviewState, stage: CaseStage, reviewKind: Recommendation?, nextDeadline: Deadline?, overdue: Bool
        ) {
            self.caseReference = caseReference
            self.state = state
            self.stage = stage
            self.reviewKind = reviewKind
            self.nextDeadline = nextDeadline
            self.overdue = overdue
        }
    }

    /// `ListReviews`' answer: a page of the matching reviews in reference order.
    package struct ListReviewsResponse: Sendable, Equatable, Codable {
        /// One per review on the page.
        package var reviews: [ReviewSummary]
        /// How many reviews match the filters, on every page.
        package var total: Int?
        /// How many matching reviews come before this page.
        package var offset: Int?

        package init(reviews: [ReviewSummary], total: Int? = nil, offset: Int? = nil) {
            self.reviews = reviews
            self.total = total
            self.offset = offset
        }
    }

    /// `GetTermsOfReferenceDocument`'s request.
    package struct GetTermsOfReferenceDocumentRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version wanted; absent: the version in force (the latest).
        package var version: Int?

        package init(caseReference: CaseReference, version: Int? = nil) {
            self.caseReference = caseReference
            self.version = version
        }
    }

    /// Appendix 6 filled in from one version.
    package struct TermsOfReferenceDocument: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version rendered.
        package var version: Int
        /// True when this version is agreed (the agreed one, or a change approved after it).
        package var agreed: Bool
        /// The document's media type: `text/markdown`.
        package var mediaType: String
        /// The document.
        package var document: String

        /// The media type of every terms of reference document.
        package static let markdown = "text/markdown"

        package init(caseReference: CaseReference, version: Int, agreed: Bool, document: String) {
            self.caseReference = caseReference
            self.version = version
            self.agreed = agreed
            self.mediaType = Self.markdown
            self.document = document
        }
    }
}
