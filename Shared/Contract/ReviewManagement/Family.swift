import RPC
import WorkingDays

// MARK: - The family's involvement (V5, §7, Appendices 7-8): personal data throughout

extension ReviewManagementAPI {
    /// How a family member is invited to contribute (§7.3.2).
    package enum FamilyInvitationRoute: String, WireEnum {
        /// The letter of Appendix 7, with the leaflet of Appendix 8.
        case letter
        /// In person, by a named practitioner (the most appropriate professional).
        case inPerson
        /// Through the police family liaison officer (§6.2.3).
        case policeFamilyLiaison
        /// Another way, described in `detail`.
        case other
    }

    /// How a family member is, or is to be, invited.
    package struct FamilyInvitation: Sendable, Equatable, Codable {
        /// The route.
        package var route: FamilyInvitationRoute
        /// The practitioner making contact: required in person.
        package var practitioner: String?
        /// More about the route: required for `other`.
        package var detail: String?

        package init(route: FamilyInvitationRoute, practitioner: String? = nil, detail: String? = nil) {
            self.route = route
            self.practitioner = practitioner
            self.detail = detail
        }
    }

    /// The support a family member needs to take part (§7.1.2, §5.5.2).
    package struct FamilySupportNeeds: Sendable, Equatable, Codable {
        /// The language an interpreter is needed for; absent: none.
        package var interpreterLanguage: String?
        /// True when an advocate is needed.
        package var advocate: Bool?
        /// Accessibility needs (e.g. a disabled parent's); absent: none.
        package var accessibility: String?
        /// Anything else, e.g. specialist domestic abuse support.
        package var other: String?

        package init(interpreterLanguage: String? = nil, advocate: Bool? = nil, accessibility: String? = nil, other: String? = nil) {
            self.interpreterLanguage = interpreterLanguage
            self.advocate = advocate
            self.accessibility = accessibility
            self.other = other
        }
    }

    /// `RecordFamilyMember`'s request: a family member identified (§5.5.1, §7.2), or a new
    /// version of one already recorded (`member` given); earlier versions stay readable.
    package struct RecordFamilyMemberRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The member's number to update; absent: a new member.
        package var member: Int?
        /// Their name.
        package var name: String
        /// Their relationship to the child, e.g. "mother", "sibling".
        package var relationship: String
        /// True when relevant to the review: V5 asks that they are invited.
        package var relevant: Bool
        /// How they are invited; absent: not decided yet.
        package var invitation: FamilyInvitation?
        /// What they need to take part.
        package var supportNeeds: FamilySupportNeeds?
        /// True for a child (the child or a surviving sibling).
        package var child: Bool?
        /// For a child: how the child's voice is included (required then).
        package var childsVoice: String?

        package init(
            caseReference: CaseReference, member: Int? = nil, name: String, relationship: String, relevant: Bool, invitation: FamilyInvitation? = nil,
            supportNeeds: FamilySupportNeeds? = nil, child: Bool? = nil, childsVoice: String? = nil
        ) {
            self.caseReference = caseReference
            self.member = member
            self.name = name
            self.relationship = relationship
            self.relevant = relevant
            self.invitation = invitation
            self.supportNeeds = supportNeeds
            self.child = child
            self.childsVoice = childsVoice
        }
    }

    /// One version of a family member as recorded.
    package struct FamilyMemberVersion: Sendable, Equatable, Codable {
        /// The member's number in this review: 1, 2, ...
        package var member: Int
        /// This version of them: 1, then 2, ...
        package var version: Int
        /// Their name.
        package var name: String
        /// Their relationship to the child.
        package var relationship: String
        /// True when relevant to the review (V5).
        package var relevant: Bool
        /// How they are invited.
        package var invitation: FamilyInvitation?
        /// What they need to take part.
        package var supportNeeds: FamilySupportNeeds?
        /// True for a child.
        package var child: Bool?
        /// For a child: how the child's voice is included.
        package var childsVoice: String?
        /// When this version was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(
            member: Int, version: Int, name: String, relationship: String, relevant: Bool, invitation: FamilyInvitation?,
            supportNeeds: FamilySupportNeeds?, child: Bool?, childsVoice: String?, recordedOn: CivilDate, recordedBy: String
        ) {
            self.member = member
            self.version = version
            self.name = name
            self.relationship = relationship
            self.relevant = relevant
            self.invitation = invitation
            self.supportNeeds = supportNeeds
            self.child = child
            self.childsVoice = childsVoice
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// The version recorded, and the §7.4.1 warnings now standing.
    package struct RecordFamilyMemberResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version recorded.
        package var member: FamilyMemberVersion
        /// Warnings, not refusals (§7.4.1); empty when none.
        package var warnings: [String]

        package init(caseReference: CaseReference, member: FamilyMemberVersion, warnings: [String]) {
            self.caseReference = caseReference
            self.member = member
            self.warnings = warnings
        }
    }

    /// Where a conversation with a family member stands (§7.3-7.4).
    package enum FamilyContactStatus: String, WireEnum {
        /// Informed of the review and invited to contribute.
        case invited
        /// They accepted the invitation.
        case accepted
        /// They declined: the reason is recorded (V5, §7.4.2).
        case declined
        /// The conversation took place.
        case met
        /// Not involved, e.g. a parallel investigation: the reason is recorded (V5, §7.4.2).
        case notInvolved
    }

    /// `RecordFamilyContact`'s request: one step of the conversation with a member. A relevant
    /// member who declines or is not involved needs the reason (V5).
    package struct RecordFamilyContactRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The member's number.
        package var member: Int
        /// Where it now stands.
        package var status: FamilyContactStatus
        /// When.
        package var on: CivilDate
        /// Why not involved (required for a relevant member who declines or is not involved).
        package var reason: String?

        package init(caseReference: CaseReference, member: Int, status: FamilyContactStatus, on: CivilDate, reason: String? = nil) {
            self.caseReference = caseReference
            self.member = member
            self.status = status
            self.on = on
            self.reason = reason
        }
    }

    /// One step of a conversation as recorded.
    package struct FamilyContact: Sendable, Equatable, Codable {
        /// The member's number.
        package var member: Int
        /// Where it stood.
        package var status: FamilyContactStatus
        /// When.
        package var on: CivilDate
        /// Why not involved, when given.
        package var reason: String?
        /// Who recorded it.
        package var recordedBy: String

        package init(member: Int, status: FamilyContactStatus, on: CivilDate, reason: String?, recordedBy: String) {
            self.member = member
            self.status = status
            self.on = on
            self.reason = reason
            self.recordedBy = recordedBy
        }
    }

    /// The step recorded, and the §7.4.1 warnings now standing.
    package struct RecordFamilyContactResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The step recorded.
        package var contact: FamilyContact
        /// Warnings, not refusals (§7.4.1); empty when none.
        package var warnings: [String]

        package init(caseReference: CaseReference, contact: FamilyContact, warnings: [String]) {
            self.caseReference = caseReference
            self.contact = contact
            self.warnings = warnings
        }
    }

    /// One family member as the review shows them: the version in force, its history, and
    /// their conversation.
    package struct FamilyMemberView: Sendable, Equatable, Codable {
        /// The version in force (the latest).
        package var current: FamilyMemberVersion
        /// Every version, oldest first.
        package var versions: [FamilyMemberVersion]
        /// Where the conversation stands; absent: not yet invited.
        package var status: FamilyContactStatus?
        /// Every step of the conversation, in the order recorded.
        package var contacts: [FamilyContact]

        package init(
            current: FamilyMemberVersion, versions: [FamilyMemberVersion], status: FamilyContactStatus?, contacts: [FamilyContact]
        ) {
            self.current = current
            self.versions = versions
            self.status = status
            self.contacts = contacts
        }
    }

    /// A relevant family member not involved, and why: carried into the report (§7.4.2).
    package struct NonInvolvement: Sendable, Equatable, Codable {
        /// The member's number.
        package var member: Int
        /// Their relationship to the child.
        package var relationship: String
        /// declined or notInvolved.
        package var status: FamilyContactStatus
        /// The reason recorded.
        package var reason: String

        package init(member: Int, relationship: String, status: FamilyContactStatus, reason: String) {
            self.member = member
            self.relationship = relationship
            self.status = status
            self.reason = reason
        }
    }

    /// The family's involvement as `GetReview` shows it: personal data.
    package struct FamilyView: Sendable, Equatable, Codable {
        /// Every member, in the order identified.
        package var members: [FamilyMemberView]
        /// Relevant members not yet invited (V5), by number.
        package var notYetInvited: [Int]
        /// Every reason for non-involvement (§7.4.2), for the report.
        package var nonInvolvement: [NonInvolvement]
        /// Warnings, not refusals: a practitioners' workshop before the family conversations (§7.4.1).
        package var warnings: [String]

        package init(members: [FamilyMemberView], notYetInvited: [Int], nonInvolvement: [NonInvolvement], warnings: [String]) {
            self.members = members
            self.notYetInvited = notYetInvited
            self.nonInvolvement = nonInvolvement
            self.warnings = warnings
        }
    }
}
