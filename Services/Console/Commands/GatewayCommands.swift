import Contract
import Foundation

/// `cspr cases`, `cspr case <ref>`, `cspr summary`: the gateway's view of every case.
enum GatewayCommands {
    static func cases(_ session: Session) async throws {
        var request = GatewayAPI.ListCasesRequest()
        if let stage = session.line.values["stage"] {
            guard let parsed = CaseStage(rawValue: stage) else {
                throw ConsoleError.usage("--stage \"\(stage)\": use one of \(CaseStage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            request.stage = parsed
        }
        if session.line.flags.contains("overdue") { request.overdueOnly = true }
        if let text = session.line.values["due-within"] {
            guard let days = Int(text) else { throw ConsoleError.usage("--due-within \"\(text)\" is not a number of working days") }
            request.dueWithinWorkingDays = days
        }
        let page = try session.line.page()
        request.pageSize = GatewayAPI.ListCasesRequest.defaultPageSize
        request.offset = (page - 1) * GatewayAPI.ListCasesRequest.defaultPageSize
        let response = try await session.call(.gateway, GatewayAPI.listCases, request)
        if session.printedAsJSON(response) { return }
        var text = Formatting.header(asOf: response.asOf, today: CivilDateText(text: response.today.description), unavailable: response.unavailable)
        var table = TextTable(["CASE", "STAGE", "STATE", "NEXT", "DUE", "LEFT", "REPORTED BY"])
        for overview in response.cases {
            let next = overview.nextDeadline
            table.add([
                overview.reference.description, overview.stage.rawValue, overview.urgency.rawValue, next?.rule.rawValue ?? "-",
                next?.due.description ?? "-",
                next == nil ? "-" : Formatting.workingDaysLeft(next?.workingDaysLeft), overview.reportedBy.joined(separator: ","),
            ])
        }
        text += table.text
        if response.cases.count == response.total {
            text += "\(response.total) case\(response.total == 1 ? "" : "s")\n"
        } else {
            let shown = response.cases.isEmpty ? "none" : "\(response.offset + 1)-\(response.offset + response.cases.count)"
            text += "\(shown) of \(response.total) cases"
            text += response.offset + response.cases.count < response.total ? "; the next: --page \(page + 1)\n" : "\n"
        }
        session.print(text)
    }

    static func showCase(_ session: Session) async throws {
        let text = try session.line.word(1, "cspr case <case reference>")
        guard let reference = CaseReference(text) else {
            throw ConsoleError.usage("\"\(text)\" is not a case reference like SURREY-2025-0007")
        }
        let response = try await session.call(.gateway, GatewayAPI.getCase, .init(caseReference: reference))
        if session.printedAsJSON(response) { return }
        let overview = response.case
        var output =
            "Case \(overview.reference): stage \(overview.stage.rawValue), \(overview.urgency.rawValue); reported by \(overview.reportedBy.joined(separator: ", "))\n"
        if let step = overview.nextStep { output += "Next step: \(step)\n" }
        output += Formatting.header(asOf: response.asOf, today: CivilDateText(text: response.today.description), unavailable: response.unavailable)
        output += "\nDeadlines\n"
        var deadlines = TextTable(["RULE", "DUE", "WINDOW FROM", "STATE", "MET ON", "LEFT", "REPORTED BY"])
        for deadline in overview.deadlines {
            deadlines.add([
                deadline.rule.rawValue, deadline.due.description, deadline.earliest?.description ?? "-", deadline.status.rawValue,
                deadline.metOn?.description ?? "-", Formatting.workingDaysLeft(deadline.workingDaysLeft), deadline.reportedBy,
            ])
        }
        output += deadlines.text
        output += "\nMilestones\n"
        var milestones = TextTable(["DATE", "EVENT"])
        for milestone in overview.milestones { milestones.add([milestone.date.description, milestone.event]) }
        output += milestones.text
        session.print(output)
    }

    static func summary(_ session: Session) async throws {
        let response = try await session.call(.gateway, GatewayAPI.getSummary, .init())
        if session.printedAsJSON(response) { return }
        var text = Formatting.header(asOf: response.asOf, today: CivilDateText(text: response.today.description), unavailable: response.unavailable)
        text += "Cases: \(response.totalCases) (" + response.casesByStage.map { "\($0.stage.rawValue) \($0.count)" }.joined(separator: ", ") + ")\n"
        text += "Cases overdue: \(response.overdueCases)"
        text += response.overdueByRule.isEmpty ? "\n" : " (" + response.overdueByRule.map { "\($0.rule) \($0.count)" }.joined(separator: ", ") + ")\n"
        for timeliness in response.rapidReviewTimeliness {
            let share =
                timeliness.share.map { "\(Int(($0 * 100).rounded()))% (\(timeliness.withinTimescale) of \(timeliness.decided))" } ?? "none decided"
            text += "T6 within 15 working days, \(timeliness.period.rawValue) (\(timeliness.from) to \(timeliness.to)): \(share)\n"
        }
        session.print(text)
    }
}
