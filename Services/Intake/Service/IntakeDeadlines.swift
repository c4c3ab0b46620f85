import Contract
import WorkingDays

/// The deadlines and milestones of a case as intake sees it: T1, T2 and T3 (per agency asked),
/// and T4 and T6 as intake computed them (rapid-review judges those once it has the case).
extension IntakeCase {
    /// Every deadline of the case judged on `clock`'s today, in rule order.
    ///
    /// Once the Rapid Review meeting was held (§4.5.2), only the deadlines met are reported: a
    /// form never returned, or a T1 never met, is then a recorded fact (the milestone
    /// `scopingClosedWithReturnsMissing`, GetCase's requests and returns), not an overdue
    /// deadline. Left out rather than given a new `DeadlineStatus`: every reader judges a
    /// deadline not met again on read (open, due soon, overdue), and a status value older readers
    /// do not know would make them refuse the whole status; left out, no reader needs to learn
    /// anything. T4 and T6 are rapid-review's from then on (it certainly has the case).
    func deadlines(clock: CaseClock, ruleSet: RuleSet) -> [Deadline] {
        // A merged case's deadlines are the case it was merged into (item 7).
        if mergedInto != nil { return [] }
        let (record, today, calendar) = (self, clock.today, clock.calendar)
        var deadlines: [Deadline] = []
        func add(_ id: TimescaleRule, from anchor: CivilDate, metOn: CivilDate?, subject: String? = nil) {
            guard
                let deadline = Deadline.compute(
                    Timescales.rule(id, ruleSet), from: anchor, metOn: metOn, today: today, calendar: calendar, ruleSet: ruleSet,
                    extendedTo: DeadlineExtension.extendedDue(record.extensions, id, subject: subject), subject: subject)
            else { return }
            if record.meetingHeldOn != nil && deadline.metOn == nil { return }
            deadlines.append(deadline)
        }
        if let notification = record.notification {
            // T1: both the National Panel notification and the report to the partners.
            add(.t1, from: notification.becameAware, metOn: notification.notifiedNationalPanel, subject: "National Panel notified")
            add(.t1, from: notification.becameAware, metOn: notification.reportedToSafeguardingPartners, subject: "safeguarding partners told")
        }
        if record.requests.isEmpty {
            // Nobody asked yet: one T2 and one T3 for the agencies still to be asked.
            add(.t2, from: record.anchor, metOn: nil)
            add(.t3, from: record.anchor, metOn: nil)
        } else {
            // T2 and T3 per agency asked (the subject names the agency, an organisation): one
            // agency that never returns is one open deadline, and the status counts "4 of 5".
            for request in record.requests { add(.t2, from: record.anchor, metOn: request.dateSent, subject: request.agency.name) }
            for request in record.requests {
                let returned = record.returns.first { AgencyKey.of($0.agency.name) == AgencyKey.of(request.agency.name) }
                add(.t3, from: record.anchor, metOn: returned?.dateReceived, subject: request.agency.name)
            }
        }
        // T4 and T6 stay in intake's report after the hand-over: until rapid-review has applied
        // it (a peer down, a partition) nobody else reports them, and the gateway lets the later
        // stage's report of a rule win once there is one.
        add(.t4, from: record.anchor, metOn: nil)
        add(.t6, from: t6Anchor(ruleSet: ruleSet), metOn: nil)
        return deadlines
    }

    /// T6's anchor (RULES.md, anchors made precise). surrey-2019 counts 15 working days "of
    /// becoming aware of the incident" (§4.2.2), and the local authority is a safeguarding
    /// partner: the earlier of the referral's receipt and the day the LA became aware. wt-2023
    /// counts from the notification sent to the National Panel, once there is one.
    func t6Anchor(ruleSet: RuleSet) -> CivilDate {
        if ruleSet == .workingTogether2023 { return notification?.notifiedNationalPanel ?? anchor }
        guard let aware = notification?.becameAware else { return anchor }
        return min(anchor, aware)
    }

    /// What has happened, in date order.
    var milestones: [Milestone] {
        let record = self
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
        if let merged = record.mergedOn { milestones.append(Milestone(event: "mergedIntoEarlierCase", date: merged)) }
        // §4.5.2: the meeting closes scoping; a form still missing is recorded, not chased.
        if let held = record.meetingHeldOn, !record.outstandingAgencies.isEmpty {
            milestones.append(Milestone(event: "scopingClosedWithReturnsMissing", date: held))
        }
        return milestones.sorted { $0.date < $1.date }
    }

    /// The case's stage here: intake until it is handed to the Rapid Review; closed once merged
    /// into another case (item 7).
    var stage: CaseStage {
        if mergedInto != nil { return .closed }
        return handedOverOn == nil ? .intake : .rapidReview
    }

    /// The status the gateway merges: no personal data.
    func status(clock: CaseClock, ruleSet: RuleSet) -> CaseStatus {
        // A flagged match of the child waits for a person (item 7): a step code, no personal data.
        let waiting = childMatches.contains { $0.state == .flagged }
        return CaseStatus(
            reference: reference, stage: stage, milestones: milestones, deadlines: deadlines(clock: clock, ruleSet: ruleSet),
            nextStep: waiting ? "confirmSameChild" : nil)
    }
}
