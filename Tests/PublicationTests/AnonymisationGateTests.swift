import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The anonymisation gate (P4, V10): checked with the stages, signed off, then scheduled.
@Suite("The anonymisation gate")
struct AnonymisationGateTests {
    static let copiesOn = Fixtures.date("2027-01-04")
    static let earliest = Fixtures.date("2027-01-13")
    static let mother = StandInDisclosureStages.Person(whose: "mother", name: "Marigold Quillfeather")

    /// The fixture's text with `whatHappened` replaced.
    static func sections(whatHappened: String, reviewers: String = "Fictional: led by Jo Example.", title: String = "The reviewers")
        -> ReportSections
    {
        var sections = Fixtures.preparation(Fixtures.reference(1)).sections
        sections.whatHappened = whatHappened
        sections.otherSections = [.init(title: title, text: reviewers)]
        return sections
    }

    @Test("P4: SchedulePublication and RecordPublished are refused until the version has a clean check and a sign-off, naming P4")
    func p4ScheduleNeedsCleanCheckAndSignOff() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Self.copiesOn)
            try await harness.expectRefused(reference, .failedPrecondition, "P4: report version 1 has not been checked for disclosure") {
                try await harness.schedule(reference, on: Self.earliest)
            }
            let check = try await harness.checkDisclosure(reference)
            #expect(check.clean && check.number == 1 && check.checkedBy == "Pub.Comms" && check.checkedOn == Fixtures.today)
            #expect(harness.stages.timesAsked(.intake) == 1 && harness.stages.timesAsked(.reviewManagement) == 1)
            try await harness.expectRefused(reference, .failedPrecondition, "P4: report version 1 was checked clean but not signed off") {
                try await harness.schedule(reference, on: Self.earliest)
            }
            let signOff = try await harness.signOff(reference)
            #expect(signOff.checkNumber == 1 && signOff.signedOffBy == "Fictional Signer" && signOff.role == "Partnership business manager")
            #expect(try await harness.schedule(reference, on: Self.earliest).schedule.reportVersion == 1)
            let publication = try await harness.publication(reference)
            #expect(publication.anonymisation?.passed == true)
            #expect(publication.milestones.map(\.event).contains("anonymisationSignedOff"))
        }
    }

    @Test("P4: a report naming the child's mother has a finding with its section, offset and line, no text; it cannot be signed off or scheduled")
    func p4MotherNamedRefused() async throws {
        try await withPrepared(1) { harness, reference in
            harness.stages.hold(.intake, Self.mother)
            try await harness.revise(reference, sections: Self.sections(whatHappened: "Fictional: first line.\nThen Marigold Quillfeather called."))
            try await harness.recordAllAdvanceCopies(reference, version: 2, sentOn: Self.copiesOn)
            let check = try await harness.checkDisclosure(reference, version: 2)
            #expect(!check.clean)
            #expect(
                check.findings == [
                    .init(kind: .name, whose: "mother", foundBy: "intake", section: "whatHappened", offset: 28, length: 21, line: 2)
                ])
            // The positions are kept, never the name.
            let rows = try await harness.tableRows().filter { $0.hasPrefix("disclosure_checks") }
            #expect(rows.count == 1 && !rows.contains { $0.contains("Marigold") })
            try await harness.expectRefused(reference, .failedPrecondition, "P4: the latest check of report version 2 (check 1) has 1 findings") {
                try await harness.signOff(reference, version: 2)
            }
            try await harness.expectRefused(reference, .failedPrecondition, "P4: the latest check of report version 2 (check 1) has 1 findings") {
                try await harness.schedule(reference, on: Self.earliest)
            }
        }
    }

    @Test(
        "P4, V10: a practitioner named, the genogram mentioned in any case, and the lead reviewer not named are each a finding of their own kind"
    )
    func p4v10OwnFindings() async throws {
        try await withPrepared(1) { harness, reference in
            harness.stages.hold(.reviewManagement, .init(whose: "agency contact", name: "Robin Practitioner", kind: .practitionerName))
            let sections = Self.sections(
                whatHappened: "Fictional: Robin Practitioner drew a GenoGram.", reviewers: "Fictional: a reviewer.", title: "Genogram")
            try await harness.revise(reference, sections: sections)
            let check = try await harness.checkDisclosure(reference, version: 2)
            #expect(
                check.findings == [
                    .init(
                        kind: .practitionerName, whose: "agency contact", foundBy: "review-management", section: "whatHappened", offset: 11,
                        length: 18, line: 1),
                    .init(kind: .genogram, foundBy: "publication", section: "whatHappened", offset: 37, length: 8, line: 1),
                    .init(kind: .genogram, foundBy: "publication", section: "otherSections[0].title", offset: 0, length: 8, line: 1),
                    .init(kind: .reviewerNotNamed, whose: "lead reviewer", foundBy: "publication"),
                ])
        }
    }

    @Test("P4: any revision is a new version: the old version's check, sign-off and copies no longer count; the new one is checked again")
    func p4RevisionChecksAgain() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Self.copiesOn)
            try await harness.passAnonymisationGate(reference)
            let revised = try await harness.revise(reference, sections: Self.sections(whatHappened: "Fictional: Child A was hurt."))
            #expect(revised.revision.reportVersion == 2)
            #expect(revised.advanceCopiesMissing == [.nationalPanel, .ofsted, .secretaryOfState])
            try await harness.expectRefused(reference, .failedPrecondition, "T9: no advance copy of report version 2") {
                try await harness.schedule(reference, on: Self.earliest)
            }
            try await harness.recordAllAdvanceCopies(reference, version: 2, sentOn: Self.copiesOn)
            try await harness.expectRefused(reference, .failedPrecondition, "P4: report version 2 has not been checked for disclosure") {
                try await harness.schedule(reference, on: Self.earliest)
            }
            try await harness.expectRefused(reference, .invalidArgument, "reportVersion: P4: version 1 is not the version to be published (2)") {
                try await harness.checkDisclosure(reference, version: 1)
            }
            try await harness.passAnonymisationGate(reference, version: 2)
            #expect(try await harness.schedule(reference, on: Self.earliest).schedule.reportVersion == 2)
            let publication = try await harness.publication(reference)
            #expect(publication.reportVersion == 2)
            #expect(publication.anonymisation?.revisions.map(\.reportVersion) == [2])
            #expect(publication.anonymisation?.checks.map(\.reportVersion) == [1, 2])
        }
    }

    @Test("P4: a check whose findings come after a sign-off closes the gate again until a clean check is signed off")
    func p4LaterFindingsCloseTheGate() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Self.copiesOn)
            try await harness.passAnonymisationGate(reference)
            // A person intake records later happens to be named in the text.
            harness.stages.hold(.intake, .init(whose: "uncle", name: "Dana Sample"))
            #expect(try await harness.checkDisclosure(reference).clean == false)
            try await harness.expectRefused(reference, .failedPrecondition, "P4: the latest check of report version 1 (check 2) has 1 findings") {
                try await harness.schedule(reference, on: Self.earliest)
            }
        }
    }

    @Test(
        "P4: a sign-off is refused without a name or role, for another version, twice for one clean check, or dated outside the check..today",
        arguments: [
            ("", "Partnership business manager", 1, "2027-01-11", RPCCode.invalidArgument, "signedOffBy: P4:"),
            ("Fictional Signer", " ", 1, "2027-01-11", .invalidArgument, "role: P4:"),
            ("Fictional Signer", "Partnership business manager", 2, "2027-01-11", .invalidArgument, "reportVersion: P4:"),
            ("Fictional Signer", "Partnership business manager", 1, "2027-01-12", .invalidArgument, "signedOffOn: P4:"),
            ("Fictional Signer", "Partnership business manager", 1, "2027-01-10", .invalidArgument, "signedOffOn: P4:"),
            ("again", "Partnership business manager", 1, "2027-01-11", .failedPrecondition, "P4: report version 1 was signed off on 2027-01-11"),
        ])
    func p4SignOffChecked(name: String, role: String, version: Int, date: String, code: RPCCode, prefix: String) async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(reference, .failedPrecondition, "P4: report version 1 has not been checked") {
                try await harness.signOff(reference)
            }
            try await harness.checkDisclosure(reference)
            if name == "again" { try await harness.signOff(reference) }
            try await harness.expectRefused(reference, code, prefix) {
                try await harness.signOff(reference, version: version, by: name, role: role, on: Fixtures.date(date))
            }
        }
    }

    @Test("P4: a stage that does not answer fails the check UNAVAILABLE naming it; nothing is recorded, never clean by default")
    func p4StageDownFailsTheCheck() async throws {
        let stages = try StandInDisclosureStages()
        let harness = try await Harness.start(peers: [.intake: stages.port, .reviewManagement: try freePort()])
        try await withStopping(
            harness,
            stop: {
                await $0.stop(); await stages.stop()
            }
        ) { harness in
            let reference = Fixtures.reference(1)
            try await harness.prepare(Fixtures.preparation(reference))
            try await harness.expectRefused(reference, .unavailable, "P4: review-management did not answer CheckDisclosure") {
                try await harness.checkDisclosure(reference)
            }
            #expect(try await harness.publication(reference).anonymisation?.checks == [])
        }
    }

    @Test("P4: RecordPublished needs the gate too; a revision without text or reason is refused naming the field; none after publication (T10)")
    func p4RevisionChecked() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(reference, .invalidArgument, "sections: P4: the revision has no text") {
                try await harness.revise(reference, sections: ReportSections())
            }
            try await harness.expectRefused(reference, .invalidArgument, "reason: P4:") {
                try await harness.revise(reference, sections: Self.sections(whatHappened: "Fictional."), reason: " ")
            }
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"))
            try await harness.expectRefused(reference, .failedPrecondition, "P4: report version 1 has not been checked for disclosure") {
                try await harness.recordPublished(reference, on: Fixtures.today)
            }
            try await harness.passAnonymisationGate(reference)
            try await harness.recordPublished(reference, on: Fixtures.today)
            try await harness.expectRefused(reference, .failedPrecondition, "T10: report version 1 was published on 2027-01-11") {
                try await harness.revise(reference, sections: Self.sections(whatHappened: "Fictional."))
            }
        }
    }
}
