import Contract
import WorkingDays

/// A case as the stages reported it, merged but not yet judged against today.
package struct MergedCase: Sendable, Equatable {
    /// A deadline and the stage that reported it.
    package struct ReportedDeadline: Sendable, Equatable {
        /// The deadline as the stage sent it.
        package var deadline: Deadline
        /// The stage that sent it.
        package var reportedBy: ServiceIdentity
    }

    /// The case.
    package var reference: CaseReference
    /// The latest stage reported.
    package var stage: CaseStage
    /// Every stage's milestones, by date.
    package var milestones: [Milestone]
    /// Every stage's deadlines, the later stage's winning a rule both report.
    package var deadlines: [ReportedDeadline]
    /// The stages that know the case, in workflow order.
    package var reportedBy: [ServiceIdentity]
    /// What the case's stage expects next: the step of the latest service reporting that stage.
    package var nextStep: String? = nil
}

/// Merges the stages' statuses by case reference.
///
/// - The stage is the latest in the workflow any service reports (`CaseStage` order): a case
///   that rapid-review reports as `rapidReview` while intake still says `intake` is at Rapid
///   Review; `closed` beats everything.
/// - Milestones are the union of every stage's, without repeats, by date.
/// - The next step is the one the latest service reporting the case's stage gives.
/// - Deadlines are the union too, except that when two stages report the same rule (intake
///   computes T6 when the referral arrives, rapid-review when it decides), the deadlines of the
///   later stage in the workflow win: it knows whether the rule was met.
package enum StatusMerge {
    /// The merged cases of `answers` (stage, statuses), in reference order.
    package static func merge(_ answers: [(stage: ServiceIdentity, statuses: [CaseStatus])]) -> [MergedCase] {
        var byReference: [CaseReference: [(ServiceIdentity, CaseStatus)]] = [:]
        for (stage, statuses) in answers {
            for status in statuses { byReference[status.reference, default: []].append((stage, status)) }
        }
        return byReference.keys.sorted().compactMap { reference in
            guard let reports = byReference[reference]?.sorted(by: { $0.0.workflowOrder < $1.0.workflowOrder }) else { return nil }
            return merge(reference, reports)
        }
    }

    private static func merge(_ reference: CaseReference, _ reports: [(ServiceIdentity, CaseStatus)]) -> MergedCase? {
        guard let stage = reports.map(\.1.stage).max(by: { stageOrder($0) < stageOrder($1) }) else { return nil }

        var milestones: [Milestone] = []
        for (_, status) in reports {
            for milestone in status.milestones where !milestones.contains(milestone) { milestones.append(milestone) }
        }
        // Stable: milestones of one date keep the order the stages gave.
        milestones = milestones.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)

        var latestStageOfRule: [TimescaleRule: Int] = [:]
        for (service, status) in reports {
            for deadline in status.deadlines { latestStageOfRule[deadline.rule] = max(latestStageOfRule[deadline.rule] ?? -1, service.workflowOrder) }
        }
        var deadlines: [MergedCase.ReportedDeadline] = []
        for (service, status) in reports {
            for deadline in status.deadlines where latestStageOfRule[deadline.rule] == service.workflowOrder {
                deadlines.append(MergedCase.ReportedDeadline(deadline: deadline, reportedBy: service))
            }
        }
        var services: [ServiceIdentity] = []
        for (service, _) in reports where !services.contains(service) { services.append(service) }
        // The next step belongs to the stage the case is at; an earlier stage's is history.
        let nextStep = reports.last { $0.1.stage == stage }?.1.nextStep
        return MergedCase(
            reference: reference, stage: stage, milestones: milestones, deadlines: deadlines, reportedBy: services, nextStep: nextStep)
    }

    /// A stage's place in the workflow.
    static func stageOrder(_ stage: CaseStage) -> Int { CaseStage.allCases.firstIndex(of: stage) ?? 0 }
}
