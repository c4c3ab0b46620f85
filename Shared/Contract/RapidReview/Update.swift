import RPC
import WorkingDays

// MARK: - Updating: what intake learns after the hand-over

extension RapidReviewAPI {
    /// `UpdateRapidReview`'s request: intake's copy of what the Rapid Review works from, sent
    /// again whenever it changes after the open (a later LA notification, agencies asked in a
    /// later batch, a scoping form returned). Applied once per idempotency key, and only when
    /// its `revision` is newer than the last one applied, so a late or repeated update never
    /// overwrites a newer one.
    package struct UpdateRapidReviewRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// 1 for intake's first update of the case after the open, then 2, 3...
        package var revision: Int
        /// When the National Panel was notified, if it was (T6 under wt-2023).
        package var notifiedNationalPanel: CivilDate?
        /// When the local authority became aware of the incident, if it notified one (T6's
        /// anchor under surrey-2019 when earlier than the referral's receipt).
        package var laBecameAware: CivilDate?
        /// T6's due date as intake now computes it.
        package var rapidReviewDue: CivilDate
        /// The documentation available so far (R3), the returned scoping forms included:
        /// "referral", "LA notification", "scoping return: <agency>".
        package var documentation: [String]
        /// Every agency asked for scoping so far (R2 omissions, R10 sharing).
        package var agenciesAsked: [Agency]
        /// The agency that referred the case, or the local authority that notified it (R10).
        package var referringAgency: String?

        package init(
            caseReference: CaseReference, revision: Int, notifiedNationalPanel: CivilDate?, laBecameAware: CivilDate?, rapidReviewDue: CivilDate,
            documentation: [String], agenciesAsked: [Agency], referringAgency: String?
        ) {
            self.caseReference = caseReference
            self.revision = revision
            self.notifiedNationalPanel = notifiedNationalPanel
            self.laBecameAware = laBecameAware
            self.rapidReviewDue = rapidReviewDue
            self.documentation = documentation
            self.agenciesAsked = agenciesAsked
            self.referringAgency = referringAgency
        }
    }

    /// Whether the update was applied: false when a newer revision already was.
    package struct UpdateRapidReviewResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// True when this revision is now the Rapid Review's copy.
        package var applied: Bool
        package init(caseReference: CaseReference, applied: Bool) {
            self.caseReference = caseReference
            self.applied = applied
        }
    }
}
