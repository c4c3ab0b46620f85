import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing

@Suite("cspr publication against the demo stack", .serialized)
struct PublicationConsoleTests {
    @Test(
        "the demo's case at publication: list, show, copy, check (clean, then a revision naming the child: findings by section and line, not the name), sign-off, schedule, published refused by T9, actions, yearly"
    )
    func publicationCommands() async throws {
        // demo.sh dates its steps from the machine's date: the services' today is the same day.
        let today = try await runCommand("date", ["+%Y-%m-%d"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        // The demo's meetings are quorate with the Surrey partners (R1), not the stack tests' own.
        let surrey = "localAuthority=Surrey County Council;police=Surrey Police;health=NHS Surrey Heartlands ICB"
        try await withStack(today: today, extra: ["CSPR_GATEWAY_CACHE_SECONDS": "0", "CSPR_SAFEGUARDING_PARTNERS": surrey]) { stack in
            let up = try await stack.up(demo: true)
            let line = try #require(up.split(separator: "\n").first { $0.contains(": at publication:") }, "\(up.suffix(1500))")
            let reference = try #require(CaseReference(line.split(separator: ":")[0].trimmingCharacters(in: .whitespaces)))
            func cspr(_ arguments: String..., as principal: String = "publication") async throws -> (status: Int32, stdout: String, stderr: String) {
                try await stack.cspr(["publication"] + arguments, as: principal)
            }

            let listed = try await cspr("list", as: "panel-viewer")
            #expect(listed.stdout.contains("\(reference)  scheduled  1"), "\(listed)")
            #expect(listed.stdout.hasSuffix("1-1 of 1 publication\n"), "\(listed)")

            let shown = try await cspr("show", reference.description)
            #expect(shown.stdout.hasPrefix("Publication \(reference): scheduled (report version 1); approved on \(today)"), "\(shown)")
            #expect(shown.stdout.contains("Reviewers: Robin Makebelieve"), "\(shown.stdout)")
            #expect(shown.stdout.contains("Next step: recordPublished"), "\(shown.stdout)")
            #expect(shown.stdout.contains("secretaryOfState  report    1        \(today)"), "\(shown.stdout)")
            #expect(shown.stdout.contains("Anonymisation gate (P4): passed; signed off by Demo Signer"), "\(shown.stdout)")
            let earliest = try #require(
                shown.stdout.split(separator: "\n").first { $0.hasPrefix("Earliest publication date (T9): ") }?.split(separator: " ").last
                    .map(String.init), "\(shown.stdout)")
            #expect(shown.stdout.contains("Scheduled: report version 1 for \(earliest) at https://partnership.example/cspr/\(reference)"))

            // A copy sent again today: the earliest date stays; an unknown recipient is a usage error.
            let copied = try await cspr("copy", reference.description, "national-panel")
            #expect(
                copied.stdout
                    == "Advance copy of report version 1 of \(reference) sent to nationalPanel on \(today)\nAll three have it: the earliest publication date T9 allows is \(earliest)\n",
                "\(copied)")
            let press = try await cspr("copy", reference.description, "the-press")
            #expect(press.status == 2 && press.stderr.contains("nationalPanel, ofsted, secretaryOfState"), "\(press)")

            let checked = try await cspr("check", reference.description)
            #expect(
                checked.stdout == "Check 2 of report version 1 of \(reference) on \(today): clean; a named person can sign it off (P4)\n",
                "\(checked)")
            // The demo signed version 1 off already: the service's refusal is printed as it is.
            let twice = try await cspr("sign-off", reference.description, "--by", "Pat Testsigner", "--role", "Business manager")
            #expect(twice.status == 1 && twice.stderr.hasPrefix("cspr: FAILED_PRECONDITION") && twice.stderr.contains("P4"), "\(twice)")
            let scheduled = try await cspr("schedule", reference.description, earliest, "https://partnership.example/r")
            #expect(
                scheduled.stdout.hasPrefix("\(reference): report version 1 scheduled for \(earliest) at https://partnership.example/r\n"),
                "\(scheduled)")
            let early = try await cspr("published", reference.description, today, "https://partnership.example/r")
            #expect(early.status == 1 && early.stderr.hasPrefix("cspr: FAILED_PRECONDITION") && early.stderr.contains("T9"), "\(early)")

            let actions = try await cspr("actions", reference.description, as: "case-review-panel")
            #expect(actions.stdout.hasPrefix("Action plan of \(reference) (stage publication)\nITEM  SOURCE"), "\(actions)")
            #expect(actions.stdout.contains("1     recommendation 1  Demo Health Board  Named Nurse for Safeguarding"), "\(actions.stdout)")
            #expect(actions.stdout.contains("amber  \(today)"), "\(actions.stdout)")

            let year = String(today.prefix(4))
            let yearly = try await cspr("yearly", year)
            #expect(yearly.stdout.hasPrefix("Yearly report \(year), judged on \(today)\n\nTimescales\nRULE"), "\(yearly)")
            let csv = try await cspr("yearly", year, "--csv")
            #expect(csv.stdout.hasPrefix("timescales\r\nrule,met,late,outsideWindow,open,extended,total\r\n"), "\(csv)")

            // A revision naming the demo's child: the check lists where, never the name itself.
            _ = try await stack.client("publication").call(
                PublicationAPI.reviseReport,
                .init(
                    caseReference: reference,
                    sections: ReportSections(
                        executiveSummary: "Fictional: a summary.", whatHappened: "Fictional: an injury.\nDemo Child Foxtrot was hurt."),
                    reason: "Fictional: a test of the gate"), deadline: .seconds(10), metadata: bearer(try stack.token("publication")))
            let found = try await cspr("check", reference.description)
            #expect(found.status == 0 && found.stdout.hasPrefix("Check 3 of report version 2 of \(reference) on \(today): "), "\(found)")
            #expect(found.stdout.contains("it cannot be scheduled or published (P4)\nSECTION"), "\(found.stdout)")
            #expect(found.stdout.contains("whatHappened  2     name"), "the child's name on line 2 of whatHappened: \(found.stdout)")
            #expect(found.stdout.contains("reviewerNotNamed"), "\(found.stdout)")
            #expect(!found.stdout.contains("Foxtrot") && !found.stderr.contains("Foxtrot"), "the matched text is never shown")
            let again = try await cspr("show", reference.description)
            #expect(again.stdout.contains("Anonymisation gate (P4): check 3 of version 2 on \(today) found"), "\(again.stdout)")
            #expect(again.stdout.contains("Still to be sent version 2: nationalPanel, ofsted, secretaryOfState"), "\(again.stdout)")

            // Revised again, naming the reviewer and no one else: clean, and signed off.
            _ = try await stack.client("publication").call(
                PublicationAPI.reviseReport,
                .init(
                    caseReference: reference,
                    sections: ReportSections(executiveSummary: "Fictional: a summary.", whatHappened: "Fictional: led by Robin Makebelieve."),
                    reason: "Fictional: the child's name taken out"), deadline: .seconds(10), metadata: bearer(try stack.token("publication")))
            let clean = try await cspr("check", reference.description)
            #expect(
                clean.stdout == "Check 4 of report version 3 of \(reference) on \(today): clean; a named person can sign it off (P4)\n", "\(clean)")
            let signed = try await cspr("sign-off", reference.description, "--by", "Pat Testsigner", "--role", "Business manager")
            #expect(
                signed.stdout == "Report version 3 of \(reference) signed off by Pat Testsigner (Business manager) on \(today), after check 4\n",
                "\(signed)")
            let passed = try await cspr("show", reference.description)
            #expect(passed.stdout.contains("Anonymisation gate (P4): passed; signed off by Pat Testsigner (Business manager)"), "\(passed.stdout)")
        }
    }
}
