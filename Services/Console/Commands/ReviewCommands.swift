import Contract
import Foundation
import WorkingDays

/// `cspr review ...`: review-management's main steps from the terminal, for the Review Team, the
/// Case Review Panel and the board (each with their own token).
enum ReviewCommands {
    static let usage = """
        cspr review list [--state STATE] [--overdue] [--page N]
               review show <case>
               review terms <case> <terms.json | ->
               review agree-terms <case> <version> [--on YYYY-MM-DD]
               review document <case> [--version N]
               review chronology <case> [--csv]
               review report <case> <report.json | ->
               review approve <case> <version> [--on YYYY-MM-DD]
        """

    static func run(_ session: Session) async throws {
        switch try session.line.word(1, usage) {
        case "list": try await list(session)
        case "show": try await show(session)
        case "terms": try await draftTerms(session)
        case "agree-terms": try await agreeTerms(session)
        case "document": try await document(session)
        case "chronology": try await chronology(session)
        case "report": try await report(session)
        case "approve": try await approve(session)
        default: throw ConsoleError.usage(usage)
        }
    }

    static func reference(_ session: Session) throws -> CaseReference {
        let text = try session.line.word(2, usage)
        guard let reference = CaseReference(text) else { throw ConsoleError.usage("\"\(text)\" is not a case reference like SURREY-2025-0007") }
        return reference
    }

    static func version(_ session: Session) throws -> Int {
        let text = try session.line.word(3, usage)
        guard let version = Int(text), version >= 1 else { throw ConsoleError.usage("\"\(text)\" is not a version number (1, 2, ...)") }
        return version
    }

    /// `--on`, else today (`CSPR_TODAY` or the date in London), as the services judge it.
    static func on(_ session: Session) throws -> CivilDate {
        if let text = session.line.values["on"] {
            guard let date = CivilDate(text) else { throw ConsoleError.usage("--on \"\(text)\" is not a date YYYY-MM-DD") }
            return date
        }
        do {
            return try Today.fromEnvironment(session.io.environment).date
        } catch {
            throw ConsoleError.usage("\(error)")
        }
    }

    static func list(_ session: Session) async throws {
        var request = ReviewManagementAPI.ListReviewsRequest(overdueOnly: session.line.flags.contains("overdue") ? true : nil)
        if let text = session.line.values["state"] {
            guard let state = ReviewManagementAPI.ReviewState(rawValue: text) else {
                throw ConsoleError.usage("--state is one of " + ReviewManagementAPI.ReviewState.allCases.map(\.rawValue).joined(separator: ", "))
            }
            request.state = state
        }
        let page = try session.line.page()
        request.pageSize = ListPage.defaultSize
        request.offset = (page - 1) * ListPage.defaultSize
        let response = try await session.call(.reviewManagement, ReviewManagementAPI.listReviews, request)
        if session.printedAsJSON(response) { return }
        var table = TextTable(["CASE", "STATE", "KIND", "NEXT DEADLINE", "DUE", "OVERDUE"])
        for review in response.reviews {
            table.add([
                review.caseReference.description, review.state.rawValue, review.reviewKind?.rawValue ?? "-",
                review.nextDeadline?.rule.rawValue ?? "-", review.nextDeadline?.due.description ?? "-", review.overdue ? "yes" : "no",
            ])
        }
        let total = response.total ?? response.reviews.count
        session.print(
            table.text + Formatting.pageFooter("review", shown: response.reviews.count, offset: response.offset ?? 0, total: total, page: page))
    }

    static func show(_ session: Session) async throws {
        let review = try await session.call(.reviewManagement, ReviewManagementAPI.getReview, .init(caseReference: try reference(session)))
        if session.printedAsJSON(review) { return }
        var text = "Review \(review.caseReference): \(review.state.rawValue)"
        text += review.reviewKind.map { " (\($0.rawValue))" } ?? ""
        text += "; commissioned on \(review.commissionedOn)\n"
        text += "Next step: \(review.nextStep ?? "none here")\n"
        if let agreement = review.agreement {
            text += "Terms of reference: version \(agreement.version) agreed on \(agreement.agreedOn)"
            text += " (\(review.termsOfReference.count) version\(review.termsOfReference.count == 1 ? "" : "s"))\n"
        } else if let latest = review.termsOfReference.last {
            text += "Terms of reference: version \(latest.version) drafted on \(latest.writtenOn), not agreed\n"
        }
        if let reviewer = review.reviewTeam?.leadReviewer {
            text += "Lead reviewer: \(reviewer.name), appointed on \(reviewer.appointedOn)\n"
        }
        if let report = review.report, let latest = report.checklists.last {
            let missing = latest.entries.filter { !$0.met }.map(\.item.rawValue)
            text += "Report: version \(latest.version), V9 checklist " + (latest.passes ? "passed" : "missing \(missing.joined(separator: ", "))")
            text += report.approval.map { "; approved on \($0.on)" } ?? ""
            text += "\n"
        }
        text += "\nDeadlines\n" + Formatting.deadlines(review.deadlines)
        var milestones = TextTable(["DATE", "EVENT"])
        for milestone in review.milestones { milestones.add([milestone.date.description, milestone.event]) }
        session.print(text + "\nMilestones\n" + milestones.text)
    }

    static func draftTerms(_ session: Session) async throws {
        let reference = try reference(session)
        let data = try RequestInput.file(try session.line.word(3, usage), io: session.io)
        let terms = try RequestInput.decode(TermsOfReference.self, from: data, wrappedIn: "termsOfReference")
        let response = try await session.call(
            .reviewManagement, ReviewManagementAPI.draftTermsOfReference, .init(caseReference: reference, termsOfReference: terms))
        if session.printedAsJSON(response) { return }
        var text = "Terms of reference version \(response.version.version) drafted for \(reference)\n"
        text +=
            response.missingForAgreement.isEmpty
            ? "Every field V1 asks for is there: the Case Review Panel can agree it.\n"
            : "Before the panel can agree it (V1): \(response.missingForAgreement.joined(separator: ", "))\n"
        session.print(text)
    }

    static func agreeTerms(_ session: Session) async throws {
        let reference = try reference(session)
        let request = ReviewManagementAPI.AgreeTermsOfReferenceRequest(
            caseReference: reference, version: try version(session), agreedOn: try on(session))
        let response = try await session.call(.reviewManagement, ReviewManagementAPI.agreeTermsOfReference, request)
        if session.printedAsJSON(response) { return }
        session.print("Terms of reference version \(response.agreement.version) of \(reference) agreed on \(response.agreement.agreedOn)\n")
    }

    static func document(_ session: Session) async throws {
        var version: Int?
        if let text = session.line.values["version"] {
            guard let number = Int(text), number >= 1 else { throw ConsoleError.usage("--version \"\(text)\" is not a version number") }
            version = number
        }
        let response = try await session.call(
            .reviewManagement, ReviewManagementAPI.getTermsOfReferenceDocument, .init(caseReference: try reference(session), version: version))
        if session.printedAsJSON(response) { return }
        session.print(response.document.hasSuffix("\n") ? response.document : response.document + "\n")
    }

    static func chronology(_ session: Session) async throws {
        let csv = session.line.flags.contains("csv")
        let response = try await session.call(
            .reviewManagement, ReviewManagementAPI.getCombinedChronology, .init(caseReference: try reference(session), format: csv ? .csv : nil))
        if session.printedAsJSON(response) { return }
        if csv, let text = response.csv {
            session.print(text)
            return
        }
        var table = TextTable(["DATE", "TIME", "AGENCY", "PERIOD", "EVENT"])
        for entry in response.entries {
            table.add([entry.entry.date.description, entry.entry.time ?? "-", entry.agency, entry.entry.period.rawValue, entry.entry.event])
        }
        session.print(table.text + "\(response.entries.count) entries from \(response.sources.count) submissions\n")
    }

    static func report(_ session: Session) async throws {
        let reference = try reference(session)
        let data = try RequestInput.file(try session.line.word(3, usage), io: session.io)
        var object = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        object["caseReference"] = reference.description
        let body = (try? JSONSerialization.data(withJSONObject: object)) ?? data
        let request = try RequestInput.decode(ReviewManagementAPI.SubmitReportDraftRequest.self, from: body, wrappedIn: "report")
        let response = try await session.call(.reviewManagement, ReviewManagementAPI.submitReportDraft, request)
        if session.printedAsJSON(response) { return }
        let missing = response.checklist.entries.filter { !$0.met }.map { "\($0.item.rawValue)" + ($0.missing.map { ": \($0)" } ?? "") }
        var text = "Report version \(response.version.version) of \(reference) submitted\n"
        text += missing.isEmpty ? "The V9 checklist passes.\n" : "The V9 checklist is missing:\n" + missing.map { "  - \($0)\n" }.joined()
        session.print(text)
    }

    static func approve(_ session: Session) async throws {
        let reference = try reference(session)
        let request = ReviewManagementAPI.ReportVersionStepRequest(caseReference: reference, version: try version(session), on: try on(session))
        let response = try await session.call(.reviewManagement, ReviewManagementAPI.approveReport, request)
        if session.printedAsJSON(response) { return }
        session.print("Report version \(request.version) of \(reference) approved on \(request.on): it goes to publication.\n")
    }
}
