import Contract
import WorkingDays

/// Appendix 5, the Rapid Review Outcome Document, filled in from what this service holds.
/// The child's and family's details are never here: their lines say where they are held.
enum OutcomeDocumentRenderer {
    /// What the document says on the lines whose answer only intake holds.
    static let heldByIntake = "held by intake (case file)"

    /// The document of `rapidReview` in `format`. Needs a quorate meeting (R1, R6).
    static func render(_ rapidReview: RapidReviewCase, format: RapidReviewAPI.DocumentFormat) throws(RapidReviewError) -> String {
        guard let meeting = rapidReview.heldMeeting else {
            throw .outOfOrder(
                rule: .r6, problem: "the outcome document is completed at the Rapid Review meeting; no quorate meeting recorded yet (RecordMeeting)")
        }
        var writer = DocumentWriter(markdown: format == .markdown)
        writer.heading("Rapid Review Outcome Document", level: 1)
        writer.field("Case reference", rapidReview.reference.description)
        writer.field("Rule set", rapidReview.ruleSet.rawValue)
        writer.gap()
        purpose(&writer)
        background(&writer, rapidReview, meeting)
        caseBackground(&writer, meeting)
        consideration(&writer, meeting)
        recommendation(&writer, rapidReview)
        return writer.text
    }

    private static func purpose(_ writer: inout DocumentWriter) {
        writer.heading("Purpose of the Rapid Review")
        writer.paragraph("In line with Working Together 2018, the aim of this rapid review is to enable safeguarding partners to:")
        writer.bullets([
            "gather the facts about the case, as far as can be readily established;",
            "discuss whether there is any immediate action needed to ensure children's safety and share any learning appropriately;",
            "consider the potential for identifying improvements to safeguard and promote the welfare of children;",
            "decide what steps to take next, including whether or not to undertake a child safeguarding practice review.",
        ])
    }

    private static func background(_ writer: inout DocumentWriter, _ rapidReview: RapidReviewCase, _ meeting: RapidReviewAPI.RecordedMeeting) {
        let handOver = rapidReview.handOver
        writer.heading("Background Information")
        writer.field("Name of Child", heldByIntake)
        writer.field("Date of Birth", heldByIntake)
        writer.field("Ethnicity of Child", heldByIntake)
        writer.field("Date of Death / Serious Incident", "\(handOver.incidentDate) (\(handOver.incidentKind == .death ? "death" : "serious harm"))")
        writer.field("Date notified to Ofsted", heldByIntake)
        writer.field("Date notified to the National Panel", handOver.notifiedNationalPanel?.description ?? heldByIntake)
        writer.field("Date referral received", handOver.referralReceived.description)
        writer.field("Date of Rapid Review", "\(meeting.meetingDate) (\(meeting.format == .faceToFace ? "face to face" : "telephone conference"))")
        writer.gap()
        writer.field("List of Participants in Rapid Review", meeting.quorate ? "quorate (R1)" : "not quorate (R1)")
        writer.table(
            ["Name", "Job Role/Title", "Agency/Organisation"],
            meeting.participants.map { [$0.name, $0.role, "\($0.agency) (\(partnerName($0.partnerKind)))"] })
        writer.field("Omissions to the list of participants", meeting.omissions.isEmpty ? "none" : "")
        writer.bullets(meeting.omissions.map { "\($0.agency): \($0.reason)" })
    }

    private static func caseBackground(_ writer: inout DocumentWriter, _ meeting: RapidReviewAPI.RecordedMeeting) {
        writer.heading("Section 1: Case Background")
        writer.field("Details of Family Members and Significant Others", heldByIntake)
        writer.gap()
        writer.block("Case Summary", meeting.caseSummary)
        writer.field("Documentation available to this Rapid Review", "")
        writer.bullets(meeting.documentation)
    }

    private static func consideration(_ writer: inout DocumentWriter, _ meeting: RapidReviewAPI.RecordedMeeting) {
        writer.heading("Section 2: Consideration of Case, Criteria and Guidance")
        writer.heading("2.1 Immediate Action", level: 3)
        writer.paragraph("Has ALL appropriate immediate action been taken to ensure children's safety and share any learning appropriately?")
        writer.checkbox(meeting.immediateAction.allTaken, "Yes")
        writer.checkbox(!meeting.immediateAction.allTaken, "No")
        writer.gap()
        if !meeting.immediateAction.actions.isEmpty {
            writer.table(
                ["Action", "By whom", "By when", "Done"],
                meeting.immediateAction.actions.map { [$0.what, $0.who, $0.byWhen?.description ?? "-", $0.done ? "yes" : "no"] })
        }
        if let details = meeting.immediateAction.details, !details.isBlank { writer.paragraph(details) }

        writer.heading("2.2 Identifying Improvements to Safeguard and Promote the Welfare of Children", level: 3)
        writer.paragraph("The case has the potential to meet the following criteria from Working Together 2018:")
        for criterion in Criterion.allCases { writer.checkbox(meeting.criteria.contains(criterion), criterionWording(criterion)) }
        writer.gap()

        let discussion = meeting.discussion
        writer.heading("2.3 Rapid Review Discussions", level: 3)
        writer.block("Nature of harm", discussion.natureOfHarm)
        writer.field("Meets the criteria for serious harm and/or long-term impairment of health", discussion.meetsSeriousHarm ? "Yes" : "No")
        writer.block("Key issues discussed", discussion.keyIssues)
        writer.block("Immediate learning", (discussion.immediateLearning.isBlank ? "none identified" : discussion.immediateLearning ?? ""))
        if let shared = discussion.learningSharedBy, !shared.isBlank { writer.block("Shared and implemented by", shared) }
        writer.field("Has legal advice been sought?", discussion.legalAdvice.answer ? "Yes: \(discussion.legalAdvice.details ?? "")" : "No")
        writer.gap()
    }

    private static func recommendation(_ writer: inout DocumentWriter, _ rapidReview: RapidReviewCase) {
        writer.heading("Section 3: Recommendation")
        writer.paragraph("After completing this Rapid Review it has been agreed that this case:")
        let decision = rapidReview.currentRecommendation?.decision
        for recommendation in Recommendation.allCases {
            var label = "\(recommendation.letter)) \(recommendationWording(recommendation))"
            if recommendation == decision?.recommendation, let statement = decision?.statement, !statement.isBlank {
                label += ". Please state: \(statement)"
            }
            writer.checkbox(recommendation == decision?.recommendation, label)
        }
        writer.gap()
        if let decision {
            writer.block("Reasons for Recommendation", decision.reasons)
            if let options = decision.otherOptionsConsidered, !options.isBlank { writer.block("Other review options considered", options) }
            if let why = decision.whyNoFurtherLearning, !why.isBlank { writer.block("Why no further learning is to be gained", why) }
        } else {
            writer.field("Reasons for Recommendation", "not yet agreed")
        }
        if let ratification = rapidReview.ratification {
            writer.field("Ratified by the independent chair on", ratification.ratifiedOn.description)
            if let comments = ratification.comments { writer.field("Independent chair's comments", comments) }
        } else {
            writer.field("Ratified by the independent chair on", "not yet ratified")
        }
        writer.field(
            "Date this form submitted to the National Panel", rapidReview.submission?.submittedToNationalPanel.description ?? "not yet submitted")
    }

    private static func partnerName(_ kind: PartnerKind) -> String {
        switch kind {
        case .localAuthority: "local authority"
        case .police: "police"
        case .health: "health (ICB)"
        case .other: "other agency"
        }
    }

    /// The form's wording of each criterion (Appendix 5 §2.2).
    static func criterionWording(_ criterion: Criterion) -> String {
        switch criterion {
        case .improvementsNeeded:
            "highlights or may highlight improvements needed to safeguard and promote the welfare of children, including where those improvements have been previously identified"
        case .recurrentThemes: "highlights or may highlight recurrent themes in the safeguarding and promotion of the welfare of children"
        case .multiAgencyWorking:
            "highlights or may highlight concerns regarding two or more organisations or agencies working together effectively to safeguard and promote the welfare of children"
        case .nationalPanelReferredLocal:
            "is one which the Child Safeguarding Practice Review Panel have considered and concluded a local review may be more appropriate"
        case .singleAgencyConcern: "safeguarding partners have cause for concern about the actions of a single agency"
        case .noAgencyInvolvement: "there has been no agency involvement and this gives the safeguarding partners cause for concern"
        case .crossBoundary:
            "more than one local authority, police area or clinical commissioning group is involved, including in cases where families have moved around"
        case .institutionalSettings:
            "the case may raise issues relating to safeguarding or promoting the welfare of children in institutional settings"
        case .noneOfTheAbove: "None of the above"
        }
    }

    /// The form's wording of each recommendation (Appendix 5 §3).
    static func recommendationWording(_ recommendation: Recommendation) -> String {
        switch recommendation {
        case .nationalReview: "Meets the criteria for a national Child Safeguarding Practice Review"
        case .localReview: "Meets the criteria for a local Child Safeguarding Practice Review"
        case .alternativeLearningReview: "Does not meet the criteria but warrants an alternative Learning Review"
        case .otherStatutoryReview: "Warrants consideration of DHR, SAR, MAPPA SFO or other"
        case .singleAgencyReview: "Warrants a Single-Agency Review"
        case .multiAgencyAudit: "Warrants a Multi-Agency Audit"
        case .singleAgencyAudit: "Warrants a Single Agency Audit"
        case .noFurtherAction: "Needs no Further Action"
        case .learningActedUpon: "The Rapid Review has identified learning that has been acted upon, obviating the need for further review"
        case .other: "Other"
        }
    }
}
