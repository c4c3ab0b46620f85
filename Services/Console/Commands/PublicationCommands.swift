import Contract
import Foundation
import WorkingDays

/// `cspr publication ...`: publication's main steps from the terminal, for the publication
/// officer and the Partnership Support Team (their token), and the readers.
enum PublicationCommands {
    static let usage = """
        cspr publication list [--page N]
               publication show <case>
               publication copy <case> <nationalPanel|ofsted|secretaryOfState> [--on YYYY-MM-DD] [--version N]
               publication check <case> [--version N]
               publication sign-off <case> --by NAME --role ROLE [--on YYYY-MM-DD] [--version N]
               publication schedule <case> <YYYY-MM-DD> <address>
               publication published <case> <YYYY-MM-DD> <address>
               publication actions <case>
               publication yearly <year> [--csv]
        """

    static func run(_ session: Session) async throws {
        switch try session.line.word(1, usage) {
        case "list": try await list(session)
        case "show": try await show(session)
        case "copy": try await copy(session)
        case "check": try await check(session)
        case "sign-off": try await signOff(session)
        case "schedule": try await schedule(session)
        case "published": try await published(session)
        case "actions": try await actions(session)
        case "yearly": try await yearly(session)
        default: throw ConsoleError.usage(usage)
        }
    }

    static func reference(_ session: Session) throws -> CaseReference {
        let text = try session.line.word(2, usage)
        guard let reference = CaseReference(text) else { throw ConsoleError.usage("\"\(text)\" is not a case reference like SURREY-2025-0007") }
        return reference
    }

    /// The date at word `index`.
    static func date(_ session: Session, at index: Int) throws -> CivilDate {
        let text = try session.line.word(index, usage)
        guard let date = CivilDate(text) else { throw ConsoleError.usage("\"\(text)\" is not a date YYYY-MM-DD") }
        return date
    }

    /// `--version N`, checked before any call; nil when not given.
    static func versionOption(_ session: Session) throws -> Int? {
        guard let text = session.line.values["version"] else { return nil }
        guard let version = Int(text), version >= 1 else { throw ConsoleError.usage("--version \"\(text)\" is not a version number (1, 2, ...)") }
        return version
    }

    /// `--version`, else the version in force (the one to be published), read from GetPublication.
    static func version(_ session: Session, _ reference: CaseReference, given: Int?) async throws -> Int {
        if let given { return given }
        return try await session.call(.publication, PublicationAPI.getPublication, .init(caseReference: reference)).reportVersion
    }

    /// A recipient by its wire name, or the same in words with hyphens (`national-panel`).
    static func recipient(_ text: String) throws -> PublicationAPI.AdvanceCopyRecipient {
        let folded = text.lowercased().filter { $0 != "-" && $0 != "_" }
        guard let recipient = PublicationAPI.AdvanceCopyRecipient.allCases.first(where: { $0.rawValue.lowercased() == folded }) else {
            throw ConsoleError.usage(
                "\"\(text)\" is not a recipient: " + PublicationAPI.AdvanceCopyRecipient.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return recipient
    }

    static func list(_ session: Session) async throws {
        let page = try session.line.page()
        let request = PublicationAPI.ListPublicationsRequest(pageSize: ListPage.defaultSize, offset: (page - 1) * ListPage.defaultSize)
        let response = try await session.call(.publication, PublicationAPI.listPublications, request)
        if session.printedAsJSON(response) { return }
        var table = TextTable(["CASE", "STATE", "VERSION", "EARLIEST (T9)", "NEXT DEADLINE", "DUE", "OVERDUE"])
        for publication in response.publications {
            table.add([
                publication.caseReference.description, publication.state.rawValue, String(publication.reportVersion),
                publication.earliestPublicationDate?.description ?? "-", publication.nextDeadline?.rule.rawValue ?? "-",
                publication.nextDeadline?.due.description ?? "-", publication.overdue ? "yes" : "no",
            ])
        }
        session.print(
            table.text
                + Formatting.pageFooter(
                    "publication", shown: response.publications.count, offset: request.offset ?? 0, total: response.total, page: page))
    }

    static func show(_ session: Session) async throws {
        let publication = try await session.call(.publication, PublicationAPI.getPublication, .init(caseReference: try reference(session)))
        if session.printedAsJSON(publication) { return }
        session.print(PublicationText.show(publication))
    }

    static func copy(_ session: Session) async throws {
        let reference = try reference(session)
        let recipient = try recipient(try session.line.word(3, usage))
        let sentOn = try ReviewCommands.on(session)
        let version = try await version(session, reference, given: try versionOption(session))
        let response = try await session.call(
            .publication, PublicationAPI.recordAdvanceCopy,
            .init(caseReference: reference, recipient: recipient, reportVersion: version, sentOn: sentOn))
        if session.printedAsJSON(response) { return }
        var text = "Advance copy of \(response.copy.document.rawValue) version \(response.copy.reportVersion) of \(reference)"
        text += " sent to \(recipient.rawValue) on \(response.copy.sentOn)\n"
        if let earliest = response.earliestPublicationDate {
            text += "All three have it: the earliest publication date T9 allows is \(earliest)\n"
        } else {
            text += "Still to be sent (T9): \(response.advanceCopiesMissing.map(\.rawValue).joined(separator: ", "))\n"
        }
        session.print(text)
    }

    static func check(_ session: Session) async throws {
        let reference = try reference(session)
        let version = try await version(session, reference, given: try versionOption(session))
        let response = try await session.call(
            .publication, PublicationAPI.checkReportForDisclosure, .init(caseReference: reference, reportVersion: version))
        if session.printedAsJSON(response) { return }
        session.print(PublicationText.check(response.check, reference))
    }

    static func signOff(_ session: Session) async throws {
        let reference = try reference(session)
        guard let name = session.line.values["by"], !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConsoleError.usage("sign-off needs --by NAME (the person signing it off, P4)")
        }
        guard let role = session.line.values["role"], !role.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConsoleError.usage("sign-off needs --role ROLE (their role, P4)")
        }
        let on = try ReviewCommands.on(session)
        let version = try await version(session, reference, given: try versionOption(session))
        let response = try await session.call(
            .publication, PublicationAPI.signOffAnonymisation,
            .init(caseReference: reference, reportVersion: version, signedOffBy: name, role: role, signedOffOn: on))
        if session.printedAsJSON(response) { return }
        let signOff = response.signOff
        session.print(
            "Report version \(signOff.reportVersion) of \(reference) signed off by \(signOff.signedOffBy) (\(signOff.role)) on \(signOff.signedOffOn), after check \(signOff.checkNumber)\n"
        )
    }

    static func schedule(_ session: Session) async throws {
        let reference = try reference(session)
        let request = PublicationAPI.SchedulePublicationRequest(
            caseReference: reference, publicationDate: try date(session, at: 3), address: try session.line.word(4, usage))
        let response = try await session.call(.publication, PublicationAPI.schedulePublication, request)
        if session.printedAsJSON(response) { return }
        let schedule = response.schedule
        var text = "\(reference): \(schedule.document.rawValue) version \(schedule.reportVersion) scheduled for \(schedule.publicationDate)"
        text += " at \(schedule.address)\n\nDeadlines\n" + Formatting.deadlines(response.deadlines)
        session.print(text)
    }

    static func published(_ session: Session) async throws {
        let reference = try reference(session)
        let request = PublicationAPI.RecordPublishedRequest(
            caseReference: reference, publishedOn: try date(session, at: 3), address: try session.line.word(4, usage))
        let response = try await session.call(.publication, PublicationAPI.recordPublished, request)
        if session.printedAsJSON(response) { return }
        let published = response.published
        var text = "\(reference): \(published.document.rawValue) version \(published.reportVersion) published on \(published.publishedOn)"
        text += " at \(published.address)\n\nDeadlines\n" + Formatting.deadlines(response.deadlines)
        session.print(text)
    }

    static func actions(_ session: Session) async throws {
        let plan = try await session.call(.publication, PublicationAPI.getActionPlan, .init(caseReference: try reference(session)))
        if session.printedAsJSON(plan) { return }
        session.print(PublicationText.actions(plan))
    }

    static func yearly(_ session: Session) async throws {
        let text = try session.line.word(2, usage)
        guard let year = Int(text), (2000...2999).contains(year) else { throw ConsoleError.usage("\"\(text)\" is not a year like 2027") }
        let csv = session.line.flags.contains("csv")
        let response = try await session.call(.publication, PublicationAPI.getYearlyReport, .init(year: year, format: csv ? .csv : nil))
        if session.printedAsJSON(response) { return }
        if csv, let text = response.csv {
            session.print(text)
            return
        }
        guard let report = response.report else {
            session.print("no report for \(year)\n")
            return
        }
        session.print(PublicationText.yearly(report))
    }
}
