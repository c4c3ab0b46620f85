import WorkingDays

extension PublicationAPI {
    /// `DecideNotToPublish`: the partners, with the Case Review Panel, decide publishing the
    /// report is inappropriate (P2, §10.1), with their reasons.
    package struct DecideNotToPublishRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// When they decided.
        package var decidedOn: CivilDate
        /// Why publishing the report is inappropriate.
        package var reasons: String
        /// Who decided: the safeguarding partners' representatives.
        package var decidedBy: String
        /// True when the Case Review Panel took part in the decision, as §10.1 asks.
        package var caseReviewPanelAgreed: Bool
        package init(caseReference: CaseReference, decidedOn: CivilDate, reasons: String, decidedBy: String, caseReviewPanelAgreed: Bool) {
            self.caseReference = caseReference
            self.decidedOn = decidedOn
            self.reasons = reasons
            self.decidedBy = decidedBy
            self.caseReviewPanelAgreed = caseReviewPanelAgreed
        }
    }

    /// The decision not to publish, as recorded.
    package struct NotPublishingDecision: Sendable, Equatable, Codable {
        /// When they decided.
        package var decidedOn: CivilDate
        /// Their reasons.
        package var reasons: String
        /// Who decided.
        package var decidedBy: String
        /// True: the Case Review Panel took part.
        package var caseReviewPanelAgreed: Bool
        /// Who recorded it.
        package var recordedBy: String
        package init(decidedOn: CivilDate, reasons: String, decidedBy: String, caseReviewPanelAgreed: Bool, recordedBy: String) {
            self.decidedOn = decidedOn
            self.reasons = reasons
            self.decidedBy = decidedBy
            self.caseReviewPanelAgreed = caseReviewPanelAgreed
            self.recordedBy = recordedBy
        }
    }

    /// `DecideNotToPublish`'s answer: the decision and where the publication now stands.
    package struct DecideNotToPublishResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The decision as recorded.
        package var decision: NotPublishingDecision
        /// Where it stands: the information about improvements is to be published instead.
        package var state: PublicationState
        package init(caseReference: CaseReference, decision: NotPublishingDecision, state: PublicationState) {
            self.caseReference = caseReference
            self.decision = decision
            self.state = state
        }
    }
}
