import Contract
import WorkingDays

/// Appendix 5, the Rapid Review Outcome Document, filled in from what this service holds and
/// the particulars intake holds of the child and family, fetched for this rendering only
/// (issue 15, item 12): the document is complete, never "held elsewhere".
enum OutcomeDocumentRenderer {
    /// What a line says when intake's forms do not record its answer.
    static let notRecorded = "not recorded"

    /// The outcome needs a quorate meeting (R1, R6): checked before intake is asked.
    static func requireMeeting(_ rapidReview: RapidReviewCase) throws(RapidReviewError) -> RapidReviewAPI.RecordedMeeting {
        guard let meeting = rapidReview.heldMeeting else {
            throw .outOfOrder(
                rule: .r6, problem: "the outcome document is completed at the Rapid Review meeting; no quorate meeting recorded yet (RecordMeeting)")
        }
        return meeting
    }

    /// The document of `rapidReview` in `format`, with intake's `particulars`.
    static func render(
        _ rapidReview: RapidReviewCase, particulars: IntakeAPI.OutcomeParticulars, format: RapidReviewAPI.DocumentFormat
    ) throws(RapidReviewError) -> String {
        let meeting = try requireMeeting(rapidReview)
        let wording = OutcomeWording(ruleSet: rapidReview.ruleSet)
        var writer = DocumentWriter(markdown: format == .markdown)
        writer.heading("Rapid Review Outcome Document", level: 1)
        writer.field("Case reference", rapidReview.reference.description)
        writer.field("Rule set", "\(rapidReview.ruleSet.rawValue) (\(wording.workingTogether))")
        writer.gap()
        purpose(&writer, wording)
        background(&writer, rapidReview, meeting, particulars, wording)
        caseBackground(&writer, meeting, particulars)
        consideration(&writer, meeting, wording)
        analysis(&writer, rapidReview, wording)
        recommendation(&writer, rapidReview)
        return writer.text
    }

    private static func purpose(_ writer: inout DocumentWriter, _ wording: OutcomeWording) {
        writer.heading("Purpose of the Rapid Review")
        writer.paragraph("In line with \(wording.workingTogether), the aim of this rapid review is to enable safeguarding partners to:")
        writer.bullets([
            "gather the facts about the case, as far as can be readily established;",
            "discuss whether there is any immediate action needed to ensure children's safety and share any learning appropriately;",
            "consider the potential for identifying improvements to safeguard and promote the welfare of children;",
            "decide what steps to take next, including whether or not to undertake a child safeguarding practice review.",
        ])
    }

    private static func background(
        _ writer: inout DocumentWriter, _ rapidReview: RapidReviewCase, _ meeting: RapidReviewAPI.RecordedMeeting,
        _ particulars: IntakeAPI.OutcomeParticulars, _ wording: OutcomeWording
    ) {
        let handOver = rapidReview.handOver
        let child = particulars.child
        let incident = particulars.incident
        writer.heading("Background Information")
        writer.field("Name of Child", child.name)
        writer.field("Date of Birth", child.dateOfBirth?.description ?? notRecorded)
        writer.field("Gender", child.gender ?? notRecorded)
        writer.field("Ethnicity of Child", child.ethnicity ?? notRecorded)
        writer.field("Home address", child.address ?? notRecorded)
        writer.field("Local authority", child.localAuthority ?? notRecorded)
        writer.field("Date of Death / Serious Incident", "\(incident.date) (\(incident.kind == .death ? "death" : "serious harm"))")
        writer.field("Date notified to Ofsted", particulars.notifiedOfsted?.description ?? notRecorded)
        writer.field(
            "Date notified to the National Panel",
            (particulars.notifiedNationalPanel ?? handOver.notifiedNationalPanel)?.description ?? notRecorded)
        writer.field("Date referral received", handOver.referralReceived.description)
        if let referrer = particulars.referrer { writer.field("Referred by", "\(referrer.name), \(referrer.agencyAndDesignation)") }
        writer.field("Date of Rapid Review", "\(meeting.meetingDate) (\(meeting.format == .faceToFace ? "face to face" : "telephone conference"))")
        writer.gap()
        writer.field("List of Participants in Rapid Review", meeting.quorate ? "quorate (R1)" : "not quorate (R1)")
        writer.note(
            "To be quorate at least one representative from each of the safeguarding partners needs to be present: a representative from the \(wording.healthPartner), Police and Local Authority"
        )
        writer.table(
            ["Name", "Job Role/Title", "Agency/Organisation"],
            meeting.participants.map { [$0.name, $0.role, "\($0.agency) (\(wording.partnerName($0.partnerKind)))"] })
        writer.field("Omissions to the list of participants", meeting.omissions.isEmpty ? "none" : "")
        writer.bullets(meeting.omissions.map { "\($0.agency): \($0.reason)" })
    }

    private static func caseBackground(
        _ writer: inout DocumentWriter, _ meeting: RapidReviewAPI.RecordedMeeting, _ particulars: IntakeAPI.OutcomeParticulars
    ) {
        writer.heading("Section 1: Case Background")
        writer.field("Details of Family Members and Significant Others", particulars.familyMembers.isEmpty ? "none recorded" : "")
        if !particulars.familyMembers.isEmpty {
            writer.table(
                ["Name and Address", "Relationship to Child", "Date of Birth", "Legal Status", "Ethnic Origin"],
                particulars.familyMembers.map { member in
                    let address = member.person.addressHistory.first.map { entry in
                        [entry.address, entry.postcode].compactMap { $0 }.joined(separator: ", ")
                    }
                    return [
                        [member.person.name, address].compactMap { $0 }.joined(separator: ", "), member.relationshipToChild,
                        member.person.dateOfBirth?.description ?? notRecorded, member.legalStatus ?? notRecorded,
                        member.ethnicOrigin ?? notRecorded,
                    ]
                })
        }
        writer.gap()
        writer.block("Case Summary", meeting.caseSummary)
        writer.field("Documentation available to this Rapid Review", "")
        writer.bullets(meeting.documentation)
    }

    private static func consideration(_ writer: inout DocumentWriter, _ meeting: RapidReviewAPI.RecordedMeeting, _ wording: OutcomeWording) {
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
        writer.paragraph("The case has the potential to meet the following criteria from \(wording.workingTogether):")
        for criterion in Criterion.allCases { writer.checkbox(meeting.criteria.contains(criterion), wording.criterion(criterion)) }
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

    /// Working Together 2023's analysis (RULES.md): always its own sections under `wt-2023`
    /// (required when the recommendation is agreed); under `surrey-2019` only when given.
    private static func analysis(_ writer: inout DocumentWriter, _ rapidReview: RapidReviewCase, _ wording: OutcomeWording) {
        let decision = rapidReview.currentRecommendation?.decision
        let required = rapidReview.ruleSet == .workingTogether2023
        let sections: [(title: String, text: String?)] = [
            ("2.4 Key Practice Episodes", decision?.keyPracticeEpisodes),
            ("2.5 Racism and Other Inequalities", decision?.racismAndInequalities),
        ]
        for section in sections where required || !section.text.isBlank {
            writer.heading(section.title, level: 3)
            if section.title.hasPrefix("2.5") {
                writer.note(
                    "How racism and other inequalities may have influenced the child's experience and the practice (\(wording.workingTogether))")
            }
            writer.paragraph(section.text.isBlank ? "not yet agreed" : section.text ?? "")
        }
    }

    private static func recommendation(_ writer: inout DocumentWriter, _ rapidReview: RapidReviewCase) {
        writer.heading("Section 3: Recommendation")
        writer.paragraph("After completing this Rapid Review it has been agreed that this case:")
        let decision = rapidReview.currentRecommendation?.decision
        for recommendation in Recommendation.allCases {
            var label = "\(recommendation.letter)) \(OutcomeWording.recommendation(recommendation))"
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
}
