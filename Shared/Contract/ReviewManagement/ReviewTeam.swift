import RPC
import WorkingDays

// MARK: - The lead reviewer and the review team (V3, V4, §6, §1.5.7)

extension ReviewManagementAPI {
    /// Who the safeguarding partners tell the lead reviewer's name (V3, §6.1.2).
    package enum NoticeRecipient: String, WireEnum {
        /// The Child Safeguarding Practice Review Panel (the National Panel).
        case nationalPanel
        /// The Department for Education.
        case departmentForEducation
        /// Ofsted.
        case ofsted
    }

    /// `AppointLeadReviewer`'s request: the reviewer and their declaration of independence
    /// and conflicts of interest (§6.1, §1.5.7).
    package struct AppointLeadReviewerRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The lead reviewer's name.
        package var name: String
        /// The organisation they work for or through.
        package var organisation: String
        /// When the partners appointed them.
        package var appointedOn: CivilDate
        /// Their statement of independence from the agencies and the case.
        package var independence: String
        /// Conflicts of interest they declare, and how each is managed; absent: none.
        package var conflictsOfInterest: String?

        package init(
            caseReference: CaseReference, name: String, organisation: String, appointedOn: CivilDate, independence: String,
            conflictsOfInterest: String? = nil
        ) {
            self.caseReference = caseReference
            self.name = name
            self.organisation = organisation
            self.appointedOn = appointedOn
            self.independence = independence
            self.conflictsOfInterest = conflictsOfInterest
        }
    }

    /// The lead reviewer as appointed.
    package struct LeadReviewerAppointment: Sendable, Equatable, Codable {
        /// The lead reviewer's name.
        package var name: String
        /// Their organisation.
        package var organisation: String
        /// When they were appointed.
        package var appointedOn: CivilDate
        /// Their statement of independence.
        package var independence: String
        /// Conflicts of interest declared; absent: none.
        package var conflictsOfInterest: String?
        /// Who recorded the appointment.
        package var recordedBy: String

        package init(
            name: String, organisation: String, appointedOn: CivilDate, independence: String, conflictsOfInterest: String?, recordedBy: String
        ) {
            self.name = name
            self.organisation = organisation
            self.appointedOn = appointedOn
            self.independence = independence
            self.conflictsOfInterest = conflictsOfInterest
            self.recordedBy = recordedBy
        }
    }

    /// The appointment recorded and the notices V3 asks for.
    package struct AppointLeadReviewerResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The appointment.
        package var appointment: LeadReviewerAppointment
        /// The notices of the reviewer's name still to send (V3): all three at first.
        package var noticesDue: [NoticeRecipient]

        package init(caseReference: CaseReference, appointment: LeadReviewerAppointment, noticesDue: [NoticeRecipient]) {
            self.caseReference = caseReference
            self.appointment = appointment
            self.noticesDue = noticesDue
        }
    }

    /// One notice of the reviewer's name as sent.
    package struct ReviewerNotice: Sendable, Equatable, Codable {
        /// To whom.
        package var recipient: NoticeRecipient
        /// When it was sent.
        package var sentOn: CivilDate

        package init(recipient: NoticeRecipient, sentOn: CivilDate) {
            self.recipient = recipient
            self.sentOn = sentOn
        }
    }

    /// `RecordReviewerNotice`'s request: one or more notices of the reviewer's name (V3).
    package struct RecordReviewerNoticeRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The notices sent, each recipient once.
        package var notices: [ReviewerNotice]

        package init(caseReference: CaseReference, notices: [ReviewerNotice]) {
            self.caseReference = caseReference
            self.notices = notices
        }
    }

    /// Every notice recorded so far and those still due.
    package struct RecordReviewerNoticeResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Every notice recorded, in the order recorded.
        package var notices: [ReviewerNotice]
        /// The recipients not yet told (empty: V3 met).
        package var noticesDue: [NoticeRecipient]

        package init(caseReference: CaseReference, notices: [ReviewerNotice], noticesDue: [NoticeRecipient]) {
            self.caseReference = caseReference
            self.notices = notices
            self.noticesDue = noticesDue
        }
    }

    /// A member of the review team (§6.2).
    package struct ReviewTeamRole: Sendable, Equatable, Codable {
        /// Their name.
        package var name: String
        /// Their role on the team, e.g. "police representative", "subject matter expert".
        package var role: String
        /// The agency they represent and which safeguarding partner it belongs to, if any.
        package var agency: Agency

        package init(name: String, role: String, agency: Agency) {
            self.name = name
            self.role = role
            self.agency = agency
        }
    }

    /// `SetReviewTeam`'s request: the whole team, a new version each time. V4 needs a
    /// representative of each safeguarding partner unless `missingPartnerReason` says why not.
    package struct SetReviewTeamRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Every member.
        package var members: [ReviewTeamRole]
        /// Why a safeguarding partner is not represented (recorded and flagged); absent when
        /// every partner is.
        package var missingPartnerReason: String?

        package init(caseReference: CaseReference, members: [ReviewTeamRole], missingPartnerReason: String? = nil) {
            self.caseReference = caseReference
            self.members = members
            self.missingPartnerReason = missingPartnerReason
        }
    }

    /// One version of the review team; earlier ones stay readable.
    package struct ReviewTeamVersion: Sendable, Equatable, Codable {
        /// 1, then 2, 3...
        package var version: Int
        /// Every member.
        package var members: [ReviewTeamRole]
        /// The safeguarding partners with no representative (V4); empty when all are.
        package var partnersNotRepresented: [PartnerKind]
        /// Why, when a partner is not represented.
        package var missingPartnerReason: String?
        /// When it was set.
        package var setOn: CivilDate
        /// Who set it.
        package var setBy: String

        package init(
            version: Int, members: [ReviewTeamRole], partnersNotRepresented: [PartnerKind], missingPartnerReason: String?, setOn: CivilDate,
            setBy: String
        ) {
            self.version = version
            self.members = members
            self.partnersNotRepresented = partnersNotRepresented
            self.missingPartnerReason = missingPartnerReason
            self.setOn = setOn
            self.setBy = setBy
        }
    }

    /// The team set and who has still to declare (§1.5.7).
    package struct SetReviewTeamResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version just set.
        package var team: ReviewTeamVersion
        /// Everyone taking part who has not yet declared.
        package var notDeclared: [String]

        package init(caseReference: CaseReference, team: ReviewTeamVersion, notDeclared: [String]) {
            self.caseReference = caseReference
            self.team = team
            self.notDeclared = notDeclared
        }
    }

    /// `RecordDeclaration`'s request: one person's declaration of conflicts of interest and
    /// their signed confidentiality agreement (§1.5.7).
    package struct RecordDeclarationRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The person declaring, as the team or the appointment names them.
        package var person: String
        /// Conflicts of interest declared; absent: none.
        package var conflictsOfInterest: String?
        /// True when they signed the confidentiality agreement (required).
        package var confidentialityAgreed: Bool
        /// When they declared.
        package var declaredOn: CivilDate

        package init(
            caseReference: CaseReference, person: String, conflictsOfInterest: String? = nil, confidentialityAgreed: Bool, declaredOn: CivilDate
        ) {
            self.caseReference = caseReference
            self.person = person
            self.conflictsOfInterest = conflictsOfInterest
            self.confidentialityAgreed = confidentialityAgreed
            self.declaredOn = declaredOn
        }
    }

    /// A declaration as recorded; a later one by the same person supersedes it.
    package struct Declaration: Sendable, Equatable, Codable {
        /// The person declaring.
        package var person: String
        /// Conflicts of interest declared; absent: none.
        package var conflictsOfInterest: String?
        /// The confidentiality agreement signed.
        package var confidentialityAgreed: Bool
        /// When they declared.
        package var declaredOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(person: String, conflictsOfInterest: String?, confidentialityAgreed: Bool, declaredOn: CivilDate, recordedBy: String) {
            self.person = person
            self.conflictsOfInterest = conflictsOfInterest
            self.confidentialityAgreed = confidentialityAgreed
            self.declaredOn = declaredOn
            self.recordedBy = recordedBy
        }
    }

    /// The declaration recorded and who has still to declare.
    package struct RecordDeclarationResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The declaration.
        package var declaration: Declaration
        /// Everyone taking part who has not yet declared.
        package var notDeclared: [String]

        package init(caseReference: CaseReference, declaration: Declaration, notDeclared: [String]) {
            self.caseReference = caseReference
            self.declaration = declaration
            self.notDeclared = notDeclared
        }
    }

    /// The lead reviewer and the review team as `GetReview` shows them: personal data (names).
    package struct ReviewTeamView: Sendable, Equatable, Codable {
        /// The appointment, once made.
        package var leadReviewer: LeadReviewerAppointment?
        /// The notices of the reviewer's name recorded (V3).
        package var notices: [ReviewerNotice]
        /// The notices still due once a reviewer is appointed (V3).
        package var noticesDue: [NoticeRecipient]
        /// Every version of the team, oldest first; the last is in force.
        package var teams: [ReviewTeamVersion]
        /// Flag: the safeguarding partners the team in force does not represent (V4).
        package var partnersNotRepresented: [PartnerKind]
        /// Every declaration, in the order recorded (§1.5.7).
        package var declarations: [Declaration]
        /// The reviewer and the members in force who have not declared.
        package var notDeclared: [String]

        package init(
            leadReviewer: LeadReviewerAppointment?, notices: [ReviewerNotice], noticesDue: [NoticeRecipient], teams: [ReviewTeamVersion],
            partnersNotRepresented: [PartnerKind], declarations: [Declaration], notDeclared: [String]
        ) {
            self.leadReviewer = leadReviewer
            self.notices = notices
            self.noticesDue = noticesDue
            self.teams = teams
            self.partnersNotRepresented = partnersNotRepresented
            self.declarations = declarations
            self.notDeclared = notDeclared
        }
    }
}
