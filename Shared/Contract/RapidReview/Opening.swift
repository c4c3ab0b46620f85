import RPC
import WorkingDays

// MARK: - Opening: the hand-over from intake

extension RapidReviewAPI {
    /// The hand-over from intake (outbox, applied once per idempotency key): what the Rapid
    /// Review needs to start, and no personal data beyond what R3 requires (none: the case
    /// file stays with intake and is read from there by the roles allowed).
    package struct OpenRapidReviewRequest: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        /// When the referral (or notification) was received: the anchor of T4 and T6.
        package var referralReceived: CivilDate
        /// When the National Panel was notified, if it was (T6 under wt-2023).
        package var notifiedNationalPanel: CivilDate?
        /// T4's window: the meeting is held between these dates.
        package var meetingEarliest: CivilDate
        package var meetingLatest: CivilDate
        /// T6's due date.
        package var rapidReviewDue: CivilDate
        /// The rule set the dates were computed with.
        package var ruleSet: RuleSet
        /// The documentation available so far (R3): "referral", "LA notification",
        /// "scoping return: <agency>".
        package var documentation: [String]
        /// The agencies asked for scoping, by name and partner kind (for R2 omissions).
        package var agenciesAsked: [Agency]
        /// What happened (death or serious harm) and when, without the child's details.
        package var incidentKind: IncidentKind
        package var incidentDate: CivilDate
        /// When the local authority became aware of the incident, when it notified one: T6's
        /// anchor under surrey-2019 when it is earlier than the referral's receipt (RULES.md).
        /// Absent from hand-overs made before it was added.
        package var laBecameAware: CivilDate?
        /// The agency that referred the case, or the local authority that notified it: the
        /// outcome is shared with it (R10). Absent from hand-overs made before it was added.
        package var referringAgency: String?

        package init(
            caseReference: CaseReference, referralReceived: CivilDate, notifiedNationalPanel: CivilDate?, meetingEarliest: CivilDate,
            meetingLatest: CivilDate, rapidReviewDue: CivilDate, ruleSet: RuleSet, documentation: [String], agenciesAsked: [Agency],
            incidentKind: IncidentKind, incidentDate: CivilDate, laBecameAware: CivilDate? = nil, referringAgency: String? = nil
        ) {
            self.caseReference = caseReference
            self.referralReceived = referralReceived
            self.notifiedNationalPanel = notifiedNationalPanel
            self.meetingEarliest = meetingEarliest
            self.meetingLatest = meetingLatest
            self.rapidReviewDue = rapidReviewDue
            self.ruleSet = ruleSet
            self.documentation = documentation
            self.agenciesAsked = agenciesAsked
            self.incidentKind = incidentKind
            self.incidentDate = incidentDate
            self.laBecameAware = laBecameAware
            self.referringAgency = referringAgency
        }
    }

    /// Whether the hand-over opened the Rapid Review (a replay answers the first reply).
    package struct OpenRapidReviewResponse: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var opened: Bool
        package init(caseReference: CaseReference, opened: Bool) {
            self.caseReference = caseReference
            self.opened = opened
        }
    }
}
