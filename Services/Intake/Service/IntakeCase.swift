import Contract
import Foundation
import WorkingDays

/// A case as intake holds it: the forms, the scoping requests and returns, the hand-over, as
/// recorded. What follows from them (the incident, who must not be disclosed, the agencies
/// still to return, the deadlines and the stage) is derived, never stored.
struct IntakeCase: Sendable, Equatable {
    var reference: CaseReference
    /// The date the partnership first received the referral or notification: T2, T3, T4, T6.
    var anchor: CivilDate
    var referral: Referral?
    /// Further referrals of the same incident. Read for the case file and the disclosure
    /// check; a change loads the case without them and adds the one it links.
    var linkedReferrals: [Referral] = []
    var notification: SeriousIncidentNotification?
    var requests: [ScopingRequest]
    var returns: [ScopingReturn]
    /// Returns received after T3, by agency key.
    var lateReturns: Set<String>
    /// When the case was handed to the Rapid Review; T4 and T6's anchor is frozen from then.
    var handedOverOn: CivilDate?
    /// When the quorate Rapid Review meeting was held, as rapid-review told intake (§4.5.2):
    /// scoping closes, and intake's deadlines not met by then are no longer open.
    var meetingHeldOn: CivilDate?
    /// The recorded decisions extending T1-T3, oldest first.
    var extensions: [DeadlineExtension] = []

    init(
        reference: CaseReference, anchor: CivilDate, referral: Referral?, linkedReferrals: [Referral] = [],
        notification: SeriousIncidentNotification?, requests: [ScopingRequest] = [], returns: [ScopingReturn] = [],
        lateReturns: Set<String> = [], handedOverOn: CivilDate? = nil, meetingHeldOn: CivilDate? = nil
    ) {
        self.reference = reference
        self.anchor = anchor
        self.referral = referral
        self.linkedReferrals = linkedReferrals
        self.notification = notification
        self.requests = requests
        self.returns = returns
        self.lateReturns = lateReturns
        self.handedOverOn = handedOverOn
        self.meetingHeldOn = meetingHeldOn
    }

    /// The incident, from the referral or else the notification.
    var incident: Incident? { referral?.child.incident ?? notification?.incident }

    /// The child's name (personal data: only for the roles allowed to read it).
    var childName: String { referral?.child.person.name ?? notification?.child.name ?? "" }

    /// The child and family whose details must not be disclosed (P4): who, and their details.
    var people: [(whose: String, person: Person)] {
        var people: [(String, Person)] = []
        if let referral {
            people.append(("child", referral.child.person))
        }
        if let notification {
            people.append(("child", notification.child))
        }
        // Every form's family: a linked referral may name someone the first did not.
        for form in [referral].compactMap({ $0 }) + linkedReferrals {
            for member in form.familyMembers { people.append((member.relationshipToChild, member.person)) }
        }
        return people
    }

    /// The child as the first form names them.
    var child: Person? { referral?.child.person ?? notification?.child }

    /// Agencies asked that have not returned.
    var outstandingAgencies: [String] {
        let returned = Set(returns.map { AgencyKey.of($0.agency.name) })
        return requests.filter { !returned.contains(AgencyKey.of($0.agency.name)) }.map(\.agency.name)
    }
}

/// How the same child is recognised across a referral and a notification (same incident:
/// same child, same incident date): the name, case and punctuation aside; dates of birth, when
/// both forms give one, must agree too.
enum ChildKey {
    static func of(_ person: Person) -> String {
        person.name.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
    }

    static func sameChild(_ a: Person, _ b: Person) -> Bool {
        guard of(a) == of(b) else { return false }
        if let first = a.dateOfBirth, let second = b.dateOfBirth { return first == second }
        return true
    }
}
