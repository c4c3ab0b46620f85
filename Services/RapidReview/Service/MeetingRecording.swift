import Contract
import WorkingDays

extension RapidReviewCase {
    /// Records the meeting as held (Appendix 5). It must be the meeting scheduled, held by
    /// today, with R2-R6 answered; quorum (R1) is judged and recorded, not refused: a meeting
    /// that was not quorate is kept, and no recommendation can be agreed at it.
    /// `partners` are the partnership's safeguarding partners by name (R1); the defaults of the
    /// case's partnership when nil.
    func recordingMeeting(
        _ request: RapidReviewAPI.RecordMeetingRequest, by principal: String, clock: CaseClock, partners: SafeguardingPartners? = nil
    ) throws(RapidReviewError) -> RapidReviewAPI.RecordedMeeting {
        if let held = heldMeeting {
            throw .outOfOrder(rule: .r1, problem: "a quorate meeting was already recorded on \(held.meetingDate); it is kept as recorded")
        }
        guard let scheduled = currentSchedule else {
            throw .outOfOrder(rule: .t4, problem: "record the meeting once it is scheduled; no meeting scheduled yet (ScheduleMeeting)")
        }
        guard request.meetingDate == scheduled.date else {
            throw .outOfOrder(
                rule: .t4,
                problem:
                    "the meeting is scheduled for \(scheduled.date), not \(request.meetingDate); reschedule it first (ScheduleMeeting keeps the history)"
            )
        }
        guard request.meetingDate <= clock.today else {
            throw .invalidField(
                path: "meetingDate", rule: nil, problem: "\(request.meetingDate) is after today (\(clock.today)); record the meeting once held")
        }
        try MeetingRules.checkParticipants(request.participants, omissions: request.omissions, expected: handOver.agenciesAsked)
        let documentation = (request.documentation ?? handOver.documentation).map(\.trimmed).filter { !$0.isBlank }
        try MeetingRules.checkDocumentation(documentation)
        guard !request.caseSummary.isBlank else {
            throw .invalidField(path: "caseSummary", rule: nil, problem: "Appendix 5 Section 1 needs the case summary")
        }
        try MeetingRules.checkImmediateAction(request.immediateAction)
        try MeetingRules.checkCriteria(request.criteria)
        try MeetingRules.checkDiscussion(request.discussion)
        let missing = MeetingRules.missingPartners(request.participants, partners: partners ?? .defaults(for: reference.partnership))
        return RapidReviewAPI.RecordedMeeting(
            number: meetings.count + 1, scheduleNumber: scheduled.number, meeting: request.meeting, format: request.format ?? scheduled.format,
            documentation: documentation, quorate: missing.isEmpty,
            missingPartners: missing, recordedOn: clock.today, recordedBy: principal)
    }
}

/// The content rules of the meeting's record, R1-R6, each naming the field it refuses.
enum MeetingRules {
    /// R1: the safeguarding partners with no representative present: judged by the agency each
    /// participant comes from against the partnership's partners, not the kind they declare.
    static func missingPartners(_ participants: [Participant], partners: SafeguardingPartners) -> [PartnerKind] {
        let present = partners.represented(by: participants.map(\.agency))
        return PartnerKind.safeguardingPartners.filter { !present.contains($0) }
    }

    /// R2: every participant with name, role and agency; every omission explained; every
    /// agency asked for scoping either present or listed as an omission.
    static func checkParticipants(_ participants: [Participant], omissions: [Omission], expected: [Agency]) throws(RapidReviewError) {
        guard !participants.isEmpty else {
            throw .invalidField(path: "participants", rule: .r2, problem: "list who took part, with name, role and agency")
        }
        for (index, participant) in participants.enumerated() {
            for (field, value) in [("name", participant.name), ("role", participant.role), ("agency", participant.agency)] where value.isBlank {
                throw .invalidField(
                    path: "participants[\(index)].\(field)", rule: .r2, problem: "each participant is listed with name, role and agency")
            }
        }
        for (index, omission) in omissions.enumerated() {
            if omission.agency.isBlank {
                throw .invalidField(path: "omissions[\(index)].agency", rule: .r2, problem: "name the agency omitted")
            }
            if omission.reason.isBlank {
                throw .invalidField(path: "omissions[\(index)].reason", rule: .r2, problem: "explain why \(omission.agency.trimmed) took no part")
            }
        }
        let accounted = Set(participants.map(\.agency.agencyKey) + omissions.map(\.agency.agencyKey))
        if let absent = expected.first(where: { !accounted.contains($0.name.agencyKey) }) {
            throw .invalidField(
                path: "omissions", rule: .r2,
                problem: "\(absent.name) was asked for scoping but is not among the participants; explain its omission")
        }
    }

    /// The names an entry of the documentation starts with when it is the referral or the LA
    /// notification itself, as words.
    static let foundingDocuments: [[String]] = [
        ["referral"], ["linked", "referral"], ["notification"], ["la", "notification"], ["local", "authority", "notification"],
        ["serious", "incident", "notification"],
    ]
    /// Words that make an entry say a document is absent ("referral not received").
    static let absenceWords: Set<String> = ["no", "not", "none", "missing", "awaited", "awaiting", "outstanding", "without"]

    /// True when `entry` is the referral or the LA notification: it starts with its name and
    /// says nothing of its absence. Merely containing the word is not enough ("no notification").
    static func isFoundingDocument(_ entry: String) -> Bool {
        let words = entry.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard foundingDocuments.contains(where: { words.starts(with: $0) }) else { return false }
        return absenceWords.isDisjoint(with: words)
    }

    /// R3: the referral and/or the LA notification was before the meeting.
    static func checkDocumentation(_ documentation: [String]) throws(RapidReviewError) {
        guard documentation.contains(where: isFoundingDocument) else {
            throw .invalidField(
                path: "documentation", rule: .r3,
                problem: "the meeting has the referral and/or the LA notification, and the returned scoping forms; list them")
        }
    }

    /// R4: yes or no; with the details of what was done, or of what is needed, by whom, by when.
    static func checkImmediateAction(_ action: ImmediateAction) throws(RapidReviewError) {
        if action.allTaken {
            guard !action.actions.isEmpty || !action.details.isBlank else {
                throw .invalidField(path: "immediateAction.details", rule: .r4, problem: "give the details of the immediate action taken")
            }
        } else {
            guard !action.actions.isEmpty else {
                throw .invalidField(
                    path: "immediateAction.actions", rule: .r4, problem: "not all immediate action is taken: say what is needed, by whom and by when"
                )
            }
        }
        for (index, item) in action.actions.enumerated() {
            if item.what.isBlank {
                throw .invalidField(path: "immediateAction.actions[\(index)].what", rule: .r4, problem: "say what the action is")
            }
            if item.who.isBlank {
                throw .invalidField(path: "immediateAction.actions[\(index)].who", rule: .r4, problem: "say who takes the action")
            }
            if !item.done && item.byWhen == nil {
                throw .invalidField(path: "immediateAction.actions[\(index)].byWhen", rule: .r4, problem: "an action still to be taken says by when")
            }
        }
    }

    /// R5: any of the eight criteria, or none of the above, which excludes them.
    static func checkCriteria(_ criteria: [Criterion]) throws(RapidReviewError) {
        guard !criteria.isEmpty else {
            throw .invalidField(path: "criteria", rule: .r5, problem: "tick the criteria the case has the potential to meet, or noneOfTheAbove")
        }
        var seen = Set<Criterion>()
        for (index, criterion) in criteria.enumerated() where !seen.insert(criterion).inserted {
            throw .invalidField(path: "criteria[\(index)]", rule: .r5, problem: "\(criterion.rawValue) is ticked twice")
        }
        if criteria.contains(.noneOfTheAbove) && criteria.count > 1 {
            throw .invalidField(path: "criteria", rule: .r5, problem: "noneOfTheAbove excludes the other criteria")
        }
    }

    /// R6: the nature of the harm, the key issues, who shares any immediate learning and how,
    /// and the details of legal advice when it was sought.
    static func checkDiscussion(_ discussion: RapidReviewDiscussion) throws(RapidReviewError) {
        if discussion.natureOfHarm.isBlank {
            throw .invalidField(path: "discussion.natureOfHarm", rule: .r6, problem: "record the nature of the harm suffered")
        }
        if discussion.keyIssues.isBlank {
            throw .invalidField(path: "discussion.keyIssues", rule: .r6, problem: "summarise the key issues discussed")
        }
        if !discussion.immediateLearning.isBlank && discussion.learningSharedBy.isBlank {
            throw .invalidField(
                path: "discussion.learningSharedBy", rule: .r6, problem: "say who shares and implements the immediate learning, and how")
        }
        if discussion.legalAdvice.answer && discussion.legalAdvice.details.isBlank {
            throw .invalidField(path: "discussion.legalAdvice.details", rule: .r6, problem: "legal advice was sought: give its details")
        }
    }
}
