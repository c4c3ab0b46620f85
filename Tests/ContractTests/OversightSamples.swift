import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the oversight messages: parallel processes, delays (T7
/// extended), forecasts, the notice of delay (T8) and checkpoints, every field filled.
extension Samples {
    static let liaisonNote = ReviewManagementAPI.LiaisonNote(
        heldOn: date("2025-05-02"), with: .seniorInvestigatingOfficer, note: "Fictional: no contact with the father until charging")

    static let parallelProcess = ReviewManagementAPI.ParallelProcess(
        number: 1, kind: .criminalProceedings, description: "Fictional: Testshire Police investigation", status: .paused,
        updates: [
            .init(status: .ongoing, liaison: nil, recordedOn: date("2025-04-28"), recordedBy: "Rev.Team"),
            .init(status: .paused, liaison: liaisonNote, recordedOn: date("2025-05-02"), recordedBy: "Rev.Team"),
        ])

    static let recordParallelProcess = Pair(
        request: ReviewManagementAPI.RecordParallelProcessRequest(
            caseReference: reference, process: 1, kind: .criminalProceedings, description: "Fictional: Testshire Police investigation",
            status: .paused, liaison: liaisonNote),
        response: ReviewManagementAPI.RecordParallelProcessResponse(caseReference: reference, process: parallelProcess))

    static let t7Extended = Deadline(
        rule: .t7, subject: "local CSPR", due: date("2025-12-05"), originalDue: date("2025-10-07"), status: .open, ruleSet: .surrey2019)
    static let t8 = Deadline(
        rule: .t8, subject: "National Panel and Secretary of State informed", due: date("2025-06-02"), status: .met, metOn: date("2025-06-02"),
        ruleSet: .surrey2019)

    static let delayDecision = ReviewManagementAPI.DelayDecision(
        number: 1, requestedBy: "Testshire Police (SIO)", decidedBy: "Case Review Panel", decidedOn: date("2025-05-06"),
        reason: "Fictional: the police asked to delay contact with the family", previousDue: date("2025-10-07"), newDue: date("2025-12-05"),
        recordedOn: date("2025-05-06"), recordedBy: "Sam.Panel")

    static let recordDelayDecision = Pair(
        request: ReviewManagementAPI.RecordDelayDecisionRequest(
            caseReference: reference, requestedBy: "Testshire Police (SIO)", decidedBy: "Case Review Panel", decidedOn: date("2025-05-06"),
            reason: "Fictional: the police asked to delay contact with the family", newDue: date("2025-12-05")),
        response: ReviewManagementAPI.RecordDelayDecisionResponse(caseReference: reference, decision: delayDecision, deadlines: [t7Extended]))

    static let forecast = ReviewManagementAPI.CompletionForecast(
        number: 1, forecastCompletion: date("2026-02-27"), recordedOn: date("2025-06-02"), recordedBy: "Rev.Team")

    static let recordForecastCompletion = Pair(
        request: ReviewManagementAPI.RecordForecastCompletionRequest(caseReference: reference, forecastCompletion: date("2026-02-27")),
        response: ReviewManagementAPI.RecordForecastCompletionResponse(
            caseReference: reference, forecast: forecast,
            deadlines: [t7Extended, Deadline(rule: .t8, subject: t8.subject, due: date("2025-06-02"), status: .dueSoon, ruleSet: .surrey2019)]))

    static let delayNotice = ReviewManagementAPI.DelayNotice(
        number: 1, nationalPanelInformedOn: date("2025-06-02"), secretaryOfStateInformedOn: date("2025-06-02"),
        reason: "Fictional: the criminal trial is listed for January", recordedOn: date("2025-06-02"), recordedBy: "Rev.Team")

    static let recordDelayNotice = Pair(
        request: ReviewManagementAPI.RecordDelayNoticeRequest(
            caseReference: reference, nationalPanelInformedOn: date("2025-06-02"), secretaryOfStateInformedOn: date("2025-06-02"),
            reason: "Fictional: the criminal trial is listed for January"),
        response: ReviewManagementAPI.RecordDelayNoticeResponse(caseReference: reference, notice: delayNotice, deadlines: [t7Extended, t8]))

    static let checkpoint = ReviewManagementAPI.Checkpoint(
        number: 1, kind: .quality, heldOn: date("2025-06-10"), findings: "Fictional: the chronology lacks health entries",
        requestsToReviewer: ["Fictional: add the GP's entries"], recordedOn: date("2025-06-10"), recordedBy: "Sam.Panel")

    static let recordCheckpoint = Pair(
        request: ReviewManagementAPI.RecordCheckpointRequest(
            caseReference: reference, kind: .quality, heldOn: date("2025-06-10"), findings: "Fictional: the chronology lacks health entries",
            requestsToReviewer: ["Fictional: add the GP's entries"]),
        response: ReviewManagementAPI.RecordCheckpointResponse(caseReference: reference, checkpoint: checkpoint))

    /// GetReview with the oversight record filled in.
    static let reviewWithOversight: ReviewManagementAPI.Review = {
        var review = Samples.review
        review.deadlines = [t7Extended, t8]
        review.oversight = ReviewManagementAPI.Oversight(
            parallelProcesses: [parallelProcess], delayDecisions: [delayDecision], forecasts: [forecast], delayNotices: [delayNotice],
            checkpoints: [checkpoint])
        return review
    }()
}
