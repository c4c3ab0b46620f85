import Contract
import WorkingDays

extension Review {
    /// A decision to delay as recorded: who asked, who decided, when, why and T7's new date, each
    /// required, the new date after the current due date (RULES.md: a deadline is extended only
    /// by a recorded decision; §3.1.3).
    func decidingDelay(_ request: ReviewManagementAPI.RecordDelayDecisionRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.DelayDecision
    {
        guard let local = localCommission, let t7 = t7(clock) else {
            throw .outOfOrder(rule: .t7, problem: "no local review is commissioned: there is no T7 to extend")
        }
        guard let requestedBy = request.requestedBy, !requestedBy.isBlank else {
            throw .invalidField(path: "requestedBy", rule: .t7, problem: "say who asked for the delay")
        }
        guard let decidedBy = request.decidedBy, !decidedBy.isBlank else {
            throw .invalidField(path: "decidedBy", rule: .t7, problem: "an extension is a recorded decision: say who decided")
        }
        guard let decidedOn = request.decidedOn else {
            throw .invalidField(path: "decidedOn", rule: .t7, problem: "an extension is a recorded decision: say when it was decided")
        }
        guard decidedOn >= local.decidedOn, decidedOn <= clock.today else {
            throw .invalidField(
                path: "decidedOn", rule: .t7, problem: "\(decidedOn) is not between the commission (\(local.decidedOn)) and today (\(clock.today))")
        }
        guard let reason = request.reason, !reason.isBlank else {
            throw .invalidField(path: "reason", rule: .t7, problem: "an extension is a recorded decision: say why")
        }
        guard let newDue = request.newDue else {
            throw .invalidField(path: "newDue", rule: .t7, problem: "an extension is a recorded decision: give T7's new due date")
        }
        guard newDue > t7.due else {
            throw .invalidField(path: "newDue", rule: .t7, problem: "\(newDue) is not after T7's current due date \(t7.due)")
        }
        return ReviewManagementAPI.DelayDecision(
            number: delayDecisions.count + 1, requestedBy: requestedBy, decidedBy: decidedBy, decidedOn: decidedOn, reason: reason,
            previousDue: t7.due, newDue: newDue, recordedOn: clock.today, recordedBy: principal)
    }

    /// A completion forecast as recorded; one past T7's due date makes T8 due (§3.1.3).
    func forecasting(_ request: ReviewManagementAPI.RecordForecastCompletionRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.CompletionForecast
    {
        guard localCommission != nil else {
            throw .outOfOrder(rule: .t8, problem: "no local review is commissioned: there is no completion to forecast")
        }
        guard let forecast = request.forecastCompletion else {
            throw .invalidField(path: "forecastCompletion", rule: .t8, problem: "give the forecast completion date")
        }
        guard forecast >= clock.today else {
            throw .invalidField(path: "forecastCompletion", rule: .t8, problem: "\(forecast) is before today (\(clock.today))")
        }
        return ReviewManagementAPI.CompletionForecast(
            number: forecasts.count + 1, forecastCompletion: forecast, recordedOn: clock.today, recordedBy: principal)
    }

    /// The notice of delay to the National Panel and the Secretary of State, with the reason:
    /// only once a forecast passes T7's due date (T8, §3.1.3).
    func noticingDelay(_ request: ReviewManagementAPI.RecordDelayNoticeRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.DelayNotice
    {
        let current = t7(clock)
        guard let current, let forecast = forecastPassing(current.due) else {
            throw .outOfOrder(
                rule: .t8,
                problem:
                    "no completion forecast passes T7's due date\(current.map { " (\($0.due))" } ?? ""): the National Panel and the Secretary of State are informed when a delay would prevent completion in time"
            )
        }
        guard let panel = request.nationalPanelInformedOn else {
            throw .invalidField(path: "nationalPanelInformedOn", rule: .t8, problem: "say when the National Panel was informed")
        }
        guard let secretary = request.secretaryOfStateInformedOn else {
            throw .invalidField(path: "secretaryOfStateInformedOn", rule: .t8, problem: "say when the Secretary of State was informed")
        }
        for (path, date) in [("nationalPanelInformedOn", panel), ("secretaryOfStateInformedOn", secretary)] where date > clock.today {
            throw .invalidField(path: path, rule: .t8, problem: "\(date) is after today (\(clock.today))")
        }
        guard let reason = request.reason, !reason.isBlank else {
            throw .invalidField(path: "reason", rule: .t8, problem: "give the reason for the delay (forecast \(forecast.forecastCompletion))")
        }
        return ReviewManagementAPI.DelayNotice(
            number: delayNotices.count + 1, nationalPanelInformedOn: panel, secretaryOfStateInformedOn: secretary, reason: reason,
            recordedOn: clock.today, recordedBy: principal)
    }

    /// A progress or quality checkpoint with what it found and its written requests.
    func checkpointing(_ request: ReviewManagementAPI.RecordCheckpointRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.Checkpoint
    {
        guard request.heldOn >= commission.decisionDate, request.heldOn <= clock.today else {
            throw .invalidField(
                path: "heldOn", rule: nil,
                problem: "\(request.heldOn) is not between the commission (\(commission.decisionDate)) and today (\(clock.today))")
        }
        if request.findings.isBlank { throw .invalidField(path: "findings", rule: nil, problem: "say what the checkpoint found") }
        for (index, text) in request.requestsToReviewer.enumerated() where text.isBlank {
            throw .invalidField(path: "requestsToReviewer[\(index)]", rule: nil, problem: "a written request to the reviewer says what it asks")
        }
        return ReviewManagementAPI.Checkpoint(
            number: checkpoints.count + 1, kind: request.kind, heldOn: request.heldOn, findings: request.findings,
            requestsToReviewer: request.requestsToReviewer, recordedOn: clock.today, recordedBy: principal)
    }
}
