import WorkingDays

/// A participant of the Rapid Review meeting (R2).
package struct Participant: Sendable, Equatable, Codable {
    /// Name.
    package var name: String
    /// Job role or title.
    package var role: String
    /// Agency or organisation.
    package var agency: String
    /// Which safeguarding partner the agency is, for quorum (R1).
    package var partnerKind: PartnerKind

    package init(name: String, role: String, agency: String, partnerKind: PartnerKind) {
        self.name = name
        self.role = role
        self.agency = agency
        self.partnerKind = partnerKind
    }
}

/// An agency whose involvement would normally be expected but was absent, and why (R2).
package struct Omission: Sendable, Equatable, Codable {
    /// The agency.
    package var agency: String
    /// The explanation.
    package var reason: String

    package init(agency: String, reason: String) {
        self.agency = agency
        self.reason = reason
    }
}

/// How the meeting was held (Appendix 5: ideally face to face).
package enum MeetingFormat: String, WireEnum {
    case faceToFace
    case telephone
}

/// An action: what, who, by when (R4).
package struct ActionItem: Sendable, Equatable, Codable {
    /// What is to be done.
    package var what: String
    /// Who does it.
    package var who: String
    /// By when.
    package var byWhen: CivilDate?
    /// Whether it has been done.
    package var done: Bool

    package init(what: String, who: String, byWhen: CivilDate? = nil, done: Bool = false) {
        self.what = what
        self.who = who
        self.byWhen = byWhen
        self.done = done
    }
}

/// Appendix 5 §2.1 (R4): has all appropriate immediate action been taken?
package struct ImmediateAction: Sendable, Equatable, Codable {
    /// Yes or no.
    package var allTaken: Bool
    /// Actions taken, or to be taken, by whom and when.
    package var actions: [ActionItem]
    /// Any further details.
    package var details: String?

    package init(allTaken: Bool, actions: [ActionItem] = [], details: String? = nil) {
        self.allTaken = allTaken
        self.actions = actions
        self.details = details
    }
}

/// Appendix 5 §2.2 (R5): the criteria for a local review, or none of them (exclusive).
package enum Criterion: String, WireEnum {
    /// 1. highlights improvements needed, including ones previously identified
    case improvementsNeeded
    /// 2. highlights recurrent themes
    case recurrentThemes
    /// 3. concerns about two or more agencies working together
    case multiAgencyWorking
    /// 4. the National Panel considered it and concluded a local review may be more appropriate
    case nationalPanelReferredLocal
    /// 5. cause for concern about the actions of a single agency
    case singleAgencyConcern
    /// 6. no agency involvement, and that gives cause for concern
    case noAgencyInvolvement
    /// 7. more than one local authority, police area or health area involved
    case crossBoundary
    /// 8. issues about children in institutional settings
    case institutionalSettings
    /// None of the above: exclusive of the other eight.
    case noneOfTheAbove
}

/// Appendix 5 §2.3 (R6): the discussion.
package struct RapidReviewDiscussion: Sendable, Equatable, Codable {
    /// The nature of the harm suffered.
    package var natureOfHarm: String
    /// Whether it meets the criteria for serious harm and/or long-term impairment.
    package var meetsSeriousHarm: Bool
    /// Key issues discussed, including the case analysis against the criteria.
    package var keyIssues: String
    /// Immediate learning that can be acted on.
    package var immediateLearning: String?
    /// Who shares and implements that learning, and how.
    package var learningSharedBy: String?
    /// Has legal advice been sought? Details if so.
    package var legalAdvice: YesNoDetails

    package init(
        natureOfHarm: String, meetsSeriousHarm: Bool, keyIssues: String, immediateLearning: String? = nil, learningSharedBy: String? = nil,
        legalAdvice: YesNoDetails
    ) {
        self.natureOfHarm = natureOfHarm
        self.meetsSeriousHarm = meetsSeriousHarm
        self.keyIssues = keyIssues
        self.immediateLearning = immediateLearning
        self.learningSharedBy = learningSharedBy
        self.legalAdvice = legalAdvice
    }
}

/// Appendix 5 §3 (R7): exactly one recommendation, a-j.
package enum Recommendation: String, WireEnum {
    /// a) meets the criteria for a national CSPR
    case nationalReview
    /// b) meets the criteria for a local CSPR
    case localReview
    /// c) does not meet the criteria but warrants an alternative learning review
    case alternativeLearningReview
    /// d) warrants consideration of DHR, SAR, MAPPA SFO or other (state which)
    case otherStatutoryReview
    /// e) warrants a single-agency review
    case singleAgencyReview
    /// f) warrants a multi-agency audit
    case multiAgencyAudit
    /// g) warrants a single-agency audit
    case singleAgencyAudit
    /// h) needs no further action
    case noFurtherAction
    /// i) learning identified and acted upon, obviating the need for further review
    case learningActedUpon
    /// j) other (state)
    case other

    /// The form's letter, a-j.
    package var letter: Character {
        let letters: [Recommendation: Character] = [
            .nationalReview: "a", .localReview: "b", .alternativeLearningReview: "c", .otherStatutoryReview: "d",
            .singleAgencyReview: "e", .multiAgencyAudit: "f", .singleAgencyAudit: "g", .noFurtherAction: "h",
            .learningActedUpon: "i", .other: "j",
        ]
        return letters[self] ?? "?"
    }

    /// d and j need a statement of which review or what else (R7).
    package var needsStatement: Bool { self == .otherStatutoryReview || self == .other }

    /// c-j: the case does not meet the criteria for a CSPR, so other options must have been
    /// considered (R8).
    package var isBelowCSPRThreshold: Bool { self != .nationalReview && self != .localReview }

    /// h and i: a decision not to proceed with any review, which explains why no further
    /// learning is to be gained (R8, Appendix 5 §3).
    package var isDecisionNotToProceed: Bool { self == .noFurtherAction || self == .learningActedUpon }
}

/// Appendix 5 §3 (R7, R8): the recommendation agreed, its statement and reasons.
package struct RecommendationDecision: Sendable, Equatable, Codable {
    /// One of a-j.
    package var recommendation: Recommendation
    /// "Please state": required for d and j.
    package var statement: String?
    /// Reasons, including the potential identified for additional learning (always required).
    package var reasons: String
    /// Other review options considered (required for c-j).
    package var otherOptionsConsidered: String?
    /// Why no further learning is to be gained (required for h and i).
    package var whyNoFurtherLearning: String?
    /// The analysis of key practice episodes (Working Together 2023: required under `wt-2023`
    /// only; absent on the wire when not given).
    package var keyPracticeEpisodes: String?
    /// How racism and other inequalities may have influenced the child's experience and the
    /// practice (Working Together 2023: required under `wt-2023` only).
    package var racismAndInequalities: String?

    package init(
        recommendation: Recommendation, statement: String? = nil, reasons: String, otherOptionsConsidered: String? = nil,
        whyNoFurtherLearning: String? = nil, keyPracticeEpisodes: String? = nil, racismAndInequalities: String? = nil
    ) {
        self.recommendation = recommendation
        self.statement = statement
        self.reasons = reasons
        self.otherOptionsConsidered = otherOptionsConsidered
        self.whyNoFurtherLearning = whyNoFurtherLearning
        self.keyPracticeEpisodes = keyPracticeEpisodes
        self.racismAndInequalities = racismAndInequalities
    }
}

/// What Appendix 5 records of the Rapid Review meeting: its date, who took part and who did
/// not, the case summary and sections 2.1-2.3. The meeting's request, the recorded meeting and
/// the outcome embed it; on the wire its fields sit flat beside theirs (golden files).
package struct MeetingContent: Sendable, Equatable, Codable {
    /// The day the meeting was held.
    package var meetingDate: CivilDate
    /// Who took part (R1, R2).
    package var participants: [Participant]
    /// Expected agencies absent, with reasons (R2); none when absent on the wire.
    package var omissions: [Omission]
    /// Section 1: the case summary, circumstances and the triggering incident (no names: the
    /// case reference stands for the child).
    package var caseSummary: String
    /// §2.1 (R4).
    package var immediateAction: ImmediateAction
    /// §2.2 (R5).
    package var criteria: [Criterion]
    /// §2.3 (R6).
    package var discussion: RapidReviewDiscussion

    package init(
        meetingDate: CivilDate, participants: [Participant], omissions: [Omission] = [], caseSummary: String,
        immediateAction: ImmediateAction, criteria: [Criterion], discussion: RapidReviewDiscussion
    ) {
        self.meetingDate = meetingDate
        self.participants = participants
        self.omissions = omissions
        self.caseSummary = caseSummary
        self.immediateAction = immediateAction
        self.criteria = criteria
        self.discussion = discussion
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        meetingDate = try container.decode(CivilDate.self, forKey: .meetingDate)
        participants = try container.decode([Participant].self, forKey: .participants)
        omissions = try container.decodeIfPresent([Omission].self, forKey: .omissions) ?? []
        caseSummary = try container.decode(String.self, forKey: .caseSummary)
        immediateAction = try container.decode(ImmediateAction.self, forKey: .immediateAction)
        criteria = try container.decode([Criterion].self, forKey: .criteria)
        discussion = try container.decode(RapidReviewDiscussion.self, forKey: .discussion)
    }
}

/// Appendix 5: the Rapid Review Outcome document's content apart from the child's personal
/// details (which stay with intake and are merged in only when the document is rendered for
/// the roles allowed to see them).
@dynamicMemberLookup
package struct RapidReviewOutcome: Sendable, Equatable, Codable {
    /// The case.
    package var caseReference: CaseReference
    /// The meeting as Appendix 5 records it.
    package var meeting: MeetingContent
    /// Face to face or by telephone.
    package var format: MeetingFormat
    /// Documentation available to the meeting (R3).
    package var documentation: [String]
    /// §3 (R7, R8), once agreed.
    package var decision: RecommendationDecision?
    /// Date the form was submitted to the National Panel (T5).
    package var submittedToNationalPanel: CivilDate?

    package init(
        caseReference: CaseReference, meeting: MeetingContent, format: MeetingFormat, documentation: [String],
        decision: RecommendationDecision? = nil, submittedToNationalPanel: CivilDate? = nil
    ) {
        self.caseReference = caseReference
        self.meeting = meeting
        self.format = format
        self.documentation = documentation
        self.decision = decision
        self.submittedToNationalPanel = submittedToNationalPanel
    }

    /// The meeting's fields, read as the outcome's (`outcome.participants`).
    package subscript<Value>(dynamicMember field: WritableKeyPath<MeetingContent, Value>) -> Value {
        get { meeting[keyPath: field] }
        set { meeting[keyPath: field] = newValue }
    }

    private enum CodingKeys: String, CodingKey {
        case caseReference, format, documentation, decision, submittedToNationalPanel
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        caseReference = try container.decode(CaseReference.self, forKey: .caseReference)
        meeting = try MeetingContent(from: decoder)
        format = try container.decode(MeetingFormat.self, forKey: .format)
        documentation = try container.decode([String].self, forKey: .documentation)
        decision = try container.decodeIfPresent(RecommendationDecision.self, forKey: .decision)
        submittedToNationalPanel = try container.decodeIfPresent(CivilDate.self, forKey: .submittedToNationalPanel)
    }

    package func encode(to encoder: any Encoder) throws {
        try meeting.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(caseReference, forKey: .caseReference)
        try container.encode(format, forKey: .format)
        try container.encode(documentation, forKey: .documentation)
        try container.encodeIfPresent(decision, forKey: .decision)
        try container.encodeIfPresent(submittedToNationalPanel, forKey: .submittedToNationalPanel)
    }
}
