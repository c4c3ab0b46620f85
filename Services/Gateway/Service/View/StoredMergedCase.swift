import Contract
import WorkingDays

/// A merged case as the view keeps it: the stages by name. A stage this build does not know
/// (a newer gateway's row read by an older one) drops out rather than failing the read.
struct StoredMergedCase: Codable {
    struct StoredDeadline: Codable {
        var deadline: Deadline
        var reportedBy: String
    }

    var reference: CaseReference
    var stage: CaseStage
    var milestones: [Milestone]
    var deadlines: [StoredDeadline]
    var reportedBy: [String]
    /// Absent in rows written before next steps were kept.
    var nextStep: String?

    init(_ merged: MergedCase) {
        reference = merged.reference
        stage = merged.stage
        milestones = merged.milestones
        deadlines = merged.deadlines.map { StoredDeadline(deadline: $0.deadline, reportedBy: $0.reportedBy.name) }
        reportedBy = merged.reportedBy.map(\.name)
        nextStep = merged.nextStep
    }

    var merged: MergedCase {
        MergedCase(
            reference: reference, stage: stage, milestones: milestones,
            deadlines: deadlines.compactMap { stored in
                ServiceIdentity.named(stored.reportedBy).map { MergedCase.ReportedDeadline(deadline: stored.deadline, reportedBy: $0) }
            },
            reportedBy: reportedBy.compactMap(ServiceIdentity.named), nextStep: nextStep)
    }
}

extension MergedCase {
    /// The earliest due date not yet met, if any: what the view orders cases by.
    var nextDue: CivilDate? {
        deadlines.filter { $0.deadline.metOn == nil }.map(\.deadline.due).min()
    }
}
