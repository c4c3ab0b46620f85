import Contract
import WorkingDays

extension Review {
    /// The kinds of local review the partners may commission after the National Panel declines:
    /// a local CSPR (b), an alternative learning review (c) or a single-agency review (e).
    static let localKinds: [Recommendation] = [.localReview, .alternativeLearningReview, .singleAgencyReview]

    /// Records the National Panel's decision on a national review (a), and when it declines
    /// the partners' decision whether to commission locally: T7 starts then, not before (T7,
    /// RULES.md Anchors made precise; §1.1.3).
    func recordingNationalPanelDecision(
        _ request: ReviewManagementAPI.RecordNationalPanelDecisionRequest, by principal: String, clock: CaseClock
    ) throws(ReviewManagementError) -> ReviewManagementAPI.NationalPanelDecision {
        guard isNational else {
            throw .outOfOrder(
                rule: .t7,
                problem:
                    "the Rapid Review commissioned a \(commission.reviewKind.rawValue) (\(commission.reviewKind.letter)) locally; only a national review (a) waits for the National Panel's decision"
            )
        }
        if let recorded = nationalPanelDecision {
            throw .outOfOrder(rule: .t7, problem: "the National Panel's decision was recorded on \(recorded.recordedOn); it is kept as recorded")
        }
        guard request.panelDecidedOn >= commission.decisionDate, request.panelDecidedOn <= clock.today else {
            throw .invalidField(
                path: "panelDecidedOn", rule: nil,
                problem:
                    "\(request.panelDecidedOn) is not between the Rapid Review's decision (\(commission.decisionDate)) and today (\(clock.today))")
        }
        switch (request.verdict, request.partnersDecision) {
        case (.accepted, nil):
            break
        case (.accepted, .some):
            throw .invalidField(
                path: "partnersDecision", rule: .t7,
                problem: "the National Panel accepted the national review: the partners commission nothing locally")
        case (.declined, nil):
            throw .invalidField(
                path: "partnersDecision", rule: .t7,
                problem: "the National Panel declined: record the partners' decision whether to commission a local review (it starts T7)")
        case (.declined, .some(let partners)):
            try Self.check(partners, after: request.panelDecidedOn, today: clock.today)
        }
        return ReviewManagementAPI.NationalPanelDecision(
            verdict: request.verdict, panelDecidedOn: request.panelDecidedOn, partnersDecision: request.partnersDecision, recordedOn: clock.today,
            recordedBy: principal)
    }

    /// The partners' decision: dated between the Panel's and today, with its reasons, and a
    /// local kind exactly when they commission.
    private static func check(_ partners: ReviewManagementAPI.PartnersDecision, after panelDecidedOn: CivilDate, today: CivilDate)
        throws(ReviewManagementError)
    {
        guard partners.decidedOn >= panelDecidedOn, partners.decidedOn <= today else {
            throw .invalidField(
                path: "partnersDecision.decidedOn", rule: .t7,
                problem: "\(partners.decidedOn) is not between the National Panel's decision (\(panelDecidedOn)) and today (\(today))")
        }
        if partners.reasons.isBlank {
            throw .invalidField(path: "partnersDecision.reasons", rule: nil, problem: "give the reasons for the partners' decision")
        }
        switch (partners.commissionLocally, partners.reviewKind) {
        case (true, let kind?) where localKinds.contains(kind):
            return
        case (false, nil):
            return
        case (true, _):
            throw .invalidField(
                path: "partnersDecision.reviewKind", rule: .t7,
                problem: "a local commission is a localReview (b), alternativeLearningReview (c) or singleAgencyReview (e)")
        case (false, _):
            throw .invalidField(path: "partnersDecision.reviewKind", rule: .t7, problem: "the partners commission no local review: leave it out")
        }
    }
}
