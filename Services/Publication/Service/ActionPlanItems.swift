import Contract
import WorkingDays

/// A case's action plan items (P6, Appendix 16) and what they say about the case: its stage,
/// its milestones and one deadline per item's target date. Shared by a published case's
/// `Publication` and by a case publication does not hold (a Rapid Review decided h or i).
struct ActionPlanItems: Sendable, Equatable {
    /// Every item, in number order, with its progress and closure.
    var items: [PublicationAPI.ActionPlanItem] = []

    /// What each item's deadline is about, as the status shows it (no names: the item's number).
    static func subject(_ number: Int) -> String { "action plan item \(number): target date" }

    /// True when every item is closed with evidence (and there is at least one).
    var allClosed: Bool { !items.isEmpty && items.allSatisfy { $0.status == .closed } }

    /// `actionPlan` while an item is open, `closed` once every item is closed; nil with no items.
    var stage: CaseStage? {
        guard !items.isEmpty else { return nil }
        return allClosed ? .closed : .actionPlan
    }

    /// The item numbered `number`, or NOT_FOUND naming `itemNumber`.
    func item(_ number: Int) throws(PublicationError) -> PublicationAPI.ActionPlanItem {
        guard let item = items.first(where: { $0.number == number }) else { throw .noActionPlanItem(number) }
        return item
    }

    /// Each item's target date as a deadline (rule P6), met on the day it was judged sustained.
    func deadlines(ruleSet: RuleSet, _ clock: CaseClock) -> [Deadline] {
        items.compactMap { item in
            Deadline.compute(
                Timescales.rule(.p6, ruleSet), from: item.targetDate, metOn: item.closure?.judgedOn, today: clock.today, calendar: clock.calendar,
                ruleSet: ruleSet, subject: Self.subject(item.number))
        }
    }

    /// The plan started (its first item), and closed (the last closure, once every item is closed).
    var milestones: [Milestone] {
        var reached: [Milestone] = []
        if let first = items.map(\.addedOn).min() { reached.append(Milestone(event: "actionPlanStarted", date: first)) }
        if allClosed, let last = items.compactMap(\.closure?.judgedOn).max() { reached.append(Milestone(event: "actionPlanClosed", date: last)) }
        return reached
    }
}

extension Publication {
    /// The case's action plan items.
    var actionPlan: ActionPlanItems { ActionPlanItems(items: actionItems) }

    /// The stage once published (or decided not to publish) with action plan items: `actionPlan`,
    /// then `closed`; nil before, when the case is still at publication.
    var actionPlanStage: CaseStage? {
        guard published != nil || notPublishingDecision != nil else { return nil }
        return actionPlan.stage
    }
}

/// A case's action plan as `AddActionPlanItem` and the calls after it see it: the publication
/// when this service holds one (the recommendations come from its hand-over), the items always.
/// A case publication does not hold (decided h or i) has items alone, its plan started by the
/// first one.
struct CaseActionPlan: Sendable {
    /// The case.
    var reference: CaseReference
    /// The publication, when held.
    var publication: Publication?
    /// The items, when publication does not hold the case (else they are the publication's).
    var ownItems: [PublicationAPI.ActionPlanItem]
    /// Every plan for sharing the review's learning, oldest first (§11.3.2).
    var learningPlans: [PublicationAPI.LearningPlan] = []

    /// The items, wherever they are held.
    var plan: ActionPlanItems { ActionPlanItems(items: publication?.actionItems ?? ownItems) }

    /// The rule set: the publication's, else the framework this service runs (T rules do not
    /// differ for P6).
    var ruleSet: RuleSet { publication?.ruleSet ?? .surrey2019 }

    /// The stage: the publication's when held, else the plan's.
    var stage: CaseStage { publication?.stage ?? plan.stage ?? .actionPlan }

    /// True when there is nothing to show: no publication and no item.
    var isEmpty: Bool { publication == nil && ownItems.isEmpty }

    /// The status: the publication's when held (its own stage, milestones and deadlines with
    /// the plan's), else the plan's alone.
    func status(_ clock: CaseClock) -> CaseStatus {
        if let publication { return publication.status(clock) }
        return CaseStatus(
            reference: reference, stage: stage, milestones: plan.milestones, deadlines: plan.deadlines(ruleSet: ruleSet, clock))
    }

    /// The view for `GetActionPlan`.
    func view(_ clock: CaseClock) -> PublicationAPI.ActionPlan {
        let numbers = Set(plan.items.compactMap(\.recommendationNumber))
        let without = (publication?.preparation.recommendations ?? []).map(\.number).filter { !numbers.contains($0) }
        return PublicationAPI.ActionPlan(
            caseReference: reference, stage: stage, items: plan.items, recommendationsWithoutItems: without,
            deadlines: plan.deadlines(ruleSet: ruleSet, clock), learningPlans: learningPlans)
    }

    /// The case with `item` added or replaced (same number).
    func with(_ item: PublicationAPI.ActionPlanItem) -> CaseActionPlan {
        var items = plan.items.filter { $0.number != item.number }
        items.append(item)
        items.sort { $0.number < $1.number }
        var updated = self
        if updated.publication != nil { updated.publication?.actionItems = items } else { updated.ownItems = items }
        return updated
    }
}
