import Contract
import WorkingDays

/// One publication as this service holds it: the facts recorded, in order. Its state is
/// derived from them, never stored, so it cannot disagree with them.
struct Publication: Sendable, Equatable {
    /// review-management's hand-over, as received (P1).
    var preparation: PublicationAPI.PreparePublicationRequest
    /// When the hand-over was applied.
    var preparedOn: CivilDate
    /// Every advance copy recorded, in the order recorded (T9).
    var advanceCopies: [PublicationAPI.AdvanceCopy] = []

    var reference: CaseReference { preparation.caseReference }
    var ruleSet: RuleSet { preparation.ruleSet }

    /// The report version to be published: the one the board approved (a revision, once the
    /// anonymisation gate makes them, would be a later one).
    var reportVersion: Int { preparation.reportVersion }

    /// Where the publication stands.
    var state: PublicationAPI.PublicationState { .planning }

    /// The case's stage here.
    var stage: CaseStage { .publication }
}
