import Contract
import WorkingDays

extension RapidReviewCase {
    /// Corrects the quorate meeting's record before the chair ratifies (the record as first made
    /// is kept; the correction stands in for it). The corrected content meets R2-R6 as a record
    /// must, stays quorate (R1), keeps the meeting's date, and keeps every immediate action
    /// already recorded as taken (R4); after ratification the outcome is the chair's and stands.
    func correctingMeeting(
        _ request: RapidReviewAPI.CorrectMeetingRequest, by principal: String, clock: CaseClock, partners: SafeguardingPartners? = nil
    ) throws(RapidReviewError) -> RapidReviewAPI.MeetingCorrection {
        guard let held = heldMeeting else {
            throw .outOfOrder(rule: .r1, problem: "only a quorate meeting's record is corrected; none recorded yet (RecordMeeting)")
        }
        if let ratification {
            throw .outOfOrder(
                rule: .r9, problem: "the outcome was ratified on \(ratification.ratifiedOn); the meeting's record is kept as ratified")
        }
        guard request.meeting.meetingDate == held.meetingDate else {
            throw .invalidField(
                path: "meeting.meetingDate", rule: nil, problem: "the meeting was held on \(held.meetingDate); a correction cannot move it")
        }
        guard !request.reason.isBlank else {
            throw .invalidField(path: "reason", rule: nil, problem: "say why the record is corrected")
        }
        let content = request.meeting
        let documentation = (request.documentation ?? held.documentation).map(\.trimmed).filter { !$0.isBlank }
        do throws(RapidReviewError) {
            try MeetingRules.checkParticipants(content.participants, omissions: content.omissions, expected: handOver.agenciesAsked)
            guard !content.caseSummary.isBlank else {
                throw .invalidField(path: "caseSummary", rule: nil, problem: "Appendix 5 Section 1 needs the case summary")
            }
            try MeetingRules.checkImmediateAction(content.immediateAction)
            try MeetingRules.checkCriteria(content.criteria)
            try MeetingRules.checkDiscussion(content.discussion)
        } catch {
            // The rules name the content's fields; the request holds them under `meeting`.
            guard case .invalidField(let path, let rule, let problem) = error else { throw error }
            throw .invalidField(path: "meeting." + path, rule: rule, problem: problem)
        }
        try MeetingRules.checkDocumentation(documentation)
        let missing = MeetingRules.missingPartners(content.participants, partners: partners ?? .defaults(for: reference.partnership))
        guard missing.isEmpty else {
            throw .invalidField(
                path: "meeting.participants", rule: .r1,
                problem: "the meeting was quorate; the corrected participants leave out \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        if let taken = actionsDone.map(\.action).max(), taken > content.immediateAction.actions.count {
            throw .invalidField(
                path: "meeting.immediateAction.actions", rule: .r4,
                problem: "action \(taken) was recorded as taken; a correction keeps every action already taken")
        }
        return RapidReviewAPI.MeetingCorrection(
            number: meetingCorrections.count + 1, meetingNumber: held.number, meeting: content, documentation: documentation,
            reason: request.reason.trimmed, correctedOn: clock.today, correctedBy: principal)
    }

    /// The meetings as they now read: each correction's content stands in for its meeting's.
    static func corrected(_ meetings: [RapidReviewAPI.RecordedMeeting], by corrections: [RapidReviewAPI.MeetingCorrection])
        -> [RapidReviewAPI.RecordedMeeting]
    {
        var read = meetings
        for correction in corrections {
            guard let index = read.firstIndex(where: { $0.number == correction.meetingNumber }) else { continue }
            read[index].meeting = correction.meeting
            read[index].documentation = correction.documentation
        }
        return read
    }
}
