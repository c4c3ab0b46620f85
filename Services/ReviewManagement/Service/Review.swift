import Contract
import WorkingDays

/// One review as this service holds it: the facts recorded, in order. Its state is derived
/// from them, never stored, so it cannot disagree with them.
struct Review: Sendable, Equatable {
    /// rapid-review's hand-over, as received.
    var commission: ReviewManagementAPI.CommissionReviewRequest
    /// When the hand-over was applied.
    var commissionedOn: CivilDate
    /// The National Panel's decision on a national review (a), and the partners' after it.
    var nationalPanelDecision: ReviewManagementAPI.NationalPanelDecision?
    /// Every version of the terms of reference, oldest first.
    var versions: [ReviewManagementAPI.TermsOfReferenceVersion] = []
    /// The Case Review Panel's agreement (V1).
    var agreement: ReviewManagementAPI.TermsOfReferenceAgreement?
    /// Every approved change of the key lines of enquiry (V2), oldest first.
    var changes: [ReviewManagementAPI.KeyLinesOfEnquiryChange] = []
    /// The lead reviewer as appointed (§6.1).
    var leadReviewer: ReviewManagementAPI.LeadReviewerAppointment? = nil
    /// The notices of the reviewer's name sent, in the order recorded (V3).
    var reviewerNotices: [ReviewManagementAPI.ReviewerNotice] = []
    /// Every version of the review team, oldest first (V4).
    var teams: [ReviewManagementAPI.ReviewTeamVersion] = []
    /// Every declaration of conflicts and confidentiality, in the order recorded (§1.5.7).
    var declarations: [ReviewManagementAPI.Declaration] = []
    /// Every request to an agency, in the order asked (§8.2).
    var agencyRequests: [ReviewManagementAPI.AgencyRequest] = []
    /// Every chronology submitted, oldest first (V6).
    var chronologies: [ReviewManagementAPI.ChronologySubmission] = []
    /// Every information report submitted, oldest first (V7).
    var informationReports: [ReviewManagementAPI.InformationReportSubmission] = []
    /// The review team's decisions on the agencies' submissions, oldest first (V8).
    var submissionDecisions: [ReviewManagementAPI.SubmissionDecision] = []
    /// Every escalation of an overdue request, in the order recorded (§2.1.7).
    var escalations: [ReviewManagementAPI.AgencyEscalation] = []

    var reference: CaseReference { commission.caseReference }
    var ruleSet: RuleSet { commission.ruleSet }

    /// True when the Rapid Review recommended a national review (a): it waits for the
    /// National Panel (§1.1.3).
    var isNational: Bool { commission.reviewKind == .nationalReview }

    /// The review commissioned locally and the date of that decision (T7's anchor): the
    /// hand-over's for b, c and e; for a, the partners' once the National Panel declined and
    /// they commissioned locally; nil otherwise (RULES.md, Anchors made precise).
    var localCommission: LocalCommission? {
        guard isNational else { return LocalCommission(kind: commission.reviewKind, decidedOn: commission.decisionDate) }
        guard let partners = nationalPanelDecision?.partnersDecision, partners.commissionLocally, let kind = partners.reviewKind else {
            return nil
        }
        return LocalCommission(kind: kind, decidedOn: partners.decidedOn)
    }

    /// The version of the terms of reference in force: the latest.
    var currentVersion: ReviewManagementAPI.TermsOfReferenceVersion? { versions.last }

    /// True when `version` is agreed: the agreed one or a change approved after it (V1, V2).
    func isAgreed(_ version: Int) -> Bool { agreement.map { version >= $0.version } ?? false }

    /// Where the review stands.
    var state: ReviewManagementAPI.ReviewState {
        if isNational {
            guard let decision = nationalPanelDecision else { return .awaitingNationalPanel }
            if decision.verdict == .accepted { return .nationalReview }
            if localCommission == nil { return .notCommissionedLocally }
        }
        if reportApproval != nil { return .reportApproved }
        if !reportVersions.isEmpty { return .reportDrafted }
        if agreement != nil { return .termsOfReferenceAgreed }
        if !versions.isEmpty { return .termsOfReferenceDrafted }
        return .commissioned
    }

    /// The case's stage here: the review, or closed when the partners commission none locally.
    var stage: CaseStage { state == .notCommissionedLocally ? .closed : .review }

    /// The register of parallel processes (§5.6), each with its updates.
    var parallelProcesses: [ReviewManagementAPI.ParallelProcess] = []
    /// Every decision to delay, oldest first: the latest sets T7's due date.
    var delayDecisions: [ReviewManagementAPI.DelayDecision] = []
    /// Every completion forecast, oldest first.
    var forecasts: [ReviewManagementAPI.CompletionForecast] = []
    /// Every notice of delay to the National Panel and the Secretary of State (T8).
    var delayNotices: [ReviewManagementAPI.DelayNotice] = []
    /// Every progress and quality checkpoint.
    var checkpoints: [ReviewManagementAPI.Checkpoint] = []
    /// Every version of every family member, by member then version (V5, §7).
    var familyMembers: [ReviewManagementAPI.FamilyMemberVersion] = []
    /// Every step of the conversations with the family, in the order recorded (V5, §7.4).
    var familyContacts: [ReviewManagementAPI.FamilyContact] = []
    /// Every learning event scheduled, oldest first (§8.8).
    var learningEvents: [ReviewManagementAPI.LearningEvent] = []
    /// Every version of the report, oldest first (V9).
    var reportVersions: [ReviewManagementAPI.ReportVersion] = []
    /// The review team's confirmations that a version meets the terms of reference (V9).
    var termsOfReferenceMet: [ReviewManagementAPI.ReportVersionStep] = []
    /// The board's endorsements of a version's recommendations (V9).
    var recommendationsEndorsed: [ReviewManagementAPI.ReportVersionStep] = []
    /// The board's approval of the report (V9); T7 is met on its date.
    var reportApproval: ReviewManagementAPI.ReportVersionStep? = nil
    /// Every invitation to the reflective learning workshop, in the order sent (§8.8).
    var learningInvitations: [ReviewManagementAPI.LearningEventInvitation] = []
    /// Every attendance recorded after the workshop; the latest per invitee holds.
    var learningAttendance: [ReviewManagementAPI.LearningEventAttendanceRecord] = []
    /// Every one-to-one conversation instead of attending (Appendix 12).
    var oneToOneConversations: [ReviewManagementAPI.OneToOneConversation] = []
    /// Every version of the key themes and learning points, oldest first (§8.7, §9.2.1).
    var learningPoints: [ReviewManagementAPI.LearningPointsVersion] = []
    /// The feedback sessions to participants, in the order held (Appendix 12).
    var feedbackSessions: [ReviewManagementAPI.FeedbackSession] = []
    /// The lead reviewer's answers to the quality markers, in the order recorded (Appendix 15 §4).
    var qualityMarkers: [ReviewManagementAPI.QualityMarkersRecord] = []
}

/// A review commissioned locally: its kind (b, c or e) and the decision's date.
struct LocalCommission: Sendable, Equatable {
    var kind: Recommendation
    var decidedOn: CivilDate
}
