import Contract
import WorkingDays

/// The covering letter with which the safeguarding partners send the completed Rapid Review
/// to the National Panel (§4.7.1, T5; RULES.md R10): addressed to the Panel's mailbox, it
/// names the child and the incident, the meeting, the recommendation as ratified by the
/// independent chair, the timescale, the sharing with the agencies and the referrer (§4.7.2),
/// and encloses Appendix 5. Rendered with intake's particulars, which are not kept.
enum CoveringLetterRenderer {
    /// The National Panel's address (§4.7.1).
    static let nationalPanelMailbox = "Mailbox.NationalReviewPanel@education.gov.uk"

    /// The ratification and the decision it ratified; the letter goes with the ratified Rapid
    /// Review only (R9, R10), so there is none before.
    static func requireRatification(_ rapidReview: RapidReviewCase) throws(RapidReviewError) -> (
        RapidReviewAPI.Ratification, RecommendationDecision
    ) {
        guard let ratification = rapidReview.ratification, let decision = rapidReview.currentRecommendation?.decision else {
            throw .outOfOrder(
                rule: .r10, problem: "the covering letter goes to the National Panel with the ratified Rapid Review; not ratified yet (Ratify)")
        }
        return (ratification, decision)
    }

    /// The letter for `rapidReview`, dated `clock.today`, from `partners` of `partnership`.
    /// Needs the ratified outcome (R9, R10): the letter goes with the ratified Rapid Review.
    static func render(
        _ rapidReview: RapidReviewCase, particulars: IntakeAPI.OutcomeParticulars, partners: SafeguardingPartners, partnership: String,
        clock: CaseClock, format: RapidReviewAPI.DocumentFormat
    ) throws(RapidReviewError) -> String {
        let meeting = try OutcomeDocumentRenderer.requireMeeting(rapidReview)
        let (ratification, decision) = try requireRatification(rapidReview)
        let wording = OutcomeWording(ruleSet: rapidReview.ruleSet)
        let child = particulars.child
        let incident = particulars.incident
        var writer = DocumentWriter(markdown: format == .markdown)
        writer.heading("Covering letter: Rapid Review to the National Panel", level: 1)
        writer.field("To", "The Child Safeguarding Practice Review Panel, \(nationalPanelMailbox)")
        writer.field("From", "The \(partnership) safeguarding partners")
        writer.field("Date", clock.today.description)
        writer.field("Case reference", rapidReview.reference.description)
        let born = child.dateOfBirth.map { " (date of birth \($0))" } ?? ""
        writer.field("Re", "Rapid Review: \(child.name)\(born)")
        writer.gap()
        writer.paragraph("Dear Child Safeguarding Practice Review Panel,")
        let what = incident.kind == .death ? "the death" : "the serious harm"
        var opening =
            "Please find enclosed the completed Rapid Review, held under \(wording.workingTogether), of \(what) of \(child.name) on \(incident.date)"
        if let notified = particulars.notifiedNationalPanel ?? rapidReview.handOver.notifiedNationalPanel {
            opening += ", notified to you on \(notified)"
        }
        writer.paragraph(opening + ".")
        let format = meeting.format == .faceToFace ? "face to face" : "by telephone conference"
        writer.paragraph(
            "The Rapid Review meeting was held \(format) on \(meeting.meetingDate); each of the safeguarding partners (local authority, police and \(wording.healthPartner)) was represented."
        )
        var recommendation = "\(decision.recommendation.letter)) \(OutcomeWording.recommendation(decision.recommendation))"
        if let statement = decision.statement, !statement.isBlank { recommendation += ": \(statement)" }
        writer.paragraph(
            "The safeguarding partners agreed that this case: \(recommendation). The independent chair ratified the recommendation on \(ratification.ratifiedOn)."
        )
        writer.paragraph(
            "The enclosed document sets out the case background, the immediate action taken, the criteria considered, the discussion and the reasons for the recommendation\(rapidReview.ruleSet == .workingTogether2023 ? ", with the analysis of key practice episodes and of racism and other inequalities" : "")."
        )
        if let due = try? CaseDeadlines(rapidReview: rapidReview, clock: clock).t5Due(afterMeetingOn: meeting.meetingDate) {
            let sent = rapidReview.submission?.submittedToNationalPanel ?? clock.today
            writer.paragraph(
                sent > due
                    ? "It reaches you after the 2 working days after the meeting that the framework asks (due \(due)) (T5)."
                    : "It is sent within 2 working days of the meeting (by \(due)) (T5).")
        }
        let referrer = particulars.referringAgency ?? rapidReview.handOver.referringAgency
        writer.paragraph(
            "All relevant agencies\(referrer.map { ", including \($0), who made the referral," } ?? ", including the agency that made the referral,") are informed of the outcome (§4.7.2)."
        )
        writer.paragraph("Yours sincerely,")
        writer.paragraph("On behalf of the \(partnership) safeguarding partners:")
        writer.bullets([PartnerKind.localAuthority, .police, .health].compactMap { partners.names[$0]?.first })
        writer.field("Enc", "Rapid Review Outcome Document (Appendix 5)")
        return writer.text
    }
}
