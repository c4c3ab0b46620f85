import Contract
import WorkingDays

/// R4's immediate actions followed up after the meeting (issue 15, item 11): marked done, and
/// a deadline each while open, whatever the outcome (a case closed with h or i included).
extension RapidReviewCase {
    /// The quorate meeting's immediate actions, each `done` when taken at the meeting or
    /// recorded as taken since.
    var immediateActions: [ActionItem] {
        guard let meeting = heldMeeting else { return [] }
        let taken = Set(actionsDone.map(\.action))
        return meeting.immediateAction.actions.enumerated().map { index, action in
            var current = action
            current.done = action.done || taken.contains(index + 1)
            return current
        }
    }

    /// An R4 deadline for each action still open that the meeting gave a by-when date: open,
    /// due soon or overdue until marked done, then no longer a deadline (the action done is
    /// recorded, with its date, in `actionsDone`). Its subject numbers the action and names who
    /// takes it (the action's own words stay off the dashboard).
    func actionDeadlines(_ clock: CaseClock) -> [Deadline] {
        let judge = DeadlineJudge(today: clock.today, calendar: clock.calendar)
        return immediateActions.enumerated().compactMap { index, action in
            guard let due = action.byWhen, !action.done else { return nil }
            return Deadline(
                rule: .r4, subject: "immediate action \(index + 1) by \(action.who.trimmed)", due: due, status: judge.status(due: due),
                ruleSet: ruleSet, calendar: clock.calendar.identifier)
        }
    }

    /// Records action `request.action` as taken: it must be one of the quorate meeting's, not
    /// already done, taken on or after the meeting and not after today.
    func recordingActionDone(_ request: RapidReviewAPI.RecordActionDoneRequest, by principal: String, clock: CaseClock) throws(RapidReviewError)
        -> RapidReviewAPI.ActionDone
    {
        guard let meeting = heldMeeting else {
            throw .outOfOrder(rule: .r4, problem: "immediate actions are agreed at the quorate meeting; none recorded yet (RecordMeeting)")
        }
        let actions = meeting.immediateAction.actions
        guard actions.indices.contains(request.action - 1) else {
            throw .invalidField(
                path: "action", rule: .r4, problem: "the meeting agreed \(actions.count) immediate actions; there is no action \(request.action)")
        }
        if actions[request.action - 1].done {
            throw .outOfOrder(rule: .r4, problem: "action \(request.action) was recorded as taken at the meeting")
        }
        if let done = actionsDone.first(where: { $0.action == request.action }) {
            throw .outOfOrder(rule: .r4, problem: "action \(request.action) was recorded as taken on \(done.doneOn)")
        }
        guard request.doneOn >= meeting.meetingDate else {
            throw .invalidField(path: "doneOn", rule: .r4, problem: "\(request.doneOn) is before the meeting (\(meeting.meetingDate)) that agreed it")
        }
        guard request.doneOn <= clock.today else {
            throw .invalidField(path: "doneOn", rule: nil, problem: "\(request.doneOn) is after today (\(clock.today))")
        }
        let note = request.note.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        return RapidReviewAPI.ActionDone(action: request.action, doneOn: request.doneOn, note: note, recordedOn: clock.today, recordedBy: principal)
    }
}
