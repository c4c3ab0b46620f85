import Contract
import WorkingDays

/// The deadlines and milestones of a case as intake sees it: T1, T2, T3, and T4 and T6 as
/// intake computed them (rapid-review judges those once it has the case).
enum IntakeDeadlines {
    static func deadlines(_ record: CaseRecord, today: CivilDate, calendar: WorkingCalendar, ruleSet: RuleSet) -> [Deadline] {
        var deadlines: [Deadline] = []
        func add(_ id: TimescaleRule, from anchor: CivilDate, metOn: CivilDate?, subject: String? = nil) {
            guard
                let deadline = Deadline.compute(
                    Timescales.rule(id, ruleSet), from: anchor, metOn: metOn, today: today, calendar: calendar, ruleSet: ruleSet, subject: subject)
            else { return }
            deadlines.append(deadline)
        }
        if let notification = record.notification {
            // T1: both the National Panel notification and the report to the partners.
            add(.t1, from: notification.becameAware, metOn: notification.notifiedNationalPanel, subject: "National Panel notified")
            add(.t1, from: notification.becameAware, metOn: notification.reportedToSafeguardingPartners, subject: "safeguarding partners told")
        }
        // T2: every relevant agency asked; met when the last of them was.
        add(.t2, from: record.anchor, metOn: record.requests.map(\.dateSent).max())
        // T3: every agency asked has returned its form.
        let allReturned = !record.requests.isEmpty && record.outstandingAgencies.isEmpty
        add(.t3, from: record.anchor, metOn: allReturned ? record.returns.map(\.dateReceived).max() : nil)
        // T4 and T6 stay in intake's report after the hand-over: until rapid-review has applied
        // it (a peer down, a partition) nobody else reports them, and the gateway lets the later
        // stage's report of a rule win once there is one.
        add(.t4, from: record.anchor, metOn: nil)
        add(.t6, from: t6Anchor(record, ruleSet: ruleSet), metOn: nil)
        return deadlines
    }

    /// T6 counts from the referral (surrey-2019) or from the National Panel notification
    /// (wt-2023, when there is one).
    static func t6Anchor(_ record: CaseRecord, ruleSet: RuleSet) -> CivilDate {
        if ruleSet == .workingTogether2023, let notified = record.notification?.notifiedNationalPanel { return notified }
        return record.anchor
    }

    static func milestones(_ record: CaseRecord) -> [Milestone] {
        var milestones: [Milestone] = []
        if let received = record.referral?.dateReceived { milestones.append(Milestone(event: "referralReceived", date: received)) }
        if let notification = record.notification {
            milestones.append(Milestone(event: "notificationReceived", date: notification.reportedToSafeguardingPartners ?? record.anchor))
        }
        if let sent = record.requests.map(\.dateSent).min() { milestones.append(Milestone(event: "scopingRequestsSent", date: sent)) }
        if !record.requests.isEmpty, record.outstandingAgencies.isEmpty, let last = record.returns.map(\.dateReceived).max() {
            milestones.append(Milestone(event: "scopingReturnsComplete", date: last))
        }
        if let handedOver = record.handedOverOn { milestones.append(Milestone(event: "handedToRapidReview", date: handedOver)) }
        return milestones.sorted { $0.date < $1.date }
    }

    static func status(_ record: CaseRecord, today: CivilDate, calendar: WorkingCalendar, ruleSet: RuleSet) -> CaseStatus {
        CaseStatus(
            reference: record.reference, stage: record.handedOverOn == nil ? .intake : .rapidReview, milestones: milestones(record),
            deadlines: deadlines(record, today: today, calendar: calendar, ruleSet: ruleSet))
    }
}
