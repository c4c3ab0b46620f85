import Contract
import RPC
import ServiceKit
import Storage

/// The action plan's calls (P6, Appendix 16).
extension PublicationHandlers {
    /// The action plans, changed one transaction at a time: a case's plan with its publication
    /// when held, its status recorded last (the publication's status when held).
    var actionPlans: CaseChanges<CaseActionPlan> {
        CaseChanges(
            database: context.database, clock: { [context] in context.clock },
            load: { db, reference in try ActionPlanRows.load(db, reference: reference) }, status: { plan, clock in plan.status(clock) },
            missing: { PublicationError.noActionPlan($0) })
    }

    /// An item added, starting the plan when it is the first.
    func addActionPlanItem(_ request: PublicationAPI.AddActionPlanItemRequest, _ call: CallContext) async throws
        -> PublicationAPI.ActionPlanItemResponse
    {
        let (clock, principal, partnership) = (clock, principal(call), context.configuration.partnership)
        // Each call adds a record: once per idempotency key, so a retry adds nothing twice.
        return try await actionPlans.change(request.caseReference, call: call, request: request) { plan, tx in
            let item = try plan.adding(request, partnership: partnership, by: principal, clock: clock)
            try ActionPlanRows.add(item, of: plan.reference, tx)
            return .init(caseReference: plan.reference, item: item, stage: plan.with(item).stage)
        }
    }

    /// A progress update on an open item.
    func recordActionProgress(_ request: PublicationAPI.RecordActionProgressRequest, _ call: CallContext) async throws
        -> PublicationAPI.ActionPlanItemResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await actionPlans.change(request.caseReference, call: call, request: request) { plan, tx in
            let update = try plan.recordingProgress(request, by: principal, clock: clock)
            var item = try plan.plan.item(request.itemNumber)
            try ActionPlanRows.add(update, to: item, of: plan.reference, tx)
            item.progress.append(update)
            return .init(caseReference: plan.reference, item: item, stage: plan.with(item).stage)
        }
    }

    /// An open item closed on the evidence that its improvement is sustained.
    func closeActionPlanItem(_ request: PublicationAPI.CloseActionPlanItemRequest, _ call: CallContext) async throws
        -> PublicationAPI.ActionPlanItemResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await actionPlans.change(request.caseReference) { plan, tx in
            let closure = try plan.closing(request, by: principal, clock: clock)
            var item = try plan.plan.item(request.itemNumber)
            try ActionPlanRows.close(item, with: closure, of: plan.reference, tx)
            item.closure = closure
            item.status = .closed
            return .init(caseReference: plan.reference, item: item, stage: plan.with(item).stage)
        }
    }

    /// A case's action plan; NOT_FOUND when neither a publication nor a plan is held.
    func getActionPlan(_ request: PublicationAPI.CaseRequest, _ call: CallContext) async throws -> PublicationAPI.ActionPlan {
        let plan = try await actionPlans.facts(request.caseReference)
        guard !plan.isEmpty else { throw PublicationError.noActionPlan(request.caseReference) }
        return plan.view(clock)
    }
}
