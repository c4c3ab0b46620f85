import RPC
import WorkingDays

// MARK: - Referrals and notifications (§4.1-4.2, Appendix 2; T1)

extension IntakeAPI {
    /// `SubmitReferral`'s request: the Appendix 2 form.
    package struct SubmitReferralRequest: Sendable, Equatable, Codable {
        package var referral: Referral
        package init(referral: Referral) { self.referral = referral }
    }

    /// The case reference and the deadlines the referral starts (T2, T3, T4 window, T6).
    package struct SubmitReferralResponse: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        /// True when the same incident (same child, same incident date) was already a case:
        /// the referral was linked to it, not made a new case.
        package var linkedToExistingCase: Bool
        package var deadlines: [Deadline]
        package init(caseReference: CaseReference, linkedToExistingCase: Bool, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.linkedToExistingCase = linkedToExistingCase
            self.deadlines = deadlines
        }
    }

    /// `RecordNotification`'s request: a local-authority serious incident notification.
    package struct RecordNotificationRequest: Sendable, Equatable, Codable {
        package var notification: SeriousIncidentNotification
        package init(notification: SeriousIncidentNotification) { self.notification = notification }
    }

    /// The case the notification belongs to and T1 (to the National Panel, to the partners).
    package struct RecordNotificationResponse: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        /// True when the notification opened the case (no referral yet, §4.1.3).
        package var openedNewCase: Bool
        /// True when it was linked to an existing case for the same incident.
        package var linkedToExistingCase: Bool
        /// T1 twice: the National Panel notification and the report to the partners.
        package var deadlines: [Deadline]
        /// True when the National Panel was (or still is to be) notified after T1's due date.
        package var notifiedLate: Bool
        package init(caseReference: CaseReference, openedNewCase: Bool, linkedToExistingCase: Bool, deadlines: [Deadline], notifiedLate: Bool) {
            self.caseReference = caseReference
            self.openedNewCase = openedNewCase
            self.linkedToExistingCase = linkedToExistingCase
            self.deadlines = deadlines
            self.notifiedLate = notifiedLate
        }
    }
}
