import RPC
import WorkingDays

// MARK: - A national review recommended (a): the National Panel decides (§1.1.3, T7)

extension ReviewManagementAPI {
    /// What the National Panel decided on a recommendation for a national review.
    package enum NationalPanelVerdict: String, WireEnum {
        /// The National Panel takes the national review on: no local review, no local T7.
        case accepted
        /// The National Panel declines: the partners decide whether to commission locally.
        case declined
    }

    /// The partners' decision after the National Panel declined: to commission a local review
    /// of a kind (its date starts T7), or not to.
    package struct PartnersDecision: Sendable, Equatable, Codable {
        /// True when they commission a local review.
        package var commissionLocally: Bool
        /// When they decided: T7's anchor when they commission.
        package var decidedOn: CivilDate
        /// The review commissioned: a local CSPR (b), an alternative learning review (c) or a
        /// single-agency review (e). Required when they commission.
        package var reviewKind: Recommendation?
        /// Why (always: a decision not to commission says why no local learning is sought).
        package var reasons: String

        package init(commissionLocally: Bool, decidedOn: CivilDate, reviewKind: Recommendation?, reasons: String) {
            self.commissionLocally = commissionLocally
            self.decidedOn = decidedOn
            self.reviewKind = reviewKind
            self.reasons = reasons
        }
    }

    /// `RecordNationalPanelDecision`'s request, recorded once per case.
    package struct RecordNationalPanelDecisionRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Accepted or declined.
        package var verdict: NationalPanelVerdict
        /// When the National Panel decided.
        package var panelDecidedOn: CivilDate
        /// The partners' decision; required when declined, refused when accepted.
        package var partnersDecision: PartnersDecision?

        package init(caseReference: CaseReference, verdict: NationalPanelVerdict, panelDecidedOn: CivilDate, partnersDecision: PartnersDecision?) {
            self.caseReference = caseReference
            self.verdict = verdict
            self.panelDecidedOn = panelDecidedOn
            self.partnersDecision = partnersDecision
        }
    }

    /// The decisions as recorded.
    package struct NationalPanelDecision: Sendable, Equatable, Codable {
        /// Accepted or declined.
        package var verdict: NationalPanelVerdict
        /// When the National Panel decided.
        package var panelDecidedOn: CivilDate
        /// The partners' decision when the National Panel declined.
        package var partnersDecision: PartnersDecision?
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(
            verdict: NationalPanelVerdict, panelDecidedOn: CivilDate, partnersDecision: PartnersDecision?, recordedOn: CivilDate, recordedBy: String
        ) {
            self.verdict = verdict
            self.panelDecidedOn = panelDecidedOn
            self.partnersDecision = partnersDecision
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// The decision recorded, where the review now stands and its T7, if one started.
    package struct RecordNationalPanelDecisionResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The decision as recorded.
        package var decision: NationalPanelDecision
        /// Where the review now stands.
        package var state: ReviewState
        /// T7 when the partners commissioned a local review; empty otherwise.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, decision: NationalPanelDecision, state: ReviewState, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.decision = decision
            self.state = state
            self.deadlines = deadlines
        }
    }
}
