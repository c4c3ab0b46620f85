import Contract
import WorkingDays

extension Publication {
    /// The steps reached, in date order (the order they were recorded within a day). Events
    /// and dates only: the status carries no names.
    var milestones: [Milestone] {
        var reached = [Milestone(event: "publicationPrepared", date: preparedOn)]
        reached += advanceCopies.map { Milestone(event: "advanceCopySent", date: $0.sentOn) }
        reached += schedules.map { Milestone(event: "publicationScheduled", date: $0.scheduledOn) }
        reached += delayNotices.map { Milestone(event: "delayNoticeSent", date: $0.informedOn) }
        if let decision = notPublishingDecision { reached.append(Milestone(event: "decidedNotToPublish", date: decision.decidedOn)) }
        reached += gateMilestones + planMilestones
        if let published {
            let event = published.document == .report ? "reportPublished" : "improvementsInformationPublished"
            reached.append(Milestone(event: event, date: published.publishedOn))
        }
        // The latest record of the submission is in force (a later one adds the acknowledgement).
        if let submission = repositorySubmissions.last {
            reached.append(Milestone(event: "repositorySubmitted", date: submission.submittedOn))
            if let acknowledged = submission.acknowledgedOn { reached.append(Milestone(event: "repositoryAcknowledged", date: acknowledged)) }
        }
        if let archived { reached.append(Milestone(event: "reportArchived", date: archived.archivedOn)) }
        reached += actionPlan.milestones
        // Stable by date: steps of one day keep the order they were recorded in.
        return reached.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// What T9 allows now for the document to be published: the earliest date, who lacks a copy.
    func t9Standing(_ clock: CaseClock) -> (earliest: CivilDate?, missing: [PublicationAPI.AdvanceCopyRecipient]) {
        AdvanceCopyRule.standing(advanceCopies, version: versionInForce, of: document, calendar: clock.calendar)
    }

    /// Every deadline that applies now, in rule order. None until a publication date is set.
    func deadlines(_ clock: CaseClock) -> [Deadline] {
        [t8(clock), t9(clock), t10(clock)].compactMap { $0 } + actionPlan.deadlines(ruleSet: ruleSet, clock)
    }

    /// The case as the gateway shows it: stage, milestones, deadlines; no personal data.
    func status(_ clock: CaseClock) -> CaseStatus {
        CaseStatus(reference: reference, stage: stage, milestones: milestones, deadlines: deadlines(clock), nextStep: nextStep(clock))
    }

    /// The full view for `GetPublication`.
    func view(_ clock: CaseClock) -> PublicationAPI.Publication {
        let t9 = t9Standing(clock)
        return PublicationAPI.Publication(
            caseReference: reference, state: state, stage: stage, preparation: preparation, preparedOn: preparedOn, reportVersion: reportVersion,
            advanceCopies: advanceCopies, earliestPublicationDate: t9.earliest, advanceCopiesMissing: t9.missing, schedules: schedules,
            published: published, repositorySubmissions: repositorySubmissions, delayNotices: delayNotices,
            notPublishingDecision: notPublishingDecision, document: document, milestones: milestones,
            deadlines: deadlines(clock), anonymisation: anonymisationView, planning: planningView, nextStep: nextStep(clock))
    }

    /// The summary for `ListPublications`: no personal data.
    func summary(_ clock: CaseClock) -> PublicationAPI.PublicationSummary {
        let status = status(clock)
        return PublicationAPI.PublicationSummary(
            caseReference: reference, state: state, stage: stage, reportVersion: reportVersion,
            earliestPublicationDate: t9Standing(clock).earliest,
            nextDeadline: status.nextDeadline, overdue: status.deadlines.contains { $0.status == .overdue })
    }
}
