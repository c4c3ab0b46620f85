import Contract
import WorkingDays

extension RapidReviewCase {
    /// Schedules (or reschedules) the meeting (§4.4.2). T4: a date that is not a working day
    /// 7-13 working days after the referral needs a reason; T6: so does a date after the
    /// Rapid Review's deadline. Once a quorate meeting is held there is nothing to schedule.
    func scheduling(_ request: RapidReviewAPI.ScheduleMeetingRequest, by principal: String, clock: CaseClock) throws(RapidReviewError)
        -> RapidReviewAPI.ScheduledMeeting
    {
        if let held = heldMeeting {
            throw .outOfOrder(rule: .t4, problem: "the Rapid Review meeting was held on \(held.meetingDate) (quorate); there is nothing to schedule")
        }
        guard request.date >= handOver.referralReceived else {
            throw .invalidField(
                path: "date", rule: .t4, problem: "\(request.date) is before the referral was received (\(handOver.referralReceived))")
        }
        let deadlines = CaseDeadlines(rapidReview: self, clock: clock)
        let window = try deadlines.t4Window()
        let t6Due = try deadlines.t6Due()
        let outsideT4Window = !clock.calendar.isWorkingDay(request.date) || request.date < window.earliest || request.date > window.latest
        let afterT6Deadline = request.date > t6Due
        let reason = request.reason?.trimmed
        if afterT6Deadline && reason.isBlank {
            throw .invalidField(
                path: "reason", rule: .t6,
                problem: "a meeting on \(request.date) is after the T6 deadline (\(t6Due)) for completing the Rapid Review; record the reason")
        }
        if outsideT4Window && reason.isBlank {
            let why = clock.calendar.isWorkingDay(request.date) ? "" : " (not a working day)"
            throw .invalidField(
                path: "reason", rule: .t4,
                problem:
                    "\(request.date)\(why) is outside the T4 window, \(window.earliest) to \(window.latest) (7-13 working days after the referral of \(handOver.referralReceived)); record the reason"
            )
        }
        return RapidReviewAPI.ScheduledMeeting(
            number: schedule.count + 1, date: request.date, format: request.format, outsideT4Window: outsideT4Window,
            afterT6Deadline: afterT6Deadline, reason: reason.isBlank ? nil : reason, scheduledOn: clock.today, scheduledBy: principal)
    }
}
