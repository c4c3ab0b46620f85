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
    /// Other cases whose child may be this one's (item 7): flagged, confirmed or rejected.
    var childMatches: [IntakeAPI.ChildMatch] = []
    /// The case this one was merged into, and when, once its child was confirmed to be that
    /// case's (item 7): its forms are in that case's file and it takes no more work.
    var mergedInto: CaseReference?
    var mergedOn: CivilDate?

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

/// How the same child is recognised across the forms of one incident (issue 17, item 7): the
/// names agree once case, diacritics and spacing are set aside ("Zoë  Testcase" is "ZOE
/// TESTCASE"; "Twin 1 Testcase" is not "Twin 2 Testcase"), and so do the dates of birth. A form
/// without a date of birth, naming a child of the same name, is a possible match only: a person
/// confirms or rejects it, it is never merged.
enum ChildKey {
    /// What two forms' children have in common.
    enum Match: Equatable {
        /// The same name and date of birth: the same child.
        case same
        /// The same name, a date of birth missing on one side: for a person to decide.
        case possible
        /// Not the same child.
        case different
    }

    /// The name as people compare names: case, diacritics and runs of spacing aside.
    static func of(_ person: Person) -> String {
        person.name.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The key rows written before issue 17 carry (letters only): searched too, so that those
    /// cases are still found; `match` then decides on the names themselves.
    static func legacy(_ person: Person) -> String {
        person.name.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
    }

    static func match(_ a: Person, _ b: Person) -> Match {
        guard of(a) == of(b) else { return .different }
        guard let first = a.dateOfBirth, let second = b.dateOfBirth else { return .possible }
        return first == second ? .same : .different
    }
}
