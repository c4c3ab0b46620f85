import Contract
import WorkingDays

extension RapidReviewCase {
    /// Records that the ratified outcome went to the National Panel and to every relevant
    /// agency, the referrer included (R10). Late after 2 working days from the meeting is
    /// flagged, not refused (T5); T6 met or missed is recorded. The Rapid Review is complete.
    func submitting(_ request: RapidReviewAPI.RecordSubmissionRequest, by principal: String, clock: CaseClock) throws(RapidReviewError)
        -> RapidReviewAPI.Submission
    {
        if let submission {
            throw .outOfOrder(rule: .r10, problem: "already submitted to the National Panel on \(submission.submittedToNationalPanel)")
        }
        guard let ratification, let meeting = heldMeeting else {
            throw .outOfOrder(rule: .r10, problem: "the submission needs the ratified outcome; not ratified yet (Ratify)")
        }
        let submitted = request.submittedToNationalPanel
        guard submitted >= ratification.ratifiedOn else {
            throw .invalidField(
                path: "submittedToNationalPanel", rule: .r10,
                problem: "\(submitted) is before the ratification on \(ratification.ratifiedOn); only the ratified outcome goes to the National Panel"
            )
        }
        guard submitted <= clock.today else {
            throw .invalidField(path: "submittedToNationalPanel", rule: nil, problem: "\(submitted) is after today (\(clock.today))")
        }
        try SubmissionRules.checkSharing(
            request.sharedWith, ratifiedOn: ratification.ratifiedOn, today: clock.today, expected: handOver.agenciesAsked,
            referrer: handOver.referringAgency)
        let deadlines = CaseDeadlines(rapidReview: self, clock: clock)
        let t5Due = try deadlines.t5Due(afterMeetingOn: meeting.meetingDate)
        let t6Due = try deadlines.t6Due()
        let sharedWith = request.sharedWith.map { RapidReviewAPI.OutcomeShared(agency: $0.agency.trimmed, date: $0.date, referrer: $0.referrer) }
        return RapidReviewAPI.Submission(
            submittedToNationalPanel: submitted, sharedWith: sharedWith, late: submitted > t5Due, t6Met: submitted <= t6Due, recordedOn: clock.today,
            recordedBy: principal)
    }
}

/// R10's sharing rules.
enum SubmissionRules {
    /// Every relevant agency (those asked for scoping) and the referrer had the outcome, on
    /// dates between the ratification and today. `referrer` is the case's referring agency as
    /// intake handed it over: the entry marked as the referrer must be that agency (issue 15,
    /// item 10); a hand-over without it (made before it was added) accepts the agency marked.
    static func checkSharing(
        _ shared: [RapidReviewAPI.OutcomeShared], ratifiedOn: CivilDate, today: CivilDate, expected: [Agency], referrer: String? = nil
    ) throws(RapidReviewError) {
        guard !shared.isEmpty else {
            throw .invalidField(
                path: "sharedWith", rule: .r10, problem: "the outcome goes to every relevant agency, the referrer included; list them")
        }
        var seen = Set<String>()
        for (index, entry) in shared.enumerated() {
            if entry.agency.isBlank {
                throw .invalidField(path: "sharedWith[\(index)].agency", rule: .r10, problem: "name the agency")
            }
            if !seen.insert(entry.agency.agencyKey).inserted {
                throw .invalidField(path: "sharedWith[\(index)].agency", rule: .r10, problem: "\(entry.agency.trimmed) is listed twice")
            }
            if entry.date < ratifiedOn {
                throw .invalidField(
                    path: "sharedWith[\(index)].date", rule: .r10, problem: "\(entry.date) is before the ratification on \(ratifiedOn)")
            }
            if entry.date > today {
                throw .invalidField(path: "sharedWith[\(index)].date", rule: nil, problem: "\(entry.date) is after today (\(today))")
            }
        }
        if let referrer, !referrer.isBlank {
            guard let entry = shared.firstIndex(where: { $0.agency.agencyKey == referrer.agencyKey }) else {
                throw .invalidField(
                    path: "sharedWith", rule: .r10, problem: "the outcome is shared with the referrer too: \(referrer.trimmed) referred the case")
            }
            if let wrong = shared.firstIndex(where: { $0.referrer && $0.agency.agencyKey != referrer.agencyKey }) {
                throw .invalidField(
                    path: "sharedWith[\(wrong)].referrer", rule: .r10,
                    problem: "\(shared[wrong].agency.trimmed) did not refer the case; \(referrer.trimmed) did (sharedWith[\(entry)])")
            }
            if !shared[entry].referrer {
                throw .invalidField(
                    path: "sharedWith[\(entry)].referrer", rule: .r10, problem: "\(referrer.trimmed) referred the case: mark it (referrer: true)")
            }
        }
        guard shared.contains(where: \.referrer) else {
            throw .invalidField(
                path: "sharedWith", rule: .r10, problem: "the outcome is shared with the referrer too: mark the referring agency (referrer: true)")
        }
        if let missed = expected.first(where: { !seen.contains($0.name.agencyKey) }) {
            throw .invalidField(
                path: "sharedWith", rule: .r10, problem: "the outcome was not shared with \(missed.name), a relevant agency asked for scoping")
        }
    }
}
