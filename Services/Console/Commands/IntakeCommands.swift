import Contract
import Foundation

/// `cspr referral submit`, `cspr notification record`, `cspr scoping send|return`: intake's
/// common calls from files.
enum IntakeCommands {
    static func referral(_ session: Session) async throws {
        let usage = "cspr referral submit <referral.json | ->"
        guard try session.line.word(1, usage) == "submit" else { throw ConsoleError.usage(usage) }
        let data = try RequestInput.file(try session.line.word(2, usage), io: session.io)
        let referral = try RequestInput.decode(Referral.self, from: data, wrappedIn: "referral")
        let response = try await session.call(.intake, IntakeAPI.submitReferral, .init(referral: referral))
        if session.printedAsJSON(response) { return }
        let opened = response.linkedToExistingCase ? "Linked to the existing case" : "Case opened:"
        session.print("\(opened) \(response.caseReference)\n" + Formatting.deadlines(response.deadlines))
    }

    static func notification(_ session: Session) async throws {
        let usage = "cspr notification record <notification.json | ->"
        guard try session.line.word(1, usage) == "record" else { throw ConsoleError.usage(usage) }
        let data = try RequestInput.file(try session.line.word(2, usage), io: session.io)
        let notification = try RequestInput.decode(SeriousIncidentNotification.self, from: data, wrappedIn: "notification")
        let response = try await session.call(.intake, IntakeAPI.recordNotification, .init(notification: notification))
        if session.printedAsJSON(response) { return }
        let what = response.openedNewCase ? "Case opened:" : response.linkedToExistingCase ? "Linked to the existing case" : "Recorded for"
        var text = "\(what) \(response.caseReference)\n"
        if response.notifiedLate { text += "The National Panel was notified after T1's due date.\n" }
        session.print(text + Formatting.deadlines(response.deadlines))
    }

    static func scoping(_ session: Session) async throws {
        let usage = "cspr scoping send|return <case> <file.json | ->"
        let action = try session.line.word(1, usage)
        let referenceText = try session.line.word(2, usage)
        guard let reference = CaseReference(referenceText) else {
            throw ConsoleError.usage("\"\(referenceText)\" is not a case reference like SURREY-2025-0007")
        }
        let data = try RequestInput.file(try session.line.word(3, usage), io: session.io)
        switch action {
        case "send": try await send(session, reference: reference, data: data)
        case "return": try await recordReturn(session, reference: reference, data: data)
        default: throw ConsoleError.usage(usage)
        }
    }

    /// The `SendScopingRequests` request of a file holding the list of requests, or the whole
    /// request; the case and the options of the command line win.
    static func sendRequest(_ session: Session, reference: CaseReference, data: Data) throws -> IntakeAPI.SendScopingRequestsRequest {
        var request: IntakeAPI.SendScopingRequestsRequest
        if let drafts = try? JSONCodecBridge.decode([IntakeAPI.ScopingRequestDraft].self, from: data) {
            request = IntakeAPI.SendScopingRequestsRequest(caseReference: reference, requests: drafts)
        } else {
            var object = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
            object["caseReference"] = reference.description
            let body = (try? JSONSerialization.data(withJSONObject: object)) ?? data
            do {
                request = try JSONCodecBridge.decode(IntakeAPI.SendScopingRequestsRequest.self, from: body)
            } catch {
                throw ConsoleError.refused(error)
            }
        }
        if let format = session.line.values["letter-format"] {
            guard let parsed = IntakeAPI.LetterFormat(rawValue: format) else { throw ConsoleError.usage("--letter-format: use text or markdown") }
            request.letterFormat = parsed
        }
        if let signatory = session.line.values["signatory"] { request.signatory = signatory }
        if let contact = session.line.values["queries-contact"] { request.queriesContact = contact }
        return request
    }

    static func send(_ session: Session, reference: CaseReference, data: Data) async throws {
        let response = try await session.call(.intake, IntakeAPI.sendScopingRequests, try sendRequest(session, reference: reference, data: data))
        if session.printedAsJSON(response) { return }
        var table = TextTable(["AGENCY", "SENT", "RETURN BY", "SENT LATE"])
        for request in response.requests {
            table.add([
                request.agency.name, request.dateSent.description, request.returnBy?.description ?? "-", request.sentLate == true ? "yes (T2)" : "no",
            ])
        }
        var text = "Scoping requests sent for \(reference)\n" + table.text + "\n" + Formatting.deadlines(response.deadlines)
        if session.line.flags.contains("letters") {
            for letter in response.letters { text += "\n--- letter to \(letter.agency) ---\n\(letter.text)\n" }
        } else {
            text += "\(response.letters.count) letter\(response.letters.count == 1 ? "" : "s") rendered (--letters prints them).\n"
        }
        session.print(text)
    }

    static func recordReturn(_ session: Session, reference: CaseReference, data: Data) async throws {
        let scopingReturn = try RequestInput.decode(ScopingReturn.self, from: data, wrappedIn: "scopingReturn")
        let response = try await session.call(
            .intake, IntakeAPI.recordScopingReturn, .init(caseReference: reference, scopingReturn: scopingReturn))
        if session.printedAsJSON(response) { return }
        var text = "Scoping return recorded for \(reference): \(response.returnedLate ? "late" : "on time") (T3 due \(response.deadline.due))\n"
        if response.othersWithheld == true {
            text += "Other agencies' returns are not shown to an agency's token.\n"
        } else {
            text +=
                response.outstanding.isEmpty
                ? "Every agency asked has returned.\n" : "Still to return: \(response.outstanding.joined(separator: ", "))\n"
        }
        session.print(text)
    }
}
