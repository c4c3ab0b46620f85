import RPC
import WorkingDays

// MARK: - The reflective learning workshop (§8.8, Appendices 12-14): invitations, attendance,
// one-to-one conversations, learning points and the feedback session

extension ReviewManagementAPI {
    /// Who is invited: a practitioner directly involved, or their line manager (§8.8.1).
    package enum LearningEventInviteeKind: String, WireEnum {
        /// A frontline professional with direct involvement with the child or family.
        case practitioner
        /// A practitioner's line manager.
        case lineManager
    }

    /// `InviteToLearningEvent`'s request: one invitation to the workshop (Appendix 12).
    package struct InviteToLearningEventRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The invitee's name.
        package var name: String
        /// Their job title.
        package var role: String
        /// Their agency.
        package var agency: String
        /// Practitioner or line manager.
        package var kind: LearningEventInviteeKind
        /// When the letter was sent.
        package var invitedOn: CivilDate

        package init(
            caseReference: CaseReference, name: String, role: String, agency: String, kind: LearningEventInviteeKind, invitedOn: CivilDate
        ) {
            self.caseReference = caseReference
            self.name = name
            self.role = role
            self.agency = agency
            self.kind = kind
            self.invitedOn = invitedOn
        }
    }

    /// An invitation as recorded, numbered from 1 in the order sent.
    package struct LearningEventInvitation: Sendable, Equatable, Codable {
        /// The invitee's number.
        package var invitee: Int
        /// Their name.
        package var name: String
        /// Their job title.
        package var role: String
        /// Their agency.
        package var agency: String
        /// Practitioner or line manager.
        package var kind: LearningEventInviteeKind
        /// When the letter was sent.
        package var invitedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(
            invitee: Int, name: String, role: String, agency: String, kind: LearningEventInviteeKind, invitedOn: CivilDate, recordedBy: String
        ) {
            self.invitee = invitee
            self.name = name
            self.role = role
            self.agency = agency
            self.kind = kind
            self.invitedOn = invitedOn
            self.recordedBy = recordedBy
        }
    }

    /// `InviteToLearningEvent`'s answer.
    package struct InviteToLearningEventResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The invitation recorded.
        package var invitation: LearningEventInvitation

        package init(caseReference: CaseReference, invitation: LearningEventInvitation) {
            self.caseReference = caseReference
            self.invitation = invitation
        }
    }

    /// Whether an invitee came (Appendix 14's membership and apologies).
    package enum LearningEventAttendance: String, WireEnum {
        /// Attended.
        case attended
        /// Sent apologies.
        case sentApologies
        /// Did not attend, without apologies.
        case didNotAttend
    }

    /// `RecordLearningEventAttendance`'s request: one invitee's attendance, after the event.
    package struct RecordLearningEventAttendanceRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The invitee's number.
        package var invitee: Int
        /// Whether they came.
        package var attendance: LearningEventAttendance

        package init(caseReference: CaseReference, invitee: Int, attendance: LearningEventAttendance) {
            self.caseReference = caseReference
            self.invitee = invitee
            self.attendance = attendance
        }
    }

    /// An invitee's attendance as recorded; a later record for the same invitee corrects it.
    package struct LearningEventAttendanceRecord: Sendable, Equatable, Codable {
        /// The invitee's number.
        package var invitee: Int
        /// Whether they came.
        package var attendance: LearningEventAttendance
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(invitee: Int, attendance: LearningEventAttendance, recordedOn: CivilDate, recordedBy: String) {
            self.invitee = invitee
            self.attendance = attendance
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// `RecordLearningEventAttendance`'s answer.
    package struct RecordLearningEventAttendanceResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The attendance recorded.
        package var attendance: LearningEventAttendanceRecord

        package init(caseReference: CaseReference, attendance: LearningEventAttendanceRecord) {
            self.caseReference = caseReference
            self.attendance = attendance
        }
    }

    /// `RecordOneToOneConversation`'s request: the alternative for an invitee who cannot attend
    /// (Appendix 12: "a one to one meeting with our Lead Reviewer").
    package struct RecordOneToOneConversationRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The invitee's number.
        package var invitee: Int
        /// When it took place.
        package var on: CivilDate
        /// Who held it with them (normally the lead reviewer).
        package var with: String

        package init(caseReference: CaseReference, invitee: Int, on: CivilDate, with: String) {
            self.caseReference = caseReference
            self.invitee = invitee
            self.on = on
            self.with = with
        }
    }

    /// A one-to-one conversation as recorded.
    package struct OneToOneConversation: Sendable, Equatable, Codable {
        /// The invitee's number.
        package var invitee: Int
        /// When it took place.
        package var on: CivilDate
        /// Who held it with them.
        package var with: String
        /// Who recorded it.
        package var recordedBy: String

        package init(invitee: Int, on: CivilDate, with: String, recordedBy: String) {
            self.invitee = invitee
            self.on = on
            self.with = with
            self.recordedBy = recordedBy
        }
    }

    /// `RecordOneToOneConversation`'s answer.
    package struct RecordOneToOneConversationResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The conversation recorded.
        package var conversation: OneToOneConversation

        package init(caseReference: CaseReference, conversation: OneToOneConversation) {
            self.caseReference = caseReference
            self.conversation = conversation
        }
    }

    /// A key theme (§8.7) or a learning point (Appendix 13, "Identifying Learning"), with the
    /// agencies it concerns.
    package struct LearningPoint: Sendable, Equatable, Codable {
        /// The theme or point, anonymised (Appendix 13: comments are not attributable).
        package var text: String
        /// The agencies it concerns, at least one.
        package var agencies: [String]

        package init(text: String, agencies: [String]) {
            self.text = text
            self.agencies = agencies
        }
    }

    /// `RecordLearningPoints`' request: the key themes and learning points identified, as a
    /// whole; each call a new version, the earlier ones kept.
    package struct RecordLearningPointsRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The key themes for analysis (§8.7.1).
        package var themes: [LearningPoint]
        /// The learning points (§9.2.1).
        package var learningPoints: [LearningPoint]

        package init(caseReference: CaseReference, themes: [LearningPoint], learningPoints: [LearningPoint]) {
            self.caseReference = caseReference
            self.themes = themes
            self.learningPoints = learningPoints
        }
    }

    /// A version of the themes and learning points.
    package struct LearningPointsVersion: Sendable, Equatable, Codable {
        /// 1 for the first, then one more each time.
        package var version: Int
        /// The key themes.
        package var themes: [LearningPoint]
        /// The learning points.
        package var learningPoints: [LearningPoint]
        /// When recorded.
        package var recordedOn: CivilDate
        /// Who recorded them.
        package var recordedBy: String

        package init(version: Int, themes: [LearningPoint], learningPoints: [LearningPoint], recordedOn: CivilDate, recordedBy: String) {
            self.version = version
            self.themes = themes
            self.learningPoints = learningPoints
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// `RecordLearningPoints`' answer.
    package struct RecordLearningPointsResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version recorded.
        package var learning: LearningPointsVersion

        package init(caseReference: CaseReference, learning: LearningPointsVersion) {
            self.caseReference = caseReference
            self.learning = learning
        }
    }

    /// `RecordFeedbackSession`'s request: the feedback session to participants, held towards
    /// the end of the review (Appendix 12).
    package struct RecordFeedbackSessionRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// When it was held.
        package var on: CivilDate

        package init(caseReference: CaseReference, on: CivilDate) {
            self.caseReference = caseReference
            self.on = on
        }
    }

    /// The feedback session as recorded.
    package struct FeedbackSession: Sendable, Equatable, Codable {
        /// When it was held.
        package var on: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(on: CivilDate, recordedBy: String) {
            self.on = on
            self.recordedBy = recordedBy
        }
    }

    /// `RecordFeedbackSession`'s answer.
    package struct RecordFeedbackSessionResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The session recorded.
        package var feedbackSession: FeedbackSession

        package init(caseReference: CaseReference, feedbackSession: FeedbackSession) {
            self.caseReference = caseReference
            self.feedbackSession = feedbackSession
        }
    }

    /// One invitee as `GetReview` shows them: the invitation, their attendance and any
    /// one-to-one conversation.
    package struct LearningEventInvitee: Sendable, Equatable, Codable {
        /// The invitation.
        package var invitation: LearningEventInvitation
        /// Their attendance as last recorded; absent before the event.
        package var attendance: LearningEventAttendance?
        /// Their one-to-one conversations instead of attending.
        package var oneToOneConversations: [OneToOneConversation]?

        package init(invitation: LearningEventInvitation, attendance: LearningEventAttendance?, oneToOneConversations: [OneToOneConversation]?) {
            self.invitation = invitation
            self.attendance = attendance
            self.oneToOneConversations = oneToOneConversations
        }
    }

    /// The workshop as `GetReview` shows it (names: every read audited).
    package struct LearningWorkshopView: Sendable, Equatable, Codable {
        /// The workshop as last scheduled, if it is.
        package var event: LearningEvent?
        /// The facilitator: the lead reviewer (Appendix 13), once appointed.
        package var facilitator: String?
        /// Every invitee, in the order invited.
        package var invitees: [LearningEventInvitee]
        /// The themes and learning points in force (the latest version).
        package var learning: LearningPointsVersion?
        /// The feedback session, once held.
        package var feedbackSession: FeedbackSession?

        package init(
            event: LearningEvent?, facilitator: String?, invitees: [LearningEventInvitee], learning: LearningPointsVersion?,
            feedbackSession: FeedbackSession?
        ) {
            self.event = event
            self.facilitator = facilitator
            self.invitees = invitees
            self.learning = learning
            self.feedbackSession = feedbackSession
        }
    }

    /// Which letter of the workshop to render.
    package enum LearningEventDocumentKind: String, WireEnum {
        /// Appendix 12's invitation to one invitee, with Appendix 13's briefing note.
        case invitation
        /// Appendix 14's agenda.
        case agenda
    }

    /// `GetLearningEventDocument`'s request.
    package struct GetLearningEventDocumentRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The letter wanted.
        package var kind: LearningEventDocumentKind
        /// The invitee, for an invitation.
        package var invitee: Int?

        package init(caseReference: CaseReference, kind: LearningEventDocumentKind, invitee: Int? = nil) {
            self.caseReference = caseReference
            self.kind = kind
            self.invitee = invitee
        }
    }

    /// A letter of the workshop filled in, as Markdown.
    package struct LearningEventDocument: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The letter rendered.
        package var kind: LearningEventDocumentKind
        /// The invitee, for an invitation.
        package var invitee: Int?
        /// The document's media type: `text/markdown`.
        package var mediaType: String
        /// The document.
        package var document: String

        package init(caseReference: CaseReference, kind: LearningEventDocumentKind, invitee: Int?, document: String) {
            self.caseReference = caseReference
            self.kind = kind
            self.invitee = invitee
            self.mediaType = TermsOfReferenceDocument.markdown
            self.document = document
        }
    }
}
