import Contract
import WorkingDays

extension Review {
    /// The steps reached, in date order (the order they were recorded within a day).
    var milestones: [Milestone] {
        var reached: [Milestone] = []
        if isNational {
            reached.append(Milestone(event: "nationalReviewRecommended", date: commission.decisionDate))
            if let decision = nationalPanelDecision {
                let verdict = decision.verdict == .accepted ? "nationalPanelAccepted" : "nationalPanelDeclined"
                reached.append(Milestone(event: verdict, date: decision.panelDecidedOn))
                if let partners = decision.partnersDecision {
                    let event = partners.commissionLocally ? "reviewCommissioned" : "notCommissionedLocally"
                    reached.append(Milestone(event: event, date: partners.decidedOn))
                }
            }
        } else {
            reached.append(Milestone(event: "reviewCommissioned", date: commission.decisionDate))
        }
        for version in versions {
            let event: String
            switch version.origin {
            case .draft: event = version.version == 1 ? "termsOfReferenceDrafted" : "termsOfReferenceRedrafted"
            case .keyLinesOfEnquiryChanged: event = "keyLinesOfEnquiryChanged"
            }
            reached.append(Milestone(event: event, date: version.writtenOn))
            if agreement?.version == version.version, let agreement {
                reached.append(Milestone(event: "termsOfReferenceAgreed", date: agreement.agreedOn))
            }
        }
        reached += oversightMilestones
        reached += reviewTeamMilestones
        reached += agencyMilestones
        reached += reportMilestones
        reached += learningWorkshopMilestones
        // Stable by date: steps of one day keep the order they were recorded in.
        return reached.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// The case as the gateway shows it: stage, milestones, T7, the next step; no personal data.
    func status(_ clock: CaseClock) -> CaseStatus {
        CaseStatus(reference: reference, stage: stage, milestones: milestones, deadlines: deadlines(clock), nextStep: nextStep)
    }

    /// The full view for `GetReview`.
    func view(_ clock: CaseClock) -> ReviewManagementAPI.Review {
        ReviewManagementAPI.Review(
            caseReference: reference, state: state, stage: stage, reviewKind: localCommission?.kind, commission: commission,
            commissionedOn: commissionedOn, nationalPanelDecision: nationalPanelDecision, termsOfReference: versions, agreement: agreement,
            keyLinesOfEnquiryChanges: changes, milestones: milestones, deadlines: deadlines(clock), oversight: oversight,
            reviewTeam: reviewTeamView, family: familyView(clock), learningEvents: learningEvents.isEmpty ? nil : learningEvents,
            report: reportView, learningWorkshop: learningWorkshopView, nextStep: nextStep)
    }

    /// The summary for `ListReviews`: no personal data.
    func summary(_ clock: CaseClock) -> ReviewManagementAPI.ReviewSummary {
        let status = status(clock)
        return ReviewManagementAPI.ReviewSummary(
            caseReference: reference, state: state, stage: stage, reviewKind: localCommission?.kind, nextDeadline: status.nextDeadline,
            overdue: status.deadlines.contains { $0.status == .overdue })
    }
}
